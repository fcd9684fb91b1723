#pragma once
// The stable diagnostic codes the engine emits (docs/diagnostics.md: "Warnings while scoring
// (W3xx)" and "Rule tests (E5xx)"). Every code the engine emits is named here, once.

namespace parscore::engine::code {

// Scoring
inline constexpr const char* kPointsClamped = "W303";     // criterion points outside [0, max] were clamped
inline constexpr const char* kAdjustmentMissing = "W304";  // a deduction or bonus was missing and counts 0
inline constexpr const char* kCapMissing = "W305";        // a band cap's `when` was missing: the cap does not hold
inline constexpr const char* kStoredMismatch = "W306";    // stored values that do not fit the rulebook read as missing
inline constexpr const char* kUnitNotScored = "W307";     // evidence for a unit that is not scored
inline constexpr const char* kEmptyYear = "W308";         // no inspection counts for the year and basis
inline constexpr const char* kUnitsWithoutEvidence = "W309";  // covered units without a counted inspection
// Rule tests
inline constexpr const char* kUnknownKey = "E501";        // unknown key in a test file
inline constexpr const char* kMissingKey = "E502";        // a required key is missing
inline constexpr const char* kBadValue = "E503";          // a value of the wrong shape or type
inline constexpr const char* kUnknownId = "E504";         // an unknown id under `expect`
inline constexpr const char* kNotScored = "E505";         // the case's unit category is not scored
inline constexpr const char* kBadRulebook = "E506";       // the `rulebook:` file cannot be read or has errors
inline constexpr const char* kUnreadable = "E508";        // the test file is too large, not UTF-8, or UTF-16

}  // namespace parscore::engine::code
