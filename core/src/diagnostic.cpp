#include "parscore/core/diagnostic.hpp"

#include <algorithm>
#include <tuple>

#include "codes.hpp"

namespace parscore::core {

const char* severity_name(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

Diagnostic& Diagnostics::admit_error(Diagnostic d) {
    if (kept_errors_ < kMaxErrors) {
        ++kept_errors_;
        items_.push_back(std::move(d));
        return items_.back();
    }
    if (kept_errors_ == kMaxErrors) {
        ++kept_errors_;  // E009 stands in for this error: counted once, not shown
        items_.push_back(Diagnostic{Severity::Error,
                                    code::kTooManyErrors,
                                    "more than " + std::to_string(kMaxErrors) + " errors: the rest are not shown",
                                    d.span,
                                    {}});
        return scratch_ = Diagnostic{};
    }
    ++not_kept_;
    return scratch_ = Diagnostic{};
}

Diagnostic& Diagnostics::error(std::string code, std::optional<Span> span, std::string message) {
    return admit_error(Diagnostic{Severity::Error, std::move(code), std::move(message), span, {}});
}

Diagnostic& Diagnostics::final_error(std::string code, std::optional<Span> span, std::string message) {
    ++kept_errors_;
    items_.push_back(Diagnostic{Severity::Error, std::move(code), std::move(message), span, {}});
    return items_.back();
}

void Diagnostics::add(Diagnostic d) {
    if (d.severity == Severity::Error) {
        admit_error(std::move(d));
    } else {
        items_.push_back(std::move(d));
    }
}

Diagnostic& Diagnostics::warning(std::string code, std::optional<Span> span, std::string message) {
    items_.push_back(Diagnostic{Severity::Warning, std::move(code), std::move(message), span, {}});
    return items_.back();
}

void Diagnostics::append(const Diagnostics& other) {
    for (const Diagnostic& d : other.items_) add(d);
    not_kept_ += other.not_kept_;
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                  [](const Diagnostic& d) { return d.severity == Severity::Error; })) +
           not_kept_;
}

std::size_t Diagnostics::warning_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                  [](const Diagnostic& d) { return d.severity == Severity::Warning; }));
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
    kept_errors_ = static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

}  // namespace parscore::core
