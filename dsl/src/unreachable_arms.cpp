#include "unreachable_arms.hpp"

#include <algorithm>

#include "codes.hpp"

namespace parscore::dsl {

namespace {

using core::int128;

// Thresholds on one scale, doubled so that midpoints between them are exact.
int128 scaled(const Value& v) {
    switch (v.tag()) {
        case Value::Tag::Int:
        case Value::Tag::Date: return static_cast<int128>(v.as_int()) * core::Decimal::kScale * 2;
        case Value::Tag::Number: return v.as_number().raw() * 2;
        default: return 0;
    }
}

bool ordered(const Value& v) {
    return v.tag() == Value::Tag::Int || v.tag() == Value::Tag::Number || v.tag() == Value::Tag::Date;
}

bool accepts(ArmOp op, int128 threshold, int128 x) {
    switch (op) {
        case ArmOp::Ge: return x >= threshold;
        case ArmOp::Gt: return x > threshold;
        case ArmOp::Le: return x <= threshold;
        case ArmOp::Lt: return x < threshold;
        case ArmOp::Eq: return x == threshold;
    }
    return false;
}

// Membership in each arm's set is constant between consecutive thresholds, so probing every
// threshold, every midpoint and one point beyond each end decides coverage exactly.
bool covered_numeric(const std::vector<Arm>& arms, std::size_t i) {
    std::vector<int128> cuts;
    for (std::size_t j = 0; j <= i; ++j) cuts.push_back(scaled(arms[j].threshold));
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::vector<int128> probes{cuts.front() - 2, cuts.back() + 2};
    for (std::size_t k = 0; k < cuts.size(); ++k) {
        probes.push_back(cuts[k]);
        if (k + 1 < cuts.size()) probes.push_back((cuts[k] + cuts[k + 1]) / 2);
    }
    int128 mine = scaled(arms[i].threshold);
    for (int128 x : probes) {
        if (!accepts(arms[i].op, mine, x)) continue;
        bool earlier = false;
        for (std::size_t j = 0; j < i && !earlier; ++j) earlier = accepts(arms[j].op, scaled(arms[j].threshold), x);
        if (!earlier) return false;
    }
    return true;
}

bool covered_equal(const std::vector<Arm>& arms, std::size_t i) {
    for (std::size_t j = 0; j < i; ++j) {
        if (arms[j].op == ArmOp::Eq && core::compare_values(arms[j].threshold, arms[i].threshold) == 0) return true;
    }
    return false;
}

}  // namespace

void warn_unreachable_arms(const std::vector<Arm>& arms, core::Diagnostics& diags) {
    for (std::size_t i = 1; i < arms.size(); ++i) {
        bool numeric = std::all_of(arms.begin(), arms.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                                   [](const Arm& a) { return ordered(a.threshold); });
        bool never = numeric ? covered_numeric(arms, i) : covered_equal(arms, i);
        if (never) {
            diags.warning(
                code::kUnreachableArm, arms[i].span,
                core::T_("this step can never match: earlier steps hold for every value that '{step}' accepts",
                         {{"step", std::string(op_text(arms[i].op)) + " " + arms[i].threshold.to_string()}}));
        }
    }
}

}  // namespace parscore::dsl
