// verify --format table|json.
#include "parscore/core/plural.hpp"
#include "parscore/output/json_writer.hpp"
#include "parscore/publication/verification.hpp"

namespace parscore::engine {

namespace {

std::string describe(const PublicationCheck& p) {
    return "publication " + std::to_string(p.id) + " (" + p.rulebook_id + " " + p.rulebook_version + ", year " +
           std::to_string(p.year) + ", basis " + inspections::basis_name(p.basis) + ", revision " +
           std::to_string(p.last_revision) + ")";
}

}  // namespace

std::string render_verification_table(const VerificationReport& r) {
    std::string out =
        "hash chains: " + core::count_of(r.inspections, "inspection") + ", last revision " +
        std::to_string(r.last_revision) + ": " +
        (r.chain_problems.empty() ? std::string("ok") : core::count_of(r.chain_problems.size(), "problem")) + "\n";
    for (const inspections::ChainProblem& p : r.chain_problems) {
        out += "  " + (p.inspection.empty() ? std::string("database") : "inspection " + p.inspection) + ": " +
               p.message + "\n";
    }
    if (r.publications.empty()) out += "publications: none\n";
    for (const PublicationCheck& p : r.publications) {
        out += describe(p) + ": " +
               (p.problems.empty() ? std::string("ok") : core::count_of(p.problems.size(), "problem")) + "\n";
        for (const std::string& problem : p.problems) out += "  " + problem + "\n";
    }
    if (r.evidence_hash) {
        const EvidenceHashCheck& e = *r.evidence_hash;
        if (!e.publication) {
            out += "evidence hash: nothing is published to compare " + e.expected + " with\n";
        } else if (e.matches) {
            out += "evidence hash: publication " + std::to_string(*e.publication) + " has " + e.published +
                   ", as expected\n";
        } else {
            out += "evidence hash: publication " + std::to_string(*e.publication) + " has " + e.published +
                   ", expected " + e.expected + "\n";
        }
    }
    const std::size_t problems = r.problem_count();
    out += problems == 0 ? "verify: no problems\n" : "verify: " + core::count_of(problems, "problem") + "\n";
    return out;
}

std::string render_verification_json(const VerificationReport& r) {
    std::string out;
    JsonWriter w(out);
    w.begin_object();
    w.field("ok", r.clean()).field("problems", static_cast<std::int64_t>(r.problem_count()));
    w.field("inspections", static_cast<std::int64_t>(r.inspections)).field("last_revision", r.last_revision);
    w.key("chain_problems").begin_array();
    for (const inspections::ChainProblem& p : r.chain_problems) {
        w.begin_object();
        if (p.inspection.empty()) w.null_field("inspection");
        else w.field("inspection", p.inspection);
        w.field("message", p.message).end_object();
    }
    w.end_array();
    w.key("publications").begin_array();
    for (const PublicationCheck& p : r.publications) {
        w.begin_object().field("id", p.id);
        w.key("rulebook")
            .begin_object()
            .field("id", p.rulebook_id)
            .field("version", p.rulebook_version)
            .field("sha256", p.rulebook_sha256)
            .end_object();
        w.field("year", p.year)
            .field("basis", inspections::basis_name(p.basis))
            .field("last_revision", p.last_revision);
        w.field("evidence_sha256", p.evidence_sha256);
        if (p.rescored_evidence_sha256.empty()) w.null_field("rescored_evidence_sha256");
        else w.field("rescored_evidence_sha256", p.rescored_evidence_sha256);
        w.field("ok", p.problems.empty());
        w.key("problems").begin_array();
        for (const std::string& problem : p.problems) w.value(problem);
        w.end_array().end_object();
    }
    w.end_array();
    if (r.evidence_hash) {
        const EvidenceHashCheck& e = *r.evidence_hash;
        w.key("evidence_hash").begin_object().field("expected", e.expected);
        if (e.publication) w.field("publication", *e.publication).field("published", e.published);
        else w.null_field("publication").null_field("published");
        w.field("ok", e.matches).end_object();
    } else {
        w.null_field("evidence_hash");
    }
    w.end_object();
    out += '\n';
    return out;
}

}  // namespace parscore::engine
