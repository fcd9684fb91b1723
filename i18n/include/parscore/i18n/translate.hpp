#pragma once
// Translating the text a person reads (docs/i18n.md). The English text is the message id, the
// gettext convention: English needs no catalog, and a message missing from the Vietnamese one
// reads in English rather than not at all.
//
//     tr(lang, "Ranking")                                  → "Xếp hạng"
//     tr(lang, "Rank {rank} of {total}", {{"rank", "3"}, {"total", "19"}})
//     trn(lang, "{n} unit", "{n} units", count)            → "{n}" is filled with the count
//     trc(lang, "sum row", "Total")                        → one English word, two meanings
//
// The names tr, trn, trc, trnc, N_, NC_ and NN_ are the markers scripts/check-translations
// hands to xgettext: their message arguments must be string literals, so the catalog can be
// extracted from the sources. A text chosen at run time is marked where it is written, with
// N_/NC_/NN_, and translated where it is shown: tr(lang, message).
//
// Every call is safe from any thread: the catalogs are read-only once loaded.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "parscore/core/render.hpp"
#include "parscore/core/text.hpp"
#include "parscore/i18n/language.hpp"

namespace parscore::i18n {

/// A named value for a `{name}` placeholder; format numbers and dates for the language first
/// (parscore/i18n/format.hpp).
using Arg = core::TextArg;
using Args = std::initializer_list<Arg>;

/// `msgid` in `language`, placeholders filled after translation.
std::string tr(Language language, std::string_view msgid, Args args = {});
/// The same, for a message whose English text alone is ambiguous (gettext's pgettext).
std::string trc(Language language, std::string_view context, std::string_view msgid, Args args = {});
/// The form for `n` (English: singular for 1, plural otherwise; Vietnamese has one form).
/// `{n}` is filled with n written for the language unless `args` names it.
std::string trn(Language language, std::string_view singular, std::string_view plural, std::uint64_t n, Args args = {});
std::string trnc(Language language, std::string_view context, std::string_view singular, std::string_view plural,
                 std::uint64_t n, Args args = {});

/// A message marked where it is written and translated where it is shown: a table's column
/// heads, a list of labels. Make one with N_, NC_ or NN_ (the markers xgettext knows).
struct Message {
    std::string_view context;  // empty: none
    std::string_view msgid;    // the English text (a plural message: its singular)
    std::string_view plural;   // empty unless made by NN_
};
constexpr Message N_(std::string_view msgid) { return {{}, msgid, {}}; }
constexpr Message NC_(std::string_view context, std::string_view msgid) { return {context, msgid, {}}; }
constexpr Message NN_(std::string_view singular, std::string_view plural) { return {{}, singular, plural}; }

/// A marked message in `language`; a plural one in its form for many, `{n}` left to `args`
/// (the overload with n picks the form and fills `{n}`).
std::string tr(Language language, const Message& message, Args args = {});
std::string trn(Language language, const Message& message, std::uint64_t n, Args args = {});

/// A text made below this layer (core::T_/TN_: diagnostics, store errors) in `language`.
std::string localize(Language language, const core::Text& text);
/// The same as a function, for core::render and the other writers that take a core::Localize.
core::Localize localizer(Language language);

/// Replaces each `{name}` in `text` whose name is in `args` by its value, in one pass (a value
/// is never searched for placeholders itself). Other braces stay as written, so a placeholder
/// nobody filled shows up in the output instead of vanishing.
std::string substitute(std::string_view text, Args args);

}  // namespace parscore::i18n
