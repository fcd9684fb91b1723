// Adopted rulebooks, drafts checked and compared through the API (docs/api.md, "Rulebooks"): each
// role's rights, rulebooks sent as a map of paths to texts (never trusted: hostile paths are
// refused and nothing is read from disk), 422 with positioned diagnostics, and answers that are
// byte for byte what `check`, `diff` and `rulebooks` print.
#include "../publication/cli_support.hpp"
#include "app_fixture.hpp"
#include "parscore/app/adoption.hpp"
#include "role_api_fixture.hpp"

namespace parscore::server::testing {
namespace {

using app::testing::AppTest;
namespace fs = std::filesystem;

/// The program run with `args` in `cwd`.
::parscore::testing::CliRun cli_run(const std::vector<std::string>& args, const fs::path& cwd) {
    return ::parscore::testing::parscore(args, cwd);
}

const std::string kBase = ::parscore::testing::read_file(app::testing::kRulebook);
const std::string kChild = "parscore: 1\nextends: ../national/base.yaml\nid: child\nversion: \"2\"\n";
// E103 at 3:34 of the criterion's points (a field the kind does not have).
const std::string kTypo = [] {
    std::string t = kBase;
    t.replace(t.find("share(procedure, posted)"), 24, "share(procedure, postd)");
    return t;
}();

std::string map_of(const std::vector<std::pair<std::string, std::string>>& files) {
    nlohmann::ordered_json m = nlohmann::ordered_json::object();
    for (const auto& [path, text] : files) m[path] = text;
    return m.dump();
}

class RulebooksApi : public AppTest {
protected:
    void SetUp() override {
        import_test_units();
        client_.emplace(database_, "so-tu-phap");
    }

    HttpResponse send(const std::string& role, const std::string& method, const std::string& path,
                      const std::string& body = "") const {
        return client_->send(role, method, path, body);
    }

    /// Writes the files under `folder` of the scratch directory, as a user would have them on disk.
    fs::path on_disk(const std::string& folder, const std::vector<std::pair<std::string, std::string>>& files) const {
        const fs::path root = path(folder);
        for (const auto& [name, text] : files) {
            fs::create_directories((root / name).parent_path());
            app::testing::write_file(root / name, text);
        }
        return root;
    }

    void adopt_base(int year) const {
        auto r = request<app::AdoptRequest>();
        r.rules = app::testing::kRulebook;
        r.year = year;
        app::adopt(r);
    }

    std::optional<RoleClient> client_;
};

TEST_F(RulebooksApi, EveryRoleListsAdoptionsAsTheCommandPrintsThem) {
    adopt_base(2013);
    const auto cli = cli_run({"rulebooks", "--format", "json", "--db", db().string()}, dir_.path());
    ASSERT_EQ(cli.code, 0) << cli.err;
    for (const std::string& role : kRoles) {
        const HttpResponse r = send(role, "GET", "/api/v1/rulebooks");
        EXPECT_EQ(r.status, 200) << role;
        EXPECT_EQ(r.body, cli.out) << role;
    }
    EXPECT_EQ(json_of(send("admin", "GET", "/api/v1/rulebooks"))[0]["year"], 2013);
    EXPECT_EQ(send("", "GET", "/api/v1/rulebooks").status, 401);
}

TEST_F(RulebooksApi, AdminAndOfficeAdoptOthersAreRefusedAndChangeNothing) {
    const std::string body = map_of({{"rb.yaml", kBase}});
    for (const std::string role : {"author", "inspector", "agency", ""}) {
        const std::string before = client_->state();
        const HttpResponse r = send(role, "PUT", "/api/v1/years/2013/rulebook", body);
        EXPECT_EQ(r.status, role[0] ? 403 : 401) << role << r.body;
        EXPECT_EQ(client_->state(), before) << role;
    }
    const HttpResponse first = send("admin", "PUT", "/api/v1/years/2013/rulebook", body);
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(json_of(first)["rulebook"]["id"], "store-tests");
    EXPECT_EQ(json_of(first)["identical"], false);
    const HttpResponse again = send("office", "PUT", "/api/v1/years/2013/rulebook", body);
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(json_of(again)["identical"], true);
    EXPECT_EQ(send("office", "PUT", "/api/v1/years/2014/rulebook", body).status, 201);
    EXPECT_EQ(client_->text("SELECT group_concat(year) FROM (SELECT year FROM adoptions ORDER BY no) AS a"),
              "2013,2014");
    EXPECT_EQ(client_->text(
                  "SELECT group_concat(path) FROM (SELECT path FROM adoption_files ORDER BY adoption, position) AS f"),
              "rb.yaml,rb.yaml");
    EXPECT_EQ(client_->text("SELECT account || ' ' || action || ' ' || address FROM audit WHERE action = 'adopt' "
                            "ORDER BY no LIMIT 1"),
              "admin adopt 10.0.0.9");
}

TEST_F(RulebooksApi, AnExtendsChainIsAdoptedUnderTheMapsPathsRootFirst) {
    const HttpResponse r = send("admin", "PUT", "/api/v1/years/2013/rulebook",
                                map_of({{"hb/child.yaml", kChild}, {"national/./base.yaml", kBase}}));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(json_of(r)["rulebook"]["id"], "child");
    EXPECT_EQ(client_->text(
                  "SELECT group_concat(path, ' ') FROM (SELECT path FROM adoption_files ORDER BY position) AS f"),
              "national/base.yaml hb/child.yaml");
}

TEST_F(RulebooksApi, ARulebookWithErrorsIsRefusedWith422AndItsPositions) {
    const std::string before = client_->state();
    const HttpResponse r = send("admin", "PUT", "/api/v1/years/2013/rulebook", map_of({{"rules/rb.yaml", kTypo}}));
    ASSERT_EQ(r.status, 422) << r.body;
    const nlohmann::json error = json_of(r)["error"];
    EXPECT_EQ(error["code"], "invalid_rulebook");
    ASSERT_EQ(error["errors"].size(), 1u);
    EXPECT_EQ(error["errors"][0]["file"], "rules/rb.yaml");
    EXPECT_EQ(error["errors"][0]["code"], "E103");
    EXPECT_GT(error["errors"][0]["line"].get<int>(), 1);
    EXPECT_GT(error["errors"][0]["column"].get<int>(), 1);
    EXPECT_EQ(client_->state(), before);
}

TEST_F(RulebooksApi, HostilePathsAreRefusedBeforeAnythingIsLoaded) {
    const std::vector<std::string> hostile = {"/etc/passwd",
                                              "../rb.yaml",
                                              "a/../../rb.yaml",
                                              "a/..",
                                              "a\\rb.yaml",
                                              "",
                                              "rules/",
                                              ".",
                                              "a/./../rb.yaml",
                                              std::string(300, 'a'),
                                              std::string("a\x01.yaml"),
                                              std::string("a\x7f.yaml")};
    for (const std::string& p : hostile) {
        for (const std::string route : {"PUT /api/v1/years/2013/rulebook", "POST /api/v1/check"}) {
            const std::string before = client_->state();
            const std::string method = route.substr(0, route.find(' '));
            const HttpResponse r = send("admin", method, route.substr(route.find(' ') + 1), map_of({{p, kBase}}));
            EXPECT_EQ(r.status, 400) << route << " " << p << " " << r.body;
            EXPECT_EQ(client_->state(), before) << p;
        }
    }
    const HttpResponse twice = send("admin", "POST", "/api/v1/check", map_of({{"a.yaml", kBase}, {"./a.yaml", kBase}}));
    EXPECT_EQ(twice.status, 400);
    EXPECT_NE(json_of(twice)["error"]["message"].get<std::string>().find("'a.yaml'"), std::string::npos);
    const HttpResponse repeated = send("admin", "POST", "/api/v1/check",
                                       "{\"a.yaml\": \"x: 1\", \"a.yaml\": \"y: 2\"}");
    EXPECT_EQ(repeated.status, 400);
    std::vector<std::pair<std::string, std::string>> many;
    for (int i = 0; i < 33; ++i) many.push_back({"f" + std::to_string(i) + ".yaml", kBase});
    EXPECT_EQ(send("admin", "POST", "/api/v1/check", map_of(many)).status, 400);
    EXPECT_EQ(send("admin", "POST", "/api/v1/check", "{}").status, 400);
    EXPECT_EQ(send("admin", "POST", "/api/v1/check", "{\"a.yaml\": 3}").status, 400);
    EXPECT_EQ(send("admin", "POST", "/api/v1/check", "{\"a.yaml\": \"\xff\xfe\"}").status, 400);
    EXPECT_EQ(send("admin", "POST", "/api/v1/check", "[\"a.yaml\"]").status, 400);
}

TEST_F(RulebooksApi, AnExtendsThatLeavesTheMapFindsNothingOnDisk) {
    // The target exists on disk: a draft still cannot reach it.
    for (const std::string& target : {app::testing::kRulebook, std::string("../../../../../../etc/passwd")}) {
        const std::string child = "parscore: 1\nextends: " + target + "\nid: child\nversion: \"2\"\n";
        const std::string before = client_->state();
        const HttpResponse adopt = send("admin", "PUT", "/api/v1/years/2013/rulebook",
                                        map_of({{"hb/child.yaml", child}}));
        ASSERT_EQ(adopt.status, 422) << adopt.body;
        const nlohmann::json e = json_of(adopt)["error"]["errors"][0];
        EXPECT_EQ(e["file"], "hb/child.yaml");
        EXPECT_EQ(e["line"], 2);
        EXPECT_EQ(client_->state(), before);
        const HttpResponse check = send("author", "POST", "/api/v1/check", map_of({{"hb/child.yaml", child}}));
        ASSERT_EQ(check.status, 200) << check.body;
        EXPECT_EQ(json_of(check)[0]["file"], "hb/child.yaml");
        EXPECT_EQ(json_of(check)[0]["severity"], "error");
    }
}

TEST_F(RulebooksApi, AFileTheRulebookDoesNotUseIsRefused) {
    // Sent parent first, the first file alone is a whole rulebook and the child would be ignored.
    const HttpResponse r = send("admin", "PUT", "/api/v1/years/2013/rulebook",
                                map_of({{"national/base.yaml", kBase}, {"hb/child.yaml", kChild}}));
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_NE(json_of(r)["error"]["message"].get<std::string>().find("hb/child.yaml"), std::string::npos);
    EXPECT_EQ(client_->text("SELECT count(*) FROM adoptions"), "0");
}

TEST_F(RulebooksApi, CheckAnswersWhatTheCommandPrintsForAuthorsOfficeAndAdmin) {
    const std::vector<std::pair<std::string, std::string>> files = {{"hb/child.yaml", kChild},
                                                                    {"national/base.yaml", kTypo}};
    const auto cli = cli_run({"check", "--format", "json", "hb/child.yaml"}, on_disk("draft", files));
    ASSERT_EQ(cli.code, 1) << cli.err;
    for (const std::string role : {"admin", "office", "author"}) {
        const HttpResponse r = send(role, "POST", "/api/v1/check", map_of(files));
        EXPECT_EQ(r.status, 200) << role;
        EXPECT_EQ(r.body, cli.out) << role;
        EXPECT_EQ(r.body.find(dir_.path().string()), std::string::npos);
    }
    const auto clean = cli_run({"check", "--format", "json", "rb.yaml"}, on_disk("clean", {{"rb.yaml", kBase}}));
    EXPECT_EQ(send("author", "POST", "/api/v1/check", map_of({{"rb.yaml", kBase}})).body, clean.out);
    const std::string before = client_->state();
    for (const std::string role : {"inspector", "agency"})
        EXPECT_EQ(send(role, "POST", "/api/v1/check", map_of(files)).status, 403) << role;
    EXPECT_EQ(send("", "POST", "/api/v1/check", map_of(files)).status, 401);
    EXPECT_EQ(client_->state(), before);
}

TEST_F(RulebooksApi, DiffComparesADraftWithTheYearsAdoptedRulebook) {
    std::string draft = kBase;
    draft.replace(draft.find("max: 10"), 7, "max: 20");
    const std::string body = map_of({{"draft.yaml", draft}});
    EXPECT_EQ(send("author", "POST", "/api/v1/years/2013/diff", body).status, 409);
    adopt_base(2013);
    const fs::path folder = on_disk("what-if", {{"draft.yaml", draft}});
    const auto cli =
        cli_run({"diff", "--with", "draft.yaml", "--year", "2013", "--format", "json", "--db", db().string()}, folder);
    ASSERT_EQ(cli.code, 0) << cli.err;
    const std::string before = client_->state();
    for (const std::string role : {"admin", "office", "author"}) {
        const HttpResponse r = send(role, "POST", "/api/v1/years/2013/diff", body);
        EXPECT_EQ(r.status, 200) << role << r.body;
        EXPECT_EQ(r.body, cli.out) << role;
    }
    for (const std::string role : {"inspector", "agency"})
        EXPECT_EQ(send(role, "POST", "/api/v1/years/2013/diff", body).status, 403) << role;
    EXPECT_EQ(send("", "POST", "/api/v1/years/2013/diff", body).status, 401);
    const HttpResponse invalid = send("author", "POST", "/api/v1/years/2013/diff", map_of({{"d.yaml", kTypo}}));
    EXPECT_EQ(invalid.status, 422);
    EXPECT_EQ(json_of(invalid)["error"]["errors"][0]["file"], "d.yaml");
    EXPECT_EQ(send("author", "POST", "/api/v1/years/20x3/diff", body).status, 400);
    EXPECT_EQ(client_->state(), before);
}

}  // namespace
}  // namespace parscore::server::testing
