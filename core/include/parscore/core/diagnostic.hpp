#pragma once
// Diagnostics are collected, never thrown, for anything caused by user input.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/source.hpp"
#include "parscore/core/text.hpp"

namespace parscore::core {

enum class Severity { Error, Warning, Note };

const char* severity_name(Severity s);

struct Note {
    std::optional<Span> span;  // none: a note without a position
    std::string message;       // in English
    Text text{};               // the same, translatable; empty when the note was made from a string
};

/// A note whose message is `text` (kept translatable).
Note note(std::optional<Span> span, Text text);

struct Diagnostic {
    Severity severity = Severity::Error;
    std::string code;          // stable: E1xx expressions, E2xx…; see docs/diagnostics.md
    std::string message;       // in English: what JSON output, sorting and tests read
    std::optional<Span> span;  // none only for messages about a whole run (no file)
    std::vector<Note> notes;
    Text text{};  // the message, translatable; empty when the diagnostic was made from a string

    /// Adds a note whose message is `text`; returns *this, to chain.
    Diagnostic& add_note(std::optional<Span> at, Text said);
};

/// At most this many errors are kept in one bag (docs/diagnostics.md promises every error; a
/// hostile file must not make memory and output grow without bound). The first error past it is
/// replaced by one E009 at its position that says so; later ones are only counted.
inline constexpr std::size_t kMaxErrors = 1000;

/// An ordered bag of diagnostics. Items are added through error(), warning(), add() and append()
/// only (items() may change them in place, never add or remove).
class Diagnostics {
public:
    /// Past kMaxErrors the returned diagnostic is a scratch one that is not kept.
    /// A message made with T_/TN_ (core/text.hpp) can be shown in any language; a plain string
    /// reads the same in all of them.
    Diagnostic& error(std::string code, std::optional<Span> span, Text message);
    Diagnostic& warning(std::string code, std::optional<Span> span, Text message);
    Diagnostic& error(std::string code, std::optional<Span> span, std::string message);
    Diagnostic& warning(std::string code, std::optional<Span> span, std::string message);
    void add(Diagnostic d);
    /// An error kept even past kMaxErrors: the one a reader adds when it stops early (CSV E417).
    Diagnostic& final_error(std::string code, std::optional<Span> span, Text message);
    void append(const Diagnostics& other);
    bool has_errors() const;
    /// Every error, including those past the limit that were only counted.
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
    /// Keeps an error, turns it into E009 or only counts it; returns where it went.
    Diagnostic& admit_error(Diagnostic d);

    std::vector<Diagnostic> items_;
    std::size_t kept_errors_ = 0;
    std::size_t not_kept_ = 0;
    Diagnostic scratch_;
};

}  // namespace parscore::core
