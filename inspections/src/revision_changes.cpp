// What an amendment changed (revision_changes.hpp). Records are compared field by field by name,
// not by position: two revisions may list a kind's fields in another order, or not all of them
// (a schema that gained a field), and a field one of them lacks reads as no value.
#include "parscore/inspections/revision_changes.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace parscore::inspections {

namespace {

using Type = RevisionChange::Type;
using Value = std::optional<core::Datum>;
using Columns = std::vector<std::optional<std::size_t>>;

const Value kNoValue;

RevisionChange change_of(Type type, std::string kind = {}) {
    RevisionChange c;
    c.type = type;
    c.kind = std::move(kind);
    return c;
}

RevisionChange values_changed(Type type, std::string kind, Value before, Value after) {
    RevisionChange c = change_of(type, std::move(kind));
    c.before = std::move(before);
    c.after = std::move(after);
    return c;
}

RevisionChange record_listed(Type type, const KindFindings& f, std::size_t row) {
    RevisionChange c = change_of(type, f.kind);
    for (std::size_t column = 0; column < f.fields.size(); ++column)
        c.record.push_back(FieldValue{f.fields[column], f.at(row, column)});
    return c;
}

/// A text equal for two values exactly when the values are equal (type, then canonical text;
/// the length keeps a row's texts apart when they are joined).
std::string identity(const Value& v) {
    if (!v) return "-";
    const std::string text = core::datum_text(*v);
    return static_cast<char>(core::datum_tag(*v)) + std::to_string(text.size()) + ":" + text;
}

/// The fields of a kind in either revision: `after`'s in its order, then those only `before` has.
std::vector<std::string> fields_of_both(const KindFindings& before, const KindFindings& after) {
    std::vector<std::string> fields = after.fields;
    for (const std::string& f : before.fields)
        if (std::find(fields.begin(), fields.end(), f) == fields.end()) fields.push_back(f);
    return fields;
}

/// Where each of `fields` is among `f`'s (none: not recorded there).
Columns columns_of(const KindFindings& f, const std::vector<std::string>& fields) {
    Columns out;
    for (const std::string& name : fields) {
        const auto it = std::find(f.fields.begin(), f.fields.end(), name);
        out.push_back(it == f.fields.end()
                          ? std::nullopt
                          : std::optional<std::size_t>(static_cast<std::size_t>(it - f.fields.begin())));
    }
    return out;
}

const Value& cell(const KindFindings& f, std::size_t row, std::optional<std::size_t> column) {
    return column ? f.at(row, *column) : kNoValue;
}

std::string row_identity(const KindFindings& f, std::size_t row, const Columns& columns) {
    std::string out;
    for (const auto column : columns) out += identity(cell(f, row, column)) + ";";
    return out;
}

const Value& fact_value(const KindFindings& f) { return f.rows() ? f.at(0, 0) : kNoValue; }

/// Each row of `f` by its key's identity; nullopt when a row has no key or shares it with
/// another (the report's checks refuse both, but a record kind may have gained its key since).
std::optional<std::unordered_map<std::string, std::size_t>> rows_by_key(const KindFindings& f,
                                                                        std::optional<std::size_t> column) {
    if (!column) return std::nullopt;
    std::unordered_map<std::string, std::size_t> rows;
    for (std::size_t r = 0; r < f.rows(); ++r) {
        const Value& key = f.at(r, *column);
        if (!key || !rows.emplace(identity(key), r).second) return std::nullopt;
    }
    return rows;
}

/// The row of `before` each row of `after` is, if any: by key when both revisions can be matched
/// by it (`*keyed` set true), else equal rows whole, each used once.
std::vector<std::optional<std::size_t>> match_rows(const KindFindings& before, const KindFindings& after,
                                                   const Columns& before_columns, const Columns& after_columns,
                                                   std::optional<std::size_t> key, bool* keyed) {
    std::vector<std::optional<std::size_t>> partner(after.rows());
    const auto before_keys = key ? rows_by_key(before, before_columns[*key]) : std::nullopt;
    const auto after_keys = key ? rows_by_key(after, after_columns[*key]) : std::nullopt;
    *keyed = before_keys && after_keys;
    if (*keyed) {
        for (std::size_t r = 0; r < after.rows(); ++r) {
            const auto it = before_keys->find(identity(after.at(r, *after_columns[*key])));
            if (it != before_keys->end()) partner[r] = it->second;
        }
        return partner;
    }
    std::unordered_map<std::string, std::vector<std::size_t>> unused;  // rows of `before` by identity, last first
    for (std::size_t r = before.rows(); r-- > 0;) unused[row_identity(before, r, before_columns)].push_back(r);
    for (std::size_t r = 0; r < after.rows(); ++r) {
        auto it = unused.find(row_identity(after, r, after_columns));
        if (it == unused.end() || it->second.empty()) continue;
        partner[r] = it->second.back();
        it->second.pop_back();
    }
    return partner;
}

void compare_records(const KindFindings& before, const KindFindings& after, const core::EvidenceSchema& schema,
                     std::vector<RevisionChange>& out) {
    const std::vector<std::string> fields = fields_of_both(before, after);
    const Columns before_columns = columns_of(before, fields), after_columns = columns_of(after, fields);
    std::optional<std::size_t> key;
    if (const core::KindDef* def = schema.find(after.kind); def && !def->is_fact && def->key) {
        const auto it = std::find(fields.begin(), fields.end(), def->fields[*def->key].name);
        if (it != fields.end()) key = static_cast<std::size_t>(it - fields.begin());
    }
    bool keyed = false;
    const auto partner = match_rows(before, after, before_columns, after_columns, key, &keyed);
    std::vector<bool> kept(before.rows(), false);
    for (std::size_t r = 0; r < after.rows(); ++r) {
        if (!partner[r]) {
            out.push_back(record_listed(Type::RecordAdded, after, r));
            continue;
        }
        const std::size_t b = *partner[r];
        kept[b] = true;
        if (!keyed) continue;  // matched whole: equal
        RevisionChange change = change_of(Type::RecordChanged, after.kind);
        for (std::size_t f = 0; f < fields.size(); ++f) {
            const Value& was = cell(before, b, before_columns[f]);
            const Value& is = cell(after, r, after_columns[f]);
            if (was != is) change.fields.push_back(FieldChange{fields[f], was, is});
        }
        if (change.fields.empty()) continue;
        change.key = FieldValue{fields[*key], cell(after, r, after_columns[*key])};
        out.push_back(std::move(change));
    }
    for (std::size_t b = 0; b < before.rows(); ++b) {
        if (!kept[b]) out.push_back(record_listed(Type::RecordRemoved, before, b));
    }
}

/// A kind listed in one revision only: it, then a record kind's records.
void listed_once(const KindFindings& f, Type type, std::vector<RevisionChange>& out) {
    const bool added = type == Type::KindAdded;
    RevisionChange change = change_of(type, f.kind);
    change.fact = f.fact;
    if (f.fact) (added ? change.after : change.before) = fact_value(f);
    out.push_back(std::move(change));
    if (f.fact) return;
    for (std::size_t r = 0; r < f.rows(); ++r)
        out.push_back(record_listed(added ? Type::RecordAdded : Type::RecordRemoved, f, r));
}

void compare_kind(const KindFindings* before, const KindFindings* after, const core::EvidenceSchema& schema,
                  std::vector<RevisionChange>& out) {
    // A kind that turned from a record kind into a fact or back (another schema) is another kind.
    if (before && (!after || after->fact != before->fact)) listed_once(*before, Type::KindRemoved, out);
    if (after && (!before || after->fact != before->fact)) listed_once(*after, Type::KindAdded, out);
    if (!before || !after || before->fact != after->fact) return;
    if (!after->fact) return compare_records(*before, *after, schema, out);
    if (fact_value(*before) != fact_value(*after)) {
        out.push_back(values_changed(Type::Fact, after->kind, fact_value(*before), fact_value(*after)));
        out.back().fact = true;
    }
}

void compare_header(const HistoryEntry& before, const HistoryEntry& after, std::vector<RevisionChange>& out) {
    if (before.date != after.date) out.push_back(values_changed(Type::Date, {}, before.date, after.date));
    const auto year = [](const HistoryEntry& e) -> std::int64_t { return e.year ? *e.year : core::year_of(e.date); };
    if (year(before) != year(after)) out.push_back(values_changed(Type::Year, {}, year(before), year(after)));
    if (before.kind != after.kind)
        out.push_back(
            values_changed(Type::Kind, {}, std::string(kind_name(before.kind)), std::string(kind_name(after.kind))));
    if (before.team != after.team) {
        RevisionChange team = change_of(Type::Team);
        team.team_before = before.team;
        team.team_after = after.team;
        out.push_back(std::move(team));
    }
}

}  // namespace

std::vector<RevisionChange> revision_changes(const HistoryEntry& previous, const HistoryEntry& current,
                                             const core::EvidenceSchema& schema) {
    std::vector<RevisionChange> out;
    compare_header(previous, current, out);
    std::map<std::string, std::pair<const KindFindings*, const KindFindings*>> kinds;  // by name
    for (const KindFindings& f : previous.findings) kinds[f.kind].first = &f;
    for (const KindFindings& f : current.findings) kinds[f.kind].second = &f;
    for (const auto& [name, pair] : kinds) compare_kind(pair.first, pair.second, schema, out);
    return out;
}

std::vector<std::optional<std::vector<RevisionChange>>> history_changes(const InspectionDetail& detail) {
    std::vector<std::optional<std::vector<RevisionChange>>> out;
    const HistoryEntry* previous = nullptr;
    for (const HistoryEntry& e : detail.history) {
        out.emplace_back();
        if (e.type != HistoryEntry::Type::Revision) continue;
        if (previous) out.back() = revision_changes(*previous, e, detail.schema);
        previous = &e;
    }
    return out;
}

}  // namespace parscore::inspections
