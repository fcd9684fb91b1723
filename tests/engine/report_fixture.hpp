#pragma once
// Helpers for the report tests: rulebooks loaded from strings, a small rulebook with every kind
// of indicator, evidence built by hand, and a temporary evidence store filled from report texts.
#include <gtest/gtest.h>

#include <unistd.h>
#include "support/scratch_dir.hpp"
#include "support/unzip.hpp"

#include <algorithm>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "parscore/core/render.hpp"
#include "parscore/inspections/report.hpp"
#include "parscore/inspections/store.hpp"
#include "parscore/rules/loader.hpp"
#include "parscore/scoring/evaluation.hpp"

namespace parscore::testing {

namespace fs = std::filesystem;

/// A rulebook loaded from in-memory files, with the sources its spans point into.
struct LoadedRulebook {
    core::SourceSet sources;
    core::Diagnostics diags;
    std::optional<rules::Rulebook> rulebook;
    const rules::Rulebook& get() const { return *rulebook; }
};

inline std::unique_ptr<LoadedRulebook> load_rulebook(const std::map<std::string, std::string>& files,
                                                     const std::string& root = "rulebook.yaml") {
    auto loaded = std::make_unique<LoadedRulebook>();
    rules::FileReader reader = [&files](const fs::path& p) -> std::optional<std::string> {
        auto it = files.find(p.generic_string());
        if (it == files.end()) return std::nullopt;
        return it->second;
    };
    loaded->rulebook = rules::load_rulebook(root, reader, loaded->sources, loaded->diags).rulebook;
    EXPECT_TRUE(loaded->rulebook.has_value()) << core::render_all(loaded->diags, loaded->sources);
    return loaded;
}

inline std::unique_ptr<LoadedRulebook> load_rulebook_text(const std::string& text) {
    return load_rulebook({{"rulebook.yaml", text}});
}

/// Departments and districts; procedures posted (steps on a share), online service (departments
/// only, error when unknown), a website; indicators of each type.
inline const char* kRulebook = R"yaml(
parscore: 1
id: test-reports
version: "1"
title: "Đánh giá thử nghiệm"
units: [department, { id: district, label: "Khối UBND cấp huyện" }]
evidence:
  procedure:
    key: code
    fields:
      code: text
      posted: bool
      online_level: int
  website: { fact: bool }
  autonomy_rate: { fact: percent }
  staff: { fact: int }
  online_checked: { fact: bool }
groups:
  - id: tthc
    title: "Cải cách thủ tục hành chính"
    criteria:
      - id: posted
        title: "Niêm yết công khai TTHC"
        max: 4
        points: |
          steps share(procedure, posted) {
            >= 100%: 4
            >= 50%:  2
            else:    0
          }
      - id: online
        title: "Dịch vụ công trực tuyến"
        max: 2
        applies_to: [department]
        on_missing: error
        points: if online_checked then (if exists(procedure where online_level >= 3) then 2 else 0) else 0
  - id: cntt
    title: "Hiện đại hóa"
    criteria:
      - id: website
        title: "Trang thông tin điện tử"
        max: 4
        points: if website then 4 else 0
bands:
  - { id: excellent, label: "Hoàn thành xuất sắc nhiệm vụ", min: 90 }
  - { id: good,      label: "Hoàn thành tốt nhiệm vụ",      min: 70 }
  - { id: done,      label: "Hoàn thành nhiệm vụ",          min: 50 }
  - { id: failed,    label: "Không hoàn thành nhiệm vụ",    min: 0 }
indicators:
  - id: websites
    title: "Cơ quan có trang thông tin điện tử"
    of: website
  - id: staff_total
    title: "Biên chế được giao"
    of: staff
  - id: autonomy
    title: "Tỷ lệ đơn vị tự chủ"
    of: autonomy_rate
  - id: posted_procedures
    of: count(procedure where posted)
  - id: autonomy_share
    title: "Tỷ lệ tự chủ bình quân"
    of: autonomy_rate
    format: percent
  - id: posted_share
    title: "TTHC được niêm yết"
    of: count(procedure where posted)
    over: count(procedure)
)yaml";

/// Evidence for one unit, built by hand in the rulebook's layout (kinds in declaration order).
class EvidenceBuilder {
public:
    explicit EvidenceBuilder(const rules::Rulebook& rb) : rb_(rb) {}

    /// Adds a unit with no evidence; the setters below fill its evidence.
    EvidenceBuilder& unit(const std::string& id, const std::string& category, const std::string& name = "") {
        set_.units.push_back(inspections::UnitInfo{id, name.empty() ? id : name, category, {}, {}, {}});
        set_.evidence.emplace_back();
        set_.evidence.back().reset(rb_.evidence.kinds.size());
        return *this;
    }
    EvidenceBuilder& fact(const std::string& kind, core::Value v) {
        current().facts[*rb_.evidence.index_of(kind)] = v;
        current().checked[*rb_.evidence.index_of(kind)] = 1;
        return *this;
    }
    /// Records of `kind`, each a list of values in the kind's field order.
    EvidenceBuilder& records(const std::string& kind, const std::vector<std::vector<core::Value>>& rows) {
        std::size_t k = *rb_.evidence.index_of(kind);
        core::RecordTable& t = current().tables[k];
        std::size_t fields = rb_.evidence.kinds[k].fields.size();
        t.reset(rb_.evidence.kinds[k], static_cast<std::uint32_t>(rows.size()));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            for (std::size_t f = 0; f < fields && f < rows[r].size(); ++f)
                t.columns[f].set(static_cast<std::uint32_t>(r), rows[r][f]);
        }
        current().checked[k] = 1;
        return *this;
    }
    /// A text value whose bytes live as long as the builder.
    core::Value text(const std::string& s) {
        texts_.push_back(s);
        return core::Value::text(texts_.back());
    }
    inspections::EvidenceSet take() { return std::move(set_); }

private:
    core::UnitEvidence& current() { return set_.evidence.back(); }
    const rules::Rulebook& rb_;
    inspections::EvidenceSet set_;
    std::deque<std::string> texts_;
};

/// A rulebook and its evaluation of 2013.
struct Scored {
    std::unique_ptr<LoadedRulebook> loaded;
    engine::Evaluation evaluation;
};

/// Loads `rulebook_text` and evaluates 2013 on the evidence `fill(builder)` adds.
template <class Fill> Scored score_2013(const std::string& rulebook_text, Fill fill) {
    Scored s;
    s.loaded = load_rulebook_text(rulebook_text);
    if (!s.loaded->rulebook) return s;
    EvidenceBuilder b(s.loaded->get());
    fill(b);
    engine::EvaluationRequest request;
    request.year = 2013;
    s.evaluation = engine::evaluate_loaded(s.loaded->get(), b.take(), request, std::nullopt);
    return s;
}

inline core::Value yes() { return core::Value::boolean(true); }
inline core::Value no() { return core::Value::boolean(false); }
inline core::Value integer(std::int64_t i) { return core::Value::integer(i); }
inline core::Value number(const char* s) { return core::Value::number(*core::Decimal::parse(s)); }
inline core::Decimal dec(const char* s) { return *core::Decimal::parse(s); }

using TempDir = parscore::testing::ScratchDir;

inline std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A temporary evidence store with units, filled from report texts validated against a schema.
class TestStore {
public:
    explicit TestStore(const std::vector<inspections::UnitInfo>& units)
        : store_(inspections::Store::open(dir_ / "test.db", inspections::OpenMode::Create)) {
        inspections::UnitsUpdate update;
        update.units = units;
        store_.update_units(update);
        for (const auto& u : units) ids_.push_back(u.id);
        std::sort(ids_.begin(), ids_.end());
    }

    /// Records a report (docs/reference/database.md#inspection-reports-yaml); fails the test when it does not validate.
    void record(const std::string& yaml, const core::EvidenceSchema& schema) {
        core::SourceSet sources;
        core::FileId file = sources.add("report.yaml", yaml);
        core::Diagnostics diags;
        auto report = inspections::read_report(sources, file, schema, ids_, diags);
        ASSERT_TRUE(report.has_value()) << core::render_all(diags, sources);
        inspections::RecordOptions options;
        options.again = true;
        options.recorded_by = "test";
        ASSERT_FALSE(store_.record(*report, schema, options).id.empty());
    }

    const inspections::Store& get() const { return store_; }

private:
    TempDir dir_;
    inspections::Store store_;
    std::vector<std::string> ids_;
};

inline inspections::UnitInfo unit_info(const std::string& id, const std::string& category, const std::string& name) {
    return inspections::UnitInfo{id, name, category, {}, {}, {}};
}

}  // namespace parscore::testing
