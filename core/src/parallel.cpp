#include "parscore/core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace parscore::core {

unsigned hardware_workers() { return std::max(1u, std::thread::hardware_concurrency()); }

namespace {

/// The first failure of a parallel run, and whether there was one (read without the lock by
/// workers deciding whether to take another block).
class FirstFailure {
public:
    void record(std::exception_ptr e) {
        std::lock_guard lock(mutex_);
        if (!first_) first_ = std::move(e);
        failed_.store(true, std::memory_order_relaxed);
    }
    bool failed() const { return failed_.load(std::memory_order_relaxed); }
    void rethrow() const {
        if (first_) std::rethrow_exception(first_);
    }

private:
    std::mutex mutex_;
    std::exception_ptr first_;
    std::atomic<bool> failed_{false};
};

}  // namespace

void parallel_blocks(std::size_t count, std::size_t block, unsigned workers, const BlockWork& work) {
    if (count == 0) return;
    block = std::max<std::size_t>(block, 1);
    const std::size_t blocks = count / block + (count % block != 0);
    const auto threads = static_cast<unsigned>(std::clamp<std::size_t>(workers, 1, blocks));
    std::atomic<std::size_t> next{0};
    FirstFailure failure;
    auto run = [&](unsigned worker) {
        try {
            for (std::size_t b; !failure.failed() && (b = next.fetch_add(1)) < blocks;) {
                work(worker, b * block, std::min(count, (b + 1) * block));
            }
        } catch (...) {
            failure.record(std::current_exception());
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    try {
        for (unsigned w = 1; w < threads; ++w) pool.emplace_back(run, w);
    } catch (...) {  // a thread could not start: the ones that did stop after their block
        failure.record(std::current_exception());
    }
    run(0);
    for (std::thread& t : pool) t.join();
    failure.rethrow();
}

void run_together(std::initializer_list<std::function<void()>> tasks) {
    const std::function<void()>* first = tasks.begin();
    parallel_blocks(tasks.size(), 1, static_cast<unsigned>(tasks.size()),
                    [first](unsigned, std::size_t begin, std::size_t) { first[begin](); });
}

}  // namespace parscore::core
