#pragma once
// Runtime values: what the rule language computes with and what evidence is loaded into. A Value
// is a small tagged union: numbers are exact decimals, text is a view whose bytes are owned
// elsewhere (the loaded evidence, a program's constants or the unit), lists are constants.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/date.hpp"
#include "parscore/core/decimal.hpp"

namespace parscore::core {

struct ValueList;

class Value {
public:
    enum class Tag : unsigned char { Missing, Bool, Int, Number, Text, Date, List };

    constexpr Value() : number_(0) {}
    static Value missing() { return Value(); }
    static Value boolean(bool b) {
        Value v;
        v.tag_ = Tag::Bool;
        v.bool_ = b;
        return v;
    }
    static Value integer(std::int64_t i) {
        Value v;
        v.tag_ = Tag::Int;
        v.int_ = i;
        return v;
    }
    static Value number(Decimal d) {
        Value v;
        v.tag_ = Tag::Number;
        v.number_ = d.raw();
        return v;
    }
    static Value text(std::string_view s) {
        Value v;
        v.tag_ = Tag::Text;
        v.text_ = {s.data(), static_cast<std::uint32_t>(s.size())};
        return v;
    }
    static Value date(Date d) {
        Value v;
        v.tag_ = Tag::Date;
        v.int_ = d.days;
        return v;
    }
    static Value list(const ValueList* l) {
        Value v;
        v.tag_ = Tag::List;
        v.list_ = l;
        return v;
    }

    Tag tag() const { return tag_; }
    bool is_missing() const { return tag_ == Tag::Missing; }
    bool as_bool() const { return bool_; }
    std::int64_t as_int() const { return int_; }
    Decimal as_number() const { return Decimal::from_raw(number_); }
    std::string_view as_text() const { return {text_.data, text_.size}; }
    Date as_date() const { return Date{static_cast<std::int32_t>(int_)}; }
    const ValueList& as_list() const { return *list_; }

    /// Text for messages and explanations: `true`, `4`, `0.8`, `"text"`, `2013-06-30`, `missing`.
    std::string to_string() const;

private:
    struct TextRef {
        const char* data;
        std::uint32_t size;
    };
    Tag tag_ = Tag::Missing;
    union {
        bool bool_;
        std::int64_t int_;
        int128 number_;
        TextRef text_;
        const ValueList* list_;
    };
};

struct ValueList {
    std::vector<Value> items;
};

/// Compares two present values of one type: <0, 0, >0 (int and number by value; text by code
/// points, which UTF-8 byte order gives; dates chronologically; false < true).
int compare_values(const Value& a, const Value& b);

}  // namespace parscore::core
