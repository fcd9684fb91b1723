// Recording one report sent as text (the server's uploads): the rulebook adopted for the report's
// year gives the schema, and a client id makes a resend safe (docs/api.md, "Inspections").
#include <cctype>
#include <map>
#include <mutex>

#include "log.hpp"
#include "parscore/app/access.hpp"
#include "parscore/app/recording.hpp"
#include "parscore/app/rulebook.hpp"
#include "parscore/app/store.hpp"
#include "parscore/core/sha256.hpp"
#include "parscore/core/text_file.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/inspections/report.hpp"

namespace parscore::app {

namespace {

namespace ins = parscore::inspections;

/// The evidence schema of an adopted rulebook. Loading a rulebook costs milliseconds and a server
/// records many reports under the same one, so schemas are kept by the hash of the files' text
/// as stored (recomputed here: a changed file is a new key, never a stale schema).
core::EvidenceSchema schema_of(const ins::Adoption& adoption) {
    core::Sha256 digest;
    for (const ins::PublishedFile& f : adoption.files) {
        digest.update(f.path).update(std::string_view("\0", 1)).update(f.text).update(std::string_view("\0", 1));
    }
    const std::string key = digest.hex();
    static std::mutex lock;
    static std::map<std::string, core::EvidenceSchema> loaded;
    {
        const std::lock_guard guard(lock);
        if (const auto found = loaded.find(key); found != loaded.end()) return found->second;
    }
    core::EvidenceSchema schema = adopted_rulebook(adoption).rulebook.evidence;
    const std::lock_guard guard(lock);
    if (loaded.size() >= 16) loaded.clear();  // a few years' rulebooks; a bound, not an eviction policy
    loaded.emplace(key, schema);
    return schema;
}

/// The evidence schema of the rulebook adopted for `year`; Invalid, naming the year, when none is.
core::EvidenceSchema adopted_schema(const ins::Store& store, int year) {
    std::optional<ins::Adoption> adoption = store.adoption_in_force(year);
    if (!adoption) {
        throw Error(ErrorKind::Invalid,
                    core::T_("no rulebook is adopted for {year}", {{"year", std::to_string(year)}}));
    }
    return schema_of(*adoption);
}

/// The client id as stored: lower case, so that a UUID is one id however it is written.
std::optional<std::string> stored_client_id(const std::optional<std::string>& id) {
    if (!id) return std::nullopt;
    if (!is_client_id(*id)) {
        throw Error(ErrorKind::BadRequest,
                    core::T_("client_id must be a UUID (8-4-4-4-12 hexadecimal digits), found '{id}'",
                             {{"id", core::printable(id->substr(0, 60))}}));
    }
    std::string lower = *id;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower;
}

Error client_id_taken(const std::string& id) {
    return Error(ErrorKind::Invalid,
                 core::T_("client id {id} was sent before with another report", {{"id", "'" + id + "'"}}));
}

/// Stores a validated report; an equal inspection already stored is Invalid. A resend must name
/// an inspection the actor can read: a client id is no way to learn of another's.
void store_one(const RecordReportRequest& request, ins::Store& store, const Access& access, const ins::Report& report,
               const core::EvidenceSchema& schema, const std::optional<std::string>& client_id,
               RecordReportResult& result) {
    ins::RecordOptions options;
    options.recorded_by = request.actor.name;
    options.client_id = client_id;
    const ins::RecordOutcome outcome = store.record(report, schema, options);
    if (outcome.id.empty()) {
        throw Error(ErrorKind::Invalid,
                    core::T_("the same unit, date, kind and findings are already stored as inspection {id}",
                             {{"id", outcome.duplicate_of}}));
    }
    if (outcome.resent) {
        const auto stored = store.inspection(outcome.id);
        if (!stored || !access.may_read(stored->summary)) throw client_id_taken(*client_id);
    }
    result.id = outcome.id;
    result.resent = outcome.resent;
    log_info(request, "{}: {} inspection {}", request.report.name,
             outcome.resent ? "already recorded as" : "recorded as", outcome.id);
}

}  // namespace

bool is_client_id(std::string_view text) {
    if (text.size() != 36) return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? text[i] != '-' : !std::isxdigit(static_cast<unsigned char>(text[i]))) return false;
    }
    return true;
}

RecordReportResult record_report(const RecordReportRequest& request) {
    const std::optional<std::string> client_id = stored_client_id(request.client_id);
    RecordReportResult result;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::Existing);
        const Access access = Access::of(request, store);
        if (!access.allows(Action::RecordInspection)) access.require(Action::RecordSelf);
        const ins::KnownUnits units = access.known_units();
        Problems& problems = result.problems;
        const ins::InputFile in = ins::input_text(request.report.name, request.report.text, core::kMaxRuleFileBytes,
                                                  problems.sources, problems.diagnostics);
        if (problems.diagnostics.has_errors()) return;
        // The year picks the schema, so the `inspection` block is read first.
        const std::optional<int> year = ins::read_report_year(problems.sources, *in.file, units, problems.diagnostics);
        if (!year) return;
        const core::EvidenceSchema schema = adopted_schema(store, *year);
        const auto report = ins::read_report(problems.sources, *in.file, schema, units, problems.diagnostics);
        problems.diagnostics.sort();
        if (!report) return;
        access.require_on_unit(Access::recording_action(report->header.kind), report->header.unit);
        store_one(request, store, access, *report, schema, client_id, result);
    });
    return result;
}

}  // namespace parscore::app
