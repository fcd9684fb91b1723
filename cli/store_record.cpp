// units import, record, import, amend: everything that validates input files and stores them.
#include <CLI/CLI.hpp>
#include <chrono>

#include "parscore/app/recording.hpp"
#include "parscore/app/units.hpp"
#include "store_cli.hpp"

namespace parscore::cli::store {

namespace {

namespace ins = parscore::inspections;
using Outcome = app::RecordedReport::Outcome;

void units_import(Context& ctx, const std::string& file) {
    auto request = ctx.request<app::UnitsImportRequest>();
    request.file = file;
    const app::UnitsImportResult result = app::import_units(request);
    if (!result.outcome) {
        print_problems(ctx, result.problems);
        ctx.exit_code = worst(ctx.exit_code, kInvalid);
        return;
    }
    const ins::UnitsOutcome& o = *result.outcome;
    ctx.out << i18n::tr(ctx.lang, "units: {added} added, {updated} updated, {unchanged} unchanged",
                        {{"added", number_text(ctx.lang, static_cast<std::int64_t>(o.added))},
                         {"updated", number_text(ctx.lang, static_cast<std::int64_t>(o.updated))},
                         {"unchanged", number_text(ctx.lang, static_cast<std::int64_t>(o.unchanged))}})
            << "\n";
}

struct RecordOptions {
    std::string rules;
    std::vector<std::string> files;
    bool again = false;
};

/// The line that says why a report was not recorded, after the diagnostics; empty for none.
std::string refusal(i18n::Language lang, const app::RecordedReport& r) {
    if (r.outcome == Outcome::Duplicate) {
        return i18n::tr(lang,
                        "{file}: refused: the same unit, date, kind and findings are already stored as inspection "
                        "{id} (use --again to record it anyway)",
                        {{"file", r.path}, {"id", r.duplicate_of}});
    }
    if (r.outcome != Outcome::Refused) return {};
    return i18n::tr(lang, "{file}: refused: {reason}", {{"file", r.path}, {"reason", i18n::localize(lang, r.message)}});
}

int exit_code_of(const app::RecordedReport& r) {
    switch (r.outcome) {
        case Outcome::Recorded: return kOk;
        case Outcome::Unreadable: return kIo;
        default: return kInvalid;
    }
}

// One line on stdout per report, as it is handled: its id, or an empty line when it was not
// recorded, so that line N answers for the Nth file.
void record(Context& ctx, const RecordOptions& o) {
    auto request = ctx.request<app::RecordRequest>();
    request.rulebook = o.rules;
    request.reports = o.files;
    request.again = o.again;
    request.on_report = [&ctx](const app::RecordedReport& r) {
        if (r.outcome == Outcome::Unreadable)
            ctx.err << "parscore: error: " << i18n::localize(ctx.lang, r.message) << "\n";
        ctx.out << r.id << "\n" << std::flush;
    };
    const app::RecordResult result = app::record(request);
    print_problems(ctx, result.problems);
    for (const app::RecordedReport& r : result.reports) {
        if (const std::string line = refusal(ctx.lang, r); !line.empty())
            ctx.err << "parscore: error: " << line << "\n";
        ctx.exit_code = worst(ctx.exit_code, exit_code_of(r));
    }
}

struct ImportOptions {
    std::string rules, kind, file, inspection_kind = "scheduled";
    bool again = false;
};

/// A progress bar on a terminal's stderr while a large file is read; cleared when the import ends.
class ProgressBar {
public:
    ProgressBar(Context& ctx, std::string file) : ctx_(ctx), file_(std::move(file)) {}
    ~ProgressBar() {
        if (drawn_) ctx_.err << "\r\x1b[K" << std::flush;
    }
    void draw(std::size_t done, std::size_t total) {
        const auto now = std::chrono::steady_clock::now();
        if (done < total && now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        drawn_ = true;
        const int pct = total ? static_cast<int>(done * 100 / total) : 100;
        const int filled = pct * 30 / 100;
        ctx_.err << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
                 << std::string(static_cast<std::size_t>(30 - filled), ' ') << "] "
                 << i18n::tr(ctx_.lang, "{percent}% reading {file}",
                             {{"percent", std::to_string(pct)}, {"file", file_}})
                 << std::flush;
    }

private:
    Context& ctx_;
    std::string file_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
    bool drawn_ = false;
};

void import(Context& ctx, const ImportOptions& o) {
    auto request = ctx.request<app::ImportRequest>();
    request.rulebook = o.rules;
    request.kind = o.kind;
    request.file = o.file;
    request.inspection_kind = *ins::parse_inspection_kind(o.inspection_kind);
    request.again = o.again;
    ProgressBar bar(ctx, o.file);
    if (ctx.stderr_is_terminal)
        request.progress = [&bar](std::size_t done, std::size_t total) { bar.draw(done, total); };
    const app::ImportResult result = app::import_csv(request);
    if (!result.outcome) {
        print_problems(ctx, result.problems);
        ctx.exit_code = worst(ctx.exit_code, kInvalid);
        return;
    }
    const ins::ImportOutcome& outcome = *result.outcome;
    const std::string rows = i18n::trn(ctx.lang, "{n} row", "{n} rows", result.rows,
                                       {{"n", number_text(ctx.lang, static_cast<std::int64_t>(result.rows))}});
    const std::string made = i18n::trn(ctx.lang, "{n} inspection", "{n} inspections", outcome.inspections,
                                       {{"n", number_text(ctx.lang, static_cast<std::int64_t>(outcome.inspections))}});
    if (!outcome.inspections) {
        ctx.out << i18n::tr(ctx.lang, "imported {rows} of {kind} as {inspections}",
                            {{"rows", rows}, {"kind", o.kind}, {"inspections", made}})
                << "\n";
        return;
    }
    const std::string revisions = number_text(ctx.lang, outcome.first_revision) + "–" +
                                  number_text(ctx.lang, outcome.last_revision);
    ctx.out << i18n::tr(ctx.lang, "imported {rows} of {kind} as {inspections} (revisions {range})",
                        {{"rows", rows}, {"kind", o.kind}, {"inspections", made}, {"range", revisions}})
            << "\n";
}

struct AmendOptions {
    std::string id, file, reason, rules;
};

void amend(Context& ctx, const AmendOptions& o) {
    auto request = ctx.request<app::AmendRequest>();
    request.id = o.id;
    request.report = o.file;
    request.reason = o.reason;
    if (!o.rules.empty()) request.rulebook = o.rules;
    const app::AmendResult result = app::amend(request);
    if (!result.outcome) {
        print_problems(ctx, result.problems);
        ctx.exit_code = worst(ctx.exit_code, kInvalid);
        return;
    }
    if (result.outcome->identical) {
        ctx.err << "parscore: "
                << i18n::tr(ctx.lang,
                            "{id} is unchanged: the report equals its latest revision ({revision}); nothing was stored",
                            {{"id", o.id}, {"revision", number_text(ctx.lang, result.outcome->revision)}})
                << "\n";
        return;
    }
    ctx.out << i18n::tr(ctx.lang, "{id} amended (revision {revision})",
                        {{"id", o.id}, {"revision", number_text(ctx.lang, result.outcome->revision)}})
            << "\n";
}

const std::vector<std::string> kInspectionKinds = {"surprise", "scheduled", "thematic", "other", "self"};

void add_units_import_command(CLI::App& units, Context& ctx) {
    auto& file = ctx.own<std::string>();
    CLI::App* cmd = units.add_subcommand(
        "import",
        i18n::tr(ctx.lang, "Add or update units from a CSV file (id,name,category[,parent,active_from,active_to])"));
    cmd->add_option("FILE", file, i18n::tr(ctx.lang, "Units CSV file"))->required();
    cmd->callback([&ctx, &file] { units_import(ctx, file); });
}

void add_record_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<RecordOptions>();
    CLI::App* r = app.add_subcommand("record",
                                     i18n::tr(ctx.lang, "Validate inspection reports and store each one atomically"));
    r->add_option("--rules", o.rules, i18n::tr(ctx.lang, "Rulebook whose evidence schema the reports follow"))
        ->required();
    r->add_option("REPORT", o.files, i18n::tr(ctx.lang, "Report YAML files"))->required();
    r->add_flag("--again", o.again, i18n::tr(ctx.lang, "Record a report even when an equal inspection is stored"));
    r->callback([&ctx, &o] { record(ctx, o); });
}

void add_import_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<ImportOptions>();
    CLI::App* i = app.add_subcommand(
        "import", i18n::tr(ctx.lang, "Import records or a fact of one evidence kind from CSV, all or nothing"));
    i->add_option("--rules", o.rules, i18n::tr(ctx.lang, "Rulebook whose evidence schema the file follows"))
        ->required();
    i->add_option("--kind", o.kind, i18n::tr(ctx.lang, "Evidence kind of the file"))->required();
    i->add_option("FILE", o.file,
                  i18n::tr(ctx.lang, "CSV file: unit,date[,year], then the kind's fields (a fact: value)"))
        ->required();
    i->add_option("--inspection-kind", o.inspection_kind,
                  i18n::tr(ctx.lang, "Kind of the inspections created (default: scheduled)"))
        ->check(CLI::IsMember(kInspectionKinds));
    i->add_flag("--again", o.again, i18n::tr(ctx.lang, "Import even when the same file was imported before"));
    i->callback([&ctx, &o] { import(ctx, o); });
}

void add_amend_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<AmendOptions>();
    CLI::App* a = app.add_subcommand(
        "amend",
        i18n::tr(ctx.lang, "Replace a draft, submitted or returned inspection's findings with a new revision"));
    a->add_option("ID", o.id, i18n::tr(ctx.lang, "Inspection id"))->required();
    a->add_option("REPORT", o.file, i18n::tr(ctx.lang, "The corrected report (YAML)"))->required();
    a->add_option("--reason", o.reason, i18n::tr(ctx.lang, "Why the findings change"))->required();
    a->add_option("--rules", o.rules,
                  i18n::tr(ctx.lang,
                           "Validate against this rulebook instead of the schema the inspection was recorded with"));
    a->callback([&ctx, &o] { amend(ctx, o); });
}

}  // namespace

void add_record_commands(CLI::App& app, Context& ctx) {
    CLI::App* units = app.add_subcommand("units", i18n::tr(ctx.lang, "Manage the units (agencies) being evaluated"));
    units->require_subcommand(1);
    add_units_import_command(*units, ctx);
    add_units_list_command(*units, ctx);
    add_record_command(app, ctx);
    add_import_command(app, ctx);
    add_amend_command(app, ctx);
}

}  // namespace parscore::cli::store
