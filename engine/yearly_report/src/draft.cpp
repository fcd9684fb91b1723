// The frame of the yearly report: letterhead, title, the body's sections in order, closing and
// metadata, with what the config gives or blanks where it gives nothing.
#include <nlohmann/json.hpp>

#include "draft_parts.hpp"
#include "parscore/core/date.hpp"

namespace parscore::engine::yearly {

namespace detail {

std::string joined(const std::vector<std::string>& pieces, const char* separator) {
    std::string out;
    for (const std::string& p : pieces) out += (out.empty() ? "" : separator) + p;
    return out;
}

std::string names(Language lang, const std::vector<std::string>& all, std::size_t shown) {
    if (all.size() <= shown) return joined(all, ", ");
    std::vector<std::string> first(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(shown));
    return i18n::tr(lang, "{names} and {n} more",
                    {{"names", joined(first, ", ")}, {"n", count(lang, all.size() - shown)}});
}

}  // namespace detail

namespace {

using namespace detail;

/// Decree 30 writes a day below 10 and the months January and February with a leading zero.
std::string place_date(const std::optional<ReportConfig>& config, Language lang) {
    const std::string place = config && !config->place.empty() ? config->place : kBlank;
    if (!config || !config->date) {
        return i18n::tr(lang, "{place}, {year}-{month}-{day}",
                        {{"place", place}, {"year", "……"}, {"month", "……"}, {"day", "……"}});
    }
    const std::string iso = core::format_date(*config->date);  // YYYY-MM-DD
    const int month = std::stoi(iso.substr(5, 2));
    std::string day = iso.substr(8, 2);
    return i18n::tr(lang, "{place}, {year}-{month}-{day}",
                    {{"place", place},
                     {"year", iso.substr(0, 4)},
                     {"month", month <= 2 ? iso.substr(5, 2) : std::to_string(month)},
                     {"day", day}});
}

std::string number_text(const std::optional<ReportConfig>& config) {
    return config && !config->number.empty() ? config->number : std::string(kBlank);
}

std::string date_text(const std::optional<ReportConfig>& config, Language lang) {
    return config && config->date ? i18n::format_date(lang, *config->date) : std::string(kBlank);
}

Letterhead letterhead(const std::optional<ReportConfig>& config, Language lang) {
    Letterhead l;
    l.parent_body = config ? config->parent_body : std::string(kBlank);
    l.issuing_body = config ? config->issuing_body : std::string(kBlank);
    l.country = i18n::tr(lang, "SOCIALIST REPUBLIC OF VIETNAM");
    l.motto = i18n::tr(lang, "Independence - Freedom - Happiness");
    l.number = i18n::tr(lang, "No.: {number}", {{"number", number_text(config)}});
    l.place_date = place_date(config, lang);
    return l;
}

Closing closing(const std::optional<ReportConfig>& config, Language lang) {
    Closing c;
    c.recipients_heading = i18n::tr(lang, "Recipients:");
    const std::vector<std::string> lines = config && !config->recipients.empty() ? config->recipients
                                                                                 : std::vector<std::string>{kBlank};
    for (std::size_t i = 0; i < lines.size(); ++i)
        c.recipients.push_back("- " + lines[i] + (i + 1 < lines.size() ? ";" : "."));
    if (config) {
        c.authority = config->authority;
        c.signer_title = config->signer_title;
        c.signer_name = config->signer_name;
    } else {
        c.signer_title = kBlank;
        c.signer_name = kBlank;
    }
    return c;
}

void add_section(std::vector<Block>& body, const std::string& heading, std::vector<Block> blocks) {
    body.push_back(paragraph(ParagraphStyle::Heading1, heading));
    for (Block& b : blocks) body.push_back(std::move(b));
}

}  // namespace

PreviousYear previous_year(const inspections::Publication& publication) {
    PreviousYear out;
    out.year = publication.year;
    auto doc = nlohmann::json::parse(publication.results, nullptr, false);
    if (doc.is_discarded() || !doc.contains("units") || !doc["units"].is_array()) return out;
    for (const auto& u : doc["units"]) {
        if (!u.is_object() || !u.contains("band") || !u["band"].is_string()) continue;
        ++out.bands[u.value("category", "")][u["band"].get<std::string>()];
    }
    return out;
}

Document draft_yearly_report(const YearFigures& figures, const std::optional<ReportConfig>& config, Language lang) {
    const int year = figures.evaluation.year;
    Document d;
    d.letterhead = letterhead(config, lang);
    d.kind = i18n::tr(lang, "REPORT");
    d.title = figures.rulebook.title;
    add_section(d.body, i18n::tr(lang, "I. INSPECTIONS CARRIED OUT"), inspections_section(figures, lang));
    add_section(d.body, i18n::tr(lang, "II. RESULTS OF THE REFORM TASKS"), indicators_section(figures, lang));
    add_section(d.body, i18n::tr(lang, "III. VIOLATIONS FOUND"), violations_section(figures, lang));
    add_section(d.body, i18n::tr(lang, "IV. SELF-ASSESSMENT AGAINST INSPECTION"),
                self_assessment_section(figures, lang));
    add_section(d.body, i18n::tr(lang, "V. BANDS AND RANKING"), bands_section(figures, lang));
    d.body.push_back(note(i18n::tr(
        lang,
        "Figures drawn from the evidence database under rulebook {rulebook} {version} (SHA-256 {sha}…, evidence "
        "{evidence}…; the whole hashes are in the document's properties). The ranking is in Annex I, the points per "
        "criterion in Annex II.",
        {{"rulebook", figures.rulebook.id},
         {"version", figures.rulebook.version},
         {"sha", figures.evaluation.rulebook_sha256.substr(0, 16)},
         {"evidence", figures.evaluation.evidence_sha256.substr(0, 16)}})));
    d.closing = closing(config, lang);
    const std::string attached_to = i18n::tr(lang, "Attached to report No. {number} of {date}",
                                             {{"number", number_text(config)}, {"date", date_text(config, lang)}});
    d.annexes.push_back(ranking_annex(figures, lang, attached_to));
    d.annexes.push_back(criteria_annex(figures, lang, attached_to));

    d.meta.title = d.title;
    d.meta.subject = i18n::tr(lang, "Year {year} · {rulebook} {version} · SHA-256 {sha}",
                              {{"year", std::to_string(year)},
                               {"rulebook", figures.rulebook.id},
                               {"version", figures.rulebook.version},
                               {"sha", figures.evaluation.rulebook_sha256}});
    d.meta.keywords = std::to_string(year) + ", " + figures.rulebook.id + ", " + figures.evaluation.rulebook_sha256;
    d.meta.author = config ? config->issuing_body : std::string();
    d.meta.language = std::string(i18n::language_code(lang));
    d.meta.date = config && config->date ? core::format_date(*config->date) : std::to_string(year) + "-12-31";
    return d;
}

}  // namespace parscore::engine::yearly
