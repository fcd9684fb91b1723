#pragma once
// Calendar dates as days since 1970-01-01 (proleptic Gregorian).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parscore::core {

struct Date {
    std::int32_t days = 0;  // since 1970-01-01
    friend constexpr bool operator==(Date, Date) = default;
    friend constexpr auto operator<=>(Date a, Date b) { return a.days <=> b.days; }
};

/// Exactly `YYYY-MM-DD` naming a real day (years 0001–9999); nullopt otherwise.
std::optional<Date> parse_date(std::string_view text);
std::string format_date(Date d);
int year_of(Date d);
Date make_date(int year, unsigned month, unsigned day);  // precondition: a real day

}  // namespace parscore::core
