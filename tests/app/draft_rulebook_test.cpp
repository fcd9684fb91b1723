// Rulebooks sent as text (drafts): paths normalised or refused, files loaded from memory only.
#include <gtest/gtest.h>

#include "parscore/app/draft_rulebook.hpp"
#include "scratch.hpp"

namespace parscore::testing {
namespace {

const std::string kParent = read_text(kDemoRules);

TEST(DraftRulebook, PathsAreNormalisedAndKeptInOrder) {
    const app::DraftRulebook draft = app::normalised_draft({{"hb//./child.yaml", "x"}, {"./national/par.yaml", "y"}});
    ASSERT_EQ(draft.size(), 2u);
    EXPECT_EQ(draft[0].path, "hb/child.yaml");
    EXPECT_EQ(draft[1].path, "national/par.yaml");
    EXPECT_EQ(draft[1].text, "y");
}

TEST(DraftRulebook, PathsThatCouldLeaveTheDraftAreBadRequests) {
    for (const std::string path : {"", "/abs.yaml", "../x.yaml", "a/../../x.yaml", "a\\x.yaml", "a/", "./", "a/.."}) {
        EXPECT_EQ(kind_of([&] { app::normalised_draft({{path, "x"}}); }), app::ErrorKind::BadRequest) << path;
    }
    EXPECT_EQ(kind_of([&] { app::normalised_draft({}); }), app::ErrorKind::BadRequest);
    EXPECT_EQ(kind_of([&] {
                  app::normalised_draft({{"a.yaml", "x"}, {"./a.yaml", "y"}});
              }),
              app::ErrorKind::BadRequest);
    EXPECT_EQ(kind_of([&] { app::normalised_draft({{"a.yaml", "\xc3"}}); }), app::ErrorKind::BadRequest);
    EXPECT_EQ(kind_of([&] {
                  app::normalised_draft({{std::string(app::kMaxDraftPathBytes + 1, 'a'), "x"}});
              }),
              app::ErrorKind::BadRequest);
}

TEST(DraftRulebook, ExtendsResolvesInsideTheDraftOnly) {
    const std::string child = "parscore: 1\nextends: ../national/par.yaml\nid: child\nversion: \"2\"\n";
    const app::LoadedRulebook loaded = app::load_draft_rulebook(
        {{"hb/child.yaml", child}, {"national/par.yaml", kParent}});
    ASSERT_EQ(loaded.rulebook.files.size(), 2u);
    EXPECT_EQ(loaded.rulebook.files[0].path, "national/par.yaml");
    EXPECT_EQ(loaded.rulebook.files[1].path, "hb/child.yaml");
    // The demo's rulebook exists on disk under this absolute path: a draft still cannot read it.
    const std::string outside = "parscore: 1\nextends: " + kDemoRules + "\nid: child\nversion: \"2\"\n";
    EXPECT_EQ(kind_of([&] { app::load_draft_rulebook({{"child.yaml", outside}}); }), app::ErrorKind::Invalid);
}

}  // namespace
}  // namespace parscore::testing
