#pragma once
// `parscore show`: one inspection with its findings and history, as text (its JSON is
// engine::inspection_json, docs/store.md).
#include <string>

#include "parscore/app/inspections.hpp"
#include "parscore/i18n/language.hpp"

namespace parscore::cli::store {

/// The text form, in `lang`; JSON is the same in every language.
std::string show_table(i18n::Language lang, const app::ShowResult& shown);

}  // namespace parscore::cli::store
