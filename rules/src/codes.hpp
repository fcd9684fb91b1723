#pragma once
// The stable diagnostic codes of rulebook loading (docs/diagnostics.md, "Rulebooks (E2xx)").
// YAML syntax problems are E00x (core/yaml_tree), expression problems E1xx/W2xx (dsl).

namespace parscore::rules::code {

inline constexpr const char* kCannotRead = "E200";        // a rulebook or `extends` target cannot be read
inline constexpr const char* kTooLarge = "E201";          // over core::kMaxRuleFileBytes
inline constexpr const char* kNotUtf8 = "E202";           // ill-formed UTF-8, or UTF-16/32 text
inline constexpr const char* kUnknownKey = "E203";        // a key the format does not have
inline constexpr const char* kMissingKey = "E204";        // a required key is absent
inline constexpr const char* kWrongType = "E205";         // a value of the wrong shape or scalar type
inline constexpr const char* kMalformedId = "E206";       // an id that does not match its pattern
inline constexpr const char* kReservedId = "E207";        // a keyword, `unit`, `params`, `year`, …
inline constexpr const char* kDuplicate = "E208";         // an id (or value) given twice
inline constexpr const char* kFormatVersion = "E209";     // `parscore:` is not 1
inline constexpr const char* kOutOfRange = "E210";        // max/scale ≤ 0, cap < 0, quota outside (0, 1]
inline constexpr const char* kUnknownChoice = "E211";     // on_missing, combine, unchecked, format, field type
inline constexpr const char* kReservedField = "E212";     // a field named unit, date or year
inline constexpr const char* kBadEnum = "E213";           // an enum with no values or a repeated value
inline constexpr const char* kBadKey = "E214";            // `key` names no field, or a field that cannot be a key
inline constexpr const char* kUnknownCategory = "E215";   // `applies_to` outside `units`
inline constexpr const char* kUnknownBand = "E216";       // `at_most`/`quota_of` names no band
inline constexpr const char* kQuotaOfHigher = "E217";     // `quota_of` names a band above the quota's own
inline constexpr const char* kBadQuota = "E218";          // a quota on the last band; quota_of without quota
inline constexpr const char* kBandOrder = "E219";         // mins not strictly decreasing, or not ending at 0
inline constexpr const char* kExpressionType = "E220";    // points/when/of/over of the wrong type
inline constexpr const char* kExtendsCycle = "E221";      // a cycle (or an over-long chain) of `extends`
inline constexpr const char* kBadRemove = "E222";         // `remove:` of an id that does not exist
inline constexpr const char* kRemovedRedefined = "E223";  // an id both removed and redefined
inline constexpr const char* kEmptyList = "E224";         // a list that needs at least one item
inline constexpr const char* kBadFormat = "E225";         // an indicator's `format` where it cannot apply

}  // namespace parscore::rules::code
