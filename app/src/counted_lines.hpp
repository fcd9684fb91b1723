#pragma once
// The evidence hash of a year's counted inspections (docs/store.md, "Reading for the scorer"):
// SHA-256 over "<id> <revision hash>\n" by id, kept as one text with the digest's state saved every
// kCheckpoint bytes, so that after a change only the bytes from the checkpoint before it are hashed
// again (a new inspection's id sorts last: it costs almost nothing).
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "parscore/core/sha256.hpp"

namespace parscore::app {

class CountedLines {
public:
    /// Every line at once: (id, hash) pairs in any order.
    void assign(std::vector<std::pair<std::string, std::string>> lines);
    /// Adds an inspection's line, or replaces its hash.
    void put(std::string_view id, std::string_view hash);
    void erase(std::string_view id);
    bool empty() const { return offsets_.empty(); }
    std::size_t size() const { return offsets_.size(); }
    /// The hash's hex digest.
    std::string digest();

private:
    static constexpr std::size_t kCheckpoint = 64u << 10;
    std::size_t lower_bound(std::string_view id) const;
    std::string_view id_at(std::size_t i) const;
    void changed_from(std::size_t offset) { valid_ = std::min(valid_, offset); }

    std::string text_;
    std::vector<std::size_t> offsets_;  // where each line starts, by id
    std::vector<core::Sha256> saved_;   // saved_[k]: the digest of the first k × kCheckpoint bytes
    std::size_t valid_ = 0;             // saved states up to here still hold
};

}  // namespace parscore::app
