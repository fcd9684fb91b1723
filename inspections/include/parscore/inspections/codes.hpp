#pragma once
// The stable diagnostic codes of reading inspection reports and CSV files (docs/diagnostics.md:
// "Inspection reports (E3xx)" and "CSV files (E4xx)"). Every code inspections emits is named
// here, once; E401 and E418 (CSV syntax, an over-long cell) come from core's CSV reader.

namespace parscore::inspections::code {

inline constexpr const char* kTooLarge = "E301";        // the report is over 16 MiB
inline constexpr const char* kEncoding = "E302";        // not UTF-8, or UTF-16/32
inline constexpr const char* kUnknownKey = "E303";      // unknown key at the top level or in `inspection:`
inline constexpr const char* kMissingKey = "E304";      // a required key is missing
inline constexpr const char* kShape = "E305";           // a value of the wrong shape
inline constexpr const char* kUnknownUnit = "E306";     // the unit does not exist in the database
inline constexpr const char* kUnknownKind = "E307";     // an evidence kind the schema does not have
inline constexpr const char* kUnknownField = "E308";    // a field its kind does not have
inline constexpr const char* kMissingField = "E309";    // a record lacks a field
inline constexpr const char* kNull = "E310";            // a null value
inline constexpr const char* kBadValue = "E311";        // a value that does not fit its type
inline constexpr const char* kDuplicateKey = "E312";    // equal keys of a keyed kind in one report
inline constexpr const char* kOtherUnit = "E313";       // `amend` names a different unit
inline constexpr const char* kTooManyRecords = "E314";  // more than 100,000 records

}  // namespace parscore::inspections::code

namespace parscore::inspections::csv {

inline constexpr const char* kUnknownColumn = "E402";
inline constexpr const char* kRepeatedColumn = "E403";
inline constexpr const char* kMissingColumn = "E404";
inline constexpr const char* kCellCount = "E405";
inline constexpr const char* kEmptyCell = "E406";
inline constexpr const char* kBadCell = "E407";
inline constexpr const char* kUnknownUnit = "E408";
inline constexpr const char* kTwoFactRows = "E409";
inline constexpr const char* kEqualKeys = "E410";
inline constexpr const char* kNoHeader = "E411";
inline constexpr const char* kUnknownParent = "E412";
inline constexpr const char* kParentCycle = "E413";
inline constexpr const char* kYearsReversed = "E414";
inline constexpr const char* kRepeatedUnit = "E415";
inline constexpr const char* kImportedBefore = "E416";
inline constexpr const char* kTooManyErrors = "E417";
inline constexpr const char* kTooManyUnits = "E419";

}  // namespace parscore::inspections::csv
