#pragma once
// A typed evidence value as read from a report, a CSV cell or the database: the storage-side
// counterpart of the rule language's runtime values. Text and enum values are NFC strings;
// percent values are numbers in [0, 1].
#include <cstdint>
#include <string>
#include <variant>

#include "parscore/core/date.hpp"
#include "parscore/core/decimal.hpp"

namespace parscore::core {

using Datum = std::variant<bool, std::int64_t, Decimal, Date, std::string>;

enum class DatumTag : char { Bool = 'b', Int = 'i', Number = 'n', Date = 'd', Text = 't' };

DatumTag datum_tag(const Datum& d);
/// Canonical text: true/false, decimal int, shortest plain number, YYYY-MM-DD, text verbatim.
std::string datum_text(const Datum& d);

}  // namespace parscore::core
