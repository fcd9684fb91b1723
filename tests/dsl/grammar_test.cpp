#include <gtest/gtest.h>

#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar.hpp"

namespace {

TEST(GrammarTest, AnalyzeFindsNoProblems) { EXPECT_EQ(tao::pegtl::analyze<parscore::dsl::grammar::expression>(1), 0u); }

}  // namespace
