// publish and verify (docs/publishing.md): storing a year's results with what reproduces them, and
// checking the database's hash chains and publications. demo lives in commands_demo.cpp.
#include <memory>

#include <CLI/CLI.hpp>

#include "context.hpp"
#include "failure.hpp"
#include "parscore/app/publication.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/display.hpp"
#include "parscore/output/terms.hpp"
#include "shared.hpp"

namespace parscore::cli {

void add_demo_command(CLI::App& app, Context& ctx);  // commands_demo.cpp

namespace {

/// Refusals print at most this many differences; the rest are counted.
constexpr std::size_t kShownDifferences = 20;

struct PublishOptions {
    std::string rules, year, basis = "all", supersede;
    bool allow_incomplete = false;
    bool allow_empty = false;
    bool supersede_given = false;
};

// An incomplete unit's reason in the run's language; the outcome keeps the English one.
std::string shown_reason(const Context& ctx, const engine::PublishOutcome& outcome, const std::string& unit,
                         const std::string& english) {
    for (const engine::UnitResult& u : outcome.evaluation.units) {
        if (u.id == unit) return engine::display::reason(ctx.lang, u);
    }
    return english;
}

// What a refusal shows before its error line: the incomplete units, or what differs.
void print_refusal_details(Context& ctx, const engine::PublishOutcome& outcome, const std::string& what) {
    using Result = engine::PublishOutcome::Result;
    if (outcome.result == Result::Incomplete) {
        for (const auto& [unit, reason] : outcome.incomplete) {
            ctx.err << i18n::tr(ctx.lang, "incomplete: {unit}: {reason}",
                                {{"unit", unit},
                                 {"reason", core::sanitize_utf8(shown_reason(ctx, outcome, unit, reason))}})
                    << "\n";
        }
    } else if (outcome.result == Result::Differs) {
        ctx.err << i18n::tr(ctx.lang, "the results differ from publication {publication} ({what}):",
                            {{"publication", std::to_string(outcome.publication)}, {"what", what}})
                << "\n";
        for (std::size_t i = 0; i < outcome.differences.size() && i < kShownDifferences; ++i) {
            ctx.err << "  " << core::sanitize_utf8(outcome.differences[i]) << "\n";
        }
        if (outcome.differences.size() > kShownDifferences) {
            ctx.err << "  "
                    << i18n::tr(ctx.lang, "… and {count} more",
                                {{"count", std::to_string(outcome.differences.size() - kShownDifferences)}})
                    << "\n";
        }
    }
}

void print_published(Context& ctx, const engine::PublishOutcome& outcome, const std::string& what, bool reason_given) {
    const std::string publication = std::to_string(outcome.publication);
    if (outcome.result == engine::PublishOutcome::Result::Unchanged) {
        ctx.out << i18n::tr(ctx.lang, "unchanged: publication {publication} already holds these results ({what})",
                            {{"publication", publication}, {"what", what}})
                << "\n";
        if (reason_given)
            ctx.err << i18n::tr(ctx.lang, "note: nothing to supersede; the reason was not stored") << "\n";
        return;
    }
    const i18n::Args args = {{"publication", publication},
                             {"what", what},
                             {"revision", std::to_string(outcome.last_revision)},
                             {"superseded", outcome.supersedes ? std::to_string(*outcome.supersedes) : ""}};
    ctx.out << (outcome.supersedes
                    ? i18n::tr(ctx.lang,
                               "published: publication {publication} ({what}, revision {revision}), superseding "
                               "publication {superseded}",
                               args)
                    : i18n::tr(ctx.lang, "published: publication {publication} ({what}, revision {revision})", args))
            << "\n";
    if (reason_given && !outcome.supersedes) {
        ctx.err << i18n::tr(ctx.lang, "note: there was no earlier publication to supersede; the reason was not stored")
                << "\n";
    }
    if (!outcome.incomplete.empty()) {
        ctx.err << i18n::trn(ctx.lang, "note: published with {n} incomplete unit",
                             "note: published with {n} incomplete units", outcome.incomplete.size())
                << "\n";
    }
}

void run_publish(Context& ctx, const PublishOptions& o) {
    auto request = ctx.request<app::PublishRequest>();
    request.year = parse_year_option(o.year);
    request.rules = o.rules;
    request.basis = parse_basis_option(o.basis);
    request.allow_incomplete = o.allow_incomplete;
    request.allow_empty = o.allow_empty;
    if (o.supersede_given) request.supersede = o.supersede;
    const app::PublishResult result = app::publish(request);
    const engine::PublishOutcome& outcome = result.outcome;
    print_warnings(ctx, outcome.evaluation.warnings);
    const std::string what = i18n::tr(ctx.lang, "{rulebook}, year {year}, basis {basis}",
                                      {{"rulebook", result.rulebook.rulebook.id},
                                       {"year", std::to_string(request.year)},
                                       {"basis", engine::terms::basis(ctx.lang, request.basis)}});
    if (result.refusal) {
        print_refusal_details(ctx, outcome, what);
        throw *result.refusal;
    }
    print_published(ctx, outcome, what, request.supersede.has_value());
    // Kept outside the database, this lets `verify --evidence-hash` notice a rewritten database.
    ctx.out << i18n::tr(ctx.lang, "evidence hash: {hash}", {{"hash", outcome.evidence_sha256}}) << "\n";
}

struct VerifyOptions {
    std::string evidence_hash;
    app::Format format = app::Format::Table;
    std::optional<std::int64_t> publication;
    unsigned threads = 0;
};

void run_verify(Context& ctx, const VerifyOptions& o) {
    auto request = ctx.request<app::VerifyRequest>();
    request.evidence_hash = given(o.evidence_hash);
    request.publication = o.publication;
    request.threads = o.threads;
    const app::VerifyResult result = app::verify(request);
    const std::string text = o.format == app::Format::Json ? engine::render_verification_json(result.report)
                                                           : engine::render_verification_table(result.report, ctx.lang);
    ctx.out << core::sanitize_utf8(text);
    if (!result.report.clean()) ctx.exit_code = exit_code(app::ErrorKind::Invalid);
}

void add_publish_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<PublishOptions>();
    CLI::App* publish = app.add_subcommand(
        "publish", i18n::tr(ctx.lang, "Store a year's results with the rulebook and evidence that reproduce them"));
    add_rules_option(publish, o.rules);
    add_year_option(publish, o.year);
    add_basis_option(publish, o.basis);
    publish->add_flag("--allow-incomplete", o.allow_incomplete,
                      i18n::tr(ctx.lang, "Publish although some units are incomplete"));
    publish->add_flag("--allow-empty", o.allow_empty,
                      i18n::tr(ctx.lang, "Publish although no inspection counts for the year"));
    publish->add_option("--supersede", o.supersede,
                        i18n::tr(ctx.lang, "Publish results that differ from the latest publication, for this REASON"));
    publish->callback([&ctx, &o, publish] {
        o.supersede_given = publish->count("--supersede") > 0;
        run_publish(ctx, o);
    });
}

void add_verify_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<VerifyOptions>();
    CLI::App* verify = app.add_subcommand("verify",
                                          i18n::tr(ctx.lang, "Check every hash chain and re-score every publication"));
    CLI::Option* hash =
        verify->add_option("--evidence-hash", o.evidence_hash,
                           i18n::tr(ctx.lang,
                                    "The evidence hash `publish` printed, to compare with the latest publication's "
                                    "(or that of --publication)"));
    verify
        ->add_option("--publication", o.publication,
                     i18n::tr(ctx.lang,
                              "With --evidence-hash: the publication whose evidence hash it is (default: the latest)"))
        ->check(CLI::PositiveNumber)
        ->needs(hash);
    add_format_option(verify, o.format, {app::Format::Table, app::Format::Json});
    add_threads_option(verify, o.threads, "Scoring");
    verify->callback([&ctx, &o] { run_verify(ctx, o); });
}

}  // namespace

void add_publication_commands(CLI::App& app, Context& ctx) {
    add_publish_command(app, ctx);
    add_verify_command(app, ctx);
    add_demo_command(app, ctx);
}

}  // namespace parscore::cli
