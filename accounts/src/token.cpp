#include "parscore/accounts/token.hpp"

#include <sodium.h>

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

NewToken generate_token() {
    detail::ensure_sodium();
    std::array<unsigned char, kTokenBytes> bytes{};
    randombytes_buf(bytes.data(), bytes.size());
    std::array<char, sodium_base64_ENCODED_LEN(kTokenBytes, kVariant)> text{};
    sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
    sodium_memzero(bytes.data(), bytes.size());
    NewToken token;
    token.secret = std::string(kTokenPrefix) + text.data();
    sodium_memzero(text.data(), text.size());
    token.hash = token_hash(token.secret);
    return token;
}

std::string token_hash(std::string_view secret) { return core::sha256_hex(secret); }

bool looks_like_token(std::string_view secret) {
    constexpr std::size_t kEncoded = sodium_base64_ENCODED_LEN(kTokenBytes, kVariant) - 1;  // without NUL
    if (secret.size() != kTokenPrefix.size() + kEncoded || !secret.starts_with(kTokenPrefix)) return false;
    for (char c : secret.substr(kTokenPrefix.size())) {
        if (!base64url_char(c)) return false;
    }
    return true;
}

bool same_hash(std::string_view a, std::string_view b) {
    detail::ensure_sodium();
    return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace parscore::accounts
