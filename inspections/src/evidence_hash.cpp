#include "evidence_hash.hpp"

#include <algorithm>

#include "parscore/core/sha256.hpp"

namespace parscore::inspections {

namespace {

using selection::Counted;
using selection::RevisionRow;

/// The length of the prefix every counted id shares.
std::size_t common_prefix(const std::vector<RevisionRow>& rows, const std::vector<Counted>& counted) {
    std::size_t common = counted.empty() ? 0 : rows[counted[0].row].id.size();
    for (const Counted& c : counted) {
        const std::string_view a = rows[counted[0].row].id, b = rows[c.row].id;
        common = std::min({common, a.size(), b.size()});
        while (common > 0 && a.substr(0, common) != b.substr(0, common)) --common;
    }
    return common;
}

}  // namespace

// Ids are time-ordered and share a long prefix, so they are sorted on the 8 bytes after the
// prefix common to all of them (big-endian, a byte order), and compared in full only on a tie.
std::string evidence_hash(const std::vector<RevisionRow>& rows, const std::vector<Counted>& counted) {
    const std::size_t common = common_prefix(rows, counted);
    struct Key {
        std::uint64_t prefix;
        const RevisionRow* p;
    };
    std::vector<Key> keys;
    keys.reserve(counted.size());
    for (const Counted& c : counted) {
        const std::string_view id = rows[c.row].id;
        std::uint64_t k = 0;
        for (std::size_t i = 0; i < 8; ++i) {
            const std::size_t at = common + i;
            k = (k << 8) | (at < id.size() ? static_cast<unsigned char>(id[at]) : 0u);
        }
        keys.push_back(Key{k, &rows[c.row]});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        if (a.prefix != b.prefix) return a.prefix < b.prefix;
        return a.p->id < b.p->id;
    });
    core::Sha256 sha;
    std::string lines;  // hashed 64 KiB at a time
    for (const Key& k : keys) {
        lines.append(k.p->id).append(" ").append(k.p->hash).append("\n");
        if (lines.size() >= (64u << 10)) {
            sha.update(lines);
            lines.clear();
        }
    }
    sha.update(lines);
    return sha.hex();
}

}  // namespace parscore::inspections
