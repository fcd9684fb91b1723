// The demo province's inspection reports for one year. Each unit's year is drawn from its own
// random stream around its capacity: procedures and whether they are posted, the one-stop desk's
// staff, dossiers, staff, finance and modernisation facts. A unit's self-assessment reports every
// fact, a little rosier than the truth; the scheduled visit records what the team saw, which wins
// over the self-assessment when scoring on all evidence (docs/store.md). Surprise visits find
// the violations the seed report lists: late, drunk, asleep, desks closed, citizens sent to
// specialist rooms, harassment and "envelopes" in handling procedures, indifference. All of it is
// fictional; only the agencies' names are real.
#include <algorithm>
#include <array>
#include <cstdio>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "demo_province.hpp"
#include "demo_random.hpp"
#include "parscore/core/date.hpp"
#include "parscore/core/decimal.hpp"
#include "parscore/demo/demo.hpp"

namespace parscore::engine::demo {

namespace {

using core::Datum;
using inspections::InspectionKind;
using inspections::KindFindings;
using inspections::Report;

// Purposes of the random streams (DemoRandom::stream).
enum Purpose : std::uint64_t { kUnitYear = 1, kNames = 2, kSurprise = 3, kTeam = 4 };

constexpr std::array kFamilyNames{"Nguyễn", "Trần",  "Lê", "Phạm", "Hoàng", "Bùi",
                                  "Đinh",   "Quách", "Xa", "Hà",   "Vũ",    "Đặng"};
constexpr std::array kMiddleNames{"Văn", "Thị", "Đức", "Minh", "Thu", "Hồng", "Công", "Thanh"};
constexpr std::array kGivenNames{"An",    "Bình", "Cường", "Dũng", "Giang", "Hải",  "Hạnh",   "Hương",
                                 "Khánh", "Lan",  "Long",  "Mai",  "Nam",   "Ngọc", "Phương", "Quang",
                                 "Sơn",   "Thảo", "Trung", "Tuấn", "Vân",   "Yến"};
// The Department of Home Affairs' inspectors (`team` in docs/reference/database.md).
constexpr std::array kInspectors{"Nguyễn Thị Hồng", "Bùi Văn Thắng", "Đinh Công Minh",
                                 "Quách Thị Lan",   "Hà Văn Sơn",    "Trần Đức Anh"};
constexpr std::array kInnovations{
    "Phần mềm một cửa điện tử",   "Hòm thư góp ý điện tử", "Mô hình tiếp công dân ngày thứ Bảy",
    "Bảng điện tử tra cứu hồ sơ", "Số hóa hồ sơ lưu trữ",  "Tổ tư vấn thủ tục cho đồng bào dân tộc"};

template <typename A> const char* pick(DemoRandom& rng, const A& list) {
    return list[rng.below(static_cast<std::uint32_t>(list.size()))];
}

std::string person_name(DemoRandom& rng) {
    std::string name = pick(rng, kFamilyNames);
    name += " ";
    name += pick(rng, kMiddleNames);
    name += " ";
    name += pick(rng, kGivenNames);
    return name;
}

/// A name not yet in `taken` (desk staff are keyed by name).
std::string new_person(DemoRandom& rng, std::set<std::string>& taken) {
    std::string name = person_name(rng);
    for (int attempt = 2; taken.count(name) != 0; ++attempt) {
        name = person_name(rng);
        if (attempt > 16) name += " " + std::to_string(attempt);  // ends the loop whatever the draws
    }
    taken.insert(name);
    return name;
}

Datum permille(int value) {
    return Datum{core::Decimal::from_raw(static_cast<core::int128>(std::clamp(value, 0, 1000)) * 1'000'000)};
}
Datum integer(int value) { return Datum{static_cast<std::int64_t>(value)}; }

struct Procedure {
    std::string code;
    bool posted = true, on_portal = true, one_stop = false;
    std::string inter_agency = "not_required";
    int online_level = 0;  // 0: not online; 2013: mostly level 1 (the target was level 2)
};

struct Innovation {
    std::string title;
    std::string decision;     // the recognition decision the unit cites
    bool recognised = false;  // whether the appraisal found that decision
};

struct Staff {
    std::string person;
    bool assigned = true, qualified = true;
};

using Facts = std::vector<std::pair<std::string, Datum>>;

/// One unit's year as it really was, and what its self-assessment claims.
struct UnitYear {
    const UnitProfile* unit = nullptr;
    std::vector<Procedure> procedures;
    std::vector<Staff> desk;
    Facts facts;   // the truth, in the rulebook's order
    Facts claims;  // self-assessment values that differ from the truth
    std::vector<Innovation> innovations;
    std::vector<std::pair<std::string, std::string>> seen_on_visit;  // violations: kind, person
    core::Date visit;                                                // the scheduled visit
};

/// The facts a scheduled visit checks itself; the self-assessment is trusted for the rest.
constexpr std::array kVerifiedFacts{"procedures_published", "one_stop_desk", "website", "e_office", "iso_9001",
                                    "satisfaction"};

bool district(const UnitProfile& p) { return std::string_view(p.category) == "district"; }

void draw_procedures(UnitYear& y, DemoRandom& rng, int year, int q) {
    const UnitProfile& p = *y.unit;
    // 2012 is the smaller year: fewer procedures had been moved to the one-stop desk (the district
    // set alike in every district).
    const int fewer = district(p) ? 3 : rng.between(1, 3);
    const int one_stop = year == kYear ? p.one_stop : std::max(0, p.one_stop - fewer);
    const int inter_agency = std::min(p.inter_agency, one_stop);
    const int n = p.procedures;
    for (int i = 0; i < n; ++i) {
        Procedure proc;
        char code[16];
        std::snprintf(code, sizeof code, "%03d", i + 1);
        proc.code = std::string(p.prefix) + "-" + code;
        proc.one_stop = i < one_stop;
        if (i < inter_agency) proc.inter_agency = "applied";
        // Online only where there is a website: level 1, a few at level 2 at the strongest units.
        if (p.website) proc.online_level = i >= n - p.online_level_2 ? 2 : 1;
        y.procedures.push_back(std::move(proc));
    }
    // Lists not fully posted, at the office or on the portal (a weakness the report names).
    auto unpost = [&](bool Procedure::*flag, int missing) {
        for (int k = 0; k < missing && n > 0; ++k) y.procedures[rng.below(static_cast<std::uint32_t>(n))].*flag = false;
    };
    if (!rng.chance(q)) unpost(&Procedure::posted, rng.between(1, std::max(1, n / 12)));
    if (!rng.chance(q - 10)) unpost(&Procedure::on_portal, rng.between(1, std::max(1, n / 8)));
    // Some procedures needing several agencies are still handled by one alone.
    if (p.one_stop_desk && one_stop > inter_agency && rng.chance((100 - q) / 2)) {
        y.procedures[static_cast<std::size_t>(one_stop - 1)].inter_agency = "not_applied";
    }
}

void draw_desk(UnitYear& y, DemoRandom& rng, DemoRandom& names, int q) {
    if (!y.unit->one_stop_desk) return;
    std::set<std::string> taken;
    const int staff = rng.between(2, 4);
    for (int i = 0; i < staff; ++i) {
        Staff s;
        s.person = new_person(names, taken);
        s.qualified = rng.chance(q + 15);
        y.desk.push_back(std::move(s));
    }
    // Desk staff not assigned per the rules.
    if (rng.chance((100 - q) / 2)) y.desk[rng.below(static_cast<std::uint32_t>(staff))].assigned = false;
}

/// Review of the unit's procedures (rà soát): departments amend, replace or abolish some of their
/// own (95 in 2013); district committees review the shared district set and change none.
void draw_procedure_review(Facts& f, const UnitProfile& p, DemoRandom& rng, int year, int q) {
    const int changed = year == kYear ? p.procedures_changed : p.procedures_changed * 2 / 3;
    const int to_review = std::min(p.procedures, changed + rng.between(4, 15));
    const int reviewed = rng.chance(q) ? to_review : std::max(changed, to_review - rng.between(1, 4));
    f.emplace_back("procedures_published", integer(p.procedures));
    f.emplace_back("procedures_to_review", integer(to_review));
    f.emplace_back("procedures_reviewed", integer(reviewed));
    f.emplace_back("procedures_changed", integer(changed));
}

void draw_facts(UnitYear& y, DemoRandom& rng, int year, int q) {
    const UnitProfile& p = *y.unit;
    Facts& f = y.facts;
    auto flag = [&](const char* kind, int percent) { f.emplace_back(kind, Datum{rng.chance(percent)}); };

    flag("par_plan_on_time", q + 10);
    f.emplace_back("reports_due", integer(6));
    f.emplace_back("reports_late", integer(rng.chance(q) ? 0 : rng.between(1, 2)));
    f.emplace_back("internal_inspections", integer(rng.chance(q) ? rng.between(2, 4) : rng.between(0, 1)));
    flag("par_communication", q + 5);
    const int to_fix = rng.between(0, 4);
    f.emplace_back("findings_to_fix", integer(to_fix));
    f.emplace_back("findings_fixed", integer(rng.chance(q) ? to_fix : std::max(0, to_fix - 1)));
    if (district(p)) flag("commune_guidance", q + 5);

    const int reviewed = year == kYear ? p.legal_reviewed : std::max(5, p.legal_reviewed * rng.between(70, 95) / 100);
    f.emplace_back("legal_docs_due",
                   integer(reviewed + (rng.chance(q + 5) ? 0 : rng.between(1, std::max(1, reviewed / 10)))));
    f.emplace_back("legal_docs_reviewed", integer(reviewed));
    flag("legal_self_check", q + 10);
    const int illegal = rng.chance(70) ? 0 : rng.between(1, 3);
    f.emplace_back("illegal_docs_found", integer(illegal));
    f.emplace_back("illegal_docs_handled", integer(rng.chance(q) ? illegal : std::max(0, illegal - 1)));
    draw_procedure_review(f, p, rng, year, q);

    const int received = p.procedures == 0  ? 0
                         : !p.one_stop_desk ? rng.between(20, 200)
                         : district(p)      ? rng.between(2000, 12000)
                                            : rng.between(300, 4000);
    const int late = rng.chance(q - 15) ? 0 : received * rng.between(2, 60) / 1000;
    f.emplace_back("dossiers_received", integer(received));
    f.emplace_back("dossiers_late", integer(late));
    f.emplace_back("apologies_sent", integer(rng.chance(q) ? late : late / 2));
    const int complaints = rng.between(0, 12);
    f.emplace_back("complaints_received", integer(complaints));
    f.emplace_back("complaints_resolved",
                   integer(rng.chance(q) ? complaints : complaints - rng.between(0, complaints)));
    f.emplace_back("desk_required", Datum{p.desk_required});
    f.emplace_back("one_stop_desk", Datum{p.one_stop_desk});

    flag("job_position_scheme", q + 5);
    flag("staff_within_quota", q + 10);
    flag("decentralisation_done", q);
    f.emplace_back("staff_meeting_standard", permille(rng.between(std::max(700, q * 10 - 40), 1000)));
    flag("training_plan_met", q + 5);
    f.emplace_back("staff_disciplined", integer(rng.chance(q + 15) ? 0 : 1));
    if (district(p)) {
        // The seed's commune staff figures are the 2013 ones; 2012 had a few fewer up to standard.
        const int behind = year == kYear ? 0 : rng.between(2, 8);
        f.emplace_back("commune_officials", integer(p.commune_officials));
        f.emplace_back("commune_officials_standard", integer(p.commune_officials_standard - behind));
        f.emplace_back("commune_civil_servants", integer(p.commune_civil_servants));
        f.emplace_back("commune_civil_servants_standard", integer(p.commune_civil_servants_standard - behind));
    }

    f.emplace_back("subordinate_units", integer(p.subordinate));
    f.emplace_back("autonomous_units",
                   integer(year == kYear ? p.autonomous
                                         : std::max(0, p.autonomous - rng.between(0, p.autonomous / 5))));
    flag("budget_published", q + 10);
    if (p.investment)
        f.emplace_back("disbursement_rate", permille(rng.chance(q) ? rng.between(850, 1000) : rng.between(550, 850)));

    f.emplace_back("website", Datum{p.website});
    f.emplace_back("e_office", Datum{p.e_office});
    // No digitally signed documents yet in 2012–2013: the fact is not recorded at all.
    f.emplace_back("iso_9001", Datum{year == kYear || rng.chance(85)});
    // The province's satisfaction survey of 2013 covered the one-stop desks of the districts and of
    // the strongest departments; there was none in 2012.
    const bool surveyed = year == kYear && p.one_stop_desk && (district(p) || p.capacity >= 90);
    const int satisfaction = rng.between(q * 10 - 60, std::min(985, q * 10 + 80));
    if (surveyed) f.emplace_back("satisfaction", permille(satisfaction));
    f.emplace_back("head_disciplined", Datum{false});
    f.emplace_back("corruption_case", Datum{false});

    // What the self-assessment makes rosier; the scheduled visit checks these itself.
    if (!p.website && rng.chance(35)) y.claims.emplace_back("website", Datum{true});
    if (p.desk_required && !p.one_stop_desk && rng.chance(50))
        y.claims.emplace_back("one_stop_desk", Datum{true});  // a desk on paper
    if (surveyed) y.claims.emplace_back("satisfaction", permille(satisfaction + rng.between(20, 80)));
}

UnitYear draw_unit_year(int year, std::size_t index) {
    UnitYear y;
    y.unit = &kProvince[index];
    DemoRandom rng = DemoRandom::stream(year, index, kUnitYear);
    DemoRandom names = DemoRandom::stream(year, index, kNames);
    // The province did a little worse in 2012; each unit's year varies around its capacity.
    const int q = std::clamp(y.unit->capacity + rng.between(-4, 4) - (year == kYear ? 0 : rng.between(0, 8)), 40, 99);
    y.visit = core::make_date(year, static_cast<unsigned>(rng.between(4, 10)),
                              static_cast<unsigned>(rng.between(1, 28)));
    draw_procedures(y, rng, year, q);
    draw_desk(y, rng, names, q);
    draw_facts(y, rng, year, q);
    // The innovations the unit claims, each citing a decision; the appraisal finds a recognition
    // decision of the province for some of them only.
    const int innovations = q >= 85 ? rng.between(1, 3) : q >= 75 ? rng.between(0, 2) : rng.between(0, 1);
    for (int i = 0; i < innovations; ++i) {
        Innovation claim{pick(rng, kInnovations), std::to_string(rng.between(120, 2400)) + "/QĐ-UBND",
                         rng.chance(q - 25)};
        auto same = [&](const Innovation& x) { return x.title == claim.title; };
        if (std::none_of(y.innovations.begin(), y.innovations.end(), same)) y.innovations.push_back(std::move(claim));
    }
    if (rng.chance((100 - q) / 3))
        y.seen_on_visit.emplace_back(rng.chance(50) ? "late" : "phone_in_meeting", person_name(names));
    return y;
}

// ---- findings ----------------------------------------------------------------------------------

KindFindings fact(const std::string& kind, const Datum& value) {
    KindFindings k;
    k.kind = kind;
    k.fact = true;
    k.fields = {"value"};
    k.values.emplace_back(value);
    return k;
}

KindFindings records(std::string kind, std::vector<std::string> fields) {
    KindFindings k;
    k.kind = std::move(kind);
    k.fields = std::move(fields);
    return k;
}

KindFindings procedures(const UnitYear& y, bool claimed) {
    KindFindings k = records("procedure", {"code", "posted", "on_portal", "one_stop", "inter_agency", "online_level"});
    for (const Procedure& p : y.procedures) {
        // A self-assessment claims every list is posted everywhere.
        for (Datum d : {Datum{p.code}, Datum{claimed || p.posted}, Datum{claimed || p.on_portal}, Datum{p.one_stop},
                        Datum{p.inter_agency}, integer(p.online_level)}) {
            k.values.emplace_back(std::move(d));
        }
    }
    return k;
}

KindFindings desk_staff(const UnitYear& y, bool claimed) {
    KindFindings k = records("desk_staff", {"person", "assigned", "qualified"});
    for (const Staff& s : y.desk) {
        for (Datum d : {Datum{s.person}, Datum{claimed || s.assigned}, Datum{claimed || s.qualified}})
            k.values.emplace_back(std::move(d));
    }
    return k;
}

KindFindings violations(const std::vector<std::pair<std::string, std::string>>& list) {
    KindFindings k = records("violation", {"kind", "person"});
    for (const auto& [kind, person] : list) {
        k.values.emplace_back(Datum{kind});
        k.values.emplace_back(Datum{person});
    }
    return k;
}

/// As claimed (every title recognised by the province, citing its decision) or as the appraisal
/// found it (the unit's own claim only, without a decision, where no recognition was found).
KindFindings innovations(const UnitYear& y, bool claimed) {
    KindFindings k = records("innovation", {"title", "recognised_by", "decision"});
    for (const Innovation& i : y.innovations) {
        const bool recognised = claimed || i.recognised;
        k.values.emplace_back(Datum{i.title});
        k.values.emplace_back(Datum{std::string(recognised ? "province" : "unit")});
        k.values.emplace_back(Datum{recognised ? i.decision : std::string()});
    }
    return k;
}

Report report(const UnitYear& y, core::Date date, InspectionKind kind, std::vector<std::string> team) {
    Report r;
    r.header.unit = y.unit->id;
    r.header.date = date;
    r.header.kind = kind;
    r.header.team = std::move(team);
    return r;
}

std::vector<std::string> inspection_team(int year, std::size_t index, std::uint64_t purpose) {
    DemoRandom rng = DemoRandom::stream(year, index, kTeam ^ (purpose << 8));
    constexpr auto n = static_cast<std::uint32_t>(kInspectors.size());
    const std::uint32_t first = rng.below(n);
    const std::uint32_t second = (first + 1 + rng.below(n - 1)) % n;
    return {kInspectors[first], kInspectors[second]};
}

Report self_assessment(const UnitYear& y, int year) {
    Report r = report(y, core::make_date(year, 12, 5), InspectionKind::Self, {"Tổ tự đánh giá"});
    r.findings.push_back(procedures(y, true));
    if (!y.desk.empty()) r.findings.push_back(desk_staff(y, true));
    r.findings.push_back(violations({}));
    r.findings.push_back(innovations(y, true));
    for (const auto& truth : y.facts) {
        auto claim = std::find_if(y.claims.begin(), y.claims.end(),
                                  [&](const auto& c) { return c.first == truth.first; });
        r.findings.push_back(fact(truth.first, claim == y.claims.end() ? truth.second : claim->second));
    }
    return r;
}

Report scheduled_visit(const UnitYear& y, std::size_t index, int year) {
    Report r = report(y, y.visit, InspectionKind::Scheduled, inspection_team(year, index, 1));
    r.findings.push_back(procedures(y, false));
    if (!y.desk.empty()) r.findings.push_back(desk_staff(y, false));
    r.findings.push_back(violations(y.seen_on_visit));
    r.findings.push_back(innovations(y, false));
    for (const auto& [kind, value] : y.facts) {
        if (std::find(kVerifiedFacts.begin(), kVerifiedFacts.end(), kind) != kVerifiedFacts.end()) {
            r.findings.push_back(fact(kind, value));
        }
    }
    return r;
}

/// A surprise visit: where, when, and what the team found (each violation by one person).
struct Surprise {
    int year;
    const char* unit;
    unsigned month, day;
    std::vector<const char*> found;
};

const std::vector<Surprise>& surprises() {
    static const std::vector<Surprise> list = {
        {2012, "so-giao-thong-van-tai", 9, 11, {"late"}},
        {2012, "huyen-kim-boi", 10, 23, {"sent_to_specialist_room"}},
        {2013, "so-xay-dung", 3, 12, {"late", "late"}},
        {2013, "so-tu-phap", 4, 2, {}},
        {2013, "so-tai-nguyen-moi-truong", 5, 21, {"sent_to_specialist_room", "desk_closed", "harassment"}},
        {2013, "huyen-da-bac", 6, 18, {"drunk", "late"}},
        {2013, "huyen-lac-son", 8, 6, {"asleep", "late", "late", "indifference"}},
        {2013, "huyen-kim-boi", 9, 10, {"desk_closed", "sent_to_specialist_room", "petty_bribery"}},
        {2013, "so-y-te", 10, 8, {"left_early", "phone_in_meeting"}},
    };
    return list;
}

std::size_t unit_index(const char* id) {
    for (std::size_t i = 0; i < kProvince.size(); ++i) {
        if (std::string_view(kProvince[i].id) == id) return i;
    }
    throw std::logic_error(std::string("demo: no unit ") + id);
}

}  // namespace

std::vector<inspections::UnitInfo> province_units() {
    std::vector<inspections::UnitInfo> units;
    for (const UnitProfile& p : kProvince)
        units.push_back({p.id, p.name, p.category, std::nullopt, std::nullopt, std::nullopt});
    std::sort(units.begin(), units.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return units;
}

std::vector<Report> year_reports(int year) {
    if (year != kYear && year != kPreviousYear) throw std::logic_error("demo: no data for " + std::to_string(year));
    std::vector<UnitYear> units;
    for (std::size_t i = 0; i < kProvince.size(); ++i) units.push_back(draw_unit_year(year, i));

    // In the order a year happens: visits, surprise visits, then the year-end self-assessments.
    std::vector<Report> out;
    for (std::size_t i = 0; i < units.size(); ++i) out.push_back(scheduled_visit(units[i], i, year));
    for (const Surprise& s : surprises()) {
        if (s.year != year) continue;
        const std::size_t i = unit_index(s.unit);
        DemoRandom names = DemoRandom::stream(year, i, kSurprise);
        std::vector<std::pair<std::string, std::string>> found;
        for (const char* kind : s.found) found.emplace_back(kind, person_name(names));
        Report r = report(units[i], core::make_date(year, s.month, s.day), InspectionKind::Surprise,
                          inspection_team(year, i, 2));
        r.findings.push_back(violations(found));
        out.push_back(std::move(r));
    }
    for (std::size_t i = 0; i < units.size(); ++i) out.push_back(self_assessment(units[i], year));
    return out;
}

}  // namespace parscore::engine::demo
