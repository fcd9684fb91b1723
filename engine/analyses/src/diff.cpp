// diff (docs/reference/commands.md): one year's evidence scored under two rulebooks, compared unit by unit.
#include "parscore/analyses/diff.hpp"

#include <algorithm>
#include <map>

#include "parscore/scoring/year_evidence.hpp"

namespace parscore::engine {

namespace {

struct Flat {
    std::vector<const rules::Criterion*> list;
    std::map<std::string, std::size_t> index;  // full id → position in list (and in UnitResult::criteria)
};

Flat flatten(const rules::Rulebook& rb) {
    Flat f;
    for (const rules::Group& g : rb.groups) {
        for (const rules::Criterion& c : g.criteria) {
            f.index[c.id] = f.list.size();
            f.list.push_back(&c);
        }
    }
    return f;
}

UnitState state_of(const rules::Rulebook& rb, const UnitResult* u) {
    UnitState s;
    if (!u) return s;
    s.covered = true;
    s.complete = u->complete;
    s.points = u->points;
    s.total = u->total;
    s.max = u->max;
    s.deduct = u->deduct;
    s.bonus = u->bonus;
    if (u->complete && u->band >= 0 && static_cast<std::size_t>(u->band) < rb.bands.size()) {
        s.band = rb.bands[static_cast<std::size_t>(u->band)].id;
    }
    s.rank = u->rank;
    return s;
}

bool changed(const UnitState& a, const UnitState& b) {
    return a.covered != b.covered || a.complete != b.complete || a.points != b.points || a.total != b.total ||
           a.band != b.band || a.rank != b.rank;
}

const CriterionResult* at(const UnitResult* u, std::size_t i) {
    return u && i < u->criteria.size() ? &u->criteria[i] : nullptr;
}

// The criteria behind a unit's change. When only one rulebook covers the unit its status says
// everything, so no criteria are listed.
std::vector<CriterionChange> criteria_changes(const Flat& before, const Flat& after, const UnitResult* b,
                                              const UnitResult* a) {
    std::vector<CriterionChange> out;
    if (!b || !a) return out;
    for (std::size_t i = 0; i < before.list.size(); ++i) {
        const CriterionResult* cb = at(b, i);
        if (!cb) continue;
        CriterionChange change;
        change.id = before.list[i]->id;
        change.before = cb->points;
        change.before_status = cb->status;
        auto it = after.index.find(change.id);
        if (it == after.index.end()) {
            change.presence = CriterionChange::Presence::Removed;
            if (cb->status != CriterionStatus::Exempt) out.push_back(std::move(change));
            continue;
        }
        const CriterionResult* ca = at(a, it->second);
        if (!ca || (ca->points == cb->points && ca->status == cb->status)) continue;
        change.after = ca->points;
        change.after_status = ca->status;
        out.push_back(std::move(change));
    }
    for (std::size_t j = 0; j < after.list.size(); ++j) {
        const CriterionResult* ca = at(a, j);
        if (!ca || before.index.count(after.list[j]->id) || ca->status == CriterionStatus::Exempt) continue;
        CriterionChange change;
        change.id = after.list[j]->id;
        change.presence = CriterionChange::Presence::Added;
        change.after = ca->points;
        change.after_status = ca->status;
        out.push_back(std::move(change));
    }
    return out;
}

// Position of a band (or status) for ordering band moves: the rulebook's bands top down, then
// incomplete, then not covered; a band the rulebook lacks sorts last.
std::size_t band_position(const rules::Rulebook& rb, const std::string& band) {
    if (auto i = rb.band_index(band)) return *i;
    if (band == "incomplete") return rb.bands.size();
    if (band == "not_covered") return rb.bands.size() + 1;
    return rb.bands.size() + 2;
}

std::size_t category_position(const std::vector<std::string>& order, const std::string& category) {
    auto it = std::find(order.begin(), order.end(), category);
    return static_cast<std::size_t>(it - order.begin());
}

}  // namespace

const char* presence_name(CriterionChange::Presence p) {
    switch (p) {
        case CriterionChange::Presence::Both: return "changed";
        case CriterionChange::Presence::Added: return "added";
        case CriterionChange::Presence::Removed: return "removed";
    }
    return "changed";
}

RulebookDiff compare_rulebooks(const rules::Rulebook& before_rb, const Evaluation& before,
                               const rules::Rulebook& after_rb, const Evaluation& after) {
    RulebookDiff d;
    d.before = {before_rb.id, before_rb.version, before_rb.sha256};
    d.after = {after_rb.id, after_rb.version, after_rb.sha256};
    d.year = after.year;
    d.basis = after.basis;
    d.warnings = after.warnings;

    Flat fb = flatten(before_rb), fa = flatten(after_rb);
    for (const rules::Criterion* c : fb.list) {
        if (!fa.index.count(c->id)) d.removed_criteria.push_back(c->id);
    }
    for (const rules::Criterion* c : fa.list) {
        if (!fb.index.count(c->id)) d.added_criteria.push_back(c->id);
    }

    std::map<std::string, std::pair<const UnitResult*, const UnitResult*>> units;
    for (const UnitResult& u : before.units) units[u.id].first = &u;
    for (const UnitResult& u : after.units) units[u.id].second = &u;
    d.units_compared = units.size();

    std::map<std::pair<std::string, std::string>, std::size_t> moves;
    for (const auto& [id, pair] : units) {
        const auto& [b, a] = pair;
        UnitChange change;
        change.unit = id;
        const UnitResult* any = a ? a : b;
        change.name = any->name;
        change.category = any->category;
        change.before = state_of(before_rb, b);
        change.after = state_of(after_rb, a);
        std::string from = change.before.band_or_status(), to = change.after.band_or_status();
        if (from != to) ++moves[{from, to}];
        if (!changed(change.before, change.after)) continue;
        change.criteria = criteria_changes(fb, fa, b, a);
        d.units.push_back(std::move(change));
    }

    std::vector<std::string> categories = before_rb.units;
    for (const std::string& c : after_rb.units) {
        if (std::find(categories.begin(), categories.end(), c) == categories.end()) categories.push_back(c);
    }
    for (const std::string& c : before_rb.units) d.category_labels[c] = before_rb.category_label(c);
    for (const std::string& c : after_rb.units) {
        std::string label = after_rb.category_label(c);
        if (label != c || !d.category_labels.count(c)) d.category_labels[c] = label;  // an id is no label
    }
    std::stable_sort(d.units.begin(), d.units.end(), [&](const UnitChange& x, const UnitChange& y) {
        std::size_t px = category_position(categories, x.category), py = category_position(categories, y.category);
        if (px != py) return px < py;
        if (x.category != y.category) return x.category < y.category;
        return x.unit < y.unit;
    });

    for (const auto& [key, count] : moves) d.band_moves.push_back({key.first, key.second, count});
    std::stable_sort(d.band_moves.begin(), d.band_moves.end(), [&](const BandMove& x, const BandMove& y) {
        auto kx = std::make_pair(band_position(before_rb, x.from), band_position(after_rb, x.to));
        auto ky = std::make_pair(band_position(before_rb, y.from), band_position(after_rb, y.to));
        return kx < ky;  // ties keep the map's (from, to) byte order
    });
    return d;
}

RulebookDiff diff_rulebooks(const rules::Rulebook& before, const rules::Rulebook& after,
                            const inspections::Store& store, const EvaluationRequest& request) {
    auto scores = [](const rules::Rulebook& rb, const std::string& c) {
        return std::find(rb.units.begin(), rb.units.end(), c) != rb.units.end();
    };
    if (request.category && !scores(before, *request.category) && !scores(after, *request.category)) {
        throw NotCovered(core::T_("neither rulebook scores category '{category}'", {{"category", *request.category}}));
    }
    EvaluationRequest r = request;
    r.compare_previous = false;
    r.unit.reset();

    // Quotas and ranks see every unit; the category filter applies after them, inside
    // evaluate_loaded, exactly as for `rank`.
    inspections::EvidenceSet evidence = load_year_evidence(before, store, r);
    Evaluation eb = evaluate_loaded(before, evidence, r, std::nullopt);

    auto sorted = [](std::vector<std::string> v) {
        std::sort(v.begin(), v.end());
        return v;
    };
    Evaluation ea;
    if (same_evidence_layout(before.evidence, after.evidence) && sorted(before.units) == sorted(after.units)) {
        ea = evaluate_loaded(after, evidence, r, std::nullopt);
    } else {
        inspections::EvidenceSet other = load_year_evidence(after, store, r);
        ea = evaluate_loaded(after, other, r, std::nullopt);
    }
    return compare_rulebooks(before, eb, after, ea);
}

}  // namespace parscore::engine
