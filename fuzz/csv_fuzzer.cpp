// Fuzzes the CSV readers (docs/reference/database.md): the evidence import of every kind of the
// store tests' schema (tests/inspections/data/rulebook.yaml: keyed, unkeyed and `latest` record
// kinds; bool and percent facts) and the units import, against stored units. No database is
// involved: the readers only validate and build what the store would write. Every blob of an
// accepted import must decode to as many records as the import counted.
#include <cstddef>
#include <cstdint>
#include <string>

#include "findings_blob.hpp"
#include "fuzz_schema.hpp"
#include "parscore/core/text_file.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/inspections/evidence_csv.hpp"

namespace {

using namespace parscore;

std::vector<inspections::UnitInfo> stored_units() {
    std::vector<inspections::UnitInfo> units(4);
    units[0] = {"so-noi-vu", "Sở Nội vụ", "department", std::nullopt, 2010, std::nullopt};
    units[1] = {"so-tu-phap", "Sở Tư pháp", "department", std::nullopt, std::nullopt, std::nullopt};
    units[2] = {"ubnd-lac-son", "UBND huyện Lạc Sơn", "district", std::nullopt, std::nullopt, 2025};
    units[3] = {"xa-an-binh", "UBND xã An Bình", "commune", std::string("ubnd-lac-son"), 2026, std::nullopt};
    return units;
}

void check_batch(const inspections::ImportBatch& batch) {
    std::size_t records = 0;
    for (const auto& in : batch.inspections) {
        const inspections::KindFindings k = inspections::blob::decode(batch.kind, batch.fact, in.blob);
        if (k.rows() != in.records && !(k.fields.empty() && in.records == 0)) {
            fuzzing::violated("an imported blob decodes to another record count", batch.kind);
        }
        records += in.records;
    }
    if (records > batch.rows) fuzzing::violated("more records than rows", batch.kind);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const core::EvidenceSchema schema = fuzzing::schema_of("tests/inspections/data/rulebook.yaml");
    static const std::vector<inspections::UnitInfo> units = stored_units();
    static const std::vector<std::string> unit_ids = {"so-noi-vu", "so-tu-phap", "ubnd-lac-son", "xa-an-binh"};

    std::string text(reinterpret_cast<const char*>(data), size);
    core::normalize_text(text);  // what reading the file does; invalid UTF-8 is reported there
    if (core::find_invalid_utf8(text)) return 0;
    for (const core::KindDef& kind : schema.kinds) {
        core::SourceSet sources;
        core::Diagnostics diags;
        const core::FileId file = sources.add(kind.name + ".csv", text);
        auto batch = inspections::read_evidence_csv(sources, file, schema, kind.name, unit_ids, diags);
        fuzzing::check_diagnostics(diags, sources);
        if (batch.has_value() == diags.has_errors()) {
            fuzzing::violated("an import is returned exactly when there is no error", core::render_all(diags, sources));
        }
        if (batch) check_batch(*batch);
    }
    core::SourceSet sources;
    core::Diagnostics diags;
    const core::FileId file = sources.add("units.csv", text);
    auto update = inspections::read_units_csv(sources, file, units, diags);
    fuzzing::check_diagnostics(diags, sources);
    if (update.has_value() == diags.has_errors()) {
        fuzzing::violated("a units update is returned exactly when there is no error",
                          core::render_all(diags, sources));
    }
    if (update) {
        for (const auto& u : update->units) {
            if (!inspections::is_valid_unit_id(u.id)) fuzzing::violated("an accepted unit id is malformed", u.id);
        }
    }
    return 0;
}
