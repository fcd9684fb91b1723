#pragma once
// The stable diagnostic codes of the yearly report's config file (docs/diagnostics.md: "Report
// config (E6xx)"), named once.

namespace parscore::engine::yearly::code {

inline constexpr const char* kUnknownKey = "E601";  // unknown key
inline constexpr const char* kMissingKey = "E602";  // a required key is missing
inline constexpr const char* kBadValue = "E603";    // a value of the wrong shape or type
inline constexpr const char* kUnreadable = "E604";  // the file is missing, too large, not UTF-8 or UTF-16

}  // namespace parscore::engine::yearly::code
