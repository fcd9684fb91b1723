#include "shared.hpp"

namespace parscore::cli {

inspections::Store open_store(const Context& ctx, inspections::OpenMode mode) {
    try {
        return inspections::Store::open(ctx.db_path(), mode);
    } catch (const inspections::StoreError& e) {
        throw CliError(e.exit_code(), e.what());
    }
}

}  // namespace parscore::cli
