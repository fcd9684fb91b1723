#pragma once
// The stable diagnostic codes rule tests emit (docs/diagnostics.md: "Rule tests (E5xx)"). Every
// code the rule-test runner emits is named here, once.

namespace parscore::engine::code {

inline constexpr const char* kUnknownKey = "E501";   // unknown key in a test file
inline constexpr const char* kMissingKey = "E502";   // a required key is missing
inline constexpr const char* kBadValue = "E503";     // a value of the wrong shape or type
inline constexpr const char* kUnknownId = "E504";    // an unknown id under `expect`
inline constexpr const char* kNotScored = "E505";    // the case's unit category is not scored
inline constexpr const char* kBadRulebook = "E506";  // the `rulebook:` file cannot be read or has errors
inline constexpr const char* kUnreadable = "E508";   // the test file is too large, not UTF-8, or UTF-16

}  // namespace parscore::engine::code
