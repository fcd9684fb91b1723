#include "parscore/i18n/translate.hpp"

#include <gtest/gtest.h>

#include <set>
#include <thread>

#include "parscore/i18n/vocabulary.hpp"

namespace parscore::i18n {
namespace {

constexpr Language en = Language::en;
constexpr Language vi = Language::vi;

TEST(Translate, EnglishIsTheMessageId) {
    EXPECT_EQ(tr(en, "Ranking"), "Ranking");
    EXPECT_EQ(tr(vi, "Ranking"), "Xếp hạng");
    EXPECT_EQ(tr(vi, "Total score"), "Tổng điểm");
}

TEST(Translate, AMessageMissingFromTheCatalogReadsInEnglish) {
    EXPECT_EQ(tr(vi, "A message nobody translated"), "A message nobody translated");
    EXPECT_EQ(trc(vi, "no such context", "Ranking"), "Ranking");
    EXPECT_EQ(trn(vi, "{n} apple", "{n} apples", 3), "3 apples");
    EXPECT_EQ(trn(vi, "{n} apple", "{n} apples", 1), "1 apple");
}

TEST(Translate, TheLanguageIsPerCall) {
    // Interleaved in one thread: no call leaves a language behind for the next.
    EXPECT_EQ(tr(vi, "Band"), "Xếp loại");
    EXPECT_EQ(tr(en, "Band"), "Band");
    EXPECT_EQ(tr(vi, "Band"), "Xếp loại");
    EXPECT_EQ(trn(en, "{n} unit", "{n} units", 2), "2 units");
    EXPECT_EQ(trn(vi, "{n} unit", "{n} units", 2), "2 đơn vị");
}

TEST(Translate, TwoThreadsInTwoLanguages) {
    bool vi_ok = true, en_ok = true;
    auto run = [](Language lang, const char* want, bool& ok) {
        for (int i = 0; i < 20000; ++i) ok = ok && tr(lang, "Criterion") == want;
    };
    std::thread a(run, vi, "Tiêu chí", std::ref(vi_ok));
    std::thread b(run, en, "Criterion", std::ref(en_ok));
    a.join();
    b.join();
    EXPECT_TRUE(vi_ok);
    EXPECT_TRUE(en_ok);
}

TEST(Translate, PluralsInBothLanguages) {
    struct Case {
        Language lang;
        std::uint64_t n;
        const char* want;
    };
    const Case cases[] = {
        {en, 0, "0 criteria"},          {en, 1, "1 criterion"},         {en, 2, "2 criteria"},
        {vi, 0, "0 tiêu chí"},          {vi, 1, "1 tiêu chí"},          {vi, 2, "2 tiêu chí"},
        {en, 12345, "12,345 criteria"}, {vi, 12345, "12.345 tiêu chí"},  // {n} as the language writes it
    };
    for (const Case& c : cases) EXPECT_EQ(trn(c.lang, "{n} criterion", "{n} criteria", c.n), c.want) << c.n;
}

TEST(Translate, ContextChoosesBetweenMeanings) {
    EXPECT_EQ(tr(vi, "Total"), "Tổng điểm");
    EXPECT_EQ(trc(vi, "sum row", "Total"), "Tổng cộng");
    EXPECT_EQ(trc(en, "sum row", "Total"), "Total");
}

TEST(Translate, PlaceholdersAreFilledAfterTranslation) {
    EXPECT_EQ(tr(vi, "Rank {rank} of {total}", {{"rank", "3"}, {"total", "19"}}), "Hạng 3/19");
    EXPECT_EQ(tr(en, "Rank {rank} of {total}", {{"total", "19"}, {"rank", "3"}}), "Rank 3 of 19");
    // An explicit {n} wins over the count.
    EXPECT_EQ(trn(en, "{n} unit", "{n} units", 2, {{"n", "two"}}), "two units");
}

TEST(Substitute, OnePassAndUnknownBracesStay) {
    EXPECT_EQ(substitute("{unit}: {n}", {{"unit", "{n}"}, {"n", "5"}}), "{n}: 5");
    EXPECT_EQ(substitute("{missing} {n}", {{"n", "1"}}), "{missing} 1");
    EXPECT_EQ(substitute("{ {n}} {", {{"n", "1"}}), "{ 1} {");
    EXPECT_EQ(substitute("{}", {{"", "empty"}}), "empty");
    EXPECT_EQ(substitute("no braces", {}), "no braces");
}

TEST(Translate, MarkedMessagesCarryTheirContextAndPlural) {
    constexpr Message total = NC_("sum row", "Total");
    constexpr Message units = NN_("{n} unit", "{n} units");
    EXPECT_EQ(tr(vi, total), "Tổng cộng");
    EXPECT_EQ(tr(vi, N_("Rank")), "Hạng");
    EXPECT_EQ(trn(en, units, 1), "1 unit");
    EXPECT_EQ(trn(vi, units, 7), "7 đơn vị");
    EXPECT_EQ(tr(en, units), "{n} units");
    EXPECT_EQ(tr(vi, units, {{"n", "…"}}), "… đơn vị");
    EXPECT_EQ(trn(en, N_("Points"), 2), "Points");  // not a plural message: its one text
}

// Texts made below the translations (core::T_/TN_) read in either language when shown.
TEST(Translate, TextsMadeBelowTheTranslationsAreLocalizedWhenShown) {
    const core::Text limit = core::T_("more than {limit} errors: the rest are not shown", {{"limit", "1000"}});
    EXPECT_EQ(limit.english(), "more than 1000 errors: the rest are not shown");
    EXPECT_EQ(localize(en, limit), limit.english());
    EXPECT_EQ(localize(vi, limit), "có hơn 1000 lỗi: các lỗi còn lại không được hiển thị");
    const core::Text units = core::TN_("{n} unit", "{n} units", 12345);
    EXPECT_EQ(units.english(), "12345 units");
    EXPECT_EQ(localize(vi, units), "12.345 đơn vị");
    EXPECT_EQ(core::TN_("{n} unit", "{n} units", 1).english(), "1 unit");
    EXPECT_EQ(localize(vi, core::verbatim("disk I/O error")), "disk I/O error");
    const core::Text nested = core::T_("incomplete: {unit}: {reason}",
                                       {{"unit", "Sở X"}, core::part("reason", core::T_("no units"))});
    EXPECT_EQ(nested.english(), "incomplete: Sở X: no units");
    EXPECT_EQ(localize(vi, nested), "chưa đủ dữ liệu: Sở X: không có đơn vị nào");
    EXPECT_EQ(localize(vi, core::T_("a message nobody translated: {x}", {{"x", "{y}"}})),
              "a message nobody translated: {y}");
}

// Only the message after the prefix is translated; the prefix and code are the same.
TEST(Translate, DiagnosticsKeepTheirPrefixInEveryLanguage) {
    core::SourceSet sources;
    const core::FileId file = sources.add("book.yaml", "a: 1\n");
    core::Diagnostics diags;
    diags
        .error("E009", core::Span{file, 0, 1},
               core::T_("more than {limit} errors: the rest are not shown", {{"limit", "7"}}))
        .add_note(std::nullopt, core::T_("too many errors; the rest of the file was not checked"));
    diags.warning("W999", core::Span{file, 3, 4}, std::string("plain text"));
    const std::string shown = core::render_all(diags, sources, localizer(vi));
    EXPECT_NE(shown.find("book.yaml:1:1: error[E009]: có hơn 7 lỗi"), std::string::npos) << shown;
    EXPECT_NE(shown.find("note: quá nhiều lỗi; phần còn lại của tệp chưa được kiểm tra"), std::string::npos) << shown;
    EXPECT_NE(shown.find("book.yaml:1:4: warning[W999]: plain text"), std::string::npos) << shown;
    EXPECT_EQ(core::render_all(diags, sources), core::render_all(diags, sources, localizer(en)));
}

TEST(Vocabulary, EveryTermHasItsOwnVietnameseText) {
    std::set<std::string> seen;
    for (const Message& m : vocabulary()) {
        std::string vi_text = m.plural.empty() ? tr(vi, m) : trn(vi, m, 2);
        std::string en_text = m.plural.empty() ? tr(en, m) : trn(en, m, 2);
        EXPECT_NE(vi_text, en_text) << m.msgid;
        EXPECT_TRUE(seen.insert(std::string(m.context) + '\x04' + std::string(m.msgid)).second) << m.msgid;
    }
    EXPECT_GE(seen.size(), 30u);
}

}  // namespace
}  // namespace parscore::i18n
