#include "parscore/accounts/token.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "parscore/core/sha256.hpp"
#include "sodium.hpp"

namespace parscore::accounts {

namespace {

constexpr std::size_t kTokenBytes = 32;  // 256 bits
constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;

bool base64url_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

}  // namespace

std::string random_secret() {
    detail::ensure_sodium();
    std::array<unsigned char, kTokenBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)> text{};
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
    sodium_memzero(bytes.data(), bytes.size());
    std::string secret = text.data();
    sodium_memzero(text.data(), text.size());
    return secret;
}

std::string random_uuid() {
    detail::ensure_sodium();
    std::array<unsigned char, 16> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // the RFC 4122 variant
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0f];
    }
    return out;
}

std::string csrf_token_for(std::string_view session_id) {
    detail::ensure_sodium();
    static constexpr std::string_view kLabel = "parscore csrf token";
    std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
    crypto_auth_hmacsha256_state state;
    crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(session_id.data()), session_id.size());
    crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(kLabel.data()), kLabel.size());
    crypto_auth_hmacsha256_final(&state, mac.data());
    std::array<char, sodium_base64_ENCODED_LEN(crypto_auth_hmacsha256_BYTES, kVariant)> text{};
    sodium_bin2base64(text.data(), text.size(), mac.data(), mac.size(), kVariant);
    return text.data();
}

bool looks_like_secret(std::string_view secret) {
    constexpr std::size_t kEncoded = sodium_base64_ENCODED_LEN(kTokenBytes, kVariant) - 1;  // without NUL
    return secret.size() == kEncoded && std::all_of(secret.begin(), secret.end(), base64url_char);
}

NewToken generate_token() {
    NewToken token;
    token.secret = std::string(kTokenPrefix) + random_secret();
    token.hash = token_hash(token.secret);
    return token;
}

std::string token_hash(std::string_view secret) { return core::sha256_hex(secret); }

bool looks_like_token(std::string_view secret) {
    return secret.starts_with(kTokenPrefix) && looks_like_secret(secret.substr(kTokenPrefix.size()));
}

bool same_hash(std::string_view a, std::string_view b) {
    detail::ensure_sodium();
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace parscore::accounts
