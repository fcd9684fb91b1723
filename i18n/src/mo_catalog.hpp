#pragma once
// A reader of gettext's compiled catalogs (.mo), the files msgfmt writes from po/*.po.
//
// Why our own reader and not Boost.Locale's message catalogs: the format is a header and two
// tables of (length, offset) pairs — forty lines to read and check — while Boost.Locale would
// bring a library of its own, a std::locale to generate per language, and its own
// plural-expression interpreter for the one rule Vietnamese needs (there is one form). Reading
// the bytes embedded in the program also keeps the catalog independent of the files and
// locales installed on the machine.
//
// .mo facts this file relies on (GNU gettext manual, "The Format of GNU MO Files"): a magic
// number 0x950412de in the file's byte order; then the revision, the count N, the offsets of
// the original-string table and the translation table (each N pairs of 32-bit length and
// offset; lengths exclude the terminating NUL). An original with a context is
// "context\x04msgid"; a plural entry's original is "singular\0plural" and its translation the
// forms joined by NUL. The entry with the empty msgid is the catalog's header. msgfmt leaves
// out fuzzy and untranslated entries. The hash table is optional and not used here.
#include <optional>
#include <string_view>
#include <unordered_map>

namespace parscore::i18n::detail {

class MoCatalog {
public:
    /// nullopt when `bytes` is not a well-formed .mo file. The catalog points into `bytes`,
    /// which must outlive it.
    static std::optional<MoCatalog> parse(std::string_view bytes);

    /// The translation of `key` ("msgid", or "context\x04msgid"; for a plural entry its
    /// singular), plural forms separated by NUL; nullopt when the catalog lacks it.
    std::optional<std::string_view> find(std::string_view key) const;
    std::size_t size() const { return entries_.size(); }

private:
    std::unordered_map<std::string_view, std::string_view> entries_;
};

/// po/vi.po compiled by msgfmt and embedded at build time (i18n/CMakeLists.txt).
std::string_view embedded_catalog_vi();

}  // namespace parscore::i18n::detail
