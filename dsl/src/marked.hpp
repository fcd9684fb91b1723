#pragma once
// A message written in a table rather than at the place it is reported (the grammar's messages,
// the built-ins' usages). N_ returns its argument unchanged; its name is what makes
// scripts/check-translations extract the text, which is translated where it is shown, through
// core::T_ (docs/i18n.md).
namespace parscore::dsl {

constexpr const char* N_(const char* message) { return message; }

}  // namespace parscore::dsl
