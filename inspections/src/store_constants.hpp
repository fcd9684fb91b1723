#pragma once
// The store's tuning numbers, named once (docs/store.md, "Transactions and concurrency" and
// "Reading evidence").
#include <cstddef>

namespace parscore::inspections {

/// How long a connection waits for another's lock before SQLite answers BUSY: well over the
/// minute a writer is promised to wait.
inline constexpr int kBusyTimeoutMs = 120'000;
/// The page cache of the store's own connection (negative: KiB), 32 MiB: a country's import or
/// read stays in memory.
inline constexpr int kCacheKiB = -32768;
/// The page cache while loading evidence, 2 MiB: blobs are read once, in order.
inline constexpr int kEvidenceCacheKiB = -2048;
/// Blob and revision bytes are copied in blocks of this size.
inline constexpr std::size_t kCopyBlock = 8u << 20;
/// Units decoded together by one evidence-loading thread.
inline constexpr std::size_t kUnitsPerBlock = 256;
/// Below this many inspections, evidence is decoded on one thread.
inline constexpr std::size_t kParallelFrom = 4096;

}  // namespace parscore::inspections
