#include "parscore/core/decimal.hpp"

#include <algorithm>
#include <limits>

namespace parscore::core {

namespace {

__extension__ typedef unsigned __int128 uint128;

std::optional<Decimal> checked(int128 raw) {
    if (!Decimal::raw_in_range(raw)) return std::nullopt;
    return Decimal::from_raw(raw);
}

uint128 magnitude(int128 v) { return v < 0 ? static_cast<uint128>(-v) : static_cast<uint128>(v); }

int128 pow10(int n) {
    int128 p = 1;
    while (n-- > 0) p *= 10;
    return p;
}

}  // namespace

int128 divide_round_half_away(int128 numerator, int128 denominator) {
    bool negative = (numerator < 0) != (denominator < 0);
    uint128 n = magnitude(numerator), d = magnitude(denominator);
    uint128 q = n / d, r = n % d;
    if (r >= d - r) ++q;  // r * 2 >= d without overflow
    return negative ? -static_cast<int128>(q) : static_cast<int128>(q);
}

std::optional<Decimal> Decimal::from_int(std::int64_t v) { return checked(static_cast<int128>(v) * kScale); }

std::optional<Decimal> Decimal::parse(std::string_view text) {
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) negative = text[i++] == '-';
    std::size_t int_begin = i;
    int128 int_part = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        int_part = int_part * 10 + (text[i] - '0');
        if (int_part >= pow10(18)) return std::nullopt;
    }
    if (i == int_begin) return std::nullopt;
    int128 frac = 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        std::size_t frac_begin = i;
        int digits = 0;
        bool round_up = false;
        for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++digits) {
            if (digits < kDigits) {
                frac = frac * 10 + (text[i] - '0');
            } else if (digits == kDigits) {
                round_up = text[i] >= '5';
            }
        }
        if (i == frac_begin) return std::nullopt;
        for (int d = std::min(digits, kDigits); d < kDigits; ++d) frac *= 10;
        if (round_up) ++frac;
    }
    if (i != text.size()) return std::nullopt;
    int128 raw = int_part * kScale + frac;
    return checked(negative ? -raw : raw);
}

std::optional<std::int64_t> Decimal::to_int() const {
    if (!is_integral()) return std::nullopt;
    int128 v = raw_ / kScale;
    if (v > std::numeric_limits<std::int64_t>::max() || v < std::numeric_limits<std::int64_t>::min())
        return std::nullopt;
    return static_cast<std::int64_t>(v);
}

double Decimal::to_double() const {
    return static_cast<double>(raw_ / kScale) + static_cast<double>(raw_ % kScale) / static_cast<double>(kScale);
}

char* Decimal::to_chars(char* out) const {
    // |raw| < 10^27: the integral part is below 10^18 and the fraction below 10^9, so both fit
    // 64-bit arithmetic once split.
    const uint128 m = magnitude(raw_);
    std::uint64_t whole = 0, frac = 0;
    if (m <= std::numeric_limits<std::uint64_t>::max()) {  // |x| < 1.8·10^10: 64-bit division
        whole = static_cast<std::uint64_t>(m) / static_cast<std::uint64_t>(kScale);
        frac = static_cast<std::uint64_t>(m) % static_cast<std::uint64_t>(kScale);
    } else {
        whole = static_cast<std::uint64_t>(m / static_cast<uint128>(kScale));
        frac = static_cast<std::uint64_t>(m % static_cast<uint128>(kScale));
    }
    if (raw_ < 0) *out++ = '-';
    char digits[20];
    int n = 0;
    do {
        digits[n++] = static_cast<char>('0' + whole % 10);
        whole /= 10;
    } while (whole != 0);
    while (n > 0) *out++ = digits[--n];
    if (frac != 0) {
        *out++ = '.';
        int len = kDigits;
        while (frac % 10 == 0) {
            frac /= 10;
            --len;
        }
        for (int i = len - 1; i >= 0; --i) {
            out[i] = static_cast<char>('0' + frac % 10);
            frac /= 10;
        }
        out += len;
    }
    return out;
}

std::string Decimal::to_string() const {
    char buf[kMaxChars];
    return std::string(buf, to_chars(buf));
}

std::string Decimal::to_fixed(int digits) const {
    std::string text = round(digits).to_string();
    if (digits <= 0) return text;
    std::size_t point = text.find('.');
    std::size_t have = point == std::string::npos ? 0 : text.size() - point - 1;
    if (point == std::string::npos) text += '.';
    text.append(static_cast<std::size_t>(digits) - have, '0');
    return text;
}

std::optional<Decimal> Decimal::add(Decimal a, Decimal b) { return checked(a.raw_ + b.raw_); }
std::optional<Decimal> Decimal::sub(Decimal a, Decimal b) { return checked(a.raw_ - b.raw_); }

std::optional<Decimal> Decimal::mul(Decimal a, Decimal b) {
    // |a·b| / 10^9 = A1·|B| + A0·|B| / 10^9 with |A| = A1·10^9 + A0; A0·|B| < 10^36 fits.
    uint128 ma = magnitude(a.raw_), mb = magnitude(b.raw_);
    uint128 a1 = ma / static_cast<uint128>(kScale), a0 = ma % static_cast<uint128>(kScale);
    uint128 high = 0;
    if (__builtin_mul_overflow(a1, mb, &high)) return std::nullopt;
    uint128 low = a0 * mb;
    uint128 q = low / static_cast<uint128>(kScale), r = low % static_cast<uint128>(kScale);
    if (r * 2 >= static_cast<uint128>(kScale)) ++q;
    uint128 sum = high + q;
    if (sum < high || sum >= static_cast<uint128>(kLimitRaw)) return std::nullopt;
    bool negative = (a.raw_ < 0) != (b.raw_ < 0);
    return from_raw(negative ? -static_cast<int128>(sum) : static_cast<int128>(sum));
}

std::optional<Decimal> Decimal::div(Decimal a, Decimal b) {
    if (b.raw_ == 0) return std::nullopt;
    // |a| < 10^27, so |a|·10^9 < 10^36 fits in 128 bits.
    return checked(divide_round_half_away(a.raw_ * kScale, b.raw_));
}

Decimal Decimal::round(int digits) const {
    digits = std::clamp(digits, 0, kDigits);
    int128 factor = pow10(kDigits - digits);
    return from_raw(divide_round_half_away(raw_, factor) * factor);
}

Decimal Decimal::floor() const {
    int128 q = raw_ / kScale;
    if (raw_ % kScale != 0 && raw_ < 0) --q;
    return from_raw(q * kScale);
}

}  // namespace parscore::core
