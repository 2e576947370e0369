// One thread that runs core's load jobs (packs to index, the pack to play) in the
// order given, so that the window never waits for a big pack. It sleeps when there is
// nothing to do; after each result it calls `on_result` (on its own thread) so that
// the window wakes and takes the results on the main thread.
#pragma once
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "core/play/pack_index.h"

namespace chronicle {

class PackWorker {
public:
    explicit PackWorker(std::function<void()> on_result);
    // Finishes the job being run, drops the others.
    ~PackWorker();
    PackWorker(const PackWorker&) = delete;
    PackWorker& operator=(const PackWorker&) = delete;

    void submit(std::vector<LoadJob> jobs);
    std::vector<LoadDone> take_results();
    // While held, no new job starts (tests show packs still loading).
    void hold(bool held);
    // Blocks until every job submitted has its result (releasing a hold).
    void wait_idle();

private:
    void run();

    std::function<void()> on_result_;
    std::mutex mutex_;
    std::condition_variable wake_; // a job, a release or the end
    std::condition_variable idle_; // the last job finished
    std::deque<LoadJob> jobs_;
    std::vector<LoadDone> results_;
    bool busy_ = false;
    bool held_ = false;
    bool stop_ = false;
    std::thread thread_; // last: starts once the rest is ready
};

} // namespace chronicle
