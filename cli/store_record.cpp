// units import, record, import, amend: everything that validates input files and stores them.
#include <CLI/CLI.hpp>
#include <chrono>
#include <limits>

#include "parscore/core/plural.hpp"
#include "parscore/core/suggest.hpp"
#include "parscore/core/text_file.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/inspections/evidence_csv.hpp"
#include "parscore/inspections/codes.hpp"
#include "parscore/inspections/report.hpp"
#include "store_cli.hpp"

namespace parscore::cli::store {

namespace {

namespace ins = parscore::inspections;

/// CSV files have no 16 MiB limit; positions are 32-bit byte offsets.
constexpr std::size_t kMaxCsvBytes = std::numeric_limits<std::uint32_t>::max() - 1;

/// Reads a file or reports why it cannot be; returns nullopt after a problem (exit code set).
std::optional<ins::InputFile> read_file(Context& ctx, const std::string& path, std::size_t limit,
                                        core::SourceSet& sources, core::Diagnostics& diags) {
    ins::InputFile in = ins::read_input_file(path, limit, sources, diags);
    if (in.io_failure) {
        ctx.err << "parscore: error: " << in.io_message << "\n";
        ctx.exit_code = kIo;
        return std::nullopt;
    }
    return in;
}

int worst(int a, int b) { return (a == kIo || b == kIo) ? kIo : std::max(a, b); }

void units_import(Context& ctx, const std::string& path) {
    core::SourceSet sources;
    core::Diagnostics diags;
    auto in = read_file(ctx, path, kMaxCsvBytes, sources, diags);
    if (!in) return;
    ins::Store store = open_store(ctx, ins::OpenMode::CreateOnCommit);
    std::optional<ins::UnitsUpdate> update;
    if (!diags.has_errors()) update = ins::read_units_csv(sources, *in->file, store.units(), diags);
    if (!update) {
        ctx.print_diagnostics(diags, sources);
        ctx.exit_code = worst(ctx.exit_code, kInvalid);
        return;
    }
    const ins::UnitsOutcome outcome = store.update_units(*update);
    store.commit_creation();
    ctx.out << "units: " << outcome.added << " added, " << outcome.updated << " updated, " << outcome.unchanged
            << " unchanged\n";
}

struct RecordArgs {
    std::string rules;
    std::vector<std::string> files;
    bool again = false;
};

void record(Context& ctx, const RecordArgs& args) {
    auto schema = load_schema(ctx, args.rules);
    if (!schema) return;
    ins::Store store = open_store(ctx, ins::OpenMode::CreateOnCommit);
    const std::vector<std::string> units = unit_ids(store);
    core::SourceSet sources;
    core::Diagnostics diags;
    int code = kOk;
    std::vector<std::string> refused;
    for (const std::string& path : args.files) {
        core::Diagnostics file_diags;
        ins::InputFile in = ins::read_input_file(path, core::kMaxRuleFileBytes, sources, file_diags);
        if (in.io_failure) {
            ctx.err << "parscore: error: " << in.io_message << "\n";
            ctx.out << "\n";
            code = worst(code, kIo);
            continue;
        }
        std::optional<ins::Report> report;
        if (!file_diags.has_errors()) report = ins::read_report(sources, *in.file, *schema, units, file_diags);
        diags.append(file_diags);
        if (!report) {
            ctx.out << "\n";
            code = worst(code, kInvalid);
            continue;
        }
        ins::RecordOptions options;
        options.again = args.again;
        try {
            ins::RecordOutcome outcome = store.record(*report, *schema, options);
            if (outcome.id.empty()) {
                refused.push_back(path + ": refused: the same unit, date, kind and findings are already stored as inspection " +
                                  outcome.duplicate_of + " (use --again to record it anyway)");
                ctx.out << "\n";
                code = worst(code, kInvalid);
                continue;
            }
            ctx.out << outcome.id << "\n";
        } catch (const ins::StoreError& e) {
            if (e.exit_code() != kInvalid) throw;
            refused.push_back(path + ": refused: " + e.what());
            ctx.out << "\n";
            code = worst(code, kInvalid);
        }
        ctx.out.flush();
    }
    diags.sort();
    ctx.print_diagnostics(diags, sources);
    for (const std::string& r : refused) ctx.err << "parscore: error: " << r << "\n";
    ctx.exit_code = worst(ctx.exit_code, code);
    if (ctx.exit_code == kOk) store.commit_creation();
}

struct ImportArgs {
    std::string rules, kind, file, inspection_kind = "scheduled";
    bool again = false;
};

void import(Context& ctx, const ImportArgs& args) {
    auto schema = load_schema(ctx, args.rules);
    if (!schema) return;
    if (!schema->find(args.kind)) {
        std::vector<std::string> names;
        for (const auto& k : schema->kinds) names.push_back(k.name);
        throw CliError(kInvalid, "the rulebook has no evidence kind '" + args.kind + "'" + core::did_you_mean(args.kind, names));
    }
    const ins::InspectionKind inspection_kind = *ins::parse_inspection_kind(args.inspection_kind);
    core::SourceSet sources;
    core::Diagnostics diags;
    auto in = read_file(ctx, args.file, kMaxCsvBytes, sources, diags);
    if (!in) return;
    ins::Store store = open_store(ctx, ins::OpenMode::CreateOnCommit);
    if (!args.again && !diags.has_errors()) {
        if (auto when = store.imported_before(in->raw_sha256)) {
            diags.error(ins::csv::kImportedBefore, core::Span{*in->file, 0, 0},
                        "this file (SHA-256 " + in->raw_sha256.substr(0, 12) + "…) was imported on " + *when +
                            "; use --again to import it once more");
        }
    }
    std::optional<ins::ImportBatch> batch;
    if (!diags.has_errors()) {
        const bool bar = ctx.stderr_is_terminal;
        auto last = std::chrono::steady_clock::now();
        ins::Progress progress;
        if (bar) {
            progress = [&](std::size_t done, std::size_t total) {
                const auto now = std::chrono::steady_clock::now();
                if (done < total && now - last < std::chrono::milliseconds(100)) return;
                last = now;
                const int pct = total ? static_cast<int>(done * 100 / total) : 100;
                const int filled = pct * 30 / 100;
                ctx.err << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
                        << std::string(static_cast<std::size_t>(30 - filled), ' ') << "] " << pct << "% reading "
                        << args.file << std::flush;
            };
        }
        batch = ins::read_evidence_csv(sources, *in->file, *schema, args.kind, unit_ids(store), diags, progress);
        if (bar) ctx.err << "\r\x1b[K" << std::flush;
    }
    if (!batch) {
        ctx.print_diagnostics(diags, sources);
        ctx.exit_code = worst(ctx.exit_code, kInvalid);
        return;
    }
    batch->path = args.file;
    batch->file_sha256 = in->raw_sha256;
    ins::ImportOptions options;
    options.kind = inspection_kind;
    options.again = args.again;
    const ins::ImportOutcome outcome = store.import_batch(*batch, *schema, options);
    if (outcome.refused) {
        throw CliError(kInvalid, args.file + " was imported on " + outcome.previous_import_at + "; use --again to import it once more");
    }
    store.commit_creation();
    ctx.out << "imported " << core::count_of(batch->rows, "row") << " of " << args.kind << " as "
            << core::count_of(outcome.inspections, "inspection");
    if (outcome.inspections) ctx.out << " (revisions " << outcome.first_revision << "–" << outcome.last_revision << ")";
    ctx.out << "\n";
}

struct AmendArgs {
    std::string id, file, reason, rules;
};

void amend(Context& ctx, const AmendArgs& args) {
    ins::Store store = open_store(ctx, ins::OpenMode::Existing);
    auto detail = store.inspection(args.id);
    if (!detail) throw CliError(kInvalid, "unknown inspection '" + args.id + "'");
    if (detail->summary.status == ins::Status::Locked) throw CliError(kInvalid, "inspection " + args.id + " is locked");
    core::EvidenceSchema schema = detail->schema;
    if (!args.rules.empty()) {
        auto loaded = load_schema(ctx, args.rules);
        if (!loaded) return;
        schema = std::move(*loaded);
    }
    if (args.reason.empty()) throw CliError(kUsage, "--reason: expected a reason, found an empty text");
    core::SourceSet sources;
    core::Diagnostics diags;
    auto in = read_file(ctx, args.file, core::kMaxRuleFileBytes, sources, diags);
    if (!in) return;
    std::optional<ins::Report> report;
    if (!diags.has_errors()) report = ins::read_report(sources, *in->file, schema, unit_ids(store), diags, detail->summary.unit);
    if (!report) {
        ctx.print_diagnostics(diags, sources);
        ctx.exit_code = worst(ctx.exit_code, kInvalid);
        return;
    }
    const ins::AmendOutcome outcome = store.amend(args.id, *report, schema, core::to_nfc(args.reason));
    if (outcome.identical) {
        ctx.err << "parscore: " << args.id << " is unchanged: the report equals its latest revision ("
                << outcome.revision << "); nothing was stored\n";
        return;
    }
    ctx.out << args.id << " amended (revision " << outcome.revision << ")\n";
}

}  // namespace

void add_record_commands(CLI::App& app, Context& ctx) {
    CLI::App* units = app.add_subcommand("units", "Manage the units (agencies) being evaluated");
    units->require_subcommand(1);
    auto unit_file = std::make_shared<std::string>();
    CLI::App* units_import_cmd = units->add_subcommand("import", "Add or update units from a CSV file (id,name,category[,parent,active_from,active_to])");
    units_import_cmd->add_option("FILE", *unit_file, "Units CSV file")->required();
    units_import_cmd->callback([&ctx, unit_file] { guarded(ctx, [&] { units_import(ctx, *unit_file); }); });
    add_units_list_command(*units, ctx);

    auto rec = std::make_shared<RecordArgs>();
    CLI::App* r = app.add_subcommand("record", "Validate inspection reports and store each one atomically");
    r->add_option("--rules", rec->rules, "Rulebook whose evidence schema the reports follow")->required();
    r->add_option("REPORT", rec->files, "Report YAML files")->required();
    r->add_flag("--again", rec->again, "Record a report even when an equal inspection is stored");
    r->callback([&ctx, rec] { guarded(ctx, [&] { record(ctx, *rec); }); });

    auto imp = std::make_shared<ImportArgs>();
    CLI::App* i = app.add_subcommand("import", "Import records or a fact of one evidence kind from CSV, all or nothing");
    i->add_option("--rules", imp->rules, "Rulebook whose evidence schema the file follows")->required();
    i->add_option("--kind", imp->kind, "Evidence kind of the file")->required();
    i->add_option("FILE", imp->file, "CSV file: unit,date[,year], then the kind's fields (a fact: value)")->required();
    i->add_option("--inspection-kind", imp->inspection_kind, "Kind of the inspections created (default: scheduled)")
        ->check(CLI::IsMember({"surprise", "scheduled", "thematic", "other", "self"}));
    i->add_flag("--again", imp->again, "Import even when the same file was imported before");
    i->callback([&ctx, imp] { guarded(ctx, [&] { import(ctx, *imp); }); });

    auto am = std::make_shared<AmendArgs>();
    CLI::App* a = app.add_subcommand("amend", "Replace a draft or submitted inspection's findings with a new revision");
    a->add_option("ID", am->id, "Inspection id")->required();
    a->add_option("REPORT", am->file, "The corrected report (YAML)")->required();
    a->add_option("--reason", am->reason, "Why the findings change")->required();
    a->add_option("--rules", am->rules, "Validate against this rulebook instead of the schema the inspection was recorded with");
    a->callback([&ctx, am] { guarded(ctx, [&] { amend(ctx, *am); }); });
}

}  // namespace parscore::cli::store
