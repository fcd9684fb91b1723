#pragma once
// The one way parscore runs work in parallel: workers take blocks of indices in turn from a
// shared counter, so a worker that gets less of a busy machine's time simply does fewer blocks,
// and an exception in any worker reaches the caller instead of ending the process.
#include <cstddef>
#include <functional>
#include <initializer_list>

namespace parscore::core {

/// The machine's cores, at least 1.
unsigned hardware_workers();

/// Called with the worker's number (0 is the caller's thread) and a block [begin, end).
using BlockWork = std::function<void(unsigned worker, std::size_t begin, std::size_t end)>;

/// Runs `work` over [0, count) in blocks of `block` indices on up to `workers` threads, the
/// caller's included (never more threads than blocks; 0 workers means 1). Every index is
/// visited exactly once when nothing fails. The first exception thrown is rethrown here after
/// every worker has stopped; once one failed, the others take no new block.
void parallel_blocks(std::size_t count, std::size_t block, unsigned workers, const BlockWork& work);

/// Runs the tasks together, on a thread each (the first on the caller's), and
/// returns when all have ended; the first exception thrown is rethrown then.
void run_together(std::initializer_list<std::function<void()>> tasks);

}  // namespace parscore::core
