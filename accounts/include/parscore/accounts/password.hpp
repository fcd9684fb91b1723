#pragma once
// Passwords: the rules a new one must meet, and their Argon2id hashes (docs/accounts.md). A
// password exists in clear only in the caller's memory while it is checked or hashed; nothing
// here logs or keeps it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "parscore/core/text.hpp"

namespace parscore::accounts {

/// Shortest acceptable password, in code points.
inline constexpr std::size_t kMinPasswordLength = 10;

/// Argon2id's cost: at least 19 MiB of memory and 2 passes (the OWASP minimum for Argon2id).
/// A stored hash made with less is rehashed at the next successful login (needs_rehash).
struct HashCost {
    std::uint64_t passes = 2;
    std::size_t memory_bytes = std::size_t{19} * 1024 * 1024;
};

/// Why `password` may not be used by `login`, or nothing: shorter than kMinPasswordLength code
/// points, equal to the login (ignoring case), or not valid UTF-8.
std::optional<core::Text> password_problem(std::string_view login, std::string_view password);

/// The Argon2id hash in libsodium's string form ("$argon2id$v=19$m=…,t=…,p=1$salt$hash"), with a
/// random salt. Throws std::runtime_error when memory for the hash cannot be had.
std::string hash_password(std::string_view password, const HashCost& cost = {});

/// Whether `password` matches `stored` (in constant time); false for a malformed hash.
bool verify_password(std::string_view stored, std::string_view password);

/// Whether `stored` was made with less than `cost` (or is not an Argon2id hash at all).
bool needs_rehash(std::string_view stored, const HashCost& cost = {});

/// A new random password of 16 characters from letters and digits that are not easily confused
/// (no 0/O, 1/l/I): what `users add` prints once when no password is given.
std::string generate_password();

}  // namespace parscore::accounts
