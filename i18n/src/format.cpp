#include "parscore/i18n/format.hpp"

#include <algorithm>

namespace parscore::i18n {

namespace {

constexpr std::size_t kGroupFrom = 5;  // digits in an integer part before it is grouped

char decimal_mark(Language language) { return language == Language::vi ? ',' : '.'; }
char group_mark(Language language) { return language == Language::vi ? '.' : ','; }

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string grouped(Language language, std::string_view digits) {
    if (digits.size() < kGroupFrom) return std::string(digits);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += group_mark(language);
        out += digits[i];
    }
    return out;
}

// `raw` (a value × 10^9) rounded half away from zero to `places` decimals, in plain form.
// Works on the full int128 range, so a share × 100 never overflows.
std::string plain_fixed(core::int128 raw, int places) {
    places = std::clamp(places, 0, core::Decimal::kDigits);
    core::int128 unit = 1;
    for (int i = places; i < core::Decimal::kDigits; ++i) unit *= 10;
    core::int128 q = core::divide_round_half_away(raw, unit);
    bool negative = q < 0;
    std::string digits;
    for (core::int128 m = negative ? -q : q; m > 0; m /= 10)
        digits += static_cast<char>('0' + static_cast<int>(m % 10));
    digits.append(static_cast<std::size_t>(places + 1) - std::min(digits.size(), static_cast<std::size_t>(places + 1)),
                  '0');
    std::reverse(digits.begin(), digits.end());
    std::string out = negative ? "-" : "";
    out += digits.substr(0, digits.size() - static_cast<std::size_t>(places));
    if (places > 0) out += "." + digits.substr(digits.size() - static_cast<std::size_t>(places));
    return out;
}

}  // namespace

std::string localize_number(Language language, std::string_view plain) {
    std::string_view sign = !plain.empty() && (plain[0] == '-' || plain[0] == '+') ? plain.substr(0, 1) : "";
    std::string_view rest = plain.substr(sign.size());
    std::size_t point = rest.find('.');
    std::string_view whole = rest.substr(0, point);
    std::string_view fraction = point == std::string_view::npos ? std::string_view{} : rest.substr(point + 1);
    if (!all_digits(whole) || (point != std::string_view::npos && !all_digits(fraction))) return std::string(plain);
    std::string out(sign);
    out += grouped(language, whole);
    if (point != std::string_view::npos) out.append(1, decimal_mark(language)).append(fraction);
    return out;
}

std::string format_decimal(Language language, const core::Decimal& value, int places) {
    return localize_number(language, plain_fixed(value.raw(), places));
}

std::string format_percent(Language language, const core::Decimal& share, int places) {
    return localize_number(language, plain_fixed(share.raw() * 100, places)) + "%";
}

std::string format_integer(Language language, std::int64_t value) {
    return localize_number(language, std::to_string(value));
}

std::string format_date(Language language, core::Date date) {
    std::string iso = core::format_date(date);  // YYYY-MM-DD
    if (language == Language::en) return iso;
    return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

}  // namespace parscore::i18n
