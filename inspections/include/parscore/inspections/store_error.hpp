#pragma once
// Failures of the evidence store that are not diagnostics about an input file.
#include <stdexcept>
#include <string>

#include "parscore/core/text.hpp"

namespace parscore::inspections {

class StoreError : public std::runtime_error {
public:
    enum class Kind {
        Missing,      // the database file does not exist (and the command does not create one)
        NotParscore,  // not SQLite, or an SQLite database of another application; left unchanged
        NewerSchema,  // written by a newer parscore; left unchanged
        Io,           // cannot open, read or write the file
        Busy,         // another writer held the database longer than the busy timeout
        Database,     // any other SQLite failure (corruption, constraint, …)
        Refused,      // the request is understood but not allowed: unknown id, locked inspection,
                      // illegal status move, duplicate report, diverged merge (exit 1)
    };

    /// what() is the English text; front ends show `text()` in their reader's language.
    StoreError(Kind kind, core::Text message, int sqlite_code = 0)
        : std::runtime_error(message.english()), kind_(kind), sqlite_code_(sqlite_code), text_(std::move(message)) {}
    /// A message that reads the same in every language (SQLite's own error text).
    StoreError(Kind kind, const std::string& message, int sqlite_code = 0)
        : StoreError(kind, core::verbatim(message), sqlite_code) {}

    Kind kind() const { return kind_; }
    const core::Text& text() const { return text_; }
    int sqlite_code() const { return sqlite_code_; }
    /// docs/reference/commands.md#exit-codes: Refused is exit 1, everything else exit 3.
    int exit_code() const { return kind_ == Kind::Refused ? 1 : 3; }

private:
    Kind kind_;
    int sqlite_code_;
    core::Text text_;
};

}  // namespace parscore::inspections
