#pragma once
// Showing a piece of input inside a message.
#include <string>
#include <string_view>

namespace parscore::core {

/// `'text'`: at most 40 bytes (cut at a character boundary, then "…"), ill-formed UTF-8 replaced,
/// line feeds and tabs written as \n and \t, so a message stays on one line.
std::string quote(std::string_view text);

}  // namespace parscore::core
