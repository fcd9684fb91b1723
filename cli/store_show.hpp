#pragma once
// `parscore show`: one inspection with its findings and history, as text or JSON (docs/store.md).
#include <string>

#include "parscore/app/inspections.hpp"

namespace parscore::cli::store {

std::string show_json(const app::ShowResult& shown);
std::string show_table(const app::ShowResult& shown);

}  // namespace parscore::cli::store
