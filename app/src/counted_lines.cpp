#include "counted_lines.hpp"

#include <algorithm>

namespace parscore::app {

void CountedLines::assign(std::vector<std::pair<std::string, std::string>> lines) {
    std::sort(lines.begin(), lines.end());
    text_.clear();
    offsets_.clear();
    offsets_.reserve(lines.size());
    for (const auto& [id, hash] : lines) {
        offsets_.push_back(text_.size());
        text_.append(id).append(" ").append(hash).append("\n");
    }
    changed_from(0);
}

std::string_view CountedLines::id_at(std::size_t i) const {
    const std::string_view line = std::string_view(text_).substr(offsets_[i]);
    return line.substr(0, line.find(' '));
}

std::size_t CountedLines::lower_bound(std::string_view id) const {
    std::size_t low = 0, high = offsets_.size();
    while (low < high) {
        const std::size_t mid = low + (high - low) / 2;
        if (id_at(mid) < id) low = mid + 1;
        else high = mid;
    }
    return low;
}

void CountedLines::erase(std::string_view id) {
    const std::size_t i = lower_bound(id);
    if (i == offsets_.size() || id_at(i) != id) return;
    const std::size_t at = offsets_[i];
    const std::size_t length = (i + 1 < offsets_.size() ? offsets_[i + 1] : text_.size()) - at;
    text_.erase(at, length);
    offsets_.erase(offsets_.begin() + static_cast<std::ptrdiff_t>(i));
    for (std::size_t k = i; k < offsets_.size(); ++k) offsets_[k] -= length;
    changed_from(at);
}

void CountedLines::put(std::string_view id, std::string_view hash) {
    const std::size_t i = lower_bound(id);
    if (i < offsets_.size() && id_at(i) == id) {
        const std::size_t at = offsets_[i] + id.size() + 1;
        const std::size_t end = (i + 1 < offsets_.size() ? offsets_[i + 1] : text_.size()) - 1;  // before '\n'
        if (std::string_view(text_).substr(at, end - at) == hash) return;  // the same line: the digest holds
        erase(id);
    }
    const std::size_t at = i < offsets_.size() ? offsets_[i] : text_.size();
    std::string line;
    line.append(id).append(" ").append(hash).append("\n");
    text_.insert(at, line);
    offsets_.insert(offsets_.begin() + static_cast<std::ptrdiff_t>(i), at);
    for (std::size_t k = i + 1; k < offsets_.size(); ++k) offsets_[k] += line.size();
    changed_from(at);
}

std::string CountedLines::digest() {
    // Keep the saved states before the first changed byte, then hash on from the last of them,
    // saving a state at every checkpoint passed.
    saved_.resize(std::min(saved_.size(), valid_ / kCheckpoint + 1));
    if (saved_.empty()) saved_.emplace_back();
    std::size_t at = (saved_.size() - 1) * kCheckpoint;
    core::Sha256 sha = saved_.back().copy();
    while (at + kCheckpoint <= text_.size()) {
        sha.update(std::string_view(text_).substr(at, kCheckpoint));
        at += kCheckpoint;
        saved_.push_back(sha.copy());
    }
    sha.update(std::string_view(text_).substr(at));
    valid_ = text_.size();
    return sha.hex();
}

}  // namespace parscore::app
