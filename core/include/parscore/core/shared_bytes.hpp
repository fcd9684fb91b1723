#pragma once
// Bytes made of pieces that stay where they are, kept alive by their owner: a cached document of
// tens of megabytes sent as its parts, without joining them into one string first.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parscore::core {

struct SharedBytes {
    std::shared_ptr<const void> owner;     // keeps every piece alive
    std::vector<std::string_view> pieces;  // in order

    std::size_t size() const {
        std::size_t n = 0;
        for (std::string_view p : pieces) n += p.size();
        return n;
    }
    std::string joined() const {
        std::string out;
        out.reserve(size());
        for (std::string_view p : pieces) out += p;
        return out;
    }
};

}  // namespace parscore::core
