#include "app/pack_worker.h"

#include <utility>

namespace chronicle {

PackWorker::PackWorker(std::function<void()> on_result) : on_result_(std::move(on_result)), thread_([this] { run(); }) {}

PackWorker::~PackWorker() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void PackWorker::submit(std::vector<LoadJob> jobs) {
    if (jobs.empty()) return;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (LoadJob& job : jobs) jobs_.push_back(std::move(job));
    }
    wake_.notify_all();
}

std::vector<LoadDone> PackWorker::take_results() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::exchange(results_, {});
}

void PackWorker::hold(bool held) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        held_ = held;
    }
    wake_.notify_all();
}

void PackWorker::wait_idle() {
    hold(false);
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [this] { return jobs_.empty() && !busy_; });
}

void PackWorker::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stop_ || (!held_ && !jobs_.empty()); });
        if (stop_) return;
        const LoadJob job = std::move(jobs_.front());
        jobs_.pop_front();
        busy_ = true;
        lock.unlock();
        LoadDone done = run_load_job(job);
        lock.lock();
        results_.push_back(std::move(done));
        busy_ = false;
        if (jobs_.empty()) idle_.notify_all();
        lock.unlock();
        on_result_();
        lock.lock();
    }
}

} // namespace chronicle
