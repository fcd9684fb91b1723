// publish and verify (docs/publishing.md): storing a year's results with what reproduces them, and
// checking the database's hash chains and publications. demo lives in commands_demo.cpp.
#include <algorithm>
#include <memory>

#include <CLI/CLI.hpp>

#include "context.hpp"
#include "demo_command.hpp"
#include "parscore/core/plural.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/publication/publication.hpp"
#include "parscore/publication/verification.hpp"
#include "shared.hpp"

namespace parscore::cli {

namespace {

/// Refusals print at most this many differences; the rest are counted.
constexpr std::size_t kShownDifferences = 20;

struct PublishOptions {
    std::string rules, year, basis = "all", supersede;
    bool allow_incomplete = false;
    bool allow_empty = false;
    bool supersede_given = false;
};

int run_publish(Context& ctx, const PublishOptions& o) {
    engine::PublishRequest request;
    request.year = parse_year_option(o.year);
    core::SourceSet sources;
    rules::Rulebook rulebook = load_rules(o.rules, ctx, sources);
    request.basis = *engine::parse_basis(o.basis);
    request.allow_incomplete = o.allow_incomplete;
    request.allow_empty = o.allow_empty;
    if (o.supersede_given) {
        if (o.supersede.find_first_not_of(" \t") == std::string::npos) {
            throw CliError(kUsage, "--supersede: expected a reason, found an empty text");
        }
        request.supersede_reason = core::to_nfc(o.supersede);
    }
    inspections::Store store = open_store(ctx, inspections::OpenMode::Existing);

    engine::PublishOutcome outcome;
    try {
        outcome = engine::publish(rulebook, store, request);
    } catch (const inspections::StoreError& e) {
        throw CliError(e.exit_code(), e.what());
    }
    print_warnings(ctx, outcome.evaluation.warnings);

    const std::string what = rulebook.id + ", year " + std::to_string(request.year) + ", basis " + o.basis;
    using Result = engine::PublishOutcome::Result;
    switch (outcome.result) {
        case Result::Empty:
            throw CliError(kInvalid, "no inspection counts for " + std::to_string(request.year) + " (basis " + o.basis +
                                         "); nothing was published (--allow-empty publishes anyway)");
        case Result::Incomplete:
            for (const auto& [unit, reason] : outcome.incomplete) {
                ctx.err << "incomplete: " << unit << ": " << core::sanitize_utf8(reason) << "\n";
            }
            throw CliError(kInvalid, std::to_string(outcome.incomplete.size()) +
                                         (outcome.incomplete.size() == 1 ? " unit is" : " units are") +
                                         " incomplete; nothing was published (--allow-incomplete publishes anyway)");
        case Result::Differs: {
            ctx.err << "the results differ from publication " << outcome.publication << " (" << what << "):\n";
            for (std::size_t i = 0; i < outcome.differences.size() && i < kShownDifferences; ++i) {
                ctx.err << "  " << core::sanitize_utf8(outcome.differences[i]) << "\n";
            }
            if (outcome.differences.size() > kShownDifferences) {
                ctx.err << "  … and " << outcome.differences.size() - kShownDifferences << " more\n";
            }
            throw CliError(kInvalid, "nothing was published; --supersede REASON publishes these results in its place");
        }
        case Result::Unchanged:
            ctx.out << "unchanged: publication " << outcome.publication << " already holds these results (" << what
                    << ")\n";
            if (request.supersede_reason) ctx.err << "note: nothing to supersede; the reason was not stored\n";
            break;
        case Result::Published:
            ctx.out << "published: publication " << outcome.publication << " (" << what << ", revision "
                    << outcome.last_revision << ")";
            if (outcome.supersedes) ctx.out << ", superseding publication " << *outcome.supersedes;
            ctx.out << "\n";
            if (request.supersede_reason && !outcome.supersedes) {
                ctx.err << "note: there was no earlier publication to supersede; the reason was not stored\n";
            }
            if (!outcome.incomplete.empty()) {
                ctx.err << "note: published with " << core::count_of(outcome.incomplete.size(), "incomplete unit") << "\n";
            }
            break;
    }
    // Kept outside the database, this lets `verify --evidence-hash` notice a rewritten database.
    ctx.out << "evidence hash: " << outcome.evidence_sha256 << "\n";
    return kOk;
}

struct VerifyOptions {
    std::string evidence_hash, format = "table";
    std::optional<std::int64_t> publication;
    unsigned threads = 0;
};

int run_verify(Context& ctx, const VerifyOptions& o) {
    std::optional<std::string> expected;
    if (!o.evidence_hash.empty()) {
        if (o.evidence_hash.size() != 64 || o.evidence_hash.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) {
            throw CliError(kUsage, "--evidence-hash: expected 64 hexadecimal digits (a SHA-256), found '" +
                                       core::sanitize_utf8(o.evidence_hash) + "'");
        }
        expected = o.evidence_hash;
    }
    inspections::Store store = open_store(ctx, inspections::OpenMode::ReadOnly);
    engine::VerificationReport report;
    try {
        if (o.publication) {
            const auto all = store.publications();
            if (std::none_of(all.begin(), all.end(), [&](const inspections::Publication& p) { return p.id == *o.publication; })) {
                throw CliError(kInvalid, "unknown publication " + std::to_string(*o.publication));
            }
        }
        report = engine::verify_database(store, expected, o.threads, o.publication);
    } catch (const inspections::StoreError& e) {
        throw CliError(e.exit_code(), e.what());
    }
    const std::string text = o.format == "json" ? engine::render_verification_json(report)
                                                 : engine::render_verification_table(report);
    ctx.out << core::sanitize_utf8(text);
    return report.clean() ? kOk : kInvalid;
}

}  // namespace

void add_publication_commands(CLI::App& app, Context& ctx) {
    auto publish_options = std::make_shared<PublishOptions>();
    CLI::App* publish = app.add_subcommand("publish", "Store a year's results with the rulebook and evidence that reproduce them");
    add_rules_option(publish, publish_options->rules);
    add_year_option(publish, publish_options->year);
    add_basis_option(publish, publish_options->basis);
    publish->add_flag("--allow-incomplete", publish_options->allow_incomplete, "Publish although some units are incomplete");
    publish->add_flag("--allow-empty", publish_options->allow_empty, "Publish although no inspection counts for the year");
    publish->add_option("--supersede", publish_options->supersede,
                        "Publish results that differ from the latest publication, for this REASON");
    publish->callback([&ctx, publish_options, publish] {
        publish_options->supersede_given = publish->count("--supersede") > 0;
        ctx.exit_code = run_publish(ctx, *publish_options);
    });

    auto verify_options = std::make_shared<VerifyOptions>();
    CLI::App* verify = app.add_subcommand("verify", "Check every hash chain and re-score every publication");
    CLI::Option* hash = verify->add_option("--evidence-hash", verify_options->evidence_hash,
                                           "The evidence hash `publish` printed, to compare with the latest publication's "
                                           "(or that of --publication)");
    verify->add_option("--publication", verify_options->publication,
                       "With --evidence-hash: the publication whose evidence hash it is (default: the latest)")
        ->check(CLI::PositiveNumber)
        ->needs(hash);
    add_format_option(verify, verify_options->format, {"table", "json"});
    verify->add_option("--threads", verify_options->threads, "Scoring threads (default: all cores)");
    verify->callback([&ctx, verify_options] { ctx.exit_code = run_verify(ctx, *verify_options); });

    add_demo_command(app, ctx);
}

}  // namespace parscore::cli
