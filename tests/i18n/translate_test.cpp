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
