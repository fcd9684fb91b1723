#include "parscore/core/datum.hpp"

#include <string>

namespace parscore::core {

DatumTag datum_tag(const Datum& d) {
    switch (d.index()) {
        case 0: return DatumTag::Bool;
        case 1: return DatumTag::Int;
        case 2: return DatumTag::Number;
        case 3: return DatumTag::Date;
        default: return DatumTag::Text;
    }
}

std::string datum_text(const Datum& d) {
    switch (d.index()) {
        case 0: return std::get<bool>(d) ? "true" : "false";
        case 1: return std::to_string(std::get<std::int64_t>(d));
        case 2: return std::get<Decimal>(d).to_string();
        case 3: return format_date(std::get<Date>(d));
        default: return std::get<std::string>(d);
    }
}

}  // namespace parscore::core
