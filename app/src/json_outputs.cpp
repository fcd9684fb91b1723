// The JSON the command line prints and the server answers for checks, adoptions, the audit log
// and publications: one rendering each, so that both front ends give the same bytes.
#include <nlohmann/json.hpp>

#include "parscore/app/adoption.hpp"
#include "parscore/app/audit.hpp"
#include "parscore/app/publication.hpp"
#include "parscore/app/rulebook_checks.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/output/json_writer.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

namespace {

std::string json_text(std::string_view text) { return engine::json_quoted(core::sanitize_utf8(text)); }

std::string quoted_or_null(const std::optional<std::string>& text) { return text ? json_text(*text) : "null"; }

std::string number_or_null(const std::optional<std::int64_t>& n) { return n ? std::to_string(*n) : "null"; }

/// "[\n  a,\n  b\n]\n", or "[]\n" for none: the listings' shape.
std::string lines_array(const std::vector<std::string>& objects) {
    std::string out = "[";
    for (std::size_t i = 0; i < objects.size(); ++i) out += (i ? ",\n  " : "\n  ") + objects[i];
    return out + (objects.empty() ? "]\n" : "\n]\n");
}

/// A publication's fields, without the closing brace.
std::string publication_fields(const ins::Publication& p) {
    return "{\"id\": " + std::to_string(p.id) + ", \"no\": " + number_or_null(p.no) +
           ", \"year\": " + std::to_string(p.year) + ", \"basis\": " + json_text(ins::basis_name(p.basis)) +
           ", \"rulebook\": {\"id\": " + json_text(p.rulebook_id) + ", \"version\": " + json_text(p.rulebook_version) +
           ", \"sha256\": " + json_text(p.rulebook_sha256) + "}, \"evidence_sha256\": " + json_text(p.evidence_sha256) +
           ", \"last_revision\": " + std::to_string(p.last_revision) +
           ", \"supersede_reason\": " + quoted_or_null(p.supersede_reason) +
           ", \"published_by\": " + json_text(p.published_by) + ", \"published_at\": " + json_text(p.published_at);
}

/// One {file, line, column, end_line, end_column, code, severity, message} per diagnostic. A
/// diagnostic without a position (the rulebook cannot be read) names `path`, with line and column 0.
void append_diagnostics(nlohmann::ordered_json& out, const core::Diagnostics& diags, const core::SourceSet& sources,
                        const std::string& path) {
    for (const core::Diagnostic& d : diags) {
        core::ResolvedPosition p = core::resolve(d, sources);
        if (!d.span) p.file = path;
        out.push_back({{"file", p.file},
                       {"line", p.line},
                       {"column", p.column},
                       {"end_line", p.end_line},
                       {"end_column", p.end_column},
                       {"code", d.code},
                       {"severity", core::severity_name(d.severity)},
                       {"message", d.message}});
    }
}

}  // namespace

std::string check_json(const CheckResult& result) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const CheckResult::Checked& checked : result.rulebooks)
        append_diagnostics(out, checked.diagnostics, result.sources, checked.path);
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string problems_json(const Problems& problems, const std::string& path) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    append_diagnostics(out, problems.diagnostics, problems.sources, path);
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string adoptions_json(const std::vector<AdoptionListing>& list) {
    std::vector<std::string> objects;
    for (const AdoptionListing& l : list) {
        const ins::Adoption& a = l.adoption;
        objects.push_back(
            "{\"no\": " + std::to_string(a.no) + ", \"year\": " + std::to_string(a.year) +
            ", \"rulebook\": {\"id\": " + json_text(a.rulebook_id) + ", \"version\": " + json_text(a.rulebook_version) +
            ", \"sha256\": " + json_text(a.rulebook_sha256) + "}, \"adopted_by\": " + json_text(a.adopted_by) +
            ", \"adopted_at\": " + json_text(a.adopted_at) + ", \"in_force\": " + (l.in_force ? "true" : "false") +
            "}");
    }
    return lines_array(objects);
}

std::string audit_json(const std::vector<ins::AuditEntry>& rows) {
    std::vector<std::string> objects;
    for (const ins::AuditEntry& e : rows) {
        objects.push_back("{\"no\": " + std::to_string(e.no) + ", \"time\": " + json_text(e.time) +
                          ", \"account\": " + json_text(e.account) + ", \"address\": " + json_text(e.address) +
                          ", \"action\": " + json_text(e.action) + ", \"target\": " + json_text(e.target) + "}");
    }
    return lines_array(objects);
}

std::string publications_json(const std::vector<ins::Publication>& list) {
    std::vector<std::string> objects;
    for (const ins::Publication& p : list) objects.push_back(publication_fields(p) + "}");
    return lines_array(objects);
}

std::string publication_json(const ins::Publication& p) {
    std::string files = "[";
    for (std::size_t i = 0; i < p.rulebook_files.size(); ++i) {
        const ins::PublishedFile& f = p.rulebook_files[i];
        files += std::string(i ? ", " : "") + "{\"path\": " + json_text(f.path) +
                 ", \"sha256\": " + json_text(f.sha256) + "}";
    }
    std::string results = p.results;
    while (!results.empty() && (results.back() == '\n' || results.back() == ' ')) results.pop_back();
    // The stored results are spliced in as they are: the bytes `rank --format json` gave.
    return publication_fields(p) + ",\n  \"files\": " + files + "],\n  \"results\": " + results + "\n}\n";
}

}  // namespace parscore::app
