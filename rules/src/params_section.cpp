// `params:` — named constants. A plain scalar is typed by its shape
// (docs/reference/rulebook-format.md): bool, int, number, or a number with `%`; anything else, and
// every quoted or block scalar, is text.
#include <algorithm>
#include <charconv>

#include "codes.hpp"
#include "parscore/core/utf8.hpp"
#include "sections.hpp"

namespace parscore::rules::detail {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view unsigned_part(std::string_view s) {
    return !s.empty() && (s[0] == '+' || s[0] == '-') ? s.substr(1) : s;
}

bool is_int_shape(std::string_view s) { return all_digits(unsigned_part(s)); }

bool is_number_shape(std::string_view s) {
    s = unsigned_part(s);
    auto dot = s.find('.');
    return dot != std::string_view::npos && all_digits(s.substr(0, dot)) && all_digits(s.substr(dot + 1));
}

/// The value of a plain scalar, or nullopt after reporting an out-of-range number.
std::optional<decltype(dsl::Param::value)> typed_value(Reader& reader, const YamlNode& node) {
    const std::string& s = node.value;
    if (s == "true" || s == "True" || s == "TRUE") return true;
    if (s == "false" || s == "False" || s == "FALSE") return false;
    auto out_of_range = [&]() {
        reader.diags().error(code::kOutOfRange, node.span,
                             core::T_("param value out of range: {value}", {{"value", quote(s)}}));
        return std::nullopt;
    };
    if (is_int_shape(s)) {
        std::string_view digits = s[0] == '+' ? std::string_view(s).substr(1) : std::string_view(s);
        std::int64_t v = 0;
        auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
        if (ec != std::errc{} || end != digits.data() + digits.size()) return out_of_range();
        return v;
    }
    if (is_number_shape(s)) {
        auto v = Decimal::parse(s);
        if (!v) return out_of_range();
        return *v;
    }
    if (s.size() > 1 && s.back() == '%') {
        std::string_view number = std::string_view(s).substr(0, s.size() - 1);
        if (is_int_shape(number) || is_number_shape(number)) {
            auto v = Decimal::parse(number);
            auto hundred = Decimal::from_int(100);
            auto share = v ? Decimal::div(*v, *hundred) : std::nullopt;
            if (!share) return out_of_range();
            return *share;
        }
    }
    return core::to_nfc(s);
}

}  // namespace

void read_params(Reader& reader, const YamlNode& node, Draft& out) {
    if (!reader.map(node, key_name("params"))) return;
    for (const auto& [key, value] : node.entries) {
        DraftParam param;
        param.param.name = key.value;
        param.span = key.span;
        param.usable = reader.name(key, {core::T_("param name"), core::T_("a param name")});
        if (!value.is_scalar()) {
            reader.diags().error(code::kWrongType, value.span,
                                 core::T_("param {name} must be a bool, int, number or text, found {found}",
                                          {{"name", quote(key.value)}, found(value)}));
            param.usable = false;
            param.param.value = std::int64_t{0};
        } else if (value.is_plain()) {
            auto typed = typed_value(reader, value);
            param.usable = param.usable && typed.has_value();
            param.param.value = typed ? *typed : std::int64_t{0};
        } else {
            param.param.value = core::to_nfc(value.value);  // quoted or block: always text
        }
        out.params.push_back(std::move(param));
    }
}

}  // namespace parscore::rules::detail
