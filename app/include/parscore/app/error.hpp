#pragma once
// The one kind of failure an operation reports. Front ends map its kind to what their users see:
// the command line to an exit code (docs/reference/commands.md, "Exit codes"), the server to an
// HTTP status. Diagnostics with positions (a rulebook's, a report's) travel with the error.
#include <memory>
#include <stdexcept>
#include <string>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"
#include "parscore/core/text.hpp"

namespace parscore::app {

enum class ErrorKind {
    Invalid,     // the input was understood but is wrong: a rulebook with errors, a locked inspection
    BadRequest,  // the request itself is malformed: an option's value, an output over an input
    Io,          // a file or database cannot be read or written, is missing, foreign or read-only
    NotFound,    // the unit, inspection, account … named does not exist, or the actor may not see it
    Forbidden,   // the actor may not do this
    Internal,    // a defect: an invariant broke
};

/// Diagnostics with the sources their positions point into.
struct Problems {
    core::Diagnostics diagnostics;
    core::SourceSet sources;
};

class Error : public std::runtime_error {
public:
    /// what() is the English text; front ends show `text()` in their reader's language.
    Error(ErrorKind kind, core::Text message, std::shared_ptr<const Problems> problems = nullptr)
        : std::runtime_error(message.english()),
          kind_(kind),
          text_(std::move(message)),
          problems_(std::move(problems)) {}
    /// A message that reads the same in every language (a library's own error text).
    Error(ErrorKind kind, const std::string& message, std::shared_ptr<const Problems> problems = nullptr)
        : Error(kind, core::verbatim(message), std::move(problems)) {}
    ErrorKind kind() const { return kind_; }
    const core::Text& text() const { return text_; }
    /// The diagnostics behind the error (a rulebook's errors and warnings), or null.
    const Problems* problems() const { return problems_.get(); }

private:
    ErrorKind kind_;
    core::Text text_;
    std::shared_ptr<const Problems> problems_;
};

}  // namespace parscore::app
