#include "parscore/core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace parscore::core {

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

Diagnostic& Diagnostics::error(std::string code, std::optional<Span> span, std::string message) {
    items_.push_back(Diagnostic{Severity::Error, std::move(code), std::move(message), span, {}});
    return items_.back();
}

Diagnostic& Diagnostics::warning(std::string code, std::optional<Span> span, std::string message) {
    items_.push_back(Diagnostic{Severity::Warning, std::move(code), std::move(message), span, {}});
    return items_.back();
}

void Diagnostics::append(const Diagnostics& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

std::size_t Diagnostics::warning_count() const {
    return static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
}

namespace {
auto sort_key(const Diagnostic& d) {
    // Diagnostics without a span (run-wide) come first.
    bool has = d.span.has_value();
    Span s = d.span.value_or(Span{});
    return std::make_tuple(has, s.file, s.begin, s.end, static_cast<int>(d.severity), std::cref(d.code),
                           std::cref(d.message));
}
bool same(const Diagnostic& a, const Diagnostic& b) {
    return sort_key(a) == sort_key(b) && a.notes.size() == b.notes.size();
}
}  // namespace

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(),
                     [](const Diagnostic& a, const Diagnostic& b) { return sort_key(a) < sort_key(b); });
    items_.erase(std::unique(items_.begin(), items_.end(), same), items_.end());
}

}  // namespace parscore::core
