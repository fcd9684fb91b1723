// Publications and the audit log through the API (docs/api.md, "Publications" and "Audit"), on
// the demo province: each role's rights, publishing with the year's adopted rulebook, refusals
// that store nothing, and answers that are byte for byte what the program prints.
#include <gtest/gtest.h>

#include "../publication/cli_support.hpp"
#include "parscore/app/demo.hpp"
#include "parscore/inspections/store.hpp"
#include "role_api_fixture.hpp"

namespace parscore::server::testing {
namespace {

namespace fs = std::filesystem;
using ::parscore::testing::CliRun;

/// The demo province (2012 published, 2013 recorded, both adopted), built once on SQLite and copied
/// per test (into a schema of its own on PostgreSQL, row for row).
const fs::path& demo_template() {
    static ::parscore::testing::ScratchDir dir("parscore-api-demo");
    static const fs::path db = [] {
        app::DemoRequest r;
        r.actor = app::Actor{app::Actor::Kind::SystemUser, "tester", "local"};
        r.database = dir / "demo.db";
        app::demo(r);
        return r.database;
    }();
    return db;
}

class PublicationsApi : public ::testing::Test {
protected:
    void SetUp() override {
        if (database_.postgres()) {
            namespace ins = inspections;
            ins::Store::copy(ins::Store::open(demo_template(), ins::OpenMode::ReadOnly), db());
        } else {
            fs::copy_file(demo_template(), db());
        }
        client_.emplace(database_, database_.text("SELECT id FROM units ORDER BY id LIMIT 1"));
    }
    fs::path db() const { return database_.location(); }

    CliRun cli(std::vector<std::string> args) const {
        args.insert(args.end(), {"--db", db().string()});
        return ::parscore::testing::parscore(args, dir_.path());
    }

    HttpResponse send(const std::string& role, const std::string& method, const std::string& path,
                      const std::string& body = "", std::vector<std::pair<std::string, std::string>> query = {}) const {
        return client_->send(role, method, path, body, {}, std::move(query));
    }

    ::parscore::testing::ScratchDir dir_{"parscore-api-publications"};
    ::parscore::testing::TestDatabase database_{dir_.path(), "demo.db"};
    std::optional<RoleClient> client_;
};

TEST_F(PublicationsApi, EveryRoleReadsPublicationsWithTheResultsAsPublished) {
    const HttpResponse list = send("agency", "GET", "/api/v1/publications");
    ASSERT_EQ(list.status, 200) << list.body;
    ASSERT_EQ(json_of(list).size(), 1u);
    const nlohmann::json first = json_of(list)[0];
    EXPECT_EQ(first["year"], 2012);
    EXPECT_EQ(first["basis"], "all");
    const std::string id = std::to_string(first["id"].get<std::int64_t>());
    // Published 2012 has no year before it: ranking it again gives the bytes that were stored.
    const CliRun rank = cli({"rank", "--year", "2012", "--format", "json"});
    ASSERT_EQ(rank.code, 0) << rank.err;
    std::string results = rank.out;
    while (!results.empty() && results.back() == '\n') results.pop_back();
    for (const std::string& role : kRoles) {
        EXPECT_EQ(send(role, "GET", "/api/v1/publications").body, list.body) << role;
        const HttpResponse one = send(role, "GET", "/api/v1/publications/" + id);
        ASSERT_EQ(one.status, 200) << role << one.body;
        EXPECT_NE(one.body.find("\"results\": " + results), std::string::npos) << role;
        EXPECT_EQ(json_of(one)["files"][0]["path"].get<std::string>().ends_with("rulebook.yaml"), true);
        EXPECT_EQ(json_of(one)["rulebook"], first["rulebook"]);
    }
    EXPECT_EQ(send("office", "GET", "/api/v1/publications/999").status, 404);
    EXPECT_EQ(send("office", "GET", "/api/v1/publications/1x").status, 404);
    EXPECT_EQ(send("", "GET", "/api/v1/publications").status, 401);
    EXPECT_EQ(send("", "GET", "/api/v1/publications/" + id).status, 401);
}

TEST_F(PublicationsApi, AdminAndOfficePublishWithTheAdoptedRulebook) {
    const std::string body = nlohmann::json{{"basis", "all"}, {"allow_incomplete", true}}.dump();
    for (const std::string role : {"author", "inspector", "agency", ""}) {
        const std::string before = client_->state();
        EXPECT_EQ(send(role, "POST", "/api/v1/years/2013/publish", body).status, role[0] ? 403 : 401) << role;
        EXPECT_EQ(client_->state(), before) << role;
    }
    const HttpResponse r = send("office", "POST", "/api/v1/years/2013/publish", body);
    ASSERT_EQ(r.status, 201) << r.body;
    const std::int64_t id = json_of(r)["id"];
    EXPECT_EQ(client_->text("SELECT published_by || ' ' || year FROM publications WHERE id = " + std::to_string(id)),
              "office 2013");
    EXPECT_EQ(client_->text("SELECT account || ' ' || address FROM audit WHERE action = 'publish'"), "office 10.0.0.9");
    const HttpResponse again = send("admin", "POST", "/api/v1/years/2013/publish", body);
    EXPECT_EQ(again.status, 200);
    EXPECT_EQ(json_of(again)["unchanged"], true);
    EXPECT_EQ(json_of(again)["id"], id);
}

TEST_F(PublicationsApi, RefusedPublicationsStoreNothing) {
    // 2014 gets the demo's rulebook but no inspection.
    const std::string rulebook = client_->text("SELECT text FROM adoption_files LIMIT 1");
    ASSERT_EQ(
        send("admin", "PUT", "/api/v1/years/2014/rulebook", nlohmann::json{{"rulebook.yaml", rulebook}}.dump()).status,
        201);
    const std::string before = client_->state();
    const HttpResponse no_rulebook = send("admin", "POST", "/api/v1/years/2020/publish", "{}");
    EXPECT_EQ(no_rulebook.status, 409) << no_rulebook.body;
    EXPECT_NE(json_of(no_rulebook)["error"]["message"].get<std::string>().find("2020"), std::string::npos);
    const HttpResponse empty = send("admin", "POST", "/api/v1/years/2014/publish", "{}");
    EXPECT_EQ(empty.status, 409) << empty.body;
    EXPECT_EQ(code_of(empty), "publish_refused");
    EXPECT_EQ(send("office", "POST", "/api/v1/years/2014/publish", "{\"basis\": \"self\"}").status, 409);
    EXPECT_EQ(send("admin", "POST", "/api/v1/years/2013/publish", "{\"basis\": \"most\"}").status, 400);
    EXPECT_EQ(send("admin", "POST", "/api/v1/years/2013/publish", "{\"basis\": 1}").status, 400);
    EXPECT_EQ(send("admin", "POST", "/api/v1/years/2013/publish", "{\"force\": true}").status, 400);
    EXPECT_EQ(send("admin", "POST", "/api/v1/years/2013/publish", "{\"supersede\": \"  \"}").status, 400);
    EXPECT_EQ(send("admin", "POST", "/api/v1/years/0/publish", "{}").status, 400);
    EXPECT_EQ(client_->state(), before);
}

TEST_F(PublicationsApi, OnlyAnAdminReadsTheAuditLogAsTheCommandPrintsIt) {
    ASSERT_EQ(send("office", "POST", "/api/v1/years/2013/publish", "{\"allow_incomplete\": true}").status, 201);
    const CliRun all = cli({"audit", "--format", "json"});
    ASSERT_EQ(all.code, 0) << all.err;
    EXPECT_NE(all.out.find("\"action\": \"publish\""), std::string::npos);
    EXPECT_EQ(send("admin", "GET", "/api/v1/audit").body, all.out);
    const CliRun office = cli({"audit", "--format", "json", "--user", "office", "--since", "2000-01-01"});
    const HttpResponse filtered = send("admin", "GET", "/api/v1/audit", "",
                                       {{"user", "office"}, {"since", "2000-01-01"}});
    EXPECT_EQ(filtered.status, 200);
    EXPECT_EQ(filtered.body, office.out);
    EXPECT_EQ(send("admin", "GET", "/api/v1/audit", "", {{"since", "2999-01-01"}}).body, "[]\n");
    EXPECT_EQ(send("admin", "GET", "/api/v1/audit", "", {{"since", "yesterday"}}).status, 400);
    EXPECT_EQ(send("admin", "GET", "/api/v1/audit", "", {{"user", "nobody"}}).status, 404);
    for (const std::string role : {"office", "author", "inspector", "agency"})
        EXPECT_EQ(send(role, "GET", "/api/v1/audit").status, 403) << role;
    EXPECT_EQ(send("", "GET", "/api/v1/audit").status, 401);
}

}  // namespace
}  // namespace parscore::server::testing
