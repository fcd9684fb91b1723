#include "parscore/app/inspections.hpp"

#include <ctime>

#include "parscore/app/access.hpp"
#include "parscore/app/evidence_schema.hpp"
#include "parscore/app/rulebook.hpp"
#include "parscore/app/store.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/inspections/report_template.hpp"
#include "store_inputs.hpp"

namespace parscore::app {

namespace {

namespace ins = parscore::inspections;

/// The local calendar date: a template is filled in where the inspection happens.
core::Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    localtime_r(&now, &tm);
    return core::make_date(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1), static_cast<unsigned>(tm.tm_mday));
}

}  // namespace

namespace {

std::vector<ins::InspectionSummary> readable_inspections(const InspectionsRequest& request, const ins::Store& store,
                                                         const Access& access) {
    access.require(Action::ReadInspections);
    if (request.unit) {
        if (!access.in_scope(*request.unit)) throw unknown_unit(*request.unit);
        require_unit(store, *request.unit);
    }
    std::vector<ins::InspectionSummary> rows = store.inspections(ins::InspectionFilter{request.unit, request.year});
    if (!access.unrestricted()) std::erase_if(rows, [&](const auto& row) { return !access.may_read(row); });
    return rows;
}

}  // namespace

std::vector<ins::InspectionSummary> list_inspections(const InspectionsRequest& request) {
    std::vector<ins::InspectionSummary> rows;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::ReadOnly);
        const Access access = Access::of(request, store);
        rows = readable_inspections(request, store, access);
    });
    return rows;
}

InspectionsWithUnits list_inspections_with_units(const InspectionsRequest& request, std::size_t unit_choices) {
    InspectionsWithUnits out;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::ReadOnly);
        const Access access = Access::of(request, store);
        out.rows = readable_inspections(request, store, access);
        out.units = access.units_to_choose(unit_choices);
        if (out.units) {
            for (const ins::UnitInfo& u : *out.units) out.names.emplace(u.id, u.name);
            return;
        }
        for (const ins::InspectionSummary& row : out.rows) {
            if (out.names.contains(row.unit)) continue;
            if (auto unit = store.find_unit(row.unit)) out.names.emplace(unit->id, unit->name);
        }
    });
    return out;
}

ShowResult show_inspection(const ShowRequest& request) {
    std::optional<ShowResult> result;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::ReadOnly);  // a missing database first
        const Access access = Access::of(request, store);
        check_id_lengths({request.id});
        const std::optional<std::string> id = store.resolve_inspection(request.id);
        auto detail = id ? store.inspection(*id) : std::nullopt;
        if (!detail || !access.may_read(detail->summary)) throw unknown_inspection(request.id);
        access.require_on_inspection(Action::ReadInspections, detail->summary);
        auto unit = store.find_unit(detail->summary.unit);
        result = ShowResult{std::move(*detail), std::move(unit)};
    });
    return std::move(*result);
}

std::string make_template(const TemplateRequest& request) {
    ins::TemplateOptions options;
    options.date = request.date ? *request.date : today();
    options.kind = request.kind;
    options.year = request.year;
    options.localize = i18n::localizer(request.lang);
    std::optional<core::EvidenceSchema> schema;
    if (!request.rulebook.empty()) schema = load_evidence_schema(request.rulebook);
    std::string text;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::ReadOnly);
        const Access access = Access::of(request, store);
        access.require(Action::ReadInspections);
        if (!access.in_scope(request.unit)) throw unknown_unit(request.unit);
        const ins::UnitInfo unit = require_unit(store, request.unit);
        if (!schema) {
            const int year = request.year ? *request.year : core::year_of(options.date);
            schema = rulebook_for("", year, store).rulebook.evidence;
        }
        text = ins::make_template(store, *schema, unit, options);
    });
    return text;
}

}  // namespace parscore::app
