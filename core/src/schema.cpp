#include "parscore/core/schema.hpp"

#include <algorithm>
#include <charconv>
#include <limits>

#include "parscore/core/quote.hpp"
#include "parscore/core/suggest.hpp"
#include "parscore/core/utf8.hpp"

namespace parscore::core {

const char* field_type_name(FieldType t) {
    switch (t) {
        case FieldType::Bool: return "bool";
        case FieldType::Int: return "int";
        case FieldType::Number: return "number";
        case FieldType::Percent: return "percent";
        case FieldType::Text: return "text";
        case FieldType::Date: return "date";
        case FieldType::Enum: return "enum";
    }
    return "text";
}

std::optional<std::size_t> KindDef::field_index(std::string_view field) const {
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].name == field) return i;
    }
    return std::nullopt;
}

const KindDef* EvidenceSchema::find(std::string_view kind) const {
    auto i = index_of(kind);
    return i ? &kinds[*i] : nullptr;
}

std::optional<std::size_t> EvidenceSchema::index_of(std::string_view kind) const {
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        if (kinds[i].name == kind) return i;
    }
    return std::nullopt;
}

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// [-+]?[0-9]+(\.[0-9]+)? — the only number shape docs/reference/rulebook-format.md accepts (no
// exponent, .inf, .5 or 1.).
bool is_number_shape(std::string_view s) {
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
    auto dot = s.find('.');
    if (dot == std::string_view::npos) return all_digits(s);
    return all_digits(s.substr(0, dot)) && all_digits(s.substr(dot + 1));
}

ScalarResult fail(Text reason) {
    std::string english = reason.english();
    return ScalarResult{std::nullopt, std::move(english), std::move(reason)};
}
ScalarResult ok(Datum d) { return ScalarResult{std::move(d), {}, {}}; }

ScalarResult read_percent(std::string_view text) {
    bool percent = !text.empty() && text.back() == '%';
    std::string_view number = percent ? text.substr(0, text.size() - 1) : text;
    if (!is_number_shape(number)) {
        // The range is an argument: message ids are ASCII, which every tool reads alike.
        return fail(T_("expected a percent (a number in [0, 1] or {range}), found {text}",
                       {{"range", "0%–100%"}, {"text", quote(text)}}));
    }
    std::optional<Decimal> value;
    if (percent) {
        // Move the decimal point two places left in the text so that rounding to 9 decimals
        // happens once, on the exact value.
        std::string_view sign = (number[0] == '+' || number[0] == '-') ? number.substr(0, 1) : std::string_view{};
        std::string_view digits = number.substr(sign.size());
        auto dot = digits.find('.');
        std::string int_part(digits.substr(0, dot));
        std::string frac_part = dot == std::string_view::npos ? "" : std::string(digits.substr(dot + 1));
        if (int_part.size() < 3) int_part.insert(0, 3 - int_part.size(), '0');
        std::string shifted = std::string(sign) + int_part.substr(0, int_part.size() - 2) + "." +
                              int_part.substr(int_part.size() - 2) + frac_part;
        value = Decimal::parse(shifted);
    } else {
        value = Decimal::parse(number);
    }
    if (!value || value->is_negative() || *value > *Decimal::from_int(1)) {
        return fail(T_("percent out of range [0, 1]: {text}", {{"text", quote(text)}}));
    }
    return ok(*value);
}

}  // namespace

ScalarResult read_scalar(const FieldDef& field, std::string_view text) {
    switch (field.type) {
        case FieldType::Bool:
            if (text == "true" || text == "True" || text == "TRUE") return ok(true);
            if (text == "false" || text == "False" || text == "FALSE") return ok(false);
            return fail(T_("expected a bool (true or false), found {text}", {{"text", quote(text)}}));
        case FieldType::Int: {
            std::string_view digits = text;
            if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
            if (!all_digits(digits)) return fail(T_("expected an int, found {text}", {{"text", quote(text)}}));
            std::int64_t v = 0;
            std::string_view s = text[0] == '+' ? text.substr(1) : text;
            auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
            if (ec != std::errc{} || p != s.data() + s.size()) {
                return fail(T_("int out of range: {text}", {{"text", quote(text)}}));
            }
            return ok(v);
        }
        case FieldType::Number: {
            if (!is_number_shape(text)) return fail(T_("expected a number, found {text}", {{"text", quote(text)}}));
            auto v = Decimal::parse(text);
            if (!v) return fail(T_("number out of range (|x| must be below 10^18): {text}", {{"text", quote(text)}}));
            return ok(*v);
        }
        case FieldType::Percent: return read_percent(text);
        case FieldType::Date: {
            auto d = parse_date(text);
            if (d) return ok(*d);
            bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
            return fail(shaped ? T_("not a real date: {text}", {{"text", quote(text)}})
                               : T_("expected a date YYYY-MM-DD, found {text}", {{"text", quote(text)}}));
        }
        case FieldType::Text: return ok(to_nfc(text));
        case FieldType::Enum: {
            std::string value = to_nfc(text);
            if (std::find(field.enum_values.begin(), field.enum_values.end(), value) != field.enum_values.end()) {
                return ok(std::move(value));
            }
            std::string listed;
            for (const auto& v : field.enum_values) listed += (listed.empty() ? "" : ", ") + v;
            return fail(T_("{text} is not one of {values}{suggestion}",
                           {{"text", quote(text)}, {"values", listed}, suggestion(value, field.enum_values)}));
        }
    }
    return fail(T_("unsupported type"));
}

std::optional<Datum> fit_to(const FieldDef& field, const Datum& stored) {
    switch (field.type) {
        case FieldType::Bool:
            if (std::holds_alternative<bool>(stored)) return stored;
            return std::nullopt;
        case FieldType::Int:
            if (std::holds_alternative<std::int64_t>(stored)) return stored;
            return std::nullopt;
        case FieldType::Number:
            if (std::holds_alternative<Decimal>(stored)) return stored;
            if (auto* i = std::get_if<std::int64_t>(&stored)) {
                auto d = Decimal::from_int(*i);
                if (d) return Datum{*d};
            }
            return std::nullopt;
        case FieldType::Percent: {
            std::optional<Decimal> d;
            if (auto* n = std::get_if<Decimal>(&stored)) d = *n;
            if (auto* i = std::get_if<std::int64_t>(&stored)) d = Decimal::from_int(*i);
            if (d && !d->is_negative() && *d <= *Decimal::from_int(1)) return Datum{*d};
            return std::nullopt;
        }
        case FieldType::Text:
            if (std::holds_alternative<std::string>(stored)) return stored;
            return std::nullopt;
        case FieldType::Enum:
            if (auto* s = std::get_if<std::string>(&stored)) {
                if (std::find(field.enum_values.begin(), field.enum_values.end(), *s) != field.enum_values.end()) {
                    return stored;
                }
            }
            return std::nullopt;
        case FieldType::Date:
            if (std::holds_alternative<Date>(stored)) return stored;
            return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace parscore::core
