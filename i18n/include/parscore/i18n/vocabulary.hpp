#pragma once
// The words reports share — column heads, row labels, counts — marked once here so each has
// its Vietnamese form in po/vi.po before the renderers use it (docs/i18n.md). A renderer may
// write tr(lang, "Rank") itself: the same message id is one catalog entry.
#include <span>

#include "parscore/i18n/translate.hpp"

namespace parscore::i18n {

std::span<const Message> vocabulary();

}  // namespace parscore::i18n
