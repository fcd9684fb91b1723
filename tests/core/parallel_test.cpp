// The shared parallel helper: every index once, failures reach the caller, the others stop.
#include "parscore/core/parallel.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

using parscore::core::parallel_blocks;
using parscore::core::run_together;

namespace {

std::vector<int> visits(std::size_t count, std::size_t block, unsigned workers) {
    std::vector<std::atomic<int>> seen(count);
    parallel_blocks(count, block, workers, [&](unsigned, std::size_t begin, std::size_t end) {
        for (std::size_t i = begin; i < end; ++i) seen[i].fetch_add(1);
    });
    std::vector<int> out;
    for (auto& s : seen) out.push_back(s.load());
    return out;
}

}  // namespace

TEST(Parallel, EveryIndexIsVisitedExactlyOnce) {
    struct Case {
        std::size_t count, block;
        unsigned workers;
    };
    for (const Case& c : {Case{1000, 7, 4}, Case{1000, 1000, 4}, Case{1, 64, 8}, Case{999, 64, 2}, Case{5, 0, 3}}) {
        const std::vector<int> seen = visits(c.count, c.block, c.workers);
        EXPECT_EQ(seen, std::vector<int>(c.count, 1)) << c.count << " in blocks of " << c.block;
    }
}

TEST(Parallel, ZeroItemsNeverCallsTheWork) {
    bool called = false;
    parallel_blocks(0, 16, 4, [&](unsigned, std::size_t, std::size_t) { called = true; });
    EXPECT_FALSE(called);
}

TEST(Parallel, OneWorkerRunsEverythingOnTheCallersThread) {
    const std::thread::id caller = std::this_thread::get_id();
    std::vector<std::size_t> begins;
    parallel_blocks(10, 3, 1, [&](unsigned worker, std::size_t begin, std::size_t end) {
        EXPECT_EQ(worker, 0u);
        EXPECT_EQ(std::this_thread::get_id(), caller);
        EXPECT_EQ(end, std::min<std::size_t>(10, begin + 3));
        begins.push_back(begin);
    });
    EXPECT_EQ(begins, (std::vector<std::size_t>{0, 3, 6, 9}));
}

TEST(Parallel, NeverMoreWorkersThanBlocks) {
    std::atomic<unsigned> highest{0};
    parallel_blocks(2, 1, 16, [&](unsigned worker, std::size_t, std::size_t) {
        unsigned seen = highest.load();
        while (worker > seen && !highest.compare_exchange_weak(seen, worker)) {}
    });
    EXPECT_LE(highest.load(), 1u);
}

TEST(Parallel, TheFirstExceptionReachesTheCallerAndTheOthersStop) {
    // Block 3 fails at once; the others take long enough that, had the failure not stopped
    // them, all 1000 blocks would run.
    std::atomic<int> ran{0};
    auto run = [&] {
        parallel_blocks(1000, 1, 4, [&](unsigned, std::size_t begin, std::size_t) {
            if (begin == 3) throw std::runtime_error("block 3");
            ran.fetch_add(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        });
    };
    try {
        run();
        FAIL() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ(e.what(), "block 3");
    }
    EXPECT_LT(ran.load(), 100);
}

TEST(Parallel, OnlyOneOfSeveralFailuresIsRethrown) {
    EXPECT_THROW(parallel_blocks(64, 1, 4, [](unsigned, std::size_t, std::size_t) { throw std::logic_error("each"); }),
                 std::logic_error);
}

TEST(Parallel, TasksRunTogether) {
    // Each task waits for the other: they must be on two threads at once.
    std::atomic<int> arrived{0};
    auto meet = [&] {
        arrived.fetch_add(1);
        while (arrived.load() < 2) std::this_thread::yield();
    };
    run_together({meet, meet});
    EXPECT_EQ(arrived.load(), 2);
}

TEST(Parallel, AFailingTaskIsRethrownAfterTheOthersEnd) {
    std::atomic<bool> started{false}, done{false};
    EXPECT_THROW(run_together({[] { throw std::out_of_range("task"); },
                               [&] {
                                   started = true;
                                   std::this_thread::sleep_for(std::chrono::milliseconds(20));
                                   done = true;
                               }}),
                 std::out_of_range);
    // The second task ran to its end before the rethrow, or never started.
    EXPECT_EQ(started.load(), done.load());
}
