#include "sodium.hpp"

#include <sodium.h>

#include <stdexcept>

namespace parscore::accounts::detail {

void ensure_sodium() {
    // sodium_init is itself safe to call more than once; the static makes the check cheap.
    static const bool ready = sodium_init() >= 0;
    if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

}  // namespace parscore::accounts::detail
