// core::Arena: what it hands out stays put and readable for as long as the arena that owns it.
#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "parscore/core/evidence.hpp"

namespace {

using parscore::core::Arena;

TEST(ArenaTest, CopiesBytesIntoBlocksThatNeverMove) {
    Arena arena(64);  // small blocks: most copies below open a new one
    std::vector<std::string> originals;
    std::vector<std::string_view> copies;
    for (int i = 0; i < 200; ++i) {
        originals.emplace_back(static_cast<std::size_t>(i % 97), static_cast<char>('a' + i % 26));
        copies.push_back(arena.copy(originals.back()));
    }
    originals.emplace_back(1000, 'z');  // larger than a block: a block of its own
    copies.push_back(arena.copy(originals.back()));
    for (std::size_t i = 0; i < copies.size(); ++i) {
        EXPECT_EQ(copies[i], originals[i]) << i;
        if (!originals[i].empty()) {
            EXPECT_NE(copies[i].data(), originals[i].data());
        }
    }
    EXPECT_TRUE(arena.copy("").empty());
}

TEST(ArenaTest, AlignsTypedAllocationsAfterBytes) {
    Arena arena;
    (void)arena.copy("xyz");
    auto* wide = arena.allocate<parscore::core::int128>(3);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(wide) % alignof(parscore::core::int128), 0u);
    auto* ints = arena.allocate<std::int64_t>(5);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(ints) % alignof(std::int64_t), 0u);
    for (int i = 0; i < 5; ++i) ints[i] = i;
    for (int i = 0; i < 3; ++i) wide[i] = i;
    EXPECT_EQ(ints[4], 4);
    EXPECT_EQ(static_cast<int>(wide[2]), 2);
}

TEST(ArenaTest, AdoptedAndMovedBlocksOutliveTheirFirstOwner) {
    Arena keeper(32);
    const std::string_view kept = keeper.copy("kept by the keeper");
    std::string_view adopted, moved;
    {
        auto first = std::make_unique<Arena>(32);
        adopted = first->copy("handed over to the keeper");
        keeper.adopt(std::move(*first));
        EXPECT_EQ(first->copy("still usable").size(), 12u);  // an emptied arena allocates afresh
    }
    std::unique_ptr<Arena> owner;
    {
        Arena second(32);
        moved = second.copy("moved with its arena");
        owner = std::make_unique<Arena>(std::move(second));
    }
    const std::string_view after = keeper.copy("allocated after adopting");
    EXPECT_EQ(kept, "kept by the keeper");
    EXPECT_EQ(adopted, "handed over to the keeper");
    EXPECT_EQ(moved, "moved with its arena");
    EXPECT_EQ(after, "allocated after adopting");
    EXPECT_EQ(owner->copy("and it goes on").size(), 14u);
}

}  // namespace
