#include "parscore/core/date.hpp"

#include <chrono>
#include <cstdio>

namespace parscore::core {

namespace {
bool digits(std::string_view s) {
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}
int number(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!digits(text.substr(0, 4)) || !digits(text.substr(5, 2)) || !digits(text.substr(8, 2))) return std::nullopt;
    int y = number(text.substr(0, 4));
    auto m = static_cast<unsigned>(number(text.substr(5, 2)));
    auto d = static_cast<unsigned>(number(text.substr(8, 2)));
    std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (y < 1 || !ymd.ok()) return std::nullopt;
    return make_date(y, m, d);
}

Date make_date(int year, unsigned month, unsigned day) {
    std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
    return Date{static_cast<std::int32_t>(std::chrono::sys_days{ymd}.time_since_epoch().count())};
}

std::string format_date(Date d) {
    std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{d.days}}};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return buf;
}

int year_of(Date d) {
    std::chrono::year_month_day ymd{std::chrono::sys_days{std::chrono::days{d.days}}};
    return static_cast<int>(ymd.year());
}

}  // namespace parscore::core
