#pragma once
// Opening the database of a request. The store's own failures become app::Error: a refused
// change (unknown id, locked inspection, …) is Invalid; a missing, foreign, newer, busy or
// unreadable database is Io.
#include <functional>

#include "parscore/app/error.hpp"
#include "parscore/app/request.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

inspections::Store open_store(const StoreRequest& request, inspections::OpenMode mode);

/// Runs `body`, turning an inspections::StoreError it throws into app::Error.
void translating_store_errors(const std::function<void()>& body);

/// The app::Error for a store failure.
Error to_error(const inspections::StoreError& e);

}  // namespace parscore::app
