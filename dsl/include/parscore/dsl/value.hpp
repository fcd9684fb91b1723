#pragma once
// Runtime values of the rule language. A Value is a small tagged union: numbers are exact
// decimals (core::Decimal), text is a view whose bytes are owned elsewhere (the evidence, the
// program's constants or the unit), lists are constants owned by the program.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/date.hpp"
#include "parscore/core/decimal.hpp"

namespace parscore::dsl {

struct ConstList;

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
    static Value number(core::Decimal d) {
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
    static Value date(core::Date d) {
        Value v;
        v.tag_ = Tag::Date;
        v.int_ = d.days;
        return v;
    }
    static Value list(const ConstList* l) {
        Value v;
        v.tag_ = Tag::List;
        v.list_ = l;
        return v;
    }

    Tag tag() const { return tag_; }
    bool is_missing() const { return tag_ == Tag::Missing; }
    bool as_bool() const { return bool_; }
    std::int64_t as_int() const { return int_; }
    core::Decimal as_number() const { return core::Decimal::from_raw(number_); }
    std::string_view as_text() const { return {text_.data, text_.size}; }
    core::Date as_date() const { return core::Date{static_cast<std::int32_t>(int_)}; }
    const ConstList& as_list() const { return *list_; }

    /// Equality of two present values of one type (int and number compare by value).
    friend bool same_value(const Value& a, const Value& b);
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
        core::int128 number_;
        TextRef text_;
        const ConstList* list_;
    };
};

struct ConstList {
    std::vector<Value> items;
};

}  // namespace parscore::dsl
