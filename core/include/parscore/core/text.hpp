#pragma once
// A text for a person, kept translatable until it is shown (docs/i18n.md). Layers below the
// translations (core, dsl, rules, inspections) cannot translate, so they make their messages as
// Texts: the English template, which is the message id, and the values of its `{placeholders}`.
// Whoever shows a Text picks the language: `english()` here, any other through
// parscore::i18n::localize.
//
//     T_("unknown field {name}", {{"name", quote(field)}})
//     TN_("{n} error", "{n} errors", count)
//
// T_ and TN_ are markers scripts/check-translations hands to xgettext: their message arguments
// must be string literals. A text that is not a message (a library's own error text, data) is
// `verbatim(text)` and reads the same in every language.
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace parscore::core {

struct Text;

/// The value of one `{name}` placeholder, already written as it should read (numbers formatted,
/// names quoted), or a text of its own that is translated with the message (see `part`).
struct TextArg {
    std::string name;
    std::string value;                           // in English when `part` is set
    std::shared_ptr<const Text> part = nullptr;  // a piece of the sentence in the reader's language
};

struct Text {
    std::string id;           // the English template (a plural text: its singular); empty: no text
    std::string plural;       // the English plural template, for TN_ only
    std::uint64_t count = 0;  // a plural text: picks the form and fills `{n}` unless args name it
    std::vector<TextArg> args;
    bool translatable = true;  // false: `id` is shown as is in every language

    bool empty() const { return id.empty(); }
    /// The English text, placeholders filled.
    std::string english() const;
};

/// A message: `id` is an English string literal with `{name}` placeholders.
Text T_(std::string_view id, std::initializer_list<TextArg> args = {});
/// A message with a count: the singular and plural English literals, `{n}` is the count.
Text TN_(std::string_view singular, std::string_view plural, std::uint64_t n, std::initializer_list<TextArg> args = {});
/// A text shown as is in every language.
Text verbatim(std::string text);
/// A placeholder filled with a translatable piece: T_("{what} must be a date", {part("what",
/// T_("the first argument of year"))}) reads whole in either language.
TextArg part(std::string name, Text text);

/// Replaces each `{name}` in `text` whose name is among `args` (or is `count`'s) by its value, in
/// one pass: a value is never searched for placeholders itself, and a placeholder nobody filled
/// stays visible as `{name}`.
std::string fill_placeholders(std::string_view text, const TextArg* args, std::size_t arg_count,
                              const TextArg* count = nullptr);

}  // namespace parscore::core
