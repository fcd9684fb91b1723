// The evidence hash kept line by line for the results cache: after inserts, replacements and
// removals anywhere, resumed from its saved states, it equals SHA-256 over the whole text.
#include "counted_lines.hpp"

#include <map>
#include <random>

#include <gtest/gtest.h>

namespace parscore::app {
namespace {

std::string whole(const std::map<std::string, std::string>& lines) {
    std::string text;
    for (const auto& [id, hash] : lines) text += id + " " + hash + "\n";
    return core::sha256_hex(text);
}

TEST(CountedLines, EqualsTheHashOfTheWholeTextAfterEveryChange) {
    std::mt19937 random(7);
    std::map<std::string, std::string> expected;
    std::vector<std::pair<std::string, std::string>> first;
    auto id = [&](unsigned n) { return "0193-" + std::to_string(100000 + n); };
    auto hash = [&] { return core::sha256_hex(std::to_string(random())); };
    for (unsigned n = 0; n < 3000; ++n) {  // about 300 KiB: several saved states
        first.emplace_back(id(n * 2), hash());
        expected[first.back().first] = first.back().second;
    }
    CountedLines lines;
    lines.assign(first);
    EXPECT_EQ(lines.digest(), whole(expected));
    for (int round = 0; round < 60; ++round) {
        const unsigned n = static_cast<unsigned>(random() % 6200);
        switch (round % 4) {
            case 0: {  // a new inspection, anywhere (or past the end)
                const std::string h = hash();
                lines.put(id(n), h);
                expected[id(n)] = h;
                break;
            }
            case 1: {  // an amendment: a new hash for a line that may exist
                const std::string h = hash();
                lines.put(id(n & ~1u), h);
                expected[id(n & ~1u)] = h;
                break;
            }
            case 2: {  // read again unchanged: the same line put again
                const auto it = expected.lower_bound(id(n));
                if (it != expected.end()) lines.put(it->first, it->second);
                break;
            }
            default:  // stops counting
                lines.erase(id(n & ~1u));
                expected.erase(id(n & ~1u));
        }
        ASSERT_EQ(lines.digest(), whole(expected)) << "round " << round;
        ASSERT_EQ(lines.size(), expected.size());
    }
    lines.assign({});
    EXPECT_TRUE(lines.empty());
    EXPECT_EQ(lines.digest(), core::sha256_hex(""));
}

}  // namespace
}  // namespace parscore::app
