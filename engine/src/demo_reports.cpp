// The demo province's inspection reports for one year. Each unit's year is drawn from its own
// random stream around its capacity: procedures and whether they are posted, the one-stop desk's
// staff, dossiers, staff, finance and modernisation facts. A unit's self-assessment reports every
// fact, a little rosier than the truth; the scheduled visit records what the team saw, which wins
// over the self-assessment when scoring on all evidence (SPEC §4.1). Surprise visits find the
// violations the seed report lists: late, drunk, asleep, desks closed, citizens sent to
// specialist rooms.
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
#include "parscore/engine/demo.hpp"

namespace parscore::engine::demo {

namespace {

using core::Datum;
using inspections::InspectionKind;
using inspections::KindFindings;
using inspections::Report;

// Purposes of the random streams (DemoRandom::stream).
enum Purpose : std::uint64_t { kUnitYear = 1, kNames = 2, kSurprise = 3, kTeam = 4 };

constexpr std::array kFamilyNames{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Bùi", "Đinh", "Quách", "Xa", "Hà", "Vũ", "Đặng"};
constexpr std::array kMiddleNames{"Văn", "Thị", "Đức", "Minh", "Thu", "Hồng", "Công", "Thanh"};
constexpr std::array kGivenNames{"An", "Bình", "Cường", "Dũng", "Giang", "Hải", "Hạnh", "Hương", "Khánh", "Lan",
                                 "Long", "Mai", "Nam", "Ngọc", "Phương", "Quang", "Sơn", "Thảo", "Trung", "Tuấn",
                                 "Vân", "Yến"};
// The Department of Home Affairs' inspectors (SPEC §5 `team`).
constexpr std::array kInspectors{"Nguyễn Thị Hồng", "Bùi Văn Thắng", "Đinh Công Minh", "Quách Thị Lan", "Hà Văn Sơn",
                                 "Trần Đức Anh"};
constexpr std::array kInnovations{"Phần mềm một cửa điện tử",        "Hòm thư góp ý điện tử",
                                  "Mô hình tiếp công dân ngày thứ Bảy", "Bảng điện tử tra cứu hồ sơ",
                                  "Số hóa hồ sơ lưu trữ",              "Tổ tư vấn thủ tục cho đồng bào dân tộc"};

template <typename A>
const char* pick(DemoRandom& rng, const A& list) {
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

Datum permille(int value) { return Datum{core::Decimal::from_raw(static_cast<core::int128>(std::clamp(value, 0, 1000)) * 1'000'000)}; }
Datum integer(int value) { return Datum{static_cast<std::int64_t>(value)}; }

struct Procedure {
    std::string code;
    bool posted = true, on_portal = true, one_stop = false;
    std::string inter_agency = "not_required";
    int online_level = 1;  // 2013: online services only at level 1 (the target was level 2)
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
    Facts facts;        // the truth, in the rulebook's order
    Facts claims;       // self-assessment values that differ from the truth
    std::vector<std::string> innovations;
    std::vector<std::pair<std::string, std::string>> seen_on_visit;  // violations: kind, person
    core::Date visit;   // the scheduled visit
};

/// The facts a scheduled visit checks itself; the self-assessment is trusted for the rest.
constexpr std::array kVerifiedFacts{"one_stop_desk", "website", "e_office", "iso_9001", "digital_signature_rate",
                                    "satisfaction"};

void draw_procedures(UnitYear& y, DemoRandom& rng, int year, int q) {
    const UnitProfile& p = *y.unit;
    // 2012 is the smaller year: fewer procedures had been moved to the one-stop desk.
    const int one_stop = year == kYear ? p.one_stop : std::max(0, p.one_stop - rng.between(1, 3));
    const int others = p.one_stop_desk ? (rng.chance(q) ? 0 : rng.between(1, 2)) : rng.between(4, 7);
    const int n = one_stop + others;
    for (int i = 0; i < n; ++i) {
        Procedure proc;
        char code[16];
        std::snprintf(code, sizeof code, "%03d", i + 1);
        proc.code = std::string(p.prefix) + "-" + code;
        proc.one_stop = i < one_stop;
        if (i < (year == kYear ? p.inter_agency : std::min(p.inter_agency, one_stop))) proc.inter_agency = "applied";
        y.procedures.push_back(std::move(proc));
    }
    // Lists not fully posted, at the office or on the portal (a weakness the report names).
    auto unpost = [&](bool Procedure::*flag, int missing) {
        for (int k = 0; k < missing && n > 0; ++k) y.procedures[rng.below(static_cast<std::uint32_t>(n))].*flag = false;
    };
    if (!rng.chance(q)) unpost(&Procedure::posted, rng.between(1, std::max(1, n / 4)));
    if (!rng.chance(q - 10)) unpost(&Procedure::on_portal, rng.between(1, std::max(1, n / 3)));
    // Some procedures needing several agencies are still handled by one alone.
    if (p.one_stop_desk && one_stop > p.inter_agency && rng.chance((100 - q) / 2)) {
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

void draw_facts(UnitYear& y, DemoRandom& rng, int year, int q) {
    const UnitProfile& p = *y.unit;
    const bool district = std::string_view(p.category) == "district";
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
    if (district) flag("commune_guidance", q + 5);

    const int reviewed = year == kYear ? p.legal_reviewed : std::max(5, p.legal_reviewed * rng.between(70, 95) / 100);
    f.emplace_back("legal_docs_due", integer(reviewed + (rng.chance(q + 5) ? 0 : rng.between(1, std::max(1, reviewed / 10)))));
    f.emplace_back("legal_docs_reviewed", integer(reviewed));
    flag("legal_self_check", q + 10);
    const int illegal = rng.chance(70) ? 0 : rng.between(1, 3);
    f.emplace_back("illegal_docs_found", integer(illegal));
    f.emplace_back("illegal_docs_handled", integer(rng.chance(q) ? illegal : std::max(0, illegal - 1)));

    const int received = !p.one_stop_desk ? rng.between(20, 200) : district ? rng.between(2000, 12000) : rng.between(300, 4000);
    const int late = rng.chance(q - 15) ? 0 : received * rng.between(2, 60) / 1000;
    f.emplace_back("dossiers_received", integer(received));
    f.emplace_back("dossiers_late", integer(late));
    f.emplace_back("apologies_sent", integer(rng.chance(q) ? late : late / 2));
    const int complaints = rng.between(0, 12);
    f.emplace_back("complaints_received", integer(complaints));
    f.emplace_back("complaints_resolved", integer(rng.chance(q) ? complaints : complaints - rng.between(0, complaints)));
    f.emplace_back("one_stop_desk", Datum{p.one_stop_desk});

    flag("job_position_scheme", q + 5);
    flag("staff_within_quota", q + 10);
    flag("decentralisation_done", q);
    f.emplace_back("staff_meeting_standard", permille(rng.between(std::max(700, q * 10 - 40), 1000)));
    flag("training_plan_met", q + 5);
    f.emplace_back("staff_disciplined", integer(rng.chance(q + 15) ? 0 : 1));

    f.emplace_back("autonomy_rate", permille(year == kYear ? p.autonomy_permille : p.autonomy_permille - rng.between(0, 80)));
    flag("budget_published", q + 10);
    if (p.investment) f.emplace_back("disbursement_rate", permille(rng.chance(q) ? rng.between(850, 1000) : rng.between(550, 850)));

    f.emplace_back("website", Datum{p.website});
    f.emplace_back("e_office", Datum{p.e_office});
    const int signed_share = p.e_office ? rng.between(300, 700) : rng.between(0, 100);
    f.emplace_back("digital_signature_rate", permille(signed_share));
    f.emplace_back("iso_9001", Datum{year == kYear || rng.chance(85)});
    const int satisfaction = rng.between(q * 10 - 60, std::min(985, q * 10 + 80));
    f.emplace_back("satisfaction", permille(satisfaction));
    f.emplace_back("head_disciplined", Datum{false});
    f.emplace_back("corruption_case", Datum{false});

    // What the self-assessment makes rosier; the scheduled visit checks these itself.
    if (!p.website && rng.chance(35)) y.claims.emplace_back("website", Datum{true});
    if (!p.one_stop_desk && rng.chance(50)) y.claims.emplace_back("one_stop_desk", Datum{true});  // a desk on paper
    y.claims.emplace_back("digital_signature_rate", permille(signed_share + rng.between(0, 150)));
    y.claims.emplace_back("satisfaction", permille(satisfaction + rng.between(20, 80)));
}

UnitYear draw_unit_year(int year, std::size_t index) {
    UnitYear y;
    y.unit = &kProvince[index];
    DemoRandom rng = DemoRandom::stream(year, index, kUnitYear);
    DemoRandom names = DemoRandom::stream(year, index, kNames);
    // The province did a little worse in 2012; each unit's year varies around its capacity.
    const int q = std::clamp(y.unit->capacity + rng.between(-4, 4) - (year == kYear ? 0 : rng.between(0, 8)), 40, 99);
    y.visit = core::make_date(year, static_cast<unsigned>(rng.between(4, 10)), static_cast<unsigned>(rng.between(1, 28)));
    draw_procedures(y, rng, year, q);
    draw_desk(y, rng, names, q);
    draw_facts(y, rng, year, q);
    const int innovations = q >= 85 ? rng.between(1, 3) : q >= 75 ? rng.between(0, 2) : rng.between(0, 1);
    for (int i = 0; i < innovations; ++i) {
        std::string title = pick(rng, kInnovations);
        if (std::find(y.innovations.begin(), y.innovations.end(), title) == y.innovations.end()) y.innovations.push_back(title);
    }
    if (rng.chance((100 - q) / 3)) y.seen_on_visit.emplace_back(rng.chance(50) ? "late" : "phone_in_meeting", person_name(names));
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
        for (Datum d : {Datum{s.person}, Datum{claimed || s.assigned}, Datum{claimed || s.qualified}}) k.values.emplace_back(std::move(d));
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
    KindFindings innovation = records("innovation", {"title"});
    for (const std::string& title : y.innovations) innovation.values.emplace_back(Datum{title});
    r.findings.push_back(std::move(innovation));
    for (const auto& truth : y.facts) {
        auto claim = std::find_if(y.claims.begin(), y.claims.end(), [&](const auto& c) { return c.first == truth.first; });
        r.findings.push_back(fact(truth.first, claim == y.claims.end() ? truth.second : claim->second));
    }
    return r;
}

Report scheduled_visit(const UnitYear& y, std::size_t index, int year) {
    Report r = report(y, y.visit, InspectionKind::Scheduled, inspection_team(year, index, 1));
    r.findings.push_back(procedures(y, false));
    if (!y.desk.empty()) r.findings.push_back(desk_staff(y, false));
    r.findings.push_back(violations(y.seen_on_visit));
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
        {2013, "so-tai-nguyen-moi-truong", 5, 21, {"sent_to_specialist_room", "desk_closed"}},
        {2013, "huyen-da-bac", 6, 18, {"drunk", "late"}},
        {2013, "huyen-lac-son", 8, 6, {"asleep", "late", "late"}},
        {2013, "huyen-kim-boi", 9, 10, {"desk_closed", "sent_to_specialist_room"}},
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
    for (const UnitProfile& p : kProvince) units.push_back({p.id, p.name, p.category, std::nullopt, std::nullopt, std::nullopt});
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
