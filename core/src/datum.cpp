#include "parscore/core/datum.hpp"

#include <charconv>

namespace parscore::core {

DatumTag datum_tag(const Datum& d) {
    switch (d.index()) {
        case 0: return DatumTag::Bool;
        case 1: return DatumTag::Int;
        case 2: return DatumTag::Number;
        case 3: return DatumTag::Date;
        default: return DatumTag::Text;
    }
}

std::string datum_text(const Datum& d) {
    switch (d.index()) {
        case 0: return std::get<bool>(d) ? "true" : "false";
        case 1: return std::to_string(std::get<std::int64_t>(d));
        case 2: return std::get<Decimal>(d).to_string();
        case 3: return format_date(std::get<Date>(d));
        default: return std::get<std::string>(d);
    }
}

std::optional<Datum> datum_from(DatumTag tag, std::string_view text) {
    switch (tag) {
        case DatumTag::Bool:
            if (text == "true") return Datum{true};
            if (text == "false") return Datum{false};
            return std::nullopt;
        case DatumTag::Int: {
            std::int64_t v = 0;
            auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
            if (ec != std::errc{} || p != text.data() + text.size() || text.empty()) return std::nullopt;
            return Datum{v};
        }
        case DatumTag::Number: {
            auto v = Decimal::parse(text);
            if (!v) return std::nullopt;
            return Datum{*v};
        }
        case DatumTag::Date: {
            auto v = parse_date(text);
            if (!v) return std::nullopt;
            return Datum{*v};
        }
        case DatumTag::Text: return Datum{std::string(text)};
    }
    return std::nullopt;
}

}  // namespace parscore::core
