#include "evidence_selection.hpp"

namespace parscore::inspections::selection {

bool is_latest_revision(std::int64_t no, std::int64_t seq, std::optional<std::int64_t> latest_amendment) {
    // Without a known amendment only the first revision exists (as of the query).
    if (!latest_amendment) return seq == 1;
    return no == *latest_amendment;
}

bool counts_under(Basis basis, InspectionKind kind) {
    switch (basis) {
        case Basis::Self: return kind == InspectionKind::Self;
        case Basis::Inspected: return kind != InspectionKind::Self;
        case Basis::All: return true;
    }
    return true;
}

void apply_status_event(RevisionRow& row, std::string_view event, std::int64_t seq) {
    if (seq <= static_cast<std::int64_t>(row.last_event_seq)) return;
    row.last_event_seq = static_cast<std::uint32_t>(seq);
    row.last_event = event == "lock"     ? StatusEvent::Lock
                     : event == "return" ? StatusEvent::Return
                                         : StatusEvent::Submit;
}

bool is_counted(const RevisionRow& row) {
    if (row.last_event == StatusEvent::None) return row.initially_submitted;
    return row.last_event != StatusEvent::Return;
}

Status counted_status(const RevisionRow& row) {
    return row.last_event == StatusEvent::Lock ? Status::Locked : Status::Submitted;
}

CountedInspections count_inspections(const std::vector<RevisionRow>& rows, const std::vector<std::int64_t>& covered) {
    CountedInspections out;
    out.counted.reserve(rows.size());
    for (std::uint32_t i = 0; i < rows.size(); ++i) {
        const RevisionRow& p = rows[i];
        if (!is_counted(p)) continue;
        const std::int64_t unit = covered[p.unit];
        if (unit < 0) {
            out.uncovered.push_back(p.unit);
            continue;
        }
        out.counted.push_back(Counted{static_cast<std::uint32_t>(unit), p.date.days, p.stamp, i});
    }
    std::sort(out.uncovered.begin(), out.uncovered.end());
    out.uncovered.erase(std::unique(out.uncovered.begin(), out.uncovered.end()), out.uncovered.end());
    std::sort(out.counted.begin(), out.counted.end(), [&](const Counted& a, const Counted& b) {
        if (a.unit != b.unit) return a.unit < b.unit;
        if (a.date != b.date) return a.date < b.date;
        if (a.stamp != b.stamp) return a.stamp < b.stamp;
        return rows[a.row].id < rows[b.row].id;
    });
    return out;
}

bool inspected_class(Basis basis, InspectionKind kind) { return basis == Basis::All && is_inspected(kind); }

bool beats(const Candidate& a, const Candidate& b) {
    if (a.inspected != b.inspected) return a.inspected;
    return a.inspection > b.inspection;
}

KindChoice choose(const KindShape& shape, const std::vector<Candidate>& group) {
    KindChoice out;
    std::optional<std::uint32_t> winner;
    for (std::uint32_t i = 0; i < group.size(); ++i) {
        const Candidate& c = group[i];
        if (c.fact != shape.is_fact) {
            out.misshapen += c.records;
            continue;
        }
        if (shape.is_fact && c.records == 0) continue;  // listed, but without a value
        if (!shape.is_fact && shape.combine == core::Combine::Union) {
            out.take.push_back(i);
        } else if (!winner || beats(c, group[*winner])) {
            winner = i;
        }
    }
    if (winner) out.take.push_back(*winner);
    return out;
}

}  // namespace parscore::inspections::selection
