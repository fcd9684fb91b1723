// Expressions inside YAML scalars: positions map back into the YAML file exactly for plain
// (single- and multi-line) and literal scalars, and to the scalar's start with a note for quoted
// and folded ones (docs/diagnostics.md).
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/yaml_tree.hpp"
#include "parscore/dsl/embedded.hpp"

namespace {

const char* kYaml = R"Y(criteria:
  - id: a
    points: share(procedure, postd)
  - id: b
    points: |
      steps share(procedure, posted) {
        >= 100%: 4
        >= 80%: fooo
        else: 0
      }
  - id: c
    points: "count(violation where kind == \"lat\")"
  - id: d
    points: >
      count(procedure where
      postd)
  - id: e
    points: count(procedure
      where postd)
  - id: f
    points: 'count(x)'
  - id: g
    points: share(procedure, posted) + "Sở" + fooo
)Y";

struct Expectation {
    unsigned line, column;
    bool has_note;
};

TEST(EmbeddedTest, MapsPositionsBackIntoTheYamlFile) {
    parscore::testing::DslFixture fx;
    parscore::core::SourceSet sources;
    auto yaml_file = sources.add("rules.yaml", kYaml);
    parscore::core::Diagnostics yaml_diags;
    auto root = parscore::core::parse_yaml(sources, yaml_file, yaml_diags);
    ASSERT_TRUE(root) << parscore::core::render_all(yaml_diags, sources);

    const Expectation expected[] = {{3, 30, false},  {8, 17, false}, {12, 13, true}, {14, 13, true},
                                    {19, 13, false}, {21, 13, true}, {23, 40, false}};
    const auto* criteria = root->find("criteria");
    ASSERT_TRUE(criteria);
    ASSERT_EQ(criteria->items.size(), std::size(expected));
    for (std::size_t i = 0; i < criteria->items.size(); ++i) {
        parscore::dsl::Program program;
        parscore::dsl::Checker checker(program, fx.schema, fx.params);
        parscore::core::Diagnostics diags;
        const auto* points = criteria->items[i].find("points");
        ASSERT_TRUE(points);
        EXPECT_FALSE(parscore::dsl::compile_scalar(sources, yaml_file, *points, checker, diags));
        ASSERT_FALSE(diags.empty()) << i;
        const auto& d = diags.items().front();
        ASSERT_TRUE(d.span);
        EXPECT_EQ(d.span->file, yaml_file) << i;
        auto at = sources.file(yaml_file).location(d.span->begin);
        EXPECT_EQ(at.line, expected[i].line) << i << ": " << parscore::core::render(d, sources);
        EXPECT_EQ(at.column, expected[i].column) << i << ": " << parscore::core::render(d, sources);
        EXPECT_EQ(!d.notes.empty(), expected[i].has_note) << i;
        if (i == 6) {  // after multi-byte text: 'fooo' is at code-point column 47
            ASSERT_EQ(diags.size(), 2u);
            EXPECT_EQ(sources.file(yaml_file).location(diags.items()[1].span->begin).column, 47u);
        }
    }
}

TEST(EmbeddedTest, RendersTheCaretUnderTheToken) {
    parscore::testing::DslFixture fx;
    parscore::core::SourceSet sources;
    auto yaml_file = sources.add("rules.yaml", "points: share(procedure, postd)\n");
    parscore::core::Diagnostics yaml_diags;
    auto root = parscore::core::parse_yaml(sources, yaml_file, yaml_diags);
    ASSERT_TRUE(root);
    parscore::dsl::Program program;
    parscore::dsl::Checker checker(program, fx.schema, fx.params);
    parscore::core::Diagnostics diags;
    parscore::dsl::compile_scalar(sources, yaml_file, *root->find("points"), checker, diags);
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(parscore::core::render(diags.items()[0], sources),
              "rules.yaml:1:26: error[E103]: record kind 'procedure' has no field 'postd' (did you mean 'posted'?)\n"
              "    1 | points: share(procedure, postd)\n"
              "      |                          ^~~~~\n");
}

TEST(EmbeddedTest, QuotedScalarsPointAtTheirStartWithANote) {
    parscore::testing::DslFixture fx;
    parscore::core::SourceSet sources;
    auto yaml_file = sources.add("rules.yaml", "points: \"count(x)\"\n");
    parscore::core::Diagnostics yaml_diags;
    auto root = parscore::core::parse_yaml(sources, yaml_file, yaml_diags);
    ASSERT_TRUE(root);
    parscore::dsl::Program program;
    parscore::dsl::Checker checker(program, fx.schema, fx.params);
    parscore::core::Diagnostics diags;
    parscore::dsl::compile_scalar(sources, yaml_file, *root->find("points"), checker, diags);
    ASSERT_EQ(diags.size(), 1u);
    EXPECT_EQ(parscore::core::render(diags.items()[0], sources),
              "rules.yaml:1:9: error[E103]: unknown record kind 'x'\n"
              "    1 | points: \"count(x)\"\n"
              "      |         ^\n"
              "(expression):1:7: note: here in the expression\n"
              "    1 | count(x)\n"
              "      |       ^\n");
}

}  // namespace
