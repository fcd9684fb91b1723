// The inspection routes (docs/api.md, "Inspections"): recording reports sent as JSON or YAML with
// their errors' pointers and positions, a client id's resend, reading, review moves, comments,
// attachments and the template, each allowed and refused by role and scope. A refused request
// changes nothing in the database.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <thread>

#include "app_fixture.hpp"
#include "parscore/accounts/token.hpp"
#include "parscore/app/adoption.hpp"
#include "parscore/app/review.hpp"
#include "parscore/server/api.hpp"

namespace parscore::server::testing {
namespace {

using app::testing::AppTest;
using nlohmann::json;

const std::string kPng = std::string("\x89PNG\r\n\x1a\n", 8) + "rest of a picture";
const std::string kUnknownId = "00000000-0000-4000-8000-000000000000";

json report_json() {
    return json::parse(R"({
      "inspection": {"unit": "so-tu-phap", "date": "2013-10-15", "kind": "surprise",
                     "team": ["Nguyễn Văn A", "Trần Thị B"]},
      "findings": {
        "procedure": [{"code": "TP-001", "posted": true, "online_level": 2},
                      {"code": "TP-002", "posted": false, "online_level": 1}],
        "violation": [{"kind": "late", "person": "Phạm Văn D"}],
        "desk_staff": [],
        "audit": [{"held_on": "2013-09-30", "score": 7.5}],
        "website": true,
        "autonomy_rate": "44.7%"
      }})");
}

class InspectionsApiTest : public AppTest {
protected:
    void SetUp() override {
        import_test_units();
        auto adopt = request<app::AdoptRequest>();
        adopt.rules = app::testing::kRulebook;
        adopt.year = 2013;
        app::adopt(adopt);
        for (const auto& [login, role, scope] : std::vector<std::tuple<std::string, std::string, std::string>>{
                 {"office", "office", "NULL"},
                 {"admin", "admin", "NULL"},
                 {"author", "author", "NULL"},
                 {"insp", "inspector", "NULL"},
                 {"insp2", "inspector", "NULL"},
                 {"agency", "agency", "'so-tu-phap'"},
                 {"huyen", "office", "'ubnd-lac-son'"},
             }) {
            exec("INSERT INTO accounts VALUES ('" + login + "', '" + login + "', '" + role + "', " + scope +
                 ", 'en', 'x', 0, 0, 't', 't', NULL)");
            const accounts::NewToken token = accounts::generate_token();
            exec("INSERT INTO tokens(login, name, hash, created_at) VALUES ('" + login + "', 't', '" + token.hash +
                 "', 't')");
            tokens_[login] = token.secret;
        }
        ApiConfig config;
        config.database = db();
        config.origin = "http://127.0.0.1:8080";
        api_.emplace(config);
    }

    /// A request as `login` ("" for nobody); a body is JSON unless a content type is given.
    HttpResponse send(const std::string& login, std::string method, std::string path, std::string body = "",
                      std::string type = "application/json") {
        HttpRequest r;
        r.method = std::move(method);
        const std::size_t q = path.find('?');
        r.path = path.substr(0, q);
        if (q != std::string::npos) {
            std::string query = path.substr(q + 1);
            for (std::size_t at = 0; at <= query.size();) {
                std::size_t amp = query.find('&', at);
                if (amp == std::string::npos) amp = query.size();
                const std::string pair = query.substr(at, amp - at);
                const std::size_t eq = pair.find('=');
                r.query.emplace_back(pair.substr(0, eq), eq == std::string::npos ? "" : pair.substr(eq + 1));
                at = amp + 1;
            }
        }
        r.body = std::move(body);
        if (!r.body.empty() && !type.empty()) r.headers["content-type"] = type;
        if (!login.empty()) r.headers["authorization"] = "Bearer " + tokens_.at(login);
        r.client_address = "10.0.0.9";
        return api_->handle(r);
    }

    std::string record(const std::string& login, json report = report_json()) {
        const HttpResponse r = send(login, "POST", "/api/v1/inspections", report.dump());
        EXPECT_EQ(r.status, 201) << r.body;
        return body(r).value("id", "");
    }

    /// What a refused request must leave as it was.
    std::string fingerprint() const {
        return query(
            "SELECT (SELECT count(*) FROM inspections) || ',' || (SELECT count(*) FROM revisions) || ',' || "
            "(SELECT count(*) FROM events) || ',' || (SELECT count(*) FROM audit) || ',' || "
            "(SELECT count(*) FROM client_reports) || ',' || (SELECT count(*) FROM attachments) || ',' || "
            "(SELECT group_concat(status) FROM (SELECT status FROM inspections ORDER BY id) AS i)");
    }

    static json body(const HttpResponse& r) { return json::parse(r.body); }
    static std::string code(const HttpResponse& r) { return body(r)["error"]["code"]; }
    /// Each error's pointer (or "line:column"), in order.
    static std::vector<std::string> places(const HttpResponse& r) {
        std::vector<std::string> out;
        const json all = body(r);
        for (const json& e : all["error"]["errors"]) {
            out.push_back(e.contains("pointer")
                              ? e["pointer"].get<std::string>()
                              : std::to_string(e["line"].get<int>()) + ":" + std::to_string(e["column"].get<int>()));
        }
        return out;
    }

    std::map<std::string, std::string> tokens_;
    std::optional<Api> api_;
};

TEST_F(InspectionsApiTest, EveryRouteNeedsSignIn) {
    const std::string id = record("office");
    for (const auto& [method, path] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/v1/inspections"},
             {"POST", "/api/v1/inspections"},
             {"GET", "/api/v1/inspections/" + id},
             {"POST", "/api/v1/inspections/" + id + "/amend"},
             {"POST", "/api/v1/inspections/" + id + "/submit"},
             {"POST", "/api/v1/inspections/" + id + "/lock"},
             {"POST", "/api/v1/inspections/" + id + "/return"},
             {"POST", "/api/v1/inspections/" + id + "/comments"},
             {"PUT", "/api/v1/inspections/" + id + "/attachments/a.png"},
             {"GET", "/api/v1/inspections/" + id + "/attachments/0123456789ab"},
             {"GET", "/api/v1/years/2013/template?unit=so-tu-phap"},
         }) {
        const HttpResponse r = send("", method, path, "{}");
        EXPECT_EQ(r.status, 401) << method << " " << path;
    }
}

TEST_F(InspectionsApiTest, RecordsAJsonReportAndReadsItBack) {
    const HttpResponse r = send("insp", "POST", "/api/v1/inspections", report_json().dump());
    ASSERT_EQ(r.status, 201) << r.body;
    const std::string id = body(r)["id"];
    EXPECT_EQ(r.header("location"), "/api/v1/inspections/" + id);
    EXPECT_EQ(query("SELECT recorded_by FROM inspections"), "insp");
    EXPECT_EQ(query("SELECT action || ' ' || account FROM audit ORDER BY no DESC LIMIT 1"), "record insp");
    const HttpResponse shown = send("insp", "GET", "/api/v1/inspections/" + id.substr(0, 8));
    ASSERT_EQ(shown.status, 200) << shown.body;
    const json d = body(shown);
    EXPECT_EQ(d["id"], id);
    EXPECT_EQ(d["status"], "submitted");
    EXPECT_EQ(d["findings"]["procedure"][1]["online_level"], 1);
    EXPECT_EQ(d["findings"]["audit"][0]["score"], 7.5);
    EXPECT_EQ(d["history"][0]["type"], "revision");
    EXPECT_TRUE(d["comments"].empty());
    EXPECT_TRUE(d["attachments"].empty());
    const json list = body(send("author", "GET", "/api/v1/inspections?year=2013&unit=so-tu-phap&status=submitted"));
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(list[0]["id"], id);
    EXPECT_TRUE(body(send("author", "GET", "/api/v1/inspections?status=draft")).empty());
    EXPECT_EQ(send("author", "GET", "/api/v1/inspections?status=open").status, 400);
    EXPECT_EQ(send("author", "GET", "/api/v1/inspections?year=20x3").status, 400);
}

TEST_F(InspectionsApiTest, RecordsAYamlReport) {
    std::ifstream in(app::testing::kReport);
    const std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const HttpResponse r = send("office", "POST", "/api/v1/inspections", yaml, "application/yaml");
    ASSERT_EQ(r.status, 201) << r.body;
    // The same report as JSON is a duplicate of it: refused, naming it.
    const std::string before = fingerprint();
    const HttpResponse again = send("office", "POST", "/api/v1/inspections", report_json().dump());
    EXPECT_EQ(again.status, 409) << again.body;
    EXPECT_NE(body(again)["error"]["message"].get<std::string>().find(body(r)["id"].get<std::string>()),
              std::string::npos);
    EXPECT_EQ(fingerprint(), before);
}

TEST_F(InspectionsApiTest, AnInvalidJsonReportAnswersEachErrorsPointer) {
    json report = report_json();
    report["inspection"]["date"] = "2013-02-30";
    report["findings"]["procedure"][1]["online_level"] = json::parse("2.0");
    report["findings"]["procedure"][0].erase("posted");
    report["findings"]["violation"][0]["kind"] = "sleepy";
    report["findings"]["nope"] = json::array();
    report["findings"]["website"] = nullptr;
    const std::string before = fingerprint();
    const HttpResponse r = send("office", "POST", "/api/v1/inspections", report.dump());
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(code(r), "invalid_report");
    // The date is read first (it picks the year's rulebook): its error alone.
    EXPECT_EQ(places(r), std::vector<std::string>{"/inspection/date"});
    report["inspection"]["date"] = "2013-02-28";
    const HttpResponse r2 = send("office", "POST", "/api/v1/inspections", report.dump());
    ASSERT_EQ(r2.status, 422) << r2.body;
    std::vector<std::string> got = places(r2);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, (std::vector<std::string>{"/findings/nope", "/findings/procedure/0/posted",
                                             "/findings/procedure/1/online_level", "/findings/violation/0/kind",
                                             "/findings/website"}))
        << r2.body;
    const json errors = body(r2)["error"]["errors"];
    for (const json& e : errors) {
        EXPECT_TRUE(e["code"].get<std::string>().starts_with("E3")) << e;
        EXPECT_FALSE(e["message"].get<std::string>().empty());
    }
    // An exponent is no number of a report, and a pointer escapes '/' and '~'.
    report = report_json();
    report["findings"]["audit"][0]["score"] = "SCORE";
    report["findings"]["a/b~c"] = 1;
    std::string text = report.dump();
    text.replace(text.find("\"SCORE\""), 7, "1e3");  // as written: nlohmann would write 1000.0
    const HttpResponse r3 = send("office", "POST", "/api/v1/inspections", text);
    ASSERT_EQ(r3.status, 422) << r3.body;
    got = places(r3);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, (std::vector<std::string>{"/findings/audit/0/score", "/findings/a~1b~0c"})) << r3.body;
    EXPECT_EQ(fingerprint(), before);
}

TEST_F(InspectionsApiTest, AnInvalidYamlReportAnswersLinesAndColumns) {
    const std::string before = fingerprint();
    const std::string yaml =
        "inspection:\n  unit: so-tu-phap\n  date: 2013-10-15\n  kind: surprise\nfindings:\n"
        "  procedure:\n    - { code: TP-001, posted: maybe, online_level: 2 }\n  website: true\n";
    const HttpResponse r = send("office", "POST", "/api/v1/inspections", yaml, "application/yaml");
    ASSERT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(places(r), std::vector<std::string>{"7:31"});
    const HttpResponse broken = send("office", "POST", "/api/v1/inspections", "inspection: [\n  unit: x\n",
                                     "application/yaml");
    ASSERT_EQ(broken.status, 422) << broken.body;
    EXPECT_EQ(body(broken)["error"]["errors"][0]["code"], "E001");
    EXPECT_TRUE(body(broken)["error"]["errors"][0].contains("line"));
    EXPECT_EQ(fingerprint(), before);
}

TEST_F(InspectionsApiTest, MalformedBodiesAndWrongTypes) {
    const std::string before = fingerprint();
    EXPECT_EQ(send("office", "POST", "/api/v1/inspections", "{\"inspection\": ").status, 400);
    EXPECT_EQ(send("office", "POST", "/api/v1/inspections", std::string(100, '[') + std::string(100, ']')).status, 400);
    const HttpResponse text = send("office", "POST", "/api/v1/inspections", report_json().dump(), "text/plain");
    EXPECT_EQ(text.status, 415);
    EXPECT_EQ(code(text), "unsupported_media_type");
    EXPECT_EQ(send("office", "POST", "/api/v1/inspections", "[]").status, 422);
    EXPECT_EQ(fingerprint(), before);
}

TEST_F(InspectionsApiTest, AYearWithoutAnAdoptedRulebookIsAConflict) {
    json report = report_json();
    report["inspection"]["date"] = "2020-03-01";
    const std::string before = fingerprint();
    const HttpResponse r = send("office", "POST", "/api/v1/inspections", report.dump());
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_NE(body(r)["error"]["message"].get<std::string>().find("2020"), std::string::npos);
    EXPECT_EQ(send("office", "GET", "/api/v1/years/2020/template?unit=so-tu-phap").status, 409);
    EXPECT_EQ(fingerprint(), before);
}

TEST_F(InspectionsApiTest, AClientIdMakesAResendSafe) {
    json report = report_json();
    report["client_id"] = "0F8FAD5B-D9CB-469F-A165-70867728950E";
    const HttpResponse first = send("insp", "POST", "/api/v1/inspections", report.dump());
    ASSERT_EQ(first.status, 201) << first.body;
    const std::string before = fingerprint();
    report["client_id"] = "0f8fad5b-d9cb-469f-a165-70867728950e";  // the same UUID
    const HttpResponse again = send("insp", "POST", "/api/v1/inspections", report.dump());
    EXPECT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(body(again)["id"], body(first)["id"]);
    EXPECT_EQ(fingerprint(), before);
    report["findings"]["website"] = false;
    const HttpResponse other = send("insp", "POST", "/api/v1/inspections", report.dump());
    EXPECT_EQ(other.status, 409) << other.body;
    report["client_id"] = "not-a-uuid";
    EXPECT_EQ(send("insp", "POST", "/api/v1/inspections", report.dump()).status, 400);
    report["client_id"] = 42;
    EXPECT_EQ(send("insp", "POST", "/api/v1/inspections", report.dump()).status, 400);
    EXPECT_EQ(fingerprint(), before);
    EXPECT_EQ(query("SELECT count(*) FROM client_reports"), "1");
    // A YAML report carries its client id in the query.
    std::ifstream in(app::testing::kReport);
    std::string yaml((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    yaml.replace(yaml.find("2013-10-15"), 10, "2013-10-16");
    const std::string path = "/api/v1/inspections?client_id=9b2f4a5e-1c3d-4e5f-8a9b-0c1d2e3f4a5b";
    const HttpResponse y1 = send("insp", "POST", path, yaml, "application/yaml");
    ASSERT_EQ(y1.status, 201) << y1.body;
    const HttpResponse y2 = send("insp", "POST", path, yaml, "application/yaml");
    EXPECT_EQ(y2.status, 200);
    EXPECT_EQ(body(y2)["id"], body(y1)["id"]);
}

TEST_F(InspectionsApiTest, ResendsAtOnceStoreOneInspection) {
    json report = report_json();
    report["client_id"] = "5d1f7c2a-8b3e-4f6a-9c0d-1e2f3a4b5c6d";
    const std::string text = report.dump();
    std::vector<HttpResponse> answers(4);
    std::vector<std::thread> threads;
    for (HttpResponse& answer : answers) {
        threads.emplace_back([&] { answer = send("insp", "POST", "/api/v1/inspections", text); });
    }
    for (std::thread& t : threads) t.join();
    int created = 0;
    for (const HttpResponse& a : answers) {
        ASSERT_TRUE(a.status == 201 || a.status == 200) << a.status << " " << a.body;
        created += a.status == 201;
        EXPECT_EQ(body(a)["id"], body(answers[0])["id"]);
    }
    EXPECT_EQ(created, 1);
    EXPECT_EQ(query("SELECT count(*) FROM inspections"), "1");
    EXPECT_EQ(query("SELECT count(*) FROM client_reports"), "1");
}

TEST_F(InspectionsApiTest, WhoMayRecord) {
    const std::string before = fingerprint();
    EXPECT_EQ(send("author", "POST", "/api/v1/inspections", report_json().dump()).status, 403);
    EXPECT_EQ(send("agency", "POST", "/api/v1/inspections", report_json().dump()).status, 403);
    json self = report_json();
    self["inspection"]["kind"] = "self";
    EXPECT_EQ(send("insp", "POST", "/api/v1/inspections", self.dump()).status, 403);
    // A unit out of scope reads as unknown: an error of the report.
    const HttpResponse other = send("huyen", "POST", "/api/v1/inspections", report_json().dump());
    EXPECT_EQ(other.status, 422);
    EXPECT_EQ(places(other), std::vector<std::string>{"/inspection/unit"});
    // Its suggestion names only units in scope; an account without scope is offered the close one.
    const std::string message = body(other)["error"]["errors"][0]["message"];
    EXPECT_EQ(message.find("'so-"), message.rfind("'so-")) << message;  // the unit named, no department suggested
    json misspelt = report_json();
    misspelt["inspection"]["unit"] = "so-tu-phapp";
    const HttpResponse unknown = send("office", "POST", "/api/v1/inspections", misspelt.dump());
    ASSERT_EQ(unknown.status, 422) << unknown.body;
    EXPECT_NE(std::string(body(unknown)["error"]["errors"][0]["message"]).find("'so-tu-phap'"), std::string::npos)
        << unknown.body;
    EXPECT_EQ(fingerprint(), before);
    EXPECT_FALSE(record("agency", self).empty());
    EXPECT_FALSE(record("admin").empty());
}

TEST_F(InspectionsApiTest, OutOfScopeIsUnknown) {
    const std::string id = record("office");
    auto png = send("office", "PUT", "/api/v1/inspections/" + id + "/attachments/a.png", kPng, "image/png");
    ASSERT_EQ(png.status, 201) << png.body;
    const std::string sha = body(png)["sha256"];
    const json amend = {{"report", report_json()}, {"reason", "sửa"}};
    const std::string before = fingerprint();
    for (const std::string& who : {std::string("huyen")}) {
        for (const std::string& target : {id, kUnknownId}) {
            const std::string base = "/api/v1/inspections/" + target;
            for (const auto& [method, path, payload] : std::vector<std::tuple<std::string, std::string, std::string>>{
                     {"GET", base, ""},
                     {"POST", base + "/amend", amend.dump()},
                     {"POST", base + "/submit", ""},
                     {"POST", base + "/lock", ""},
                     {"POST", base + "/return", json{{"comment", "x"}}.dump()},
                     {"POST", base + "/comments", json{{"text", "x"}}.dump()},
                     {"PUT", base + "/attachments/b.png", kPng},
                     {"GET", base + "/attachments/" + sha, ""},
                 }) {
                const HttpResponse r = send(who, method, path, payload);
                EXPECT_EQ(r.status, 404) << method << " " << path << ": " << r.body;
                EXPECT_EQ(code(r), "not_found");
            }
        }
    }
    EXPECT_EQ(send("huyen", "GET", "/api/v1/inspections?unit=so-tu-phap").status, 404);
    EXPECT_TRUE(body(send("huyen", "GET", "/api/v1/inspections")).empty());
    EXPECT_EQ(send("huyen", "GET", "/api/v1/years/2013/template?unit=so-tu-phap").status, 404);
    // The agency reads its unit's inspections once submitted, and no draft.
    json draft = report_json();
    draft["inspection"]["status"] = "draft";
    draft["inspection"]["date"] = "2013-11-01";
    const std::string draft_id = record("office", draft);
    const std::string after_draft = fingerprint();
    EXPECT_EQ(send("agency", "GET", "/api/v1/inspections/" + draft_id).status, 404);
    EXPECT_EQ(
        send("agency", "POST", "/api/v1/inspections/" + draft_id + "/comments", json{{"text", "x"}}.dump()).status,
        404);
    EXPECT_EQ(send("agency", "GET", "/api/v1/inspections/" + id).status, 200);
    EXPECT_EQ(fingerprint(), after_draft);
    EXPECT_NE(before, after_draft);
}

TEST_F(InspectionsApiTest, StatusMovesAndTheirConflicts) {
    json draft = report_json();
    draft["inspection"]["status"] = "draft";
    const std::string id = record("insp", draft);
    const std::string base = "/api/v1/inspections/" + id;
    std::string before = fingerprint();
    EXPECT_EQ(send("insp2", "POST", base + "/submit").status, 403);  // not its record
    EXPECT_EQ(send("author", "POST", base + "/submit").status, 403);
    EXPECT_EQ(send("office", "POST", base + "/lock").status, 409);  // a draft
    EXPECT_EQ(send("office", "POST", base + "/return", json{{"comment", "x"}}.dump()).status, 409);
    EXPECT_EQ(fingerprint(), before);
    const HttpResponse submitted = send("insp", "POST", base + "/submit");
    ASSERT_EQ(submitted.status, 200) << submitted.body;
    EXPECT_EQ(body(submitted), json({{"id", id}, {"status", "submitted"}}));
    before = fingerprint();
    EXPECT_EQ(send("insp", "POST", base + "/submit").status, 409);
    EXPECT_EQ(send("insp", "POST", base + "/lock").status, 403);
    EXPECT_EQ(send("insp", "POST", base + "/return", json{{"comment", "x"}}.dump()).status, 403);
    EXPECT_EQ(send("office", "POST", base + "/return", json{{"comment", ""}}.dump()).status, 400);
    EXPECT_EQ(send("office", "POST", base + "/return", "{}").status, 400);
    EXPECT_EQ(fingerprint(), before);
    const HttpResponse returned = send("office", "POST", base + "/return", json{{"comment", "thiếu ảnh"}}.dump());
    ASSERT_EQ(returned.status, 200) << returned.body;
    EXPECT_EQ(body(returned)["status"], "returned");
    // Amended and submitted again, then locked: nothing moves a locked inspection.
    json fixed = report_json();
    fixed["findings"]["website"] = false;
    const HttpResponse amended = send("insp", "POST", base + "/amend",
                                      json{{"report", fixed}, {"reason", "ảnh"}}.dump());
    ASSERT_EQ(amended.status, 200) << amended.body;
    EXPECT_GT(body(amended)["revision"].get<int>(), 0);
    EXPECT_EQ(send("insp", "POST", base + "/submit").status, 200);
    const HttpResponse locked = send("admin", "POST", base + "/lock");
    ASSERT_EQ(locked.status, 200) << locked.body;
    EXPECT_EQ(body(locked)["status"], "locked");
    before = fingerprint();
    EXPECT_EQ(send("office", "POST", base + "/amend", json{{"report", report_json()}, {"reason", "x"}}.dump()).status,
              409);
    EXPECT_EQ(send("office", "POST", base + "/return", json{{"comment", "x"}}.dump()).status, 409);
    EXPECT_EQ(send("office", "PUT", base + "/attachments/a.png", kPng).status, 409);
    EXPECT_EQ(send("office", "POST", base + "/lock").status, 409);
    EXPECT_EQ(fingerprint(), before);
    EXPECT_EQ(body(send("office", "GET", base))["status"], "locked");
}

TEST_F(InspectionsApiTest, AmendingChecksTheReportAndTheRights) {
    const std::string id = record("insp");
    const std::string base = "/api/v1/inspections/" + id;
    json bad = report_json();
    bad["findings"]["procedure"][0]["posted"] = "often";
    const std::string before = fingerprint();
    const HttpResponse invalid = send("insp", "POST", base + "/amend", json{{"report", bad}, {"reason", "x"}}.dump());
    ASSERT_EQ(invalid.status, 422) << invalid.body;
    EXPECT_EQ(places(invalid), std::vector<std::string>{"/report/findings/procedure/0/posted"});
    const HttpResponse yaml = send("insp", "POST", base + "/amend",
                                   json{{"report", "inspection: {unit: so-tu-phap}\n"}, {"reason", "x"}}.dump());
    ASSERT_EQ(yaml.status, 422) << yaml.body;
    EXPECT_TRUE(body(yaml)["error"]["errors"][0].contains("line"));
    EXPECT_EQ(send("insp", "POST", base + "/amend", json{{"report", report_json()}}.dump()).status, 400);
    EXPECT_EQ(send("insp", "POST", base + "/amend", json{{"report", report_json()}, {"reason", ""}}.dump()).status,
              400);
    EXPECT_EQ(send("insp", "POST", base + "/amend", "{\"report\": ").status, 400);
    EXPECT_EQ(send("insp", "POST", base + "/amend", report_json().dump(), "application/yaml").status, 415);
    EXPECT_EQ(send("insp2", "POST", base + "/amend", json{{"report", report_json()}, {"reason", "x"}}.dump()).status,
              403);
    EXPECT_EQ(send("agency", "POST", base + "/amend", json{{"report", report_json()}, {"reason", "x"}}.dump()).status,
              403);
    EXPECT_EQ(fingerprint(), before);
    const HttpResponse same = send("office", "POST", base + "/amend",
                                   json{{"report", report_json()}, {"reason", "x"}}.dump());
    ASSERT_EQ(same.status, 200) << same.body;
    EXPECT_EQ(body(same)["changed"], false);
    EXPECT_EQ(fingerprint(), before);
}

TEST_F(InspectionsApiTest, CommentsByEveryRoleThatMayRead) {
    const std::string id = record("insp");
    for (const std::string who : {"office", "admin", "author", "insp", "insp2", "agency"}) {
        const HttpResponse r = send(who, "POST", "/api/v1/inspections/" + id + "/comments",
                                    json{{"text", "ý kiến của " + who}}.dump());
        EXPECT_EQ(r.status, 201) << who << ": " << r.body;
    }
    const json d = body(send("office", "GET", "/api/v1/inspections/" + id));
    ASSERT_EQ(d["comments"].size(), 6u);
    EXPECT_EQ(d["comments"][5]["by"], "agency");
    const std::string before = fingerprint();
    EXPECT_EQ(send("office", "POST", "/api/v1/inspections/" + id + "/comments", json{{"text", "  "}}.dump()).status,
              400);
    EXPECT_EQ(send("office", "POST", "/api/v1/inspections/" + id + "/comments", "text=x",
                   "application/x-www-form-urlencoded")
                  .status,
              415);
    EXPECT_EQ(send("office", "POST", "/api/v1/inspections/" + id.substr(0, 5) + "/comments", json{{"text", "x"}}.dump())
                  .status,
              400);
    EXPECT_EQ(fingerprint(), before);
}

TEST_F(InspectionsApiTest, AttachmentsUpAndDown) {
    const std::string id = record("insp");
    const std::string base = "/api/v1/inspections/" + id + "/attachments/";
    const std::string before = fingerprint();
    EXPECT_EQ(send("insp", "PUT", base + "notes.png", "just text", "image/png").status, 415);
    EXPECT_EQ(send("insp", "PUT", base + "big.png", kPng + std::string(kAttachmentLimit, 'x')).status, 413);
    EXPECT_EQ(send("insp", "PUT", base + "a%3Ab.png", kPng).status, 400);  // ':' is no file name's
    EXPECT_EQ(send("insp", "PUT", base + ".hidden", kPng).status, 400);
    EXPECT_EQ(send("insp", "PUT", base + "a%0D%0ASet-Cookie%3A%20x.png", kPng).status, 404);  // never a segment
    EXPECT_EQ(send("author", "PUT", base + "a.png", kPng).status, 403);
    EXPECT_EQ(send("insp2", "PUT", base + "a.png", kPng).status, 403);
    EXPECT_EQ(send("agency", "PUT", base + "a.png", kPng).status, 403);
    EXPECT_EQ(fingerprint(), before);
    const HttpResponse put = send("insp", "PUT", base + "%E1%BA%A3nh%201.png", kPng, "image/png");
    ASSERT_EQ(put.status, 201) << put.body;
    const std::string sha = body(put)["sha256"];
    EXPECT_EQ(sha.size(), 64u);
    EXPECT_EQ(body(put)["media_type"], "image/png");
    EXPECT_EQ(send("insp", "PUT", base + "again.png", kPng).status, 409);  // attached already
    for (const std::string who : {"office", "author", "agency", "insp2"}) {
        const HttpResponse got = send(who, "GET", base + sha.substr(0, 12));
        ASSERT_EQ(got.status, 200) << who << ": " << got.body;
        EXPECT_EQ(got.body, kPng);
        EXPECT_EQ(got.header("content-type"), "image/png");
        EXPECT_EQ(got.header("x-content-type-options"), "nosniff");
        EXPECT_EQ(got.header("content-disposition"),
                  "attachment; filename=\"___nh 1.png\"; filename*=UTF-8''%E1%BA%A3nh%201.png");
    }
    EXPECT_EQ(send("office", "GET", base + std::string(64, 'a')).status, 404);
    EXPECT_EQ(send("office", "GET", base + "abc").status, 400);
}

TEST_F(InspectionsApiTest, AStoredNameWithLineBreaksNeverReachesAHeader) {
    const std::string id = record("office");
    const auto file = path("evil\r\nSet-Cookie: a=b\".png");
    app::testing::write_file(file, kPng);
    auto attach = request<app::AttachRequest>();
    attach.id = id;
    attach.files = {file.string()};
    const std::string sha = app::attach(attach).files.at(0).info.sha256;
    const HttpResponse got = send("office", "GET", "/api/v1/inspections/" + id + "/attachments/" + sha);
    ASSERT_EQ(got.status, 200) << got.body;
    for (const auto& [name, value] : got.headers) {
        EXPECT_EQ(value.find_first_of("\r\n"), std::string::npos) << name << ": " << value;
        EXPECT_NE(name, "Set-Cookie");
    }
    const std::string disposition(got.header("content-disposition").value_or(""));
    EXPECT_EQ(disposition.find('"', 22), disposition.find("\"; filename*")) << disposition;
}

TEST_F(InspectionsApiTest, TheTemplateAsJson) {
    const HttpResponse r = send("insp", "GET",
                                "/api/v1/years/2013/template?unit=so-tu-phap&kind=surprise&date=2013-10-15");
    ASSERT_EQ(r.status, 200) << r.body;
    const json t = body(r);
    EXPECT_EQ(t["unit"], "so-tu-phap");
    EXPECT_EQ(t["kind"], "surprise");
    EXPECT_EQ(t["report"]["inspection"]["unit"], "so-tu-phap");
    EXPECT_EQ(t["report"]["inspection"]["kind"], "surprise");
    EXPECT_TRUE(t["report"]["findings"].contains("procedure"));
    EXPECT_NE(t["yaml"].get<std::string>().find("findings:"), std::string::npos);
    EXPECT_EQ(send("author", "GET", "/api/v1/years/2013/template?unit=so-tu-phap").status, 200);
    EXPECT_EQ(send("insp", "GET", "/api/v1/years/2013/template").status, 400);
    EXPECT_EQ(send("insp", "GET", "/api/v1/years/2013/template?unit=so-tu-phap&kind=audit").status, 400);
    EXPECT_EQ(send("insp", "GET", "/api/v1/years/2013/template?unit=nowhere").status, 404);
    EXPECT_EQ(send("agency", "GET", "/api/v1/years/2013/template?unit=so-noi-vu").status, 404);
}

}  // namespace
}  // namespace parscore::server::testing
