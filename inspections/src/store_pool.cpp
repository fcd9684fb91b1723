// Connections kept open for a long-running process (store.hpp, StorePool).
#include <sys/stat.h>

#include <mutex>
#include <vector>

#include "store_impl.hpp"

namespace parscore::inspections {

namespace fs = std::filesystem;

namespace {

/// The file's identity: a database moved into place under the same name is another file.
std::pair<dev_t, ino_t> identity(const fs::path& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return {0, 0};
    return {info.st_dev, info.st_ino};
}

}  // namespace

struct StorePoolState {
    fs::path path;
    std::size_t keep = 0;
    std::mutex mutex;
    std::vector<std::unique_ptr<Store::Impl>> idle;  // guarded by `mutex`
    std::pair<dev_t, ino_t> file{0, 0};              // guarded by `mutex`: the file the idle ones read

    std::unique_ptr<Store::Impl> take() {
        const auto now = identity(path);
        std::vector<std::unique_ptr<Store::Impl>> stale;  // closed outside the lock
        std::unique_ptr<Store::Impl> impl;
        {
            const std::lock_guard lock(mutex);
            if (now != file) {
                stale = std::move(idle);
                idle.clear();
                file = now;
            }
            if (!idle.empty()) {
                impl = std::move(idle.back());
                idle.pop_back();
            }
        }
        // Another process may have brought the schema forward: reads follow the version a
        // connection was opened at, so such a connection is not lent again. Asking is also what
        // finds a PostgreSQL connection that the database server closed while it was idle (a
        // restart, a failover): that one is dropped with every other idle one, which went with
        // it, and the request connects afresh instead of failing.
        try {
            if (impl && impl->db.schema_version() != impl->schema) impl.reset();
        } catch (const StoreError&) {
            if (!impl->db.broken()) throw;
            impl.reset();
            drop_idle();
        }
        return impl;
    }

    void drop_idle() {
        std::vector<std::unique_ptr<Store::Impl>> stale;  // closed outside the lock
        const std::lock_guard lock(mutex);
        stale.swap(idle);
    }

    void give_back(std::unique_ptr<Store::Impl> impl) {
        if (impl->immutable || impl->target || impl->db.in_transaction() || impl->db.broken()) return;
        impl->auditor.reset();
        const auto file_now = identity(impl->path);
        const std::lock_guard lock(mutex);
        if (idle.size() >= keep || file_now != file) return;  // destroyed, after the lock, by the caller's frame
        idle.push_back(std::move(impl));
    }
};

void give_back(StorePoolState& pool, std::unique_ptr<Store::Impl> impl) {
    try {
        pool.give_back(std::move(impl));
    } catch (...) {  // a connection not kept is closed: nothing else to do
    }
}

StorePool::StorePool(fs::path path, std::size_t keep) : state_(std::make_shared<StorePoolState>()) {
    state_->path = std::move(path);
    state_->keep = keep;
}

const fs::path& StorePool::path() const { return state_->path; }

Store StorePool::open(OpenMode mode) const {
    if (mode != OpenMode::Existing && mode != OpenMode::ReadOnly) return Store::open(state_->path, mode);
    std::unique_ptr<Store::Impl> kept = state_->take();
    Store store = kept ? Store(std::move(kept)) : Store::open(state_->path, mode);
    store.pool_ = state_;
    return store;
}

}  // namespace parscore::inspections
