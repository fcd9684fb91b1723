#include "text_pieces.hpp"

#include "parscore/core/suggest.hpp"

namespace parscore::inspections {

core::TextArg hint(std::string_view name, const std::vector<std::string>& candidates) {
    auto best = core::closest_name(name, candidates);
    if (!best) return {"hint", ""};
    return core::part("hint", core::T_(" (did you mean {name}?)", {{"name", "'" + *best + "'"}}));
}

core::Text read_status_text(core::ReadStatus status) {
    switch (status) {
        case core::ReadStatus::NotFound: return core::T_("no such file");
        case core::ReadStatus::IsDirectory: return core::T_("is a directory");
        case core::ReadStatus::Unreadable: return core::T_("cannot be read (permission denied or I/O error)");
        default: break;
    }
    return core::verbatim(core::describe(status));
}

}  // namespace parscore::inspections
