#pragma once
// `parscore show`: one inspection with its findings and history, as text or JSON (docs/store.md).
#include <string>

#include "parscore/app/inspections.hpp"
#include "parscore/i18n/language.hpp"

namespace parscore::cli::store {

std::string show_json(const app::ShowResult& shown);
/// The text form, in `lang`; JSON is the same in every language.
std::string show_table(i18n::Language lang, const app::ShowResult& shown);

}  // namespace parscore::cli::store
