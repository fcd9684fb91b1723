#pragma once
// Exact decimal numbers with 9 fractional digits (docs/reference/rule-language.md, "Decimals").
// Every operation rounds its exact result half away from zero to 9 decimals. Values with
// |x| >= 10^18 are out of range: operations that would produce one return nullopt (the rule
// language turns that into missing + a warning).
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parscore::core {

__extension__ typedef __int128 int128;

class Decimal {
public:
    static constexpr std::int64_t kScale = 1'000'000'000;  // 10^9
    static constexpr int kDigits = 9;

    constexpr Decimal() = default;
    /// An integer; nullopt when |v| >= 10^18.
    static std::optional<Decimal> from_int(std::int64_t v);
    /// A raw scaled value (value × 10^9); the caller guarantees the range.
    static constexpr Decimal from_raw(int128 raw) {
        Decimal d;
        d.raw_ = raw;
        return d;
    }
    /// `[-+]?[0-9]+(\.[0-9]+)?`; more than 9 decimals round half away from zero; nullopt when the
    /// text has another shape or the value is out of range.
    static std::optional<Decimal> parse(std::string_view text);

    constexpr int128 raw() const { return raw_; }
    constexpr bool is_integral() const { return raw_ % kScale == 0; }
    constexpr bool is_zero() const { return raw_ == 0; }
    constexpr bool is_negative() const { return raw_ < 0; }
    /// The integral part when the value is integral and fits in int64.
    std::optional<std::int64_t> to_int() const;
    double to_double() const;

    /// Shortest plain decimal: no exponent, no trailing zeros, no ".0", never "-0".
    std::string to_string() const;
    /// Rounded half away from zero to `digits` decimals (0–9) and printed with exactly that many
    /// ("75.20" for digits 2): how reports show totals.
    std::string to_fixed(int digits) const;
    /// The same text written to `out`, which has room for kMaxChars; returns the end.
    char* to_chars(char* out) const;
    static constexpr int kMaxChars = 1 + 18 + 1 + kDigits;  // sign, |x| < 10^18, point, decimals

    friend constexpr bool operator==(Decimal a, Decimal b) { return a.raw_ == b.raw_; }
    friend constexpr std::strong_ordering operator<=>(Decimal a, Decimal b) {
        return a.raw_ < b.raw_   ? std::strong_ordering::less
               : a.raw_ > b.raw_ ? std::strong_ordering::greater
                                 : std::strong_ordering::equal;
    }

    static std::optional<Decimal> add(Decimal a, Decimal b);
    static std::optional<Decimal> sub(Decimal a, Decimal b);
    static std::optional<Decimal> mul(Decimal a, Decimal b);
    /// nullopt also for division by zero.
    static std::optional<Decimal> div(Decimal a, Decimal b);
    Decimal negate() const { return from_raw(-raw_); }
    Decimal abs() const { return from_raw(raw_ < 0 ? -raw_ : raw_); }
    /// Half away from zero to `digits` decimals (0–9).
    Decimal round(int digits) const;
    /// Largest integer <= value.
    Decimal floor() const;

    static constexpr int128 kLimitRaw = static_cast<int128>(1'000'000'000'000'000'000) * kScale;  // 10^27
    static constexpr bool raw_in_range(int128 raw) { return raw < kLimitRaw && raw > -kLimitRaw; }

private:
    int128 raw_ = 0;
};

/// Divides with rounding half away from zero (denominator non-zero).
int128 divide_round_half_away(int128 numerator, int128 denominator);

}  // namespace parscore::core
