#include "parscore/inspections/model.hpp"

#include "parscore/inspections/evidence_set.hpp"

namespace parscore::inspections {

const char* kind_name(InspectionKind k) {
    switch (k) {
        case InspectionKind::Surprise: return "surprise";
        case InspectionKind::Scheduled: return "scheduled";
        case InspectionKind::Thematic: return "thematic";
        case InspectionKind::Other: return "other";
        case InspectionKind::Self: return "self";
    }
    return "other";
}

std::optional<InspectionKind> parse_inspection_kind(std::string_view text) {
    for (auto k : {InspectionKind::Surprise, InspectionKind::Scheduled, InspectionKind::Thematic, InspectionKind::Other,
                   InspectionKind::Self}) {
        if (text == kind_name(k)) return k;
    }
    return std::nullopt;
}

const char* status_name(Status s) {
    switch (s) {
        case Status::Draft: return "draft";
        case Status::Submitted: return "submitted";
        case Status::Locked: return "locked";
        case Status::Returned: return "returned";
    }
    return "draft";
}

std::optional<Status> parse_status(std::string_view text) {
    for (auto s : {Status::Draft, Status::Submitted, Status::Locked, Status::Returned}) {
        if (text == status_name(s)) return s;
    }
    return std::nullopt;
}

bool is_valid_unit_id(std::string_view id) {
    if (id.empty() || id.size() > 64) return false;
    auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
    if (!alnum(id[0])) return false;
    for (char c : id.substr(1)) {
        if (!alnum(c) && c != '.' && c != '_' && c != '-') return false;
    }
    return true;
}

const char* basis_name(Basis b) {
    switch (b) {
        case Basis::All: return "all";
        case Basis::Self: return "self";
        case Basis::Inspected: return "inspected";
    }
    return "all";
}

std::optional<Basis> parse_basis(std::string_view text) {
    for (auto b : {Basis::All, Basis::Self, Basis::Inspected}) {
        if (text == basis_name(b)) return b;
    }
    return std::nullopt;
}

std::optional<std::size_t> EvidenceSet::unit_index(std::string_view id) const {
    std::size_t lo = 0, hi = units.size();
    while (lo < hi) {
        const std::size_t mid = (lo + hi) / 2;
        if (units[mid].id < id) lo = mid + 1;
        else hi = mid;
    }
    if (lo < units.size() && units[lo].id == id) return lo;
    return std::nullopt;
}

}  // namespace parscore::inspections
