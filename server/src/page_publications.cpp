// The publications page (docs/web.md): every publication of a year's results, and publishing a
// year — with a confirmation step, and the refusals explained: incomplete units, no evidence, or
// results that differ from the latest publication, which only a stated reason may supersede.
#include <charconv>

#include "pages.hpp"
#include "parscore/app/publication.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/terms.hpp"

namespace parscore::server {

namespace {

using i18n::tr;

HttpResponse publications_page(const Call& call, int status, web::Data data) {
    const i18n::Language lang = call.caller.lang;
    web::List rows;
    for (const inspections::Publication& p : app::list_publications(call.operation<app::PublicationsRequest>())) {
        web::Data row;
        row.set("id", std::to_string(p.id));
        row.set("year", std::to_string(p.year));
        row.set("basis", engine::terms::basis(lang, p.basis));
        row.set("rulebook", p.rulebook_id + " " + p.rulebook_version);
        row.set("evidence", p.evidence_sha256.substr(0, 12));
        row.set("by", tr(lang, "{at} by {who}", {{"at", time_text(lang, p.published_at)}, {"who", p.published_by}}));
        row.set("reason", p.supersede_reason.value_or(""));
        rows.push_back(row);
    }
    data.set("publications", rows);
    data.set("has_publications", !rows.empty());
    data.set("can_publish", may(call, app::Action::Administer));
    return page(call, status, "publications", std::move(data), tr(lang, "Publications"));
}

HttpResponse show(const Call& call) { return publications_page(call, 200, {}); }

int form_year(const Call& call) {
    const std::string text = field(call, "year");
    int year = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (ec != std::errc() || end != text.data() + text.size() || year < 1 || year > 9999)
        throw ApiError{400, "bad_request", core::T_("the year must be a number such as 2024")};
    return year;
}

/// The first press asks to confirm; the second, with `confirmed`, publishes.
HttpResponse publish(const Call& call) {
    const i18n::Language lang = call.caller.lang;
    const int year = form_year(call);
    const std::string reason = field(call, "reason");
    web::Data data;
    data.set("year", std::to_string(year));
    data.set("reason", reason);
    if (field(call, "confirmed") != "yes") {
        data.set("confirm", tr(lang,
                               "Publish the results of {year}? A publication cannot be taken back; a later one "
                               "with other results must give its reason.",
                               {{"year", std::to_string(year)}}));
        return publications_page(call, 200, std::move(data));
    }
    auto r = call.operation<app::PublishRequest>();
    r.year = year;
    if (!reason.empty()) r.supersede = reason;
    const app::PublishResult result = app::publish(r);
    const engine::PublishOutcome& outcome = result.outcome;
    if (result.refusal) {
        data.set("refused", i18n::localize(lang, result.refusal->text()));
        web::List details;
        for (const auto& [unit, why] : outcome.incomplete) {
            web::Data d;
            d.set("text", unit + ": " + why);
            details.push_back(d);
        }
        for (const std::string& difference : outcome.differences) {
            web::Data d;
            d.set("text", difference);
            details.push_back(d);
        }
        data.set("details", details);
        data.set("differs", outcome.result == engine::PublishOutcome::Result::Differs);
        return publications_page(call, 409, std::move(data));
    }
    data.set("published",
             outcome.result == engine::PublishOutcome::Result::Published
                 ? tr(lang, "Published as publication {id}.", {{"id", std::to_string(outcome.publication)}})
                 : tr(lang, "Publication {id} already holds these results: nothing new was stored.",
                      {{"id", std::to_string(outcome.publication)}}));
    return publications_page(call, 200, std::move(data));
}

}  // namespace

std::vector<Api::Route> publication_pages() {
    return {
        {"GET", "/publications", false, false, show, kBodyLimit, true},
        {"POST", "/publications", false, false, publish, 64u << 10, true},
    };
}

}  // namespace parscore::server
