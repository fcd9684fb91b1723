#pragma once
// libsodium must be initialised once before any other call; every function of this module that
// uses it calls ensure_sodium() first.
namespace parscore::accounts::detail {

/// Initialises libsodium (thread-safe, once); throws std::runtime_error if it cannot.
void ensure_sodium();

}  // namespace parscore::accounts::detail
