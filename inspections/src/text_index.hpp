#pragma once
// Positions of distinct texts found by value, for the evidence scan's unit lookups.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string_view>
#include <vector>

namespace parscore::inspections {

/// Positions of distinct texts, found by value: open addressing over one flat array, so a lookup
/// touches a cache line or two instead of a chain of nodes (a country has 10^4–10^5 units, and
/// every revision read looks its unit up).
class TextIndex {
public:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

    /// `keys` are distinct; the bytes they view must outlive the index.
    explicit TextIndex(std::vector<std::string_view> keys) : keys_(std::move(keys)) {
        std::size_t capacity = 16;
        while (capacity < keys_.size() * 2) capacity *= 2;
        slots_.assign(capacity, 0);
        mask_ = capacity - 1;
        for (std::uint32_t i = 0; i < keys_.size(); ++i) {
            const std::uint64_t h = hash(keys_[i]);
            std::size_t at = h & mask_;
            while (slots_[at] != 0) at = (at + 1) & mask_;
            slots_[at] = (h & ~std::uint64_t{0xFFFFFFFF}) | (i + 1);
        }
    }

    /// The key's position, or kNone.
    std::uint32_t find(std::string_view key) const {
        const std::uint64_t h = hash(key);
        for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
            const std::uint64_t slot = slots_[at];
            if (slot == 0) return kNone;
            const auto i = static_cast<std::uint32_t>(slot & 0xFFFFFFFF) - 1;
            if ((slot ^ h) >> 32 == 0 && keys_[i] == key) return i;
        }
    }

private:
    static std::uint64_t hash(std::string_view s) { return std::hash<std::string_view>()(s); }

    std::vector<std::string_view> keys_;
    std::vector<std::uint64_t> slots_;  // high 32 bits of the hash | position + 1; 0 is empty
    std::size_t mask_ = 0;
};

}  // namespace parscore::inspections
