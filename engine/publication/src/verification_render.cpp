// verify --format table|json.
#include "parscore/i18n/translate.hpp"
#include "parscore/output/json_writer.hpp"
#include "parscore/output/terms.hpp"
#include "parscore/publication/verification.hpp"

namespace parscore::engine {

namespace {

using i18n::Language;

std::string describe(Language lang, const PublicationCheck& p) {
    return i18n::tr(lang, "publication {id} ({rulebook} {version}, year {year}, basis {basis}, revision {revision})",
                    {{"id", std::to_string(p.id)},
                     {"rulebook", p.rulebook_id},
                     {"version", p.rulebook_version},
                     {"year", std::to_string(p.year)},
                     {"basis", terms::basis(lang, p.basis)},
                     {"revision", std::to_string(p.last_revision)}});
}

std::string chain_problem(Language lang, const inspections::ChainProblem& p) {
    return p.text.empty() ? p.message : i18n::localize(lang, p.text);
}

std::string problems_or_ok(Language lang, std::size_t problems) {
    return problems == 0 ? i18n::trc(lang, "verify", "ok")
                         : i18n::trnc(lang, "verify", "{n} problem", "{n} problems", problems);
}

/// A database whose changes were never made by an account has an empty audit log: nothing to say.
std::string audit_lines(Language lang, const VerificationReport& r) {
    if (r.audit_rows == 0 && r.audit_problems.empty()) return "";
    std::string out = i18n::tr(lang, "audit log: {rows}: {state}",
                               {{"rows", i18n::trn(lang, "{n} row", "{n} rows", r.audit_rows)},
                                {"state", problems_or_ok(lang, r.audit_problems.size())}}) +
                      "\n";
    for (const inspections::AuditProblem& p : r.audit_problems)
        out += "  " + (p.text.empty() ? p.message : i18n::localize(lang, p.text)) + "\n";
    return out;
}

std::string evidence_hash_line(Language lang, const EvidenceHashCheck& e) {
    if (!e.publication) {
        return i18n::tr(lang, "evidence hash: nothing is published to compare {expected} with",
                        {{"expected", e.expected}});
    }
    const std::string publication = std::to_string(*e.publication);
    if (e.matches) {
        return i18n::tr(lang, "evidence hash: publication {publication} has {published}, as expected",
                        {{"publication", publication}, {"published", e.published}});
    }
    return i18n::tr(lang, "evidence hash: publication {publication} has {published}, expected {expected}",
                    {{"publication", publication}, {"published", e.published}, {"expected", e.expected}});
}

}  // namespace

std::string render_verification_table(const VerificationReport& r, Language lang) {
    std::string out = i18n::tr(lang, "hash chains: {inspections}, last revision {revision}: {state}",
                               {{"inspections", i18n::trn(lang, "{n} inspection", "{n} inspections", r.inspections)},
                                {"revision", std::to_string(r.last_revision)},
                                {"state", problems_or_ok(lang, r.chain_problems.size())}}) +
                      "\n";
    for (const inspections::ChainProblem& p : r.chain_problems) {
        out += "  " +
               (p.inspection.empty()
                    ? i18n::trc(lang, "verify", "database: {problem}", {{"problem", chain_problem(lang, p)}})
                    : i18n::trc(lang, "verify", "inspection {inspection}: {problem}",
                                {{"inspection", p.inspection}, {"problem", chain_problem(lang, p)}})) +
               "\n";
    }
    out += audit_lines(lang, r);
    if (r.publications.empty()) out += i18n::tr(lang, "publications: none") + "\n";
    for (const PublicationCheck& p : r.publications) {
        out += describe(lang, p) + ": " + problems_or_ok(lang, p.problems.size()) + "\n";
        for (std::size_t i = 0; i < p.problems.size(); ++i) {
            const bool text = i < p.problem_texts.size();
            out += "  " + (text ? i18n::localize(lang, p.problem_texts[i]) : p.problems[i]) + "\n";
        }
    }
    if (r.evidence_hash) out += evidence_hash_line(lang, *r.evidence_hash) + "\n";
    const std::size_t problems = r.problem_count();
    out += (problems == 0 ? i18n::tr(lang, "verify: no problems")
                          : i18n::trn(lang, "verify: {n} problem", "verify: {n} problems", problems)) +
           "\n";
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
    w.field("audit_rows", static_cast<std::int64_t>(r.audit_rows));
    w.key("audit_problems").begin_array();
    for (const inspections::AuditProblem& p : r.audit_problems) {
        w.begin_object();
        if (p.no) w.field("no", *p.no);
        else w.null_field("no");
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
