#pragma once
// The demo province's random numbers: SplitMix64 with integer-only helpers. The standard
// library's distributions are implementation-defined (libstdc++ and libc++ give different values
// for one seed), so the demo draws with its own arithmetic and is byte-identical everywhere.
#include <cstddef>
#include <cstdint>

namespace parscore::engine::demo {

class DemoRandom {
public:
    explicit DemoRandom(std::uint64_t seed) : state_(seed) {}

    /// A stream for one purpose: the same (year, unit, purpose) always gives the same numbers,
    /// and adding draws to one unit never shifts another's.
    static DemoRandom stream(int year, std::size_t unit, std::uint64_t purpose) {
        DemoRandom mix(0x5eed'2013'0000'0000ULL ^ (static_cast<std::uint64_t>(year) << 32) ^
                       (static_cast<std::uint64_t>(unit) << 16) ^ purpose);
        return DemoRandom(mix.next());
    }

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

    /// Uniform in [0, n) for n > 0 (multiply-high: no modulo bias worth the name for small n).
    std::uint32_t below(std::uint32_t n) {
        return static_cast<std::uint32_t>(((next() >> 32) * static_cast<std::uint64_t>(n)) >> 32);
    }

    /// Uniform in [lo, hi], both inclusive; lo when hi < lo.
    int between(int lo, int hi) {
        if (hi <= lo) return lo;
        return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
    }

    /// True with probability percent/100 (clamped to 0–100).
    bool chance(int percent) { return static_cast<int>(below(100)) < percent; }

private:
    std::uint64_t state_;
};

}  // namespace parscore::engine::demo
