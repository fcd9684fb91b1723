// The table of built-in functions: lookups, and that every declaration is one the checker can
// dispatch (argument shapes and type rules that belong together).
#include <gtest/gtest.h>

#include <algorithm>

#include "builtins.hpp"
#include "parscore/dsl/checker.hpp"

namespace {

using namespace parscore::dsl;

bool record_rule(TypeRule r) {
    return r == TypeRule::KindToBool || r == TypeRule::RecordCount || r == TypeRule::RecordCondition ||
           r == TypeRule::RecordScalar || r == TypeRule::RecordAverage || r == TypeRule::RecordFold;
}

TEST(BuiltinsTest, NamesAreSortedAndUnique) {
    const auto& names = function_names();
    EXPECT_EQ(names.size(), 17u);
    EXPECT_TRUE(std::is_sorted(names.begin(), names.end()));
    EXPECT_EQ(std::adjacent_find(names.begin(), names.end()), names.end());
}

TEST(BuiltinsTest, MinAndMaxHaveAnAggregateAndAScalarForm) {
    for (const char* name : {"min", "max"}) {
        auto overloads = find_builtins(name);
        ASSERT_EQ(overloads.size(), 2u) << name;
        EXPECT_NE(overloads[0].shapes[0] == ArgShape::Records, overloads[1].shapes[0] == ArgShape::Records) << name;
    }
    EXPECT_TRUE(find_builtins("mean").empty());
    EXPECT_TRUE(find_builtins("").empty());
}

TEST(BuiltinsTest, EveryDeclarationIsDispatchable) {
    for (const std::string& name : function_names()) {
        for (const Builtin& fn : find_builtins(name)) {
            ASSERT_GE(fn.arity, 1) << name;
            ASSERT_LE(fn.arity, 3) << name;
            bool records = fn.shapes[0] == ArgShape::Records || fn.shapes[0] == ArgShape::Kind;
            EXPECT_EQ(records, record_rule(fn.rule)) << name;
            bool constant = false;
            for (std::size_t i = 0; i < fn.arity; ++i) {
                constant = constant || fn.shapes[i] == ArgShape::Constant;
                if (i > 0) {
                    EXPECT_NE(fn.shapes[i], ArgShape::Records) << name << ": only the first argument is records";
                }
            }
            EXPECT_EQ(constant, fn.rule == TypeRule::DateLiteral || fn.rule == TypeRule::RoundDigits) << name;
            EXPECT_NE(std::string(fn.usage.text), "") << name;
        }
    }
}

}  // namespace
