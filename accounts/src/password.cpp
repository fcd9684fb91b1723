#include "parscore/accounts/password.hpp"

#include <sodium.h>

#include <stdexcept>

#include "parscore/core/utf8.hpp"
#include "sodium.hpp"

namespace parscore::accounts {

namespace {

// ASCII case folding is enough: logins are ASCII (valid_login).
bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) return false;
    }
    return true;
}

// libsodium wants a NUL-terminated hash string; a string_view may not be one.
std::string terminated(std::string_view stored) { return std::string(stored); }

}  // namespace

std::optional<core::Text> password_problem(std::string_view login, std::string_view password) {
    if (!core::is_valid_utf8(password)) return core::T_("the password is not valid UTF-8 text");
    if (core::code_point_count(password) < kMinPasswordLength) {
        return core::T_("the password must have at least {min} characters",
                        {{"min", std::to_string(kMinPasswordLength)}});
    }
    if (equal_ignoring_case(login, password)) return core::T_("the password must differ from the login");
    return std::nullopt;
}

std::string hash_password(std::string_view password, const HashCost& cost) {
    detail::ensure_sodium();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), cost.passes, cost.memory_bytes,
                              crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw std::runtime_error("not enough memory to hash a password");
    }
    return out;
}

bool verify_password(std::string_view stored, std::string_view password) {
    detail::ensure_sodium();
    const std::string hash = terminated(stored);
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

bool needs_rehash(std::string_view stored, const HashCost& cost) {
    detail::ensure_sodium();
    const std::string hash = terminated(stored);
    if (hash.rfind(crypto_pwhash_argon2id_STRPREFIX, 0) != 0) return true;
    return crypto_pwhash_str_needs_rehash(hash.c_str(), cost.passes, cost.memory_bytes) != 0;
}

std::string generate_password() {
    detail::ensure_sodium();
    static constexpr std::string_view kAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        out += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
    }
    return out;
}

}  // namespace parscore::accounts
