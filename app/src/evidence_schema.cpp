#include "parscore/app/evidence_schema.hpp"

#include <memory>

#include "parscore/rules/loader.hpp"

namespace parscore::app {

core::EvidenceSchema load_evidence_schema(const std::string& path) {
    auto problems = std::make_shared<Problems>();
    core::Diagnostics diags;
    rules::LoadOutcome outcome = rules::load_rulebook(path, problems->sources, diags);
    if (outcome.rulebook) return std::move(outcome.rulebook->evidence);
    if (outcome.io_failure) throw Error(ErrorKind::Io, core::T_("cannot read rulebook '{path}'", {{"path", path}}));
    // Warnings would only distract from why the reports cannot be read.
    for (const core::Diagnostic& d : diags) {
        if (d.severity == core::Severity::Error || d.severity == core::Severity::Note) problems->diagnostics.add(d);
    }
    if (problems->diagnostics.empty()) problems->diagnostics = std::move(diags);
    throw Error(ErrorKind::Invalid, core::T_("rulebook '{path}' has errors", {{"path", path}}), problems);
}

}  // namespace parscore::app
