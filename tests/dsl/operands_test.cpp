// The named operands of steps and aggregate nodes and the trace's steps sentinels: what
// explanations and rule-test coverage read from a compiled program without decoding its nodes.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "parscore/dsl/program.hpp"

using parscore::testing::DslFixture;
namespace dsl = parscore::dsl;

namespace {

struct Compiled {
    DslFixture fx;
    dsl::Program program;
    parscore::core::SourceSet sources;
    parscore::core::Diagnostics diags;
    dsl::NodeId root = dsl::kNoNode;

    explicit Compiled(const std::string& text) {
        auto c = fx.compile(text, program, sources, diags);
        if (c) root = c->root;
    }

    /// The arm index the trace records for the one `steps` evaluated.
    int traced_arm() {
        dsl::Evaluator evaluator(program);
        dsl::Trace trace;
        evaluator.set_trace(&trace);
        dsl::EvalInput input{&fx.unit, 2013, &fx.evidence};
        evaluator.evaluate(root, input);
        return trace.steps.size() == 1 ? trace.steps[0].arm : -100;
    }
};

}  // namespace

TEST(OperandsTest, StepsNamesItsSubjectArmsAndElse) {
    Compiled c("steps share(procedure, posted) { >= 1: 4 >= 0.5: 2 else: 0 }");
    ASSERT_NE(c.root, dsl::kNoNode);
    ASSERT_EQ(c.program.nodes[c.root].op, dsl::Op::Steps);
    dsl::StepsOperands steps = dsl::steps_operands(c.program, c.root);
    EXPECT_EQ(c.program.nodes[steps.subject].op, dsl::Op::Share);
    ASSERT_EQ(steps.arms.size(), 2u);
    EXPECT_EQ(steps.arms[0].threshold.to_string(), "1");
    EXPECT_EQ(steps.arms[1].threshold.to_string(), "0.5");
    EXPECT_EQ(c.program.nodes[steps.arms[1].value].constant.to_string(), "2");
    EXPECT_EQ(c.program.nodes[steps.otherwise].constant.to_string(), "0");
    EXPECT_EQ(c.traced_arm(), 1);  // 3 of 4 procedures posted: the second arm
}

TEST(OperandsTest, TraceNamesElseAndAMissingSubject) {
    EXPECT_EQ(Compiled("steps share(procedure, posted) { >= 1: 4 else: 0 }").traced_arm(), dsl::kElseArm);
    EXPECT_EQ(Compiled("steps budget { >= 1: 1 else: 0 }").traced_arm(), dsl::kMissingSubject);
}

TEST(OperandsTest, AggregateNamesItsKindFilterAndValue) {
    Compiled count(R"(count(violation where kind == "late"))");
    ASSERT_NE(count.root, dsl::kNoNode);
    dsl::AggregateOperands a = dsl::aggregate_operands(count.program, count.root);
    EXPECT_EQ(a.kind, 1u);  // violation
    EXPECT_NE(a.filter, dsl::kNoNode);
    EXPECT_EQ(a.value, dsl::kNoNode);  // count only filters

    Compiled sum("sum(procedure, fee)");
    ASSERT_NE(sum.root, dsl::kNoNode);
    dsl::AggregateOperands s = dsl::aggregate_operands(sum.program, sum.root);
    EXPECT_EQ(s.kind, 0u);  // procedure
    EXPECT_EQ(s.filter, dsl::kNoNode);
    ASSERT_NE(s.value, dsl::kNoNode);
    EXPECT_EQ(sum.program.nodes[s.value].op, dsl::Op::Field);
}
