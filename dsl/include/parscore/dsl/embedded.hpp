#pragma once
// Expressions written inside YAML scalars (docs/diagnostics.md): positions map back into the YAML
// file — exactly for plain and literal (`|`) scalars; at the scalar's start for quoted and folded
// (`>`) scalars, with a note that shows the expression and marks the place.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"
#include "parscore/core/yaml_tree.hpp"
#include "parscore/dsl/checker.hpp"

namespace parscore::dsl {

class ScalarOrigin {
public:
    /// `start` is the byte offset of the scalar's start mark in `yaml` (its first character, its
    /// opening quote or its `|`/`>` indicator); `decoded` is the scalar's value.
    ScalarOrigin(const core::SourceFile& yaml, core::FileId yaml_id, std::uint32_t start, core::ScalarStyle style,
                 std::string_view decoded);

    /// Whether every position maps exactly (plain and literal scalars).
    bool exact() const { return exact_; }
    /// The YAML-file offset of an offset into the decoded text (the scalar's start if not exact).
    std::uint32_t map(std::uint32_t offset) const;
    core::Span map(core::Span span) const;

private:
    core::FileId file_;
    std::uint32_t start_;
    bool exact_ = false;
    std::vector<std::uint32_t> offsets_;  // decoded offset -> file offset (size = decoded size + 1)
};

/// Parses and checks the expression written as `scalar` in `yaml_file`. Diagnostics are
/// appended to `diags` with positions in the YAML file; the decoded text is added to `sources`
/// so notes can show it.
std::optional<Compiled> compile_scalar(core::SourceSet& sources, core::FileId yaml_file, const core::YamlNode& scalar,
                                       Checker& checker, core::Diagnostics& diags);

}  // namespace parscore::dsl
