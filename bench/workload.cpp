#include "workload.hpp"

#include <algorithm>
#include <cstdio>

namespace parscore::bench {

namespace {

// splitmix64: tiny, fast and the same everywhere.
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    /// Uniform in [lo, hi].
    std::uint32_t between(std::uint32_t lo, std::uint32_t hi) {
        return lo + static_cast<std::uint32_t>(next() % (static_cast<std::uint64_t>(hi - lo) + 1));
    }
    bool chance(double p) { return static_cast<double>(next() >> 11) * 0x1.0p-53 < p; }

private:
    std::uint64_t state_;
};

const char* const kRulebook =
    R"(# National-scale benchmark rulebook: three categories of units, keyed procedures checked by
# self-assessment, scheduled and surprise inspections, staff, violations, a survey and two facts.
parscore: 1
id: bench-national
version: "1"
title: "National benchmark"
units: [department, district, commune]
params:
  min_desk_staff: 2
  max_days: 5
evidence:
  procedure:
    key: code
    fields:
      code: text
      posted: bool
      online_level: { enum: [none, partial, full] }
      days: int
      fee: number
  desk_staff:
    fields:
      role: text
      qualified: bool
  violation:
    fields:
      kind: { enum: [late, left_early, drunk, asleep] }
  survey:
    fields:
      score: percent
  website: { fact: bool }
  budget_rate: { fact: percent }
groups:
  - id: tthc
    title: "Administrative procedures"
    criteria:
      - id: posted
        max: 10
        points: |
          steps share(procedure, posted) {
            >= 100%: 10
            >= 80%: 5
            else: 0
          }
      - id: online
        max: 10
        points: |
          steps share(procedure, online_level == "full") {
            >= 50%: 10
            >= 30%: 6
            else: 0
          }
      - id: on_time
        max: 5
        points: |
          steps share(procedure, days <= params.max_days) {
            >= 95%: 5
            >= 80%: 3
            else: 0
          }
      - id: fees
        max: 5
        points: if avg(procedure, fee) <= 50 then 5 else 2
  - id: staff
    title: "Desk staff"
    criteria:
      - id: qualified
        max: 5
        points: if all(desk_staff, qualified) then 5 else 0
      - id: staffed
        max: 5
        applies_to: [department, district]
        points: if count(desk_staff) >= params.min_desk_staff then 5 else 0
  - id: service
    title: "Service"
    criteria:
      - id: satisfaction
        max: 10
        points: |
          steps avg(survey, score) {
            >= 80%: 10
            >= 60%: 5
            else: 0
          }
      - id: website
        max: 5
        points: if website then 5 else 0
      - id: budget
        max: 5
        points: round(5 * budget_rate, 1)
deductions:
  - id: discipline
    points: count(violation where kind in ["late", "left_early"]) + 2 * count(violation where kind in ["drunk", "asleep"])
    cap: 10
bonuses:
  - id: digital
    points: if share(procedure, online_level != "none") >= 90% then 2 else 0
    cap: 2
band_caps:
  - id: drunk-at-work
    when: exists(violation where kind == "drunk")
    at_most: good
bands:
  - { id: excellent, min: 90, quota: 20%, quota_of: good }
  - { id: good, min: 75 }
  - { id: pass, min: 50 }
  - { id: fail, min: 0 }
)";

const char* const kLevels[] = {"none", "partial", "full"};
const char* const kViolations[] = {"late", "left_early", "drunk", "asleep"};
const char* const kRoles[] = {"reception", "returns", "lead"};

std::string unit_id(std::uint32_t u) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "u%06u", u + 1);
    return buf;
}

std::string date(int year, int month, std::uint32_t day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02u", year, month, day);
    return buf;
}

// One unit's procedures as the scheduled inspection found them.
struct Procedure {
    bool posted;
    int level;
    std::uint32_t days;
    std::uint32_t fee_cents;
};

void procedure_row(std::string& out, const std::string& unit, const std::string& on, std::uint32_t code,
                   const Procedure& p) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s,%s,P%03u,%s,%s,%u,%u.%02u\n", unit.c_str(), on.c_str(), code,
                  p.posted ? "true" : "false", kLevels[p.level], p.days, p.fee_cents / 100, p.fee_cents % 100);
    out += buf;
}

Procedure random_procedure(Random& r, double posted, double full) {
    Procedure p{};
    p.posted = r.chance(posted);
    p.level = r.chance(full) ? 2 : r.chance(0.5) ? 1 : 0;
    p.days = r.between(1, 9);
    p.fee_cents = r.chance(0.6) ? 0 : r.between(500, 20000);
    return p;
}

std::string report_text(const std::string& unit, const std::string& on, const char* kind, Random& r,
                        std::uint32_t procedures) {
    std::string t = "inspection:\n  unit: " + unit + "\n  date: " + on + "\n  kind: " + kind +
                    "\n  team: [\"Benchmark team\"]\nfindings:\n  procedure:\n";
    for (std::uint32_t c = 0; c < procedures; ++c) {
        Procedure p = random_procedure(r, 0.9, 0.5);
        char buf[160];
        std::snprintf(buf, sizeof buf, "    - { code: P%03u, posted: %s, online_level: %s, days: %u, fee: %u }\n", c,
                      p.posted ? "true" : "false", kLevels[p.level], p.days, p.fee_cents / 100);
        t += buf;
    }
    const std::uint32_t violations = r.between(0, 2);
    t += violations == 0 ? "  violation: []\n" : "  violation:\n";
    for (std::uint32_t v = 0; v < violations; ++v)
        t += std::string("    - { kind: ") + kViolations[r.between(0, 3)] + " }\n";
    return t;
}

}  // namespace

std::size_t NationalWorkload::csv_rows() const {
    std::size_t n = 0;
    for (const CsvImport& c : imports) n += c.rows;
    return n;
}

NationalWorkload national_workload(const NationalOptions& o) {
    NationalWorkload w;
    w.rulebook = kRulebook;
    Random r(o.seed);
    const int y = o.year;

    w.units_csv = "id,name,category\n";
    CsvImport self{"procedure-self.csv", "procedure", "self", "unit,date,code,posted,online_level,days,fee\n"};
    CsvImport scheduled{"procedure-scheduled.csv", "procedure", "scheduled", self.text};
    CsvImport surprise{"procedure-surprise.csv", "procedure", "surprise", self.text};
    CsvImport staff{"desk_staff.csv", "desk_staff", "scheduled", "unit,date,role,qualified\n"};
    CsvImport violations{"violation-scheduled.csv", "violation", "scheduled", "unit,date,kind\n"};
    CsvImport violations_late{"violation-surprise.csv", "violation", "surprise", "unit,date,kind\n"};
    CsvImport survey{"survey.csv", "survey", "scheduled", "unit,date,score\n"};
    CsvImport website{"website-self.csv", "website", "self", "unit,date,value\n"};
    CsvImport budget{"budget_rate-self.csv", "budget_rate", "self", "unit,date,value\n"};

    for (std::uint32_t u = 0; u < o.units; ++u) {
        const std::string id = unit_id(u);
        const std::uint32_t c = r.between(0, 19);
        const char* category = c == 0 ? "department" : c < 4 ? "district" : "commune";
        w.units_csv += id + ",Unit " + id.substr(1) + "," + category + "\n";

        // Self-assessment in January (rosier), scheduled inspection in the spring, sometimes a
        // surprise inspection in the autumn re-checking a tenth to a third of the procedures.
        const std::uint32_t n = r.between(100, 200);
        const double posted = r.chance(0.3) ? 1.0 : 0.75 + 0.25 * r.chance(0.5);
        const double full = 0.2 + 0.6 * static_cast<double>(r.between(0, 100)) / 100.0;
        const std::string self_on = date(y, 1, r.between(5, 28));
        const std::string on = date(y, r.between(3, 5), r.between(1, 28));
        const std::string late_on = date(y, r.between(9, 11), r.between(1, 28));
        const bool surprised = r.chance(0.4);
        const std::uint32_t recheck = surprised ? r.between(n / 10, n / 3) : 0;
        for (std::uint32_t k = 0; k < n; ++k) {
            Procedure p = random_procedure(r, posted, full);
            Procedure claimed = p;
            claimed.posted = claimed.posted || r.chance(0.5);
            procedure_row(self.text, id, self_on, k, claimed);
            procedure_row(scheduled.text, id, on, k, p);
            if (k < recheck) procedure_row(surprise.text, id, late_on, k, random_procedure(r, posted, full));
        }
        self.rows += n;
        scheduled.rows += n;
        surprise.rows += recheck;

        const std::uint32_t desks = r.between(0, 9);
        for (std::uint32_t d = 0; d < desks; ++d) {
            staff.text += id + "," + on + "," + kRoles[r.between(0, 2)] + "," + (r.chance(0.93) ? "true" : "false") +
                          "\n";
        }
        staff.rows += desks;
        const std::uint32_t nv = r.between(0, 5) / 2;
        for (std::uint32_t v = 0; v < nv; ++v)
            violations.text += id + "," + on + "," + kViolations[r.between(0, 3)] + "\n";
        violations.rows += nv;
        if (surprised && r.chance(0.3)) {
            violations_late.text += id + "," + late_on + "," + kViolations[r.between(0, 3)] + "\n";
            ++violations_late.rows;
        }
        const std::uint32_t answers = r.between(5, 30);
        const std::uint32_t mood = r.between(40, 95);
        for (std::uint32_t a = 0; a < answers; ++a) {
            const std::uint32_t score = std::min<std::uint32_t>(100, mood + r.between(0, 20));
            survey.text += id + "," + on + "," + std::to_string(score) + "%\n";
        }
        survey.rows += answers;
        website.text += id + "," + self_on + "," + (r.chance(0.8) ? "true" : "false") + "\n";
        ++website.rows;
        budget.text += id + "," + self_on + "," + std::to_string(r.between(50, 100)) + "%\n";
        ++budget.rows;

        if (o.amend_every && u % o.amend_every == o.amend_every - 1) {
            const std::string thematic_on = date(y, 7, r.between(1, 28));
            const std::uint32_t m = r.between(5, 20);
            w.reports.push_back({"report-" + id + ".yaml", id, report_text(id, thematic_on, "thematic", r, m)});
            w.amendments.push_back({"amend-" + id + ".yaml", id, report_text(id, thematic_on, "thematic", r, m)});
        }
    }
    w.imports = {std::move(self),   std::move(scheduled),  std::move(surprise),
                 std::move(staff),  std::move(violations), std::move(violations_late),
                 std::move(survey), std::move(website),    std::move(budget)};
    return w;
}

std::string large_rulebook(std::size_t criteria) {
    std::string t = "# Generated: " + std::to_string(criteria) +
                    " criteria for timing `parscore check`.\n"
                    "parscore: 1\nid: bench-large\nversion: \"1\"\nunits: [department, district]\n"
                    "params:\n  min_desk_staff: 2\n  max_days: 5\n  fee_limit: 40.5\n"
                    "evidence:\n"
                    "  procedure:\n    key: code\n    fields:\n      code: text\n      posted: bool\n"
                    "      online_level: { enum: [none, partial, full] }\n      days: int\n      fee: number\n"
                    "  desk_staff:\n    fields:\n      role: text\n      qualified: bool\n"
                    "  violation:\n    fields:\n      kind: { enum: [late, left_early, drunk, asleep] }\n"
                    "  survey:\n    fields:\n      score: percent\n"
                    "  website: { fact: bool }\n  budget_rate: { fact: percent }\n"
                    "groups:\n";
    for (std::size_t i = 0; i < criteria; ++i) {
        if (i % 50 == 0) {
            t += "  - id: g" + std::to_string(i / 50 + 1) + "\n    title: \"Group " + std::to_string(i / 50 + 1) +
                 "\"\n    criteria:\n";
        }
        const std::string n = std::to_string(i % 7 + 1);
        const std::string id = "c" + std::to_string(i + 1);
        std::string max = "5", points;
        switch (i % 10) {
            case 0:
                points = "|\n          steps share(procedure, posted) {\n            >= 100%: 5\n            >= " +
                         std::to_string(70 + i % 20) + "%: 3\n            else: 0\n          }";
                break;
            case 1:
                points = "|\n          steps share(procedure, online_level == \"full\") {\n            >= " +
                         std::to_string(40 + i % 30) + "%: 5\n            >= 20%: 2\n            else: 0\n          }";
                break;
            case 2: points = "if all(desk_staff, qualified) then 5 else 0"; break;
            case 3: points = "if count(procedure where days > params.max_days) <= " + n + " then 5 else 1"; break;
            case 4: points = "min(5, sum(procedure where fee > params.fee_limit, fee) / 1000)"; break;
            case 5:
                points =
                    "let n = count(desk_staff where role == \"reception\") in if n >= params.min_desk_staff then 5 else n * 2";
                break;
            case 6: points = "if exists(violation where kind in [\"drunk\", \"asleep\"]) then 0 else 5"; break;
            case 7: points = "if website then 5 else 0"; break;
            case 8:
                points = "|\n          steps avg(survey, score) {\n            >= 80%: 5\n            >= " +
                         std::to_string(50 + i % 20) + "%: 3\n            else: 0\n          }";
                break;
            default: points = "clamp(round(" + n + " * budget_rate, 1), 0, 5)"; break;
        }
        t += "      - id: " + id + "\n        title: \"Criterion " + std::to_string(i + 1) + "\"\n        max: " + max +
             "\n        points: " + points + "\n";
    }
    t += "deductions:\n  - id: discipline\n    points: count(violation where kind in [\"late\", \"left_early\"]) + "
         "2 * count(violation where kind in [\"drunk\", \"asleep\"])\n    cap: 10\n"
         "band_caps:\n  - id: drunk-at-work\n    when: exists(violation where kind == \"drunk\")\n    at_most: good\n"
         "bands:\n  - { id: excellent, min: 90, quota: 20%, quota_of: good }\n  - { id: good, min: 75 }\n"
         "  - { id: pass, min: 50 }\n  - { id: fail, min: 0 }\n";
    return t;
}

}  // namespace parscore::bench
