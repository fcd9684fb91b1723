#include "parscore/i18n/translate.hpp"

#include <algorithm>
#include <optional>
#include <vector>

#include "mo_catalog.hpp"
#include "parscore/i18n/format.hpp"

namespace parscore::i18n {

namespace {

// The catalog for `language`; none for English, whose texts are the message ids. Loaded on
// first use (a thread-safe static) and read-only afterwards.
const detail::MoCatalog* catalog(Language language) {
    if (language != Language::vi) return nullptr;
    static const std::optional<detail::MoCatalog> vi = detail::MoCatalog::parse(detail::embedded_catalog_vi());
    return vi ? &*vi : nullptr;
}

std::optional<std::string_view> lookup(Language language, std::string_view context, std::string_view msgid) {
    const detail::MoCatalog* c = catalog(language);
    if (!c) return std::nullopt;
    if (context.empty()) return c->find(msgid);
    std::string key;
    key.reserve(context.size() + 1 + msgid.size());
    key.append(context).append(1, '\x04').append(msgid);
    return c->find(key);
}

// A message's text: the catalog's (its first form, should the entry be a plural one), else
// the English.
std::string_view text_of(Language language, std::string_view context, std::string_view msgid) {
    auto found = lookup(language, context, msgid);
    return found ? found->substr(0, found->find('\0')) : msgid;
}

// Which plural form `n` takes: the languages' Plural-Forms, "n != 1" and "0".
std::size_t plural_index(Language language, std::uint64_t n) { return language == Language::en && n != 1 ? 1 : 0; }

// Form `index` of NUL-separated forms; the last one when there are fewer.
std::string_view form(std::string_view forms, std::size_t index) {
    for (std::size_t i = 0; i < index; ++i) {
        std::size_t nul = forms.find('\0');
        if (nul == std::string_view::npos) break;
        forms.remove_prefix(nul + 1);
    }
    return forms.substr(0, forms.find('\0'));
}

std::string fill(std::string_view text, Args args, const Arg* count) {
    return core::fill_placeholders(text, args.begin(), args.size(), count);
}

// The form of a plural message for `n`, in `language` if the catalog has it.
std::string_view plural_form(Language language, std::string_view context, std::string_view singular,
                             std::string_view plural_text, std::uint64_t n) {
    if (auto forms = lookup(language, context, singular)) return form(*forms, plural_index(language, n));
    return plural_index(Language::en, n) == 0 ? singular : plural_text;
}

std::string plural(Language language, std::string_view context, std::string_view singular, std::string_view plural_text,
                   std::uint64_t n, Args args) {
    Arg count{"n", localize_number(language, std::to_string(n))};
    return fill(plural_form(language, context, singular, plural_text, n), args, &count);
}

}  // namespace

std::string substitute(std::string_view text, Args args) { return fill(text, args, nullptr); }

std::string tr(Language language, std::string_view msgid, Args args) {
    return fill(text_of(language, {}, msgid), args, nullptr);
}

std::string trc(Language language, std::string_view context, std::string_view msgid, Args args) {
    return fill(text_of(language, context, msgid), args, nullptr);
}

std::string trn(Language language, std::string_view singular, std::string_view plural_text, std::uint64_t n,
                Args args) {
    return plural(language, {}, singular, plural_text, n, args);
}

std::string trnc(Language language, std::string_view context, std::string_view singular, std::string_view plural_text,
                 std::uint64_t n, Args args) {
    return plural(language, context, singular, plural_text, n, args);
}

std::string localize(Language language, const core::Text& text) {
    if (!text.translatable || language == Language::en) return text.english();
    std::vector<Arg> localized_parts;
    const Arg* args = text.args.data();
    if (std::any_of(text.args.begin(), text.args.end(), [](const Arg& a) { return a.part != nullptr; })) {
        localized_parts = text.args;
        for (Arg& a : localized_parts) {
            if (a.part) a.value = localize(language, *a.part);
        }
        args = localized_parts.data();
    }
    if (text.plural.empty()) return core::fill_placeholders(text_of(language, {}, text.id), args, text.args.size());
    const Arg count{"n", localize_number(language, std::to_string(text.count))};
    return core::fill_placeholders(plural_form(language, {}, text.id, text.plural, text.count), args, text.args.size(),
                                   &count);
}

core::Localize localizer(Language language) {
    return [language](const core::Text& text) { return localize(language, text); };
}

std::string tr(Language language, const Message& message, Args args) {
    if (!message.plural.empty()) {
        return fill(plural_form(language, message.context, message.msgid, message.plural, 2), args, nullptr);
    }
    return fill(text_of(language, message.context, message.msgid), args, nullptr);
}

std::string trn(Language language, const Message& message, std::uint64_t n, Args args) {
    std::string_view plural_text = message.plural.empty() ? message.msgid : message.plural;
    return plural(language, message.context, message.msgid, plural_text, n, args);
}

}  // namespace parscore::i18n
