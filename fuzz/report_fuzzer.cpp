// Fuzzes the inspection-report reader (docs/reference/database.md): strict YAML, the `inspection:`
// header, and the findings validated against two evidence schemas — the shipped 2013 rulebook's and
// the store tests' (tests/inspections/data/rulebook.yaml, which the bad-report corpus is written
// for). A report that is accepted is packed into findings blobs and decoded again: the round trip
// must give back exactly what was read.
#include <cstddef>
#include <cstdint>
#include <string>

#include "findings_blob.hpp"
#include "fuzz_schema.hpp"
#include "parscore/core/text_file.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/inspections/report.hpp"

namespace {

using namespace parscore;

bool same(const inspections::KindFindings& a, const inspections::KindFindings& b) {
    return a.kind == b.kind && a.fact == b.fact && a.fields == b.fields && a.values == b.values;
}

void check_round_trip(const inspections::Report& report) {
    for (const inspections::KindFindings& k : report.findings) {
        const std::string bytes = inspections::blob::encode(k);
        const inspections::KindFindings back = inspections::blob::decode(k.kind, k.fact, bytes);
        if (!same(k, back)) fuzzing::violated("findings blob round trip", k.kind);
        if (inspections::blob::encode(back) != bytes) fuzzing::violated("findings blob encoding not stable", k.kind);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const core::EvidenceSchema shipped = fuzzing::schema_of("rules/hoa-binh-2013/rulebook.yaml");
    static const core::EvidenceSchema store_tests = fuzzing::schema_of("tests/inspections/data/rulebook.yaml");
    static const std::vector<std::string> units = {"so-noi-vu", "so-tu-phap", "ubnd-lac-son", "xa-an-binh"};
    static const std::optional<std::string> amended_unit = std::string("so-tu-phap");

    std::string text(reinterpret_cast<const char*>(data), size);
    core::normalize_text(text);  // what reading the file does; invalid UTF-8 is reported there
    if (core::find_invalid_utf8(text)) return 0;
    for (const core::EvidenceSchema* schema : {&shipped, &store_tests}) {
        core::SourceSet sources;
        core::Diagnostics diags;
        const core::FileId file = sources.add("report.yaml", text);
        auto report = inspections::read_report(sources, file, *schema, units, diags,
                                               schema == &shipped ? std::nullopt : amended_unit);
        diags.sort();
        fuzzing::check_diagnostics(diags, sources);
        if (report.has_value() == diags.has_errors()) {
            fuzzing::violated("a report is returned exactly when there is no error", core::render_all(diags, sources));
        }
        if (report) check_round_trip(*report);
    }
    return 0;
}
