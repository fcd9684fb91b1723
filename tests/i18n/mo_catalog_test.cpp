#include "mo_catalog.hpp"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace parscore::i18n::detail {
namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// A .mo file as msgfmt lays it out: header, original table, translation table, strings.
std::string build_mo(const Entries& entries, bool big_endian) {
    std::string out;
    auto word = [&](std::uint32_t v) {
        for (int i = 0; i < 4; ++i) out += static_cast<char>(v >> (8 * (big_endian ? 3 - i : i)));
    };
    auto n = static_cast<std::uint32_t>(entries.size());
    std::uint32_t originals = 28, translations = originals + 8 * n, strings = translations + 8 * n;
    for (std::uint32_t v : {0x950412deU, 0U, n, originals, translations, 0U, 0U}) word(v);
    std::string data;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> tables[2];
    for (const auto& [original, translation] : entries) {
        for (int t = 0; t < 2; ++t) {
            const std::string& s = t == 0 ? original : translation;
            tables[t].emplace_back(static_cast<std::uint32_t>(s.size()),
                                   strings + static_cast<std::uint32_t>(data.size()));
            data += s;
            data += '\0';
        }
    }
    for (const auto& table : tables) {
        for (auto [length, offset] : table) {
            word(length);
            word(offset);
        }
    }
    return out + data;
}

const Entries kEntries = {
    {"", "Content-Type: text/plain; charset=UTF-8\nPlural-Forms: nplurals=1; plural=0;\n"},
    {"Band", "Xếp loại"},
    {std::string("sum row\x04Total"), "Tổng cộng"},
    {std::string("{n} unit\0{n} units", 18), "{n} đơn vị"},
};

TEST(MoCatalog, ReadsBothByteOrders) {
    for (bool big_endian : {false, true}) {
        std::string bytes = build_mo(kEntries, big_endian);
        auto catalog = MoCatalog::parse(bytes);
        ASSERT_TRUE(catalog) << big_endian;
        EXPECT_EQ(catalog->size(), 3u);  // the header is not a message
        EXPECT_EQ(catalog->find("Band"), "Xếp loại");
        EXPECT_EQ(catalog->find("sum row\x04Total"), "Tổng cộng");
        EXPECT_EQ(catalog->find("{n} unit"), "{n} đơn vị");  // a plural entry by its singular
        EXPECT_EQ(catalog->find("Total"), std::nullopt);
        EXPECT_EQ(catalog->find(""), std::nullopt);
    }
}

TEST(MoCatalog, RefusesWhatIsNotACatalog) {
    std::string good = build_mo(kEntries, false);
    EXPECT_FALSE(MoCatalog::parse(""));
    EXPECT_FALSE(MoCatalog::parse("not a catalog at all, just text"));
    EXPECT_FALSE(MoCatalog::parse(good.substr(0, 20)));                // cut inside the header
    EXPECT_FALSE(MoCatalog::parse(good.substr(0, good.size() - 12)));  // strings cut short
    std::string future = good;
    future[6] = 2;  // major revision 2
    EXPECT_FALSE(MoCatalog::parse(future));
    std::string far = good;
    far[35] = '\x7f';  // the header entry's offset (little-endian, high byte) past the end
    EXPECT_FALSE(MoCatalog::parse(far));
}

TEST(MoCatalog, TheEmbeddedCatalogLoads) {
    auto catalog = MoCatalog::parse(embedded_catalog_vi());
    ASSERT_TRUE(catalog);
    EXPECT_EQ(catalog->find("Ranking"), "Xếp hạng");
    EXPECT_GT(catalog->size(), 30u);
}

}  // namespace
}  // namespace parscore::i18n::detail
