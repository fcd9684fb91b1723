#include "store_inputs.hpp"

#include "parscore/core/utf8.hpp"

namespace parscore::app {

inspections::InputFile read_input(const std::string& path, std::size_t limit, Problems& problems) {
    inspections::InputFile in = inspections::read_input_file(path, limit, problems.sources, problems.diagnostics);
    if (in.io_failure) throw Error(ErrorKind::Io, in.io_message);
    return in;
}

std::vector<std::string> unit_ids(const inspections::Store& store) {
    std::vector<std::string> ids;
    for (auto& u : store.units()) ids.push_back(std::move(u.id));
    return ids;  // units() is ordered by id
}

inspections::UnitInfo require_unit(const inspections::Store& store, const std::string& id) {
    auto unit = store.find_unit(id);
    if (!unit) throw Error(ErrorKind::NotFound, core::T_("unknown unit '{id}'", {{"id", core::sanitize_utf8(id)}}));
    return std::move(*unit);
}

void check_id_lengths(const std::vector<std::string>& ids) {
    for (const std::string& id : ids) {
        if (id.size() < inspections::kMinIdPrefix) {
            throw Error(ErrorKind::BadRequest,
                        core::T_("inspection id '{id}' is too short: give the whole id or its first {n} characters or "
                                 "more",
                                 {{"id", core::sanitize_utf8(id)}, {"n", std::to_string(inspections::kMinIdPrefix)}}));
        }
    }
}

}  // namespace parscore::app
