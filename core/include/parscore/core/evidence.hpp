#pragma once
// The evidence of one unit laid out for evaluation: for each kind of a rulebook's evidence schema
// (by the schema's kind index), its records column by column, or its fact value. The evidence
// store fills it (already selected per SPEC §4.1 and fitted to the declared types); the rule
// language reads it. Text values point into storage owned by whoever filled it.
//
// Columns are typed by the field's declared type, so a bool costs one byte and a text one index
// into a small dictionary: a whole country's records fit in memory and aggregates over a column
// run over tight arrays.
#include <cstdint>
#include <string_view>
#include <vector>

#include "parscore/core/schema.hpp"
#include "parscore/core/value.hpp"

namespace parscore::core {

/// The values of one field for the records of one kind of one unit.
class Column {
public:
    enum class Type : unsigned char { Bool, Int, Number, Date, Text };
    static constexpr unsigned char kNoBool = 2;          // a missing bool
    static constexpr std::uint32_t kNoText = 0xFFFFFFFF;  // a missing text

    static Type type_for(FieldType t);

    Column() = default;
    /// `rows` values, all missing.
    Column(Type type, std::uint32_t rows) { reset(type, rows); }
    void reset(Type type, std::uint32_t rows);

    Type type() const { return type_; }
    std::uint32_t size() const { return rows_; }

    Value get(std::uint32_t row) const {
        switch (type_) {
            case Type::Bool: return bytes_[row] == kNoBool ? Value::missing() : Value::boolean(bytes_[row] != 0);
            case Type::Int: return bytes_[row] ? Value::integer(ints_[row]) : Value::missing();
            case Type::Date: return bytes_[row] ? Value::date(Date{static_cast<std::int32_t>(ints_[row])}) : Value::missing();
            case Type::Number: return bytes_[row] ? Value::number(Decimal::from_raw(numbers_[row])) : Value::missing();
            case Type::Text: return codes_[row] == kNoText ? Value::missing() : Value::text(dict_[codes_[row]]);
        }
        return Value::missing();
    }

    /// Stores a value of the column's type, or missing (a value of another type is stored as
    /// missing). Text is added to the dictionary: it must outlive the column.
    void set(std::uint32_t row, const Value& v);
    /// Copies one value of a column of the same type (text keeps pointing at the same bytes).
    void copy(std::uint32_t row, const Column& from, std::uint32_t from_row);

    // Typed access for the loader and for fast aggregate paths.
    /// Bool: 0, 1 or kNoBool. Int/Date/Number: 1 where a value is present.
    const unsigned char* flags() const { return bytes_.data(); }
    unsigned char* flags() { return bytes_.data(); }
    const std::int64_t* ints() const { return ints_.data(); }  // Int values, Date days
    std::int64_t* ints() { return ints_.data(); }
    const int128* numbers() const { return numbers_.data(); }  // raw decimals (value × 10^9)
    int128* numbers() { return numbers_.data(); }
    const std::uint32_t* codes() const { return codes_.data(); }  // Text: dictionary index or kNoText
    std::uint32_t* codes() { return codes_.data(); }
    const std::vector<std::string_view>& dict() const { return dict_; }
    /// Adds a dictionary entry and returns its code.
    std::uint32_t add_text(std::string_view text) {
        dict_.push_back(text);
        return static_cast<std::uint32_t>(dict_.size() - 1);
    }

private:
    Type type_ = Type::Text;
    std::uint32_t rows_ = 0;
    std::vector<unsigned char> bytes_;
    std::vector<std::int64_t> ints_;
    std::vector<int128> numbers_;
    std::vector<std::uint32_t> codes_;
    std::vector<std::string_view> dict_;
};

/// The records of one kind: one column per declared field.
struct RecordTable {
    std::uint32_t rows = 0;
    std::vector<Column> columns;        // in the kind's field order
    std::vector<std::uint32_t> origin;  // per row: the index of the inspection it came from

    /// `rows` records of `kind`, every value missing.
    void reset(const KindDef& kind, std::uint32_t rows);
    Value get(std::size_t field, std::uint32_t row) const { return columns[field].get(row); }
};

struct UnitEvidence {
    std::vector<RecordTable> tables;          // record kinds; empty tables for fact kinds
    std::vector<Value> facts;                 // fact kinds; missing when not recorded
    std::vector<std::uint32_t> fact_origin;   // per fact kind: inspection index (when present)
    std::vector<unsigned char> checked;       // per kind: some counted inspection listed it

    /// Sized for a schema with `kinds` kinds, everything empty and missing.
    void reset(std::size_t kinds) {
        tables.assign(kinds, RecordTable{});
        facts.assign(kinds, Value::missing());
        fact_origin.assign(kinds, 0);
        checked.assign(kinds, 0);
    }
};

}  // namespace parscore::core
