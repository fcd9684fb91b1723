#pragma once
// Type checking and compilation of parsed expressions against an evidence schema and params
// (docs/reference/rule-language.md: names, functions, types). Every problem is reported (not only
// the first); warnings too.
#include <optional>
#include <string>
#include <vector>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/schema.hpp"
#include "parscore/dsl/ast.hpp"
#include "parscore/dsl/program.hpp"

namespace parscore::dsl {

/// A rulebook param (docs/reference/rulebook-format.md): bool, int, number or text.
struct Param {
    std::string name;
    std::variant<bool, std::int64_t, core::Decimal, std::string> value;
};

class Checker {
public:
    Checker(Program& program, const core::EvidenceSchema& schema, const std::vector<Param>& params);

    /// Checks and compiles one expression into the program. Returns nullopt when it has an
    /// error (reported in `diags`); warnings do not stop compilation.
    std::optional<Compiled> compile(const Expr& expr, core::Diagnostics& diags);

    Program& program() { return program_; }

private:
    Program& program_;
    const core::EvidenceSchema& schema_;
    const std::vector<Param>& params_;
};

/// The names of the built-in functions, for "did you mean" and documentation.
const std::vector<std::string>& function_names();

}  // namespace parscore::dsl
