// Reading YAML text with yaml-cpp into a YamlNode tree. Private to core: parse_yaml checks the
// text first and calls this once or twice (see yaml_tree.cpp).
#pragma once

#include <optional>
#include <string_view>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/yaml_tree.hpp"

namespace parscore::core::yaml_builder {

/// One run of yaml-cpp over `text`; nullopt after a fatal error.
std::optional<YamlNode> run_parser(std::string_view text, FileId file, Diagnostics& diags);

}  // namespace parscore::core::yaml_builder
