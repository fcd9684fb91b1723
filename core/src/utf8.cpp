#include "parscore/core/utf8.hpp"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace parscore::core {

namespace {

constexpr char32_t kReplacement = 0xFFFD;

bool is_ascii(std::string_view text) {
    // Eight bytes at a time: most parscore text (keys, ids, numbers) is ASCII.
    std::size_t i = 0;
    for (; i + 8 <= text.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, text.data() + i, 8);
        if (word & 0x8080808080808080ull) return false;
    }
    for (; i < text.size(); ++i) {
        if (static_cast<unsigned char>(text[i]) & 0x80) return false;
    }
    return true;
}

bool in_range(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

/// Length of the well-formed sequence starting at `i` (Unicode Table 3-7), or 0 when ill-formed;
/// the code point goes to `cp`. The narrowed second-byte ranges rule out overlongs, surrogates
/// and code points above U+10FFFF.
std::size_t decode(std::string_view text, std::size_t i, char32_t& cp) {
    auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
        cp = b0;
        return 1;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (in_range(b0, 0xC2, 0xDF)) {
        len = 2;
    } else if (in_range(b0, 0xE0, 0xEF)) {
        len = 3;
        if (b0 == 0xE0) lo = 0xA0;
        if (b0 == 0xED) hi = 0x9F;
    } else if (in_range(b0, 0xF0, 0xF4)) {
        len = 4;
        if (b0 == 0xF0) lo = 0x90;
        if (b0 == 0xF4) hi = 0x8F;
    } else {
        return 0;
    }
    if (i + len > text.size() || !in_range(byte(i + 1), lo, hi)) return 0;
    char32_t value = b0 & (0x7F >> len);
    value = (value << 6) | (byte(i + 1) & 0x3F);
    for (std::size_t k = 2; k < len; ++k) {
        if (!in_range(byte(i + k), 0x80, 0xBF)) return 0;
        value = (value << 6) | (byte(i + k) & 0x3F);
    }
    cp = value;
    return len;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

const icu::Normalizer2& nfc() {
    // getNFCInstance returns a process-wide singleton owned by ICU; look it up once.
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
        if (U_FAILURE(status) || n == nullptr) {
            throw std::runtime_error(std::string("ICU NFC data unavailable: ") + u_errorName(status));
        }
        return n;
    }();
    return *instance;
}

bool is_nfc(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    const bool normalized =
        nfc().isNormalizedUTF8(icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())), status);
    return U_SUCCESS(status) && normalized;
}

std::string normalize_with_icu(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    icu::StringByteSink<std::string> sink(&out);
    UErrorCode status = U_ZERO_ERROR;
    nfc().normalizeUTF8(0, icu::StringPiece(text.data(), static_cast<std::int32_t>(text.size())), sink, nullptr,
                        status);
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU NFC normalisation failed: ") + u_errorName(status));
    }
    return out;
}

/// Zero-width: combining and enclosing marks, format characters (ZWJ, ZWNJ, bidi controls,
/// zero width space) and Hangul medial vowels and final consonants, which join the preceding
/// syllable — the classic wcwidth() rules.
bool is_zero_width(char32_t cp) {
    if (cp >= 0x1160 && cp <= 0x11FF) return true;
    const auto category = static_cast<UCharCategory>(u_charType(static_cast<UChar32>(cp)));
    return category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR;
}

std::size_t code_point_width(char32_t cp) {
    // Below U+0300 (ASCII, Latin-1, Latin Extended, so every precomposed Vietnamese letter but
    // those in U+1EA0..U+1EF9) nothing is wide or a mark; the soft hyphen is shown by terminals.
    if (cp < 0x300) return 1;
    if (is_zero_width(cp)) return 0;
    const auto ea = static_cast<UEastAsianWidth>(
        u_getIntPropertyValue(static_cast<UChar32>(cp), UCHAR_EAST_ASIAN_WIDTH));
    return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

}  // namespace

std::optional<std::size_t> find_invalid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        if (!(static_cast<unsigned char>(text[i]) & 0x80)) {
            ++i;
            continue;
        }
        char32_t cp = 0;
        const std::size_t len = decode(text, i, cp);
        if (len == 0) return i;
        i += len;
    }
    return std::nullopt;
}

std::string to_nfc(std::string_view text) {
    if (is_ascii(text) || is_nfc(text)) return std::string(text);
    return normalize_with_icu(text);
}

bool normalize_nfc(std::string& text) {
    if (is_ascii(text) || is_nfc(text)) return false;
    std::string normalized = normalize_with_icu(text);
    if (normalized == text) return false;
    text = std::move(normalized);
    return true;
}

std::size_t code_point_count(std::string_view text) {
    std::size_t count = 0;
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    }
    return count;
}

std::size_t display_width(std::string_view text) {
    if (is_ascii(text)) return text.size();
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = 0;
        const std::size_t len = decode(text, i, cp);
        if (len == 0) {
            ++width;  // an ill-formed byte is printed as one replacement character
            ++i;
            continue;
        }
        width += code_point_width(cp);
        i += len;
    }
    return width;
}

namespace {

/// `text` with U+FFFD for every ill-formed byte and every code point `replace(cp)` selects.
template <typename Replace> std::string replace_code_points(std::string_view text, Replace replace) {
    std::string out;
    out.reserve(text.size() + 8);
    std::size_t i = 0;
    while (i < text.size()) {
        char32_t cp = 0;
        const std::size_t len = decode(text, i, cp);
        if (len == 0 || replace(cp)) {
            append_utf8(out, kReplacement);
            i += len == 0 ? 1 : len;
            continue;
        }
        out.append(text.substr(i, len));
        i += len;
    }
    return out;
}

}  // namespace

std::string sanitize_utf8(std::string_view text) {
    if (!find_invalid_utf8(text)) return std::string(text);
    return replace_code_points(text, [](char32_t) { return false; });
}

std::string printable(std::string_view text, bool keep_tab) {
    const bool plain = std::all_of(text.begin(), text.end(),
                                   [keep_tab](char c) { return (c >= 0x20 && c < 0x7F) || (keep_tab && c == '\t'); });
    if (plain) return std::string(text);
    return replace_code_points(text, [keep_tab](char32_t cp) {
        const bool control = cp < 0x20 || (cp >= 0x7F && cp < 0xA0);
        return control && !(keep_tab && cp == '\t');
    });
}

}  // namespace parscore::core
