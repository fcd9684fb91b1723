#pragma once
// Counts in messages: "1 unit", "2 units", "1 warning", "3 criteria".
#include <cstdint>
#include <string>
#include <string_view>

namespace parscore::core {

/// `n` followed by `singular` when n is 1, else by `plural` (default: `singular` + "s").
inline std::string count_of(std::uint64_t n, std::string_view singular, std::string_view plural = {}) {
    std::string out = std::to_string(n) + " ";
    if (n == 1) return out.append(singular);
    if (plural.empty()) return out.append(singular).append("s");
    return out.append(plural);
}

}  // namespace parscore::core
