#pragma once
// A small evidence schema, params and one unit's evidence with hand-countable values, shared by
// the checker and evaluator tests.
//
//   procedure  code  posted one_stop online_level fee   area
//              A     true   true     3            10.5  justice
//              B     true   false    2            0     land
//              C     false  true     1            2.25  justice
//              D     true   true     4            7     health
//   violation  kind  person   minutes on
//              late  Nguyễn A 15      2013-05-02
//              drunk Trần B   0       2013-06-10
//              late  Nguyễn A 30      2013-07-01
//   staff      (checked, no records)        complaint (never checked)
//   award      (never checked; declared `unchecked: none`, so it has no records)
//   survey     score: 0.9, missing, 0.7
//   facts      website true, autonomy_rate 0.447, budget (none), opened 2013-03-01,
//              staff_count 12, region "north" (enum north|south), portal "https://sotp.gov.vn"
//   params     min_staff 2, target 0.8, label "x", strict true
#include <deque>
#include <memory>
#include <optional>
#include <string>

#include "parscore/core/evidence.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/core/source.hpp"
#include "parscore/dsl/checker.hpp"
#include "parscore/dsl/evaluator.hpp"
#include "parscore/dsl/parser.hpp"

namespace parscore::testing {

using core::FieldType;
using core::Value;

inline core::FieldDef field(std::string name, FieldType type, std::vector<std::string> values = {}) {
    return core::FieldDef{std::move(name), type, std::move(values), {}};
}

inline core::KindDef record_kind(std::string name, std::vector<core::FieldDef> fields) {
    core::KindDef k;
    k.name = std::move(name);
    k.fields = std::move(fields);
    return k;
}

inline core::KindDef fact_kind(std::string name, FieldType type, std::vector<std::string> values = {}) {
    core::KindDef k;
    k.name = std::move(name);
    k.is_fact = true;
    k.fields.push_back(field("value", type, std::move(values)));
    return k;
}

struct DslFixture {
    core::EvidenceSchema schema;
    std::vector<dsl::Param> params;
    core::UnitEvidence evidence;
    dsl::UnitInfo unit{"so-tu-phap", "Sở Tư pháp", "department"};
    std::deque<std::string> texts;

    DslFixture() {
        schema.kinds = {
            record_kind("procedure", {field("code", FieldType::Text), field("posted", FieldType::Bool),
                                      field("one_stop", FieldType::Bool), field("online_level", FieldType::Int),
                                      field("fee", FieldType::Number),
                                      field("area", FieldType::Enum, {"justice", "land", "health"})}),
            record_kind("violation", {field("kind", FieldType::Enum, {"late", "left_early", "drunk", "asleep"}),
                                      field("person", FieldType::Text), field("minutes", FieldType::Int),
                                      field("on", FieldType::Date)}),
            record_kind("staff", {field("name", FieldType::Text), field("qualified", FieldType::Bool),
                                  field("years", FieldType::Int)}),
            record_kind("complaint", {field("resolved", FieldType::Bool)}),
            record_kind("survey", {field("score", FieldType::Number), field("respondent", FieldType::Text)}),
            fact_kind("website", FieldType::Bool),
            fact_kind("autonomy_rate", FieldType::Percent),
            fact_kind("budget", FieldType::Number),
            fact_kind("opened", FieldType::Date),
            fact_kind("staff_count", FieldType::Int),
            fact_kind("region", FieldType::Enum, {"north", "south"}),
            fact_kind("portal", FieldType::Text),
            record_kind("award", {field("title", FieldType::Text), field("points", FieldType::Int)}),
        };
        schema.kinds.back().unchecked = core::Unchecked::None;
        params = {{"min_staff", std::int64_t{2}},
                  {"target", *core::Decimal::parse("0.8")},
                  {"label", std::string("x")},
                  {"strict", true}};

        evidence.reset(schema.kinds.size());
        fill(0, 4,
             {text("A"),
              text("B"),
              text("C"),
              text("D"),
              Value::boolean(true),
              Value::boolean(true),
              Value::boolean(false),
              Value::boolean(true),
              Value::boolean(true),
              Value::boolean(false),
              Value::boolean(true),
              Value::boolean(true),
              Value::integer(3),
              Value::integer(2),
              Value::integer(1),
              Value::integer(4),
              num("10.5"),
              num("0"),
              num("2.25"),
              num("7"),
              text("justice"),
              text("land"),
              text("justice"),
              text("health")});
        fill(1, 3,
             {text("late"), text("drunk"), text("late"), text("Nguyễn A"), text("Trần B"), text("Nguyễn A"),
              Value::integer(15), Value::integer(0), Value::integer(30), date("2013-05-02"), date("2013-06-10"),
              date("2013-07-01")});
        fill(2, 0, {});
        fill(3, 0, {});
        fill(4, 3, {num("0.9"), Value::missing(), num("0.7"), text("a"), text("b"), text("c")});
        fill(12, 0, {});
        evidence.checked = {1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        evidence.facts[5] = Value::boolean(true);
        evidence.facts[6] = num("0.447");
        evidence.facts[8] = date("2013-03-01");
        evidence.facts[9] = Value::integer(12);
        evidence.facts[10] = text("north");
        evidence.facts[11] = text("https://sotp.gov.vn");
    }

    /// Kind `k` gets `rows` records; `values` lists them column by column.
    void fill(std::size_t k, std::uint32_t rows, const std::vector<Value>& values) {
        auto& table = evidence.tables[k];
        table.reset(schema.kinds[k], rows);
        for (std::size_t i = 0; i < values.size(); ++i) {
            table.columns[i / rows].set(static_cast<std::uint32_t>(i % rows), values[i]);
        }
    }

    Value text(const std::string& s) {
        texts.push_back(s);
        return Value::text(texts.back());
    }
    static Value num(const char* s) { return Value::number(*core::Decimal::parse(s)); }
    static Value date(const char* s) { return Value::date(*core::parse_date(s)); }

    /// Parses and compiles `text`; diagnostics go to `diags`.
    std::optional<dsl::Compiled> compile(const std::string& text, dsl::Program& program, core::SourceSet& sources,
                                         core::Diagnostics& diags) {
        auto file = sources.add("expr", text);
        auto expr = dsl::parse_expression(sources, file, diags);
        if (!expr) return std::nullopt;
        dsl::Checker checker(program, schema, params);
        return checker.compile(*expr, diags);
    }
};

}  // namespace parscore::testing
