#pragma once
// Diagnostics are collected, never thrown, for anything caused by user input.
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/source.hpp"

namespace parscore::core {

enum class Severity { Error, Warning, Note };

const char* severity_name(Severity s);

struct Note {
    std::optional<Span> span;  // none: a note without a position
    std::string message;
};

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;  // stable: E1xx expressions, E2xx…; see docs/diagnostics.md
    std::string message;
    std::optional<Span> span;  // none only for messages about a whole run (no file)
    std::vector<Note> notes;
};

/// An ordered bag of diagnostics.
class Diagnostics {
public:
    Diagnostic& error(std::string code, std::optional<Span> span, std::string message);
    Diagnostic& warning(std::string code, std::optional<Span> span, std::string message);
    void add(Diagnostic d) { items_.push_back(std::move(d)); }
    void append(const Diagnostics& other);

    bool has_errors() const;
    std::size_t error_count() const;
    std::size_t warning_count() const;
    bool empty() const { return items_.empty(); }
    std::size_t size() const { return items_.size(); }

    /// Sorts by (file, offset, severity, code, message) and removes exact duplicates, so output is
    /// deterministic whatever order the checks ran in.
    void sort();

    std::vector<Diagnostic>& items() { return items_; }
    const std::vector<Diagnostic>& items() const { return items_; }
    auto begin() const { return items_.begin(); }
    auto end() const { return items_.end(); }

private:
    std::vector<Diagnostic> items_;
};

}  // namespace parscore::core
