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

namespace {

Diagnostic made(Severity severity, std::string code, std::optional<Span> span, Text text) {
    std::string english = text.english();
    return Diagnostic{severity, std::move(code), std::move(english), span, {}, std::move(text)};
}

}  // namespace

Note note(std::optional<Span> span, Text text) {
    std::string english = text.english();
    return Note{span, std::move(english), std::move(text)};
}

Diagnostic& Diagnostic::add_note(std::optional<Span> at, Text said) {
    notes.push_back(note(at, std::move(said)));
    return *this;
}

Diagnostic& Diagnostics::admit_error(Diagnostic d) {
    if (kept_errors_ < kMaxErrors) {
        ++kept_errors_;
        items_.push_back(std::move(d));
        return items_.back();
    }
    if (kept_errors_ == kMaxErrors) {
        ++kept_errors_;  // E009 stands in for this error: counted once, not shown
        items_.push_back(
            made(Severity::Error, code::kTooManyErrors, d.span,
                 T_("more than {limit} errors: the rest are not shown", {{"limit", std::to_string(kMaxErrors)}})));
        return scratch_ = Diagnostic{};
    }
    ++not_kept_;
    return scratch_ = Diagnostic{};
}

Diagnostic& Diagnostics::error(std::string code, std::optional<Span> span, Text message) {
    return admit_error(made(Severity::Error, std::move(code), span, std::move(message)));
}

Diagnostic& Diagnostics::error(std::string code, std::optional<Span> span, std::string message) {
    return error(std::move(code), span, verbatim(std::move(message)));
}

Diagnostic& Diagnostics::final_error(std::string code, std::optional<Span> span, Text message) {
    ++kept_errors_;
    items_.push_back(made(Severity::Error, std::move(code), span, std::move(message)));
    return items_.back();
}

void Diagnostics::add(Diagnostic d) {
    if (d.severity == Severity::Error) {
        admit_error(std::move(d));
    } else {
        items_.push_back(std::move(d));
    }
}

Diagnostic& Diagnostics::warning(std::string code, std::optional<Span> span, Text message) {
    items_.push_back(made(Severity::Warning, std::move(code), span, std::move(message)));
    return items_.back();
}

Diagnostic& Diagnostics::warning(std::string code, std::optional<Span> span, std::string message) {
    return warning(std::move(code), span, verbatim(std::move(message)));
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
