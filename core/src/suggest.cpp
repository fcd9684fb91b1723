#include "parscore/core/suggest.hpp"

#include <algorithm>
#include <numeric>

namespace parscore::core {

namespace {

// Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions).
std::size_t distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    std::iota(prev.begin(), prev.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
            }
        }
        std::swap(prev2, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::size_t allowed(std::size_t length) {
    if (length >= 9) return 3;
    if (length >= 5) return 2;
    return 1;
}

}  // namespace

std::optional<std::string> closest_name(std::string_view name, const std::vector<std::string>& candidates) {
    std::optional<std::string> best;
    std::size_t best_distance = allowed(name.size()) + 1;
    for (const std::string& c : candidates) {
        if (c == name) continue;
        // Length difference alone bounds the distance from below: skip hopeless candidates cheaply.
        std::size_t gap = c.size() > name.size() ? c.size() - name.size() : name.size() - c.size();
        if (gap >= best_distance) continue;
        std::size_t d = distance(name, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

std::string did_you_mean(std::string_view name, const std::vector<std::string>& candidates) {
    auto best = closest_name(name, candidates);
    return best ? " (did you mean '" + *best + "'?)" : "";
}

TextArg suggestion(std::string_view name, const std::vector<std::string>& candidates, std::string placeholder) {
    auto best = closest_name(name, candidates);
    if (!best) return TextArg{std::move(placeholder), ""};
    return part(std::move(placeholder), T_(" (did you mean '{name}'?)", {{"name", *best}}));
}

}  // namespace parscore::core
