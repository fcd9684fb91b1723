#include "parscore/app/store.hpp"

namespace parscore::app {

Error to_error(const inspections::StoreError& e) {
    return Error(e.kind() == inspections::StoreError::Kind::Refused ? ErrorKind::Invalid : ErrorKind::Io, e.text());
}

inspections::Store open_store(const StoreRequest& request, inspections::OpenMode mode) {
    try {
        if (request.stores && request.stores->path() == request.database) return request.stores->open(mode);
        return inspections::Store::open(request.database, mode);
    } catch (const inspections::StoreError& e) {
        throw to_error(e);
    }
}

void translating_store_errors(const std::function<void()>& body) {
    try {
        body();
    } catch (const inspections::StoreError& e) {
        throw to_error(e);
    }
}

}  // namespace parscore::app
