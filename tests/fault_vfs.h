// SQLite's way of testing faults: a VFS that wraps the default "unix" one and, while
// it is registered as the default, makes one chosen operation fail, drops every write
// from one operation on (a crash), or plays a file or folder that cannot be written.
#pragma once
#include <sqlite3.h>

namespace chronicle::test {

class FaultVfs {
public:
    // Registers as the default VFS, so every connection opened from now goes through it.
    FaultVfs();
    // Unregisters: "unix" is the default again.
    ~FaultVfs();
    FaultVfs(const FaultVfs&) = delete;
    FaultVfs& operator=(const FaultVfs&) = delete;

    // Operations counted so far: each xOpen, xWrite, xSync and xTruncate.
    int operations() const { return operations_; }
    // The `n`th operation (1 for the first) fails with `rc`.
    void fail_at(int n, int rc) {
        fail_at_ = n;
        fail_rc_ = rc;
    }
    // From the `n`th operation on, writes, syncs, truncations and deletions do nothing
    // and say they worked: the machine stopped there, though the program goes on.
    void crash_at(int n) { crash_at_ = n; }
    // True once the chosen operation has failed or the crash has begun.
    bool struck() const { return struck_; }
    // The save opens read-only, as a file without write permission does.
    void read_only_databases() { read_only_databases_ = true; }
    // Journals cannot be created, as in a folder without write permission; the OS says
    // `os_errno`.
    void refuse_journals(int os_errno) { refuse_journals_errno_ = os_errno; }

private:
    friend struct FaultFile;
    // Counts an operation; true when it is the one to fail.
    bool fails_now();
    bool crashed() const { return crash_at_ > 0 && operations_ >= crash_at_; }

    static int open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags);
    static int remove(sqlite3_vfs* vfs, const char* name, int sync_dir);
    static int access(sqlite3_vfs* vfs, const char* name, int flags, int* out);
    static int full_pathname(sqlite3_vfs* vfs, const char* name, int size, char* out);
    static int randomness(sqlite3_vfs* vfs, int size, char* out);
    static int sleep(sqlite3_vfs* vfs, int microseconds);
    static int current_time(sqlite3_vfs* vfs, double* out);
    static int last_error(sqlite3_vfs* vfs, int size, char* out);
    static int current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* out);

    sqlite3_vfs* real_;
    sqlite3_vfs vfs_{};
    int operations_ = 0;
    int fail_at_ = 0;
    int fail_rc_ = SQLITE_OK;
    int crash_at_ = 0;
    bool struck_ = false;
    bool read_only_databases_ = false;
    int refuse_journals_errno_ = 0;
    int last_errno_ = 0; // what xGetLastError reports for a refusal made here
};

} // namespace chronicle::test
