// scripts/check-translations on small catalogs (fixtures/<case>/: a source and po/vi.po), each
// with one fault it must find; "good" must pass.
#include <gtest/gtest.h>

#include <string>

#include "support/command.hpp"

namespace {

using parscore::testing::CommandRun;
using CheckRun = CommandRun;  // stdout and stderr

CheckRun check(const std::string& fixture) {
    return parscore::testing::run_command(std::string(PARSCORE_SOURCE_DIR) + "/scripts/check-translations --root " +
                                          PARSCORE_TEST_DATA + "/i18n/fixtures/" + fixture + " 2>&1");
}

TEST(CheckTranslations, AGoodCatalogPasses) {
    CheckRun run = check("good");
    EXPECT_EQ(run.exit_code, 0) << run.output;
    // "JSON" translated as itself is fine: it is in the fixture's loanword list. A message with
    // "→" is extracted like any other.
    EXPECT_EQ(run.output, "check-translations: 5 messages, all translated\n");
}

TEST(CheckTranslations, FindsEachFault) {
    struct Case {
        const char* fixture;
        const char* message;
    };
    const Case cases[] = {
        {"untranslated", "po/vi.po:6: \"Ranking\" has no Vietnamese translation\n"},
        {"missing", "po/vi.po: \"Band\" has no Vietnamese translation (used at source.cpp:8;"},
        {"same_as_english",
         "po/vi.po:6: \"Ranking\" is translated as itself: translate it or add it to the loanword list\n"},
        {"placeholders",
         "po/vi.po:13: \"{n} unit\": the translation's placeholders {count} differ from the English {n}\n"},
        {"fuzzy", "po/vi.po:6: fuzzy entry \"Ranking\": review the translation and remove the fuzzy flag\n"},
        {"obsolete", "po/vi.po:20: obsolete entry \"Band\": delete it\n"},
        {"unused", "po/vi.po:20: \"Band\" is not used in the sources: run msgmerge and delete it\n"},
        {"plural_forms", "po/vi.po:1: the header must say Plural-Forms: nplurals=1; plural=0;"},
    };
    for (const Case& c : cases) {
        CheckRun run = check(c.fixture);
        EXPECT_EQ(run.exit_code, 1) << c.fixture << "\n" << run.output;
        EXPECT_NE(run.output.find(c.message), std::string::npos) << c.fixture << "\n" << run.output;
        EXPECT_NE(run.output.find("check-translations: 1 problem(s)\n"), std::string::npos) << c.fixture << "\n"
                                                                                            << run.output;
    }
}

}  // namespace
