#pragma once
// The stable diagnostic codes scoring emits (docs/diagnostics.md: "Warnings while scoring
// (W3xx)"). Every code scoring emits is named here, once.

namespace parscore::engine::code {

inline constexpr const char* kPointsClamped = "W303";      // criterion points outside [0, max] were clamped
inline constexpr const char* kAdjustmentMissing = "W304";  // a deduction or bonus was missing and counts 0
inline constexpr const char* kCapMissing = "W305";         // a band cap's `when` was missing: the cap does not hold
inline constexpr const char* kStoredMismatch = "W306";     // stored values that do not fit the rulebook read as missing
inline constexpr const char* kUnitNotScored = "W307";      // evidence for a unit that is not scored
inline constexpr const char* kEmptyYear = "W308";          // no inspection counts for the year and basis
inline constexpr const char* kUnitsWithoutEvidence = "W309";  // covered units without a counted inspection

}  // namespace parscore::engine::code
