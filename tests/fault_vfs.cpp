#include "fault_vfs.h"

#include <cerrno>
#include <stdexcept>

namespace chronicle::test {

namespace {
FaultVfs* owner_of(sqlite3_vfs* vfs) { return static_cast<FaultVfs*>(vfs->pAppData); }
} // namespace

// The file SQLite holds: ours, with the real one right after it in the same block.
struct FaultFile {
    sqlite3_file base;
    FaultVfs* owner;
    sqlite3_file* real;

    static FaultFile& of(sqlite3_file* f) { return *reinterpret_cast<FaultFile*>(f); }
    static sqlite3_file* real_of(sqlite3_file* f) { return of(f).real; }

    static int close(sqlite3_file* f) {
        const int rc = real_of(f)->pMethods ? real_of(f)->pMethods->xClose(real_of(f)) : SQLITE_OK;
        f->pMethods = nullptr;
        return rc;
    }
    static int read(sqlite3_file* f, void* out, int amount, sqlite3_int64 offset) {
        return real_of(f)->pMethods->xRead(real_of(f), out, amount, offset);
    }
    static int write(sqlite3_file* f, const void* data, int amount, sqlite3_int64 offset) {
        FaultVfs& vfs = *of(f).owner;
        if (vfs.fails_now()) return vfs.fail_rc_;
        if (vfs.crashed()) return SQLITE_OK;
        return real_of(f)->pMethods->xWrite(real_of(f), data, amount, offset);
    }
    static int truncate(sqlite3_file* f, sqlite3_int64 size) {
        FaultVfs& vfs = *of(f).owner;
        if (vfs.fails_now()) return vfs.fail_rc_;
        if (vfs.crashed()) return SQLITE_OK;
        return real_of(f)->pMethods->xTruncate(real_of(f), size);
    }
    // Counted and failed, never passed on: a crash is played by dropping writes, so the
    // disk need not be flushed, and the test runs thousands of commits in seconds.
    static int sync(sqlite3_file* f, int) {
        FaultVfs& vfs = *of(f).owner;
        return vfs.fails_now() ? vfs.fail_rc_ : SQLITE_OK;
    }
    static int file_size(sqlite3_file* f, sqlite3_int64* size) { return real_of(f)->pMethods->xFileSize(real_of(f), size); }
    static int lock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xLock(real_of(f), level); }
    static int unlock(sqlite3_file* f, int level) { return real_of(f)->pMethods->xUnlock(real_of(f), level); }
    static int check_reserved_lock(sqlite3_file* f, int* out) {
        return real_of(f)->pMethods->xCheckReservedLock(real_of(f), out);
    }
    static int file_control(sqlite3_file* f, int op, void* arg) {
        return real_of(f)->pMethods->xFileControl(real_of(f), op, arg);
    }
    static int sector_size(sqlite3_file* f) { return real_of(f)->pMethods->xSectorSize(real_of(f)); }
    static int device_characteristics(sqlite3_file* f) {
        return real_of(f)->pMethods->xDeviceCharacteristics(real_of(f));
    }
};

namespace {
// Version 1: no shared memory (the save uses a rollback journal) and no memory mapping.
const sqlite3_io_methods kFaultMethods = {
    1,
    FaultFile::close,
    FaultFile::read,
    FaultFile::write,
    FaultFile::truncate,
    FaultFile::sync,
    FaultFile::file_size,
    FaultFile::lock,
    FaultFile::unlock,
    FaultFile::check_reserved_lock,
    FaultFile::file_control,
    FaultFile::sector_size,
    FaultFile::device_characteristics,
    nullptr, nullptr, nullptr, nullptr, nullptr, nullptr,
};
} // namespace

FaultVfs::FaultVfs() : real_(sqlite3_vfs_find("unix")) {
    if (!real_) throw std::runtime_error("SQLite has no \"unix\" VFS");
    vfs_.iVersion = 2;
    vfs_.szOsFile = static_cast<int>(sizeof(FaultFile)) + real_->szOsFile;
    vfs_.mxPathname = real_->mxPathname;
    vfs_.zName = "chronicle-fault";
    vfs_.pAppData = this;
    vfs_.xOpen = open;
    vfs_.xDelete = remove;
    vfs_.xAccess = access;
    vfs_.xFullPathname = full_pathname;
    vfs_.xRandomness = randomness;
    vfs_.xSleep = sleep;
    vfs_.xCurrentTime = current_time;
    vfs_.xGetLastError = last_error;
    vfs_.xCurrentTimeInt64 = current_time_int64;
    sqlite3_vfs_register(&vfs_, 1);
}

FaultVfs::~FaultVfs() {
    sqlite3_vfs_unregister(&vfs_);
    sqlite3_vfs_register(real_, 1);
}

bool FaultVfs::fails_now() {
    ++operations_;
    if (operations_ == fail_at_ || operations_ == crash_at_) struck_ = true;
    return operations_ == fail_at_;
}

int FaultVfs::open(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* out_flags) {
    FaultVfs& self = *owner_of(vfs);
    FaultFile& f = FaultFile::of(file);
    f.base.pMethods = nullptr;
    f.owner = &self;
    f.real = reinterpret_cast<sqlite3_file*>(&f + 1);
    f.real->pMethods = nullptr;
    if (self.fails_now()) return self.fail_rc_;
    if (self.refuse_journals_errno_ != 0 && (flags & SQLITE_OPEN_MAIN_JOURNAL)) {
        // As "unix" says it: a folder without write permission, or the OS's errno.
        self.last_errno_ = self.refuse_journals_errno_;
        return self.last_errno_ == EACCES ? SQLITE_READONLY_DIRECTORY : SQLITE_CANTOPEN;
    }
    if (self.read_only_databases_ && (flags & SQLITE_OPEN_MAIN_DB) && (flags & SQLITE_OPEN_READWRITE)) {
        flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
    }
    const int rc = self.real_->xOpen(self.real_, name, f.real, flags, out_flags);
    if (rc == SQLITE_OK) f.base.pMethods = &kFaultMethods;
    return rc;
}

// The folder is not synced after a deletion, for the same reason as xSync.
int FaultVfs::remove(sqlite3_vfs* vfs, const char* name, int) {
    FaultVfs& self = *owner_of(vfs);
    if (self.crashed()) return SQLITE_OK;
    return self.real_->xDelete(self.real_, name, 0);
}

int FaultVfs::access(sqlite3_vfs* vfs, const char* name, int flags, int* out) {
    return owner_of(vfs)->real_->xAccess(owner_of(vfs)->real_, name, flags, out);
}

int FaultVfs::full_pathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
    return owner_of(vfs)->real_->xFullPathname(owner_of(vfs)->real_, name, size, out);
}

int FaultVfs::randomness(sqlite3_vfs* vfs, int size, char* out) {
    return owner_of(vfs)->real_->xRandomness(owner_of(vfs)->real_, size, out);
}

int FaultVfs::sleep(sqlite3_vfs* vfs, int microseconds) {
    return owner_of(vfs)->real_->xSleep(owner_of(vfs)->real_, microseconds);
}

int FaultVfs::current_time(sqlite3_vfs* vfs, double* out) {
    return owner_of(vfs)->real_->xCurrentTime(owner_of(vfs)->real_, out);
}

int FaultVfs::last_error(sqlite3_vfs* vfs, int size, char* out) {
    FaultVfs& self = *owner_of(vfs);
    if (self.last_errno_ != 0) return self.last_errno_;
    return self.real_->xGetLastError(self.real_, size, out);
}

int FaultVfs::current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* out) {
    return owner_of(vfs)->real_->xCurrentTimeInt64(owner_of(vfs)->real_, out);
}

} // namespace chronicle::test
