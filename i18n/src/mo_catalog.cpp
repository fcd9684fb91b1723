#include "mo_catalog.hpp"

#include <cstdint>

namespace parscore::i18n::detail {

namespace {

constexpr std::uint32_t kMagic = 0x950412de;

// The 32-bit word at `offset` in the byte order the magic number announced.
struct Words {
    std::string_view bytes;
    bool big_endian = false;

    std::optional<std::uint32_t> at(std::uint64_t offset) const {
        if (offset + 4 > bytes.size()) return std::nullopt;
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            auto byte = static_cast<unsigned char>(bytes[offset + static_cast<std::uint64_t>(big_endian ? i : 3 - i)]);
            v = (v << 8) | byte;
        }
        return v;
    }

    // Entry `index` of the table at `table`: the string it points to, if it lies inside the file.
    std::optional<std::string_view> string(std::uint32_t table, std::uint32_t index) const {
        std::uint64_t pair = table + 8ULL * index;
        auto length = at(pair), offset = at(pair + 4);
        if (!length || !offset || std::uint64_t{*offset} + *length > bytes.size()) return std::nullopt;
        return bytes.substr(*offset, *length);
    }
};

}  // namespace

std::optional<MoCatalog> MoCatalog::parse(std::string_view bytes) {
    Words words{bytes, false};
    auto magic = words.at(0);
    if (!magic) return std::nullopt;
    if (*magic != kMagic) {
        words.big_endian = true;
        if (words.at(0) != kMagic) return std::nullopt;
    }
    auto revision = words.at(4), count = words.at(8), originals = words.at(12), translations = words.at(16);
    if (!revision || (*revision >> 16) > 1 || !count || !originals || !translations) return std::nullopt;
    MoCatalog catalog;
    for (std::uint32_t i = 0; i < *count; ++i) {
        auto original = words.string(*originals, i), translation = words.string(*translations, i);
        if (!original || !translation) return std::nullopt;
        if (original->empty()) continue;  // the header
        // A plural entry is found by its singular.
        catalog.entries_.emplace(original->substr(0, original->find('\0')), *translation);
    }
    return catalog;
}

std::optional<std::string_view> MoCatalog::find(std::string_view key) const {
    auto it = entries_.find(key);
    if (it == entries_.end()) return std::nullopt;
    return it->second;
}

}  // namespace parscore::i18n::detail
