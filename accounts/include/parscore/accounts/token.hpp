#pragma once
// API tokens (docs/accounts.md): 256 random bits, shown once, stored only as a hash. A token is
// looked up by its hash, so the hash is a plain SHA-256 (a slow hash would make every API call
// slow, and 256 random bits need no stretching).
#include <string>
#include <string_view>

namespace parscore::accounts {

/// Every token starts with this, so that one pasted into a chat or a log can be found by a
/// secret scanner.
inline constexpr std::string_view kTokenPrefix = "pst_";

struct NewToken {
    std::string secret;  // kTokenPrefix + 43 base64url characters: given to the user once
    std::string hash;    // token_hash(secret): what the store keeps
};

NewToken generate_token();

/// 256 random bits as 43 base64url characters: a session id or a CSRF token.
std::string random_secret();
/// A random (version 4) UUID in lower case: the client id of a report sent from a form.
std::string random_uuid();
/// The CSRF token of a session: HMAC-SHA-256 of a fixed label keyed by the session id, in
/// random_secret()'s shape. Only a holder of the session id can make it, and a page can put it in
/// its forms without the server keeping it (only its hash is stored, with the session's).
std::string csrf_token_for(std::string_view session_id);
/// Whether `secret` has random_secret()'s shape.
bool looks_like_secret(std::string_view secret);

/// The lower-case hex SHA-256 of `secret`.
std::string token_hash(std::string_view secret);

/// Whether `secret` has a token's shape (prefix, length, alphabet): checked before any lookup, so
/// that junk never reaches the database.
bool looks_like_token(std::string_view secret);

/// Compares two hashes in constant time.
bool same_hash(std::string_view a, std::string_view b);

}  // namespace parscore::accounts
