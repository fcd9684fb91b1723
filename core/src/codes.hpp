#pragma once
// The stable diagnostic codes core emits (docs/diagnostics.md: "YAML files (E00x)" and "CSV
// files (E4xx)"). Every code core emits is named here, once.

namespace parscore::core::code {

inline constexpr const char* kSyntax = "E001";            // YAML syntax error (stops the file)
inline constexpr const char* kDuplicate = "E002";         // a key twice in one map
inline constexpr const char* kUnsupported = "E003";       // anchors, aliases, tags, complex keys
inline constexpr const char* kTooDeep = "E004";           // nesting deeper than 64 levels
inline constexpr const char* kKeyNotScalar = "E005";      // a key that is not a scalar
inline constexpr const char* kSeveralDocuments = "E006";  // more than one document
inline constexpr const char* kScalarTooLong = "E007";     // a scalar over 64 KiB once decoded
inline constexpr const char* kTooManyItems = "E008";      // a list over 100,000 items
inline constexpr const char* kTooManyErrors = "E009";     // more than 1000 errors: the rest are not shown
inline constexpr const char* kCsvSyntax = "E401";         // CSV syntax (quotes, stray carriage return, NUL)
inline constexpr const char* kCellTooLong = "E418";       // a CSV cell over 64 KiB

}  // namespace parscore::core::code
