#pragma once
// The stable diagnostic codes of the rule language (docs/diagnostics.md, "Expressions (E1xx,
// W2xx)" and "Warnings while scoring (W3xx)"). Every code the dsl emits is named here, once.

namespace parscore::dsl::code {

// Parsing
inline constexpr const char* kSyntax = "E100";      // syntax error at the furthest character reached
inline constexpr const char* kTooDeep = "E101";     // nested deeper than 64 levels
inline constexpr const char* kBadLiteral = "E102";  // too many decimals, int too large, no such date
// Checking
inline constexpr const char* kUnknownName = "E103";       // name, field, record kind, param or unit member
inline constexpr const char* kType = "E104";              // operand types, branch types, a list outside `in`
inline constexpr const char* kBadCall = "E105";           // unknown function or wrong number of arguments
inline constexpr const char* kRecordKindMisuse = "E106";  // a record kind as a value, a fact as a kind, stray `where`
inline constexpr const char* kBadLetName = "E107";        // reserved, an evidence kind, a field, or already bound
inline constexpr const char* kNotEnumValue = "E108";      // a string literal that is not a value of the enum
inline constexpr const char* kNotConstant = "E109";       // steps thresholds, round digits, date()'s argument
inline constexpr const char* kTooLarge = "E110";          // an expression over 64 KiB or a list over 10,000 values
inline constexpr const char* kUnreachableArm = "W201";    // a steps arm earlier arms always take first
inline constexpr const char* kFieldHidesFact = "W202";    // inside an aggregate, a field shadows a fact
// Evaluation
inline constexpr const char* kOutOfRange = "W301";     // overflow: the value is missing
inline constexpr const char* kClampReversed = "W302";  // clamp() with lo above hi: missing

}  // namespace parscore::dsl::code
