// Fuzzes the rule language end to end: parse, check and compile against a realistic schema,
// then evaluate against one unit's evidence twice — on the fast path (column-wise aggregates)
// and traced (record by record, as `explain` runs it). Besides crashes, hangs, leaks and
// sanitizer reports, a violation of these is a bug: an expression compiles exactly when there
// is no error, every error has a position inside the text, and both paths give the same value.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fixture.hpp"
#include "fuzz_support.hpp"
#include "parscore/core/utf8.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace parscore;
    std::string text(reinterpret_cast<const char*>(data), size);
    if (!core::is_valid_utf8(text)) return 0;  // files are validated before parsing
    static testing::DslFixture fixture;
    dsl::Program program;
    core::SourceSet sources;
    core::Diagnostics diags;
    auto compiled = fixture.compile(text, program, sources, diags);
    fuzzing::check_diagnostics(diags, sources);
    if (compiled.has_value() == diags.has_errors()) {
        fuzzing::violated("an expression compiles exactly when there is no error", core::render_all(diags, sources));
    }
    if (!compiled) return 0;
    const dsl::EvalInput input{&fixture.unit, 2013, &fixture.evidence};
    dsl::Evaluator fast(program);
    const core::Value quick = fast.evaluate(compiled->root, input);
    dsl::Evaluator traced(program);
    dsl::Trace trace;
    traced.set_trace(&trace);
    const core::Value slow = traced.evaluate(compiled->root, input);
    if (quick.to_string() != slow.to_string()) {
        fuzzing::violated("the fast and the traced evaluation agree", quick.to_string() + " vs " + slow.to_string());
    }
    return 0;
}
