// Nanoseconds per evaluation of the rule language's aggregates over one unit's 150 records, on
// the column-wise path (the default), record by record (the path every other condition shape
// takes), and with a trace attached (what `explain` pays); and one whole unit scored with the
// shared workload's six rules, and that unit's JSON rendered as `score --format json` writes it.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <deque>
#include <iostream>
#include <memory>
#include <string>

#include "parscore/core/evidence.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/core/source.hpp"
#include "parscore/dsl/checker.hpp"
#include "parscore/dsl/evaluator.hpp"
#include "parscore/dsl/parser.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/rules/loader.hpp"
#include "parscore/scoring/scorer.hpp"

namespace {

using namespace parscore;
using core::FieldType;
using core::Value;

constexpr std::uint32_t kRecords = 150;

core::FieldDef field(std::string name, FieldType type, std::vector<std::string> values = {}) {
    return core::FieldDef{std::move(name), type, std::move(values), {}};
}

/// One unit: 150 procedures (posted, online_level, days, fee) and 150 desk officers (all
/// qualified, so `all` looks at every record), values spread like the shared workload's.
struct Unit {
    core::EvidenceSchema schema;
    core::UnitEvidence evidence;
    dsl::UnitInfo info{"a1", "Agency 1", "agency"};
    std::deque<std::string> texts{"none", "partial", "full", "reception"};

    Unit() {
        core::KindDef procedure;
        procedure.name = "procedure";
        procedure.fields = {field("posted", FieldType::Bool),
                            field("online_level", FieldType::Enum, {"none", "partial", "full"}),
                            field("days", FieldType::Int), field("fee", FieldType::Number)};
        core::KindDef staff;
        staff.name = "desk_staff";
        staff.fields = {field("role", FieldType::Text), field("qualified", FieldType::Bool)};
        schema.kinds = {procedure, staff};
        evidence.reset(schema.kinds.size());
        evidence.checked = {1, 1};
        auto& p = evidence.tables[0];
        p.reset(schema.kinds[0], kRecords);
        auto& s = evidence.tables[1];
        s.reset(schema.kinds[1], kRecords);
        // Text columns as the store fills them: one dictionary entry per distinct value.
        const std::uint32_t levels[] = {p.columns[1].add_text(texts[0]), p.columns[1].add_text(texts[1]),
                                        p.columns[1].add_text(texts[2])};
        const std::uint32_t reception = s.columns[0].add_text(texts[3]);
        for (std::uint32_t r = 0; r < kRecords; ++r) {
            p.columns[0].set(r, Value::boolean(r % 11 != 0));
            p.columns[1].codes()[r] = levels[r % 3];
            p.columns[2].set(r, Value::integer(r % 9 + 1));
            p.columns[3].set(r, Value::number(*core::Decimal::parse(r % 4 ? "12.5" : "0")));
            s.columns[0].codes()[r] = reception;
            s.columns[1].set(r, Value::boolean(true));
        }
    }
};

struct Compiled {
    dsl::Program program;
    dsl::NodeId root = dsl::kNoNode;
};

std::unique_ptr<Compiled> compile(const Unit& unit, const std::string& text) {
    auto out = std::make_unique<Compiled>();
    core::SourceSet sources;
    core::Diagnostics diags;
    auto file = sources.add("expr", text);
    auto expr = dsl::parse_expression(sources, file, diags);
    std::vector<dsl::Param> params;
    std::optional<dsl::Compiled> c;
    if (expr) {
        dsl::Checker checker(out->program, unit.schema, params);
        c = checker.compile(*expr, diags);
    }
    if (!c) {
        std::cerr << "rule_bench: cannot compile: " << text << "\n";
        std::abort();
    }
    out->root = c->root;
    return out;
}

enum class Path { Columnar, Records, Traced };

void run(benchmark::State& state, const std::string& text, Path path) {
    static const Unit unit;
    auto compiled = compile(unit, text);
    dsl::Evaluator evaluator(compiled->program);
    dsl::Trace trace;
    evaluator.set_columnar(path == Path::Columnar);
    if (path == Path::Traced) evaluator.set_trace(&trace);
    const dsl::EvalInput input{&unit.info, 2025, &unit.evidence};
    for (auto _ : state) {
        trace.clear();
        benchmark::DoNotOptimize(evaluator.evaluate(compiled->root, input));
    }
    state.counters["records"] = kRecords;
}

const char* const kShare = "share(procedure, posted)";
const char* const kSteps = "steps share(procedure, online_level == \"full\") { >= 50%: 10 >= 30%: 6 else: 0 }";
const char* const kAll = "all(desk_staff, qualified)";
const char* const kCountWhereInt = "count(procedure where days > 5)";
const char* const kCountWhereText = "count(procedure where online_level in [\"partial\", \"full\"])";
const char* const kSumWhere = "sum(procedure where posted, fee)";

#define PARSCORE_RULE_BENCH(name, text)                                         \
    BENCHMARK_CAPTURE(run, name / columnar, std::string(text), Path::Columnar); \
    BENCHMARK_CAPTURE(run, name / records, std::string(text), Path::Records);   \
    BENCHMARK_CAPTURE(run, name / traced, std::string(text), Path::Traced)

PARSCORE_RULE_BENCH(share, kShare);
PARSCORE_RULE_BENCH(steps_share_eq, kSteps);
PARSCORE_RULE_BENCH(all, kAll);
PARSCORE_RULE_BENCH(count_where_int, kCountWhereInt);
PARSCORE_RULE_BENCH(count_where_in, kCountWhereText);
PARSCORE_RULE_BENCH(sum_where, kSumWhere);

// The shared workload's rulebook (six rules), one whole unit per iteration: criteria, deduction,
// totals and band, including building the unit's result.
const char* const kWorkloadRulebook = R"(parscore: 1
id: bench-workload
version: "1"
units: [agency]
evidence:
  procedure:
    fields:
      posted: bool
      online_level: { enum: [none, partial, full] }
  desk_staff:
    fields:
      role: text
      qualified: bool
  violation:
    fields:
      kind: { enum: [late, absent, drunk, asleep] }
groups:
  - id: g
    criteria:
      - id: posted
        max: 10
        points: |
          steps share(procedure, posted) { >= 100%: 10 >= 80%: 5 else: 0 }
      - id: online
        max: 10
        points: |
          steps share(procedure, online_level == "full") { >= 50%: 10 >= 30%: 6 else: 0 }
      - id: qualified
        max: 5
        points: if all(desk_staff, qualified) then 5 else 0
      - id: staffed
        max: 5
        points: if count(desk_staff) >= 2 then 5 else 0
deductions:
  - id: violations
    points: 2 * count(violation)
    cap: 10
bands:
  - { id: excellent, min: 90 }
  - { id: good, min: 75 }
  - { id: pass, min: 50 }
  - { id: fail, min: 0 }
)";

void score_unit(benchmark::State& state) {
    core::SourceSet sources;
    core::Diagnostics diags;
    rules::FileReader reader = [](const std::filesystem::path&) {
        return std::optional<std::string>(kWorkloadRulebook);
    };
    auto loaded = rules::load_rulebook("workload.yaml", reader, sources, diags);
    if (!loaded.rulebook) {
        std::cerr << "rule_bench: the workload rulebook does not load:\n" << core::render_all(diags, sources);
        std::abort();
    }
    const rules::Rulebook& rb = *loaded.rulebook;
    // 150 procedures as above, 5 desk officers, 2 violations.
    Unit unit;
    core::UnitEvidence ev;
    ev.reset(rb.evidence.kinds.size());
    ev.checked = {1, 1, 1};
    ev.tables[0].reset(rb.evidence.kinds[0], kRecords);
    auto& levels = ev.tables[0].columns[1];
    const std::uint32_t codes[] = {levels.add_text(unit.texts[0]), levels.add_text(unit.texts[1]),
                                   levels.add_text(unit.texts[2])};
    for (std::uint32_t r = 0; r < kRecords; ++r) {
        ev.tables[0].columns[0].set(r, Value::boolean(r % 11 != 0));
        levels.codes()[r] = codes[r % 3];
    }
    ev.tables[1].reset(rb.evidence.kinds[1], 5);
    const std::uint32_t reception = ev.tables[1].columns[0].add_text(unit.texts[3]);
    for (std::uint32_t r = 0; r < 5; ++r) {
        ev.tables[1].columns[0].codes()[r] = reception;
        ev.tables[1].columns[1].set(r, Value::boolean(r != 3));
    }
    static const std::string late = "late";
    ev.tables[2].reset(rb.evidence.kinds[2], 2);
    const std::uint32_t late_code = ev.tables[2].columns[0].add_text(late);
    for (std::uint32_t r = 0; r < 2; ++r) ev.tables[2].columns[0].codes()[r] = late_code;
    engine::UnitScorer scorer(rb);
    if (state.range(0) == 0) {
        for (auto _ : state) benchmark::DoNotOptimize(scorer.score(unit.info, ev, 2025));
        return;
    }
    // Rendering: one unit's JSON (as `score --format json` writes it), per unit of 1,024.
    engine::Evaluation evaluation;
    evaluation.rulebook_id = rb.id;
    evaluation.units.assign(1024, scorer.score(unit.info, ev, 2025));
    std::size_t bytes = 0;
    for (auto _ : state) {
        bytes = 0;
        engine::write_json(rb, evaluation, [&](std::string_view piece) { bytes += piece.size(); });
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 1024);
    state.counters["bytes_per_unit"] = static_cast<double>(bytes) / 1024;
}
BENCHMARK(score_unit)->Arg(0)->ArgName("score");
BENCHMARK(score_unit)->Arg(1)->ArgName("json")->MeasureProcessCPUTime()->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
