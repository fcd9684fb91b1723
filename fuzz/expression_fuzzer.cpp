// Fuzzes the rule language end to end: parse, check and compile against a realistic schema,
// then evaluate against one unit's evidence. Any crash, hang, leak or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fixture.hpp"
#include "parscore/core/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    if (!parscore::core::is_valid_utf8(text)) return 0;  // files are validated before parsing
    static parscore::testing::DslFixture fixture;
    parscore::dsl::Program program;
    parscore::core::SourceSet sources;
    parscore::core::Diagnostics diags;
    auto compiled = fixture.compile(text, program, sources, diags);
    if (!compiled) return 0;
    parscore::dsl::Evaluator evaluator(program);
    parscore::dsl::Trace trace;
    evaluator.set_trace(&trace);
    parscore::dsl::EvalInput input{&fixture.unit, 2013, &fixture.evidence};
    (void)evaluator.evaluate(compiled->root, input);
    return 0;
}
