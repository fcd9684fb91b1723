#include "text_pieces.hpp"

#include "parscore/core/suggest.hpp"

namespace parscore::inspections {

core::TextArg hint(std::string_view name, const std::vector<std::string>& candidates) {
    return core::suggestion(name, candidates, "hint");
}

}  // namespace parscore::inspections
