// Counts in messages: the singular for exactly one, else the plural.
#include <gtest/gtest.h>

#include "parscore/core/plural.hpp"

namespace {

using parscore::core::count_of;

TEST(PluralTest, OneTakesTheSingularEveryOtherCountThePlural) {
    EXPECT_EQ(count_of(1, "unit"), "1 unit");
    EXPECT_EQ(count_of(0, "unit"), "0 units");
    EXPECT_EQ(count_of(2, "error"), "2 errors");
    EXPECT_EQ(count_of(1, "criterion", "criteria"), "1 criterion");
    EXPECT_EQ(count_of(3, "criterion", "criteria"), "3 criteria");
}

}  // namespace
