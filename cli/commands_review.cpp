// return, comment, attach (docs/accounts.md, "Review" and "Attachments"): the review of an
// inspection. Reading an attachment back is `show ID --attachment SHA256 --out FILE`.
#include <CLI/CLI.hpp>

#include "context.hpp"
#include "parscore/app/review.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/i18n/translate.hpp"
#include "store_cli.hpp"

namespace parscore::cli {

namespace {

struct ReviewOptions {
    std::string id, text;
    std::vector<std::string> files;
};

void return_inspection(Context& ctx, const ReviewOptions& o) {
    auto request = ctx.request<app::ReturnRequest>();
    request.id = o.id;
    request.comment = o.text;
    const app::ReviewResult done = app::return_inspection(request);
    ctx.out << i18n::tr(ctx.lang, "{id} returned", {{"id", done.id}}) << "\n";
}

void comment(Context& ctx, const ReviewOptions& o) {
    auto request = ctx.request<app::CommentRequest>();
    request.id = o.id;
    request.text = o.text;
    const app::ReviewResult done = app::comment(request);
    ctx.out << i18n::tr(ctx.lang, "comment added to {id}", {{"id", done.id}}) << "\n";
}

void attach(Context& ctx, const ReviewOptions& o) {
    auto request = ctx.request<app::AttachRequest>();
    request.id = o.id;
    request.files = o.files;
    const app::AttachResult done = app::attach(request);
    for (const app::AttachedFile& f : done.files) {
        ctx.out << i18n::tr(ctx.lang, "{file} attached to {id}: {type}, {size} bytes, SHA-256 {sha256}",
                            {{"file", core::sanitize_utf8(f.path)},
                             {"id", done.id},
                             {"type", f.info.media_type},
                             {"size", store::number_text(ctx.lang, f.info.size)},
                             {"sha256", f.info.sha256}})
                << "\n";
    }
}

CLI::Option* add_id(CLI::App* cmd, Context& ctx, ReviewOptions& o) {
    return cmd->add_option("ID", o.id, i18n::tr(ctx.lang, "Inspection id, or a prefix of at least 8 characters"))
        ->required();
}

void add_return_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<ReviewOptions>();
    CLI::App* cmd = app.add_subcommand(
        "return",
        i18n::tr(ctx.lang, "Send a submitted inspection back to its team; it stops counting until submitted"));
    add_id(cmd, ctx, o);
    cmd->add_option("--comment", o.text, i18n::tr(ctx.lang, "Why it goes back (required)"))->required();
    cmd->callback([&ctx, &o] { return_inspection(ctx, o); });
}

void add_comment_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<ReviewOptions>();
    CLI::App* cmd = app.add_subcommand("comment", i18n::tr(ctx.lang, "Add a comment to an inspection"));
    add_id(cmd, ctx, o);
    cmd->add_option("TEXT", o.text, i18n::tr(ctx.lang, "The comment"))->required();
    cmd->callback([&ctx, &o] { comment(ctx, o); });
}

void add_attach_command(CLI::App& app, Context& ctx) {
    auto& o = ctx.own<ReviewOptions>();
    CLI::App* cmd = app.add_subcommand(
        "attach",
        i18n::tr(ctx.lang, "Attach photos or documents (JPEG, PNG, WebP, PDF; 10 MiB each) to an inspection"));
    add_id(cmd, ctx, o);
    cmd->add_option("FILE", o.files, i18n::tr(ctx.lang, "Files to attach, all or none"))->required();
    cmd->callback([&ctx, &o] { attach(ctx, o); });
}

}  // namespace

void add_review_commands(CLI::App& app, Context& ctx) {
    add_return_command(app, ctx);
    add_comment_command(app, ctx);
    add_attach_command(app, ctx);
}

}  // namespace parscore::cli
