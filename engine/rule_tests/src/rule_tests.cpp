// Running rule tests: load each file's rulebook once, score every case alone with the real
// scorer, compare with the expectations, and track coverage through evaluation traces.
#include "parscore/rule_tests/rule_tests.hpp"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <set>

#include "codes.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/text_file.hpp"
#include "parscore/inspections/report.hpp"
#include "parscore/rules/loader.hpp"
#include "parscore/scoring/findings_evidence.hpp"
#include "parscore/scoring/scorer.hpp"
#include "rule_test_file.hpp"

namespace parscore::engine {

namespace fs = std::filesystem;

namespace {

/// Coverage items of one rulebook and where each expression's steps arms are.
struct Coverage {
    std::vector<CoverageItem> items;
    std::vector<std::size_t> criterion_item, deduction_item, bonus_item, cap_item;
    std::map<std::pair<dsl::NodeId, int>, std::size_t> arm_item;  // (steps node, arm or dsl::kElseArm)
};

struct LoadedRulebook {
    std::optional<rules::Rulebook> rulebook;
    bool io_failure = false;
    core::Diagnostics diagnostics;
    Coverage coverage;
};

std::string source_text(const core::SourceSet& sources, core::Span span) {
    std::string_view text = sources.file(span.file).text();
    std::string s(text.substr(span.begin, span.end > span.begin ? span.end - span.begin : 0));
    std::replace(s.begin(), s.end(), '\n', ' ');
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

CoverageItem coverage_item(const std::string& file, core::Text what, core::Span span) {
    std::string description = what.english();
    return {file, std::move(description), span, false, std::move(what)};
}

void add_arms(Coverage& cov, const rules::Rulebook& rb, const dsl::Compiled& expr, const core::Text& owner,
              const std::string& file, const core::SourceSet& sources) {
    const dsl::Program& p = *rb.program;
    for (dsl::NodeId i = expr.begin; i < expr.end; ++i) {
        const dsl::Node& n = p.nodes[i];
        if (n.op != dsl::Op::Steps) continue;
        dsl::StepsOperands steps = dsl::steps_operands(p, i);
        for (std::size_t a = 0; a < steps.arms.size(); ++a) {
            const dsl::Arm& arm = steps.arms[a];
            cov.arm_item[{i, static_cast<int>(a)}] = cov.items.size();
            cov.items.push_back(
                coverage_item(file,
                              core::T_("steps arm '{arm}' of {owner}",
                                       {{"arm", source_text(sources, arm.span)}, core::part("owner", owner)}),
                              arm.span));
        }
        cov.arm_item[{i, dsl::kElseArm}] = cov.items.size();
        cov.items.push_back(
            coverage_item(file, core::T_("steps 'else' of {owner}", {core::part("owner", owner)}), n.span));
    }
}

Coverage coverage_items(const rules::Rulebook& rb, const std::string& file, const core::SourceSet& sources) {
    Coverage cov;
    // Each item, then the arms of its expression, in rulebook order.
    auto add = [&](std::vector<std::size_t>& index, const core::Text& owner, const core::Span& span,
                   const dsl::Compiled& expr) {
        index.push_back(cov.items.size());
        cov.items.push_back(coverage_item(file, owner, span));
        add_arms(cov, rb, expr, owner, file, sources);
    };
    for (const auto& g : rb.groups) {
        for (const auto& c : g.criteria)
            add(cov.criterion_item, core::T_("criterion {id}", {{"id", c.id}}), c.span, c.points);
    }
    for (const auto& d : rb.deductions)
        add(cov.deduction_item, core::T_("deduction {id}", {{"id", d.id}}), d.span, d.points);
    for (const auto& b : rb.bonuses) add(cov.bonus_item, core::T_("bonus {id}", {{"id", b.id}}), b.span, b.points);
    for (const auto& cap : rb.band_caps)
        add(cov.cap_item, core::T_("band cap {id}", {{"id", cap.id}}), cap.span, cap.when);
    return cov;
}

std::string actual_points(const std::optional<Decimal>& points) { return points ? points->to_string() : "null"; }

std::string actual_criterion(const CriterionResult& r) {
    if (r.points) return r.points->to_string() + (r.status == CriterionStatus::Missing ? " (missing)" : "");
    return status_name(r.status);
}

bool criterion_matches(const Expected& e, const CriterionResult& r) {
    if (e.kind == Expected::Kind::Number) {
        return (r.status == CriterionStatus::Scored || r.status == CriterionStatus::Missing) && r.points &&
               *r.points == e.number;
    }
    return e.kind == Expected::Kind::Word && e.word == status_name(r.status);
}

bool adjustment_matches(const Expected& e, const AdjustmentResult& r) {
    if (e.kind == Expected::Kind::Number) return r.points == e.number;
    return e.word == "missing" && r.missing;
}

bool optional_matches(const Expected& e, const std::optional<Decimal>& actual) {
    if (e.kind == Expected::Kind::Null) return !actual;
    return actual && *actual == e.number;
}

template <typename Def> std::optional<std::size_t> index_of(const std::vector<Def>& defs, const std::string& id) {
    for (std::size_t i = 0; i < defs.size(); ++i) {
        if (defs[i].id == id) return i;
    }
    return std::nullopt;
}

std::vector<CaseDifference> compare(const CaseSpec& c, const rules::Rulebook& rb, const UnitResult& r, Coverage& cov) {
    std::vector<CaseDifference> diffs;
    std::vector<const rules::Criterion*> criteria;
    for (const auto& g : rb.groups) {
        for (const auto& cr : g.criteria) criteria.push_back(&cr);
    }
    for (const ExpectedItem& item : c.criteria) {
        std::size_t i = 0;
        while (criteria[i]->id != item.id) ++i;
        const CriterionResult& actual = r.criteria[i];
        if (actual.status != CriterionStatus::Exempt) cov.items[cov.criterion_item[i]].reached = true;
        if (!criterion_matches(item.value, actual))
            diffs.push_back({"criteria." + item.id, item.value.text(), actual_criterion(actual)});
    }
    auto adjustments = [&](const std::vector<ExpectedItem>& expected, const std::vector<rules::Adjustment>& defs,
                           const std::vector<AdjustmentResult>& results, const std::vector<std::size_t>& items,
                           const char* section) {
        for (const ExpectedItem& item : expected) {
            std::size_t i = *index_of(defs, item.id);
            cov.items[items[i]].reached = true;
            const AdjustmentResult& actual = results[i];
            if (!adjustment_matches(item.value, actual)) {
                diffs.push_back({std::string(section) + "." + item.id, item.value.text(),
                                 actual.points.to_string() + (actual.missing ? " (missing)" : "")});
            }
        }
    };
    adjustments(c.deductions, rb.deductions, r.deductions, cov.deduction_item, "deductions");
    adjustments(c.bonuses, rb.bonuses, r.bonuses, cov.bonus_item, "bonuses");
    if (c.points && !optional_matches(*c.points, r.points))
        diffs.push_back({"points", c.points->text(), actual_points(r.points)});
    if (c.total && !optional_matches(*c.total, r.total))
        diffs.push_back({"total", c.total->text(), actual_points(r.total)});
    std::string band = r.complete ? rb.bands[static_cast<std::size_t>(r.band)].id : "null";
    if (c.band && c.band->text() != band) diffs.push_back({"band", c.band->text(), band});
    std::string status = r.complete ? "complete" : "incomplete";
    if (c.status && c.status->word != status) diffs.push_back({"status", c.status->word, status});
    return diffs;
}

void mark_trace(const dsl::Trace& trace, const UnitResult& r, Coverage& cov) {
    for (const auto& hit : trace.steps) {
        if (hit.arm == dsl::kMissingSubject) continue;
        auto it = cov.arm_item.find({hit.node, hit.arm});
        if (it != cov.arm_item.end()) cov.items[it->second].reached = true;
    }
    for (const CapResult& cap : r.caps) cov.items[cov.cap_item[cap.cap]].reached = true;
}

std::vector<std::string> collect_files(const std::vector<fs::path>& paths, RuleTestRun& run) {
    std::vector<std::string> files;
    for (const fs::path& p : paths) {
        std::error_code ec;
        auto status = fs::status(p, ec);
        if (ec || !fs::exists(status)) {
            run.io_failure = true;
            run.io_messages.push_back(core::T_("no such file or folder: {path}", {{"path", p.string()}}));
            continue;
        }
        if (!fs::is_directory(status)) {
            files.push_back(p.string());
            continue;
        }
        std::size_t before = files.size();
        for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (it->is_regular_file(ec) && name.size() > 10 && name.ends_with(".test.yaml"))
                files.push_back(it->path().string());
        }
        if (files.size() == before) {
            run.no_test_files = true;
            run.empty_folders.push_back(p.string());
        }
    }
    std::sort(files.begin(), files.end());
    files.erase(std::unique(files.begin(), files.end()), files.end());
    return files;
}

/// Reads a test file and its header into `file`; false, with the failure recorded in `run`, if
/// it cannot be read or its header is wrong.
bool open_test_file(const std::string& path, TestFile& file, core::SourceSet& sources, RuleTestRun& run) {
    core::TextFile text = core::read_text_file(path, core::kMaxRuleFileBytes);
    if (text.status == core::ReadStatus::NotFound || text.status == core::ReadStatus::IsDirectory ||
        text.status == core::ReadStatus::Unreadable) {
        run.io_failure = true;
        run.io_messages.push_back(
            core::T_("{path}: {reason}", {{"path", path}, core::part("reason", core::describe_text(text.status))}));
        return false;
    }
    file.path = path;
    file.file = sources.add(path, std::move(text.text));
    if (text.status != core::ReadStatus::Ok) {
        auto at = static_cast<std::uint32_t>(text.bad_offset);
        run.diagnostics.error(code::kUnreadable, core::Span{file.file, at, at + 1},
                              core::T_("cannot read the test file: {reason}",
                                       {core::part("reason", core::describe_text(text.status))}));
        ++run.failed_files;
        return false;
    }
    if (!read_test_file_header(file, sources, run.diagnostics)) {
        ++run.failed_files;
        return false;
    }
    return true;
}

/// The rulebook a test file names, loaded the first time a file names it; nullptr, with the
/// failure recorded in `run` for every file naming it, if it cannot be read or has errors.
LoadedRulebook* rulebook_for(const TestFile& file, std::map<std::string, LoadedRulebook>& rulebooks,
                             std::vector<std::string>& rulebook_order, core::SourceSet& sources, RuleTestRun& run) {
    auto [it, fresh] = rulebooks.try_emplace(file.rulebook_path);
    LoadedRulebook& loaded = it->second;
    if (fresh) {
        rules::LoadOutcome outcome = rules::load_rulebook(file.rulebook_path, sources, loaded.diagnostics);
        loaded.io_failure = outcome.io_failure;
        loaded.rulebook = std::move(outcome.rulebook);
        if (loaded.rulebook) {
            loaded.coverage = coverage_items(*loaded.rulebook, file.rulebook_path, sources);
            rulebook_order.push_back(file.rulebook_path);
        }
    }
    if (loaded.io_failure) {
        std::error_code ec;
        const core::ReadStatus why = std::filesystem::is_directory(file.rulebook_path, ec)
                                         ? core::ReadStatus::IsDirectory
                                     : std::filesystem::exists(file.rulebook_path, ec) ? core::ReadStatus::Unreadable
                                                                                       : core::ReadStatus::NotFound;
        run.diagnostics.error(code::kBadRulebook, file.rulebook_span,
                              "cannot read rulebook '" + file.rulebook_path + "': " + core::describe(why));
        ++run.failed_files;
        return nullptr;
    }
    if (!loaded.rulebook) {
        if (fresh) run.diagnostics.append(loaded.diagnostics);
        run.diagnostics.error(code::kBadRulebook, file.rulebook_span,
                              "rulebook '" + file.rulebook_path + "' has errors");
        ++run.failed_files;
        return nullptr;
    }
    return &loaded;
}

/// One case: read, scored alone with a trace, compared with its expectations.
CaseOutcome run_case(const core::YamlNode& node, const TestFile& file, const rules::Rulebook& rb, UnitScorer& scorer,
                     Coverage& coverage) {
    auto t0 = std::chrono::steady_clock::now();
    CaseSpec spec = read_case(node, file, rb);
    CaseOutcome outcome;
    outcome.file = file.path;
    outcome.name = spec.name.empty() ? "(unnamed case)" : spec.name;
    outcome.span = spec.span;
    OwnedEvidence evidence;
    if (!spec.problems.has_errors()) {
        inspections::Findings findings;
        if (spec.evidence) {
            if (auto read = inspections::read_findings(*spec.evidence, rb.evidence, spec.problems))
                findings = std::move(*read);
        }
        findings_to_evidence(findings, rb.evidence, evidence);
    }
    if (spec.problems.has_errors()) {
        outcome.result = CaseOutcome::Result::Invalid;
        outcome.problems = std::move(spec.problems);
        outcome.problems.sort();
    } else {
        dsl::UnitInfo unit{spec.unit_id, spec.unit_name, spec.unit_category};
        dsl::Trace trace;
        UnitResult result = scorer.score(unit, evidence.evidence, spec.year, &trace);
        mark_trace(trace, result, coverage);
        outcome.differences = compare(spec, rb, result, coverage);
        outcome.result = outcome.differences.empty() ? CaseOutcome::Result::Passed : CaseOutcome::Result::Failed;
    }
    outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return outcome;
}

}  // namespace

std::size_t RuleTestRun::passed() const {
    return static_cast<std::size_t>(std::count_if(cases.begin(), cases.end(), [](const CaseOutcome& c) {
        return c.result == CaseOutcome::Result::Passed;
    }));
}

std::size_t RuleTestRun::failed() const { return cases.size() - passed() + failed_files; }

core::Decimal RuleTestRun::coverage_percent() const {
    if (coverage.empty()) return *core::Decimal::from_int(100);
    auto reached = std::count_if(coverage.begin(), coverage.end(), [](const CoverageItem& i) { return i.reached; });
    auto ratio = core::Decimal::div(*core::Decimal::from_int(reached * 100),
                                    *core::Decimal::from_int(static_cast<std::int64_t>(coverage.size())));
    return ratio->round(2);
}

RuleTestRun run_rule_tests(const std::vector<fs::path>& paths, core::SourceSet& sources) {
    RuleTestRun run;
    run.started = std::chrono::system_clock::now();
    std::map<std::string, LoadedRulebook> rulebooks;
    std::vector<std::string> rulebook_order;

    for (const std::string& path : collect_files(paths, run)) {
        TestFile file;
        if (!open_test_file(path, file, sources, run)) continue;
        LoadedRulebook* loaded = rulebook_for(file, rulebooks, rulebook_order, sources, run);
        if (!loaded) continue;
        UnitScorer scorer(*loaded->rulebook);
        for (const core::YamlNode& node : file.cases->items)
            run.cases.push_back(run_case(node, file, *loaded->rulebook, scorer, loaded->coverage));
    }
    for (const std::string& rb : rulebook_order) {
        const auto& items = rulebooks[rb].coverage.items;
        run.coverage.insert(run.coverage.end(), items.begin(), items.end());
    }
    run.diagnostics.sort();
    return run;
}

}  // namespace parscore::engine
