// The results routes (docs/api.md, "Results"): scores, ranking, explanation, summary, gap and the
// ranking's downloads, each equal to what the command line prints for the same year, cut to the
// account's scope, with the errors of a bad year, basis, category or unit, a role that may not
// read results and a year without an adopted rulebook.
#include <thread>

#include <nlohmann/json.hpp>

#include "parscore/accounts/password.hpp"
#include "parscore/app/analyses.hpp"
#include "parscore/app/evaluation.hpp"
#include "parscore/app/recording.hpp"
#include "parscore/app/yearly_report.hpp"
#include "parscore/reports/report.hpp"
#include "parscore/server/api.hpp"
#include "scratch.hpp"
#include "support/test_database.hpp"

namespace parscore::server::testing {
namespace {

using namespace parscore::testing;

const std::string kPassword = "mật-khẩu-đủ-dài";

class ResultsApiTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        scratch_ = new Scratch;
        database_ = new TestDatabase(scratch_->path(), "demo.db");
        build_demo(db());
        const std::string hash = accounts::hash_password(kPassword);
        auto account = [&](const std::string& login, const std::string& role, const std::string& scope) {
            exec("INSERT INTO accounts VALUES ('" + login + "', 'Tài khoản', '" + role + "', " + scope + ", 'en', '" +
                 hash + "', 0, 0, 't', 't', NULL)");
        };
        account("office", "office", "NULL");
        account("agency", "agency", "'so-tu-phap'");
        account("inspector", "inspector", "NULL");
        account("district", "author", "'huyen-da-bac'");
    }
    static void TearDownTestSuite() {
        delete database_;
        delete scratch_;
    }

    static fs::path db() { return database_->location(); }

    static void exec(const std::string& sql) { database_->exec(sql); }

    void SetUp() override {
        ApiConfig config;
        config.database = db();
        config.origin = "http://127.0.0.1:8080";
        api_.emplace(config);
    }

    /// A GET as `login` (signed in once per test and kept), or anonymous when empty.
    HttpResponse get(const std::string& login, const std::string& path,
                     std::vector<std::pair<std::string, std::string>> query = {}) {
        HttpRequest r;
        r.method = "GET";
        r.path = path;
        r.query = std::move(query);
        r.client_address = "10.0.0.7";
        if (!login.empty()) r.headers["cookie"] = session(login);
        HttpResponse answer = api_->handle(r);
        answer.body = answer.body_text();  // a whole document comes as its cached pieces
        answer.shared.reset();
        return answer;
    }

    std::string session(const std::string& login) {
        if (auto it = sessions_.find(login); it != sessions_.end()) return it->second;
        HttpRequest r;
        r.method = "POST";
        r.path = "/api/v1/session";
        r.headers["content-type"] = "application/json";
        r.body = nlohmann::json{{"login", login}, {"password", kPassword}}.dump();
        const HttpResponse answer = api_->handle(r);
        EXPECT_EQ(answer.status, 200) << answer.body;
        const std::string set(answer.header("set-cookie").value_or(""));
        return sessions_[login] = set.substr(0, set.find(';'));
    }

    template <class R> static R cli(int year = 2013) {
        auto r = request_as<R>("tester");
        r.database = db();
        r.year = year;
        return r;
    }

    /// What `rank`/`score --format json` prints (the same writer, as a string).
    static std::string cli_json(bool ranking, const std::optional<std::string>& category = std::nullopt,
                                const std::optional<std::string>& unit = std::nullopt) {
        app::EvaluationResult result;
        if (ranking) {
            auto r = cli<app::RankRequest>();
            r.category = category;
            result = app::rank(r);
        } else {
            auto r = cli<app::ScoreRequest>();
            r.category = category;
            r.unit = unit;
            result = app::score(r);
        }
        return engine::render_json(result.rulebook.rulebook, result.evaluation);
    }

    static std::string code(const HttpResponse& r) {
        const nlohmann::json j = nlohmann::json::parse(r.body, nullptr, false);
        if (j.is_discarded() || !j.contains("error")) return "?";
        return j["error"].value("code", "?");
    }

    static Scratch* scratch_;
    static TestDatabase* database_;
    std::optional<Api> api_;
    std::map<std::string, std::string> sessions_;
};
Scratch* ResultsApiTest::scratch_ = nullptr;
TestDatabase* ResultsApiTest::database_ = nullptr;

TEST_F(ResultsApiTest, TheRankingIsWhatRankPrints) {
    {
        // The whole document is sent as the cached pieces it is made of, never joined.
        HttpRequest whole;
        whole.method = "GET";
        whole.path = "/api/v1/years/2013/ranking";
        whole.headers["cookie"] = session("office");
        const HttpResponse pieces = api_->handle(whole);
        ASSERT_TRUE(pieces.shared);
        EXPECT_TRUE(pieces.body.empty());
        EXPECT_GT(pieces.shared->pieces.size(), 2u);
        EXPECT_EQ(pieces.body_text(), cli_json(true));
        whole.method = "HEAD";
        const HttpResponse head = api_->handle(whole);
        EXPECT_FALSE(head.shared);
        EXPECT_EQ(head.header("content-length"), std::to_string(cli_json(true).size()));
    }
    const HttpResponse r = get("office", "/api/v1/years/2013/ranking");
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
    EXPECT_EQ(r.body, cli_json(true));
    EXPECT_EQ(get("office", "/api/v1/years/2013/ranking", {{"category", "district"}}).body, cli_json(true, "district"));
    // Read again: the same bytes, from the cache.
    EXPECT_EQ(get("office", "/api/v1/years/2013/ranking").body, r.body);
}

TEST_F(ResultsApiTest, ScoresAreWhatScorePrints) {
    EXPECT_EQ(get("office", "/api/v1/years/2013/scores").body, cli_json(false));
    EXPECT_EQ(get("office", "/api/v1/years/2013/scores", {{"category", "department"}}).body,
              cli_json(false, "department"));
    EXPECT_EQ(get("office", "/api/v1/years/2013/scores", {{"unit", "huyen-da-bac"}}).body,
              cli_json(false, std::nullopt, "huyen-da-bac"));
    auto r = cli<app::ScoreRequest>();
    r.basis = engine::Basis::Self;
    const app::EvaluationResult self = app::score(r);
    EXPECT_EQ(get("office", "/api/v1/years/2013/scores", {{"basis", "self"}}).body,
              engine::render_json(self.rulebook.rulebook, self.evaluation));
}

TEST_F(ResultsApiTest, AnAgencyReadsItsOwnUnitOnlyAndAScopeItsUnits) {
    EXPECT_EQ(get("agency", "/api/v1/years/2013/scores").body, cli_json(false, std::nullopt, "so-tu-phap"));
    EXPECT_EQ(get("agency", "/api/v1/years/2013/ranking").body, cli_json(false, std::nullopt, "so-tu-phap"));
    EXPECT_EQ(get("agency", "/api/v1/years/2013/scores", {{"unit", "so-y-te"}}).status, 404);
    EXPECT_EQ(get("agency", "/api/v1/years/2013/units/so-y-te/explanation").status, 404);
    const HttpResponse scoped = get("district", "/api/v1/years/2013/scores");
    ASSERT_EQ(scoped.status, 200) << scoped.body;
    EXPECT_EQ(scoped.body, cli_json(false, std::nullopt, "huyen-da-bac"));  // no unit lies below it
}

TEST_F(ResultsApiTest, TheExplanationIsWhatExplainPrints) {
    auto r = cli<app::ExplainRequest>();
    r.unit = "so-tu-phap";
    const HttpResponse answer = get("agency", "/api/v1/years/2013/units/so-tu-phap/explanation");
    ASSERT_EQ(answer.status, 200) << answer.body;
    EXPECT_EQ(answer.body, engine::render_explanation_json(app::explain(r).explanation));
}

TEST_F(ResultsApiTest, SummaryAndGapAreWhatTheyPrint) {
    auto s = cli<app::SummaryRequest>();
    EXPECT_EQ(get("office", "/api/v1/years/2013/summary").body, engine::render_summary_json(app::summary(s).summary));
    auto g = cli<app::GapRequest>();
    EXPECT_EQ(get("office", "/api/v1/years/2013/gap").body, engine::render_gap_json(app::gap(g).report));
    // They aggregate every unit: not for a scoped account.
    EXPECT_EQ(get("agency", "/api/v1/years/2013/summary").status, 403);
    EXPECT_EQ(get("agency", "/api/v1/years/2013/gap").status, 403);
}

TEST_F(ResultsApiTest, TheRankingsReportsAreDownloads) {
    const HttpResponse csv = get("office", "/api/v1/years/2013/report.csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.header("content-type"), "text/csv; charset=utf-8");
    EXPECT_EQ(csv.header("content-disposition"), "attachment; filename=\"ranking-2013.csv\"");
    const app::EvaluationResult ranked = app::rank(cli<app::RankRequest>());
    EXPECT_EQ(csv.body, engine::render_csv(ranked.rulebook.rulebook, ranked.evaluation, false));
    const HttpResponse html = get("office", "/api/v1/years/2013/report.html");
    ASSERT_EQ(html.status, 200);
    EXPECT_EQ(html.header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(html.body.find("so-tu-phap"), std::string::npos);
    const HttpResponse xlsx = get("office", "/api/v1/years/2013/report.xlsx");
    ASSERT_EQ(xlsx.status, 200) << xlsx.body;
    EXPECT_EQ(xlsx.header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
    EXPECT_EQ(get("office", "/api/v1/years/2013/report.pdf").status, 404);
    // An agency's report holds its own unit only.
    const HttpResponse own = get("agency", "/api/v1/years/2013/report.csv");
    EXPECT_NE(own.body.find("so-tu-phap"), std::string::npos);
    EXPECT_EQ(own.body.find("so-y-te"), std::string::npos);
}

TEST_F(ResultsApiTest, TheYearlyReportIsTheOfficesDownload) {
    const HttpResponse pdf = get("office", "/api/v1/years/2013/yearly-report.pdf");
    ASSERT_EQ(pdf.status, 200) << pdf.body;
    EXPECT_EQ(pdf.header("content-type"), "application/pdf");
    EXPECT_EQ(pdf.header("content-disposition"), "attachment; filename=\"yearly-report-2013.pdf\"");
    EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
    // The same bytes `parscore report` writes, in the account's language (en here).
    auto request = cli<app::YearlyReportRequest>();
    request.format = app::Format::Pdf;
    request.lang = i18n::Language::en;
    EXPECT_EQ(pdf.body, app::yearly_report(request).bytes);
    const HttpResponse html = get("office", "/api/v1/years/2013/yearly-report.html");
    ASSERT_EQ(html.status, 200) << html.body;
    EXPECT_EQ(html.header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(html.body.find("SOCIALIST REPUBLIC OF VIETNAM"), std::string::npos);
    EXPECT_EQ(get("office", "/api/v1/years/2013/yearly-report.docx").status, 404);
    // It speaks for the whole province: no one else drafts it.
    for (const char* login : {"agency", "inspector", "district"}) {
        const HttpResponse refused = get(login, "/api/v1/years/2013/yearly-report.pdf");
        EXPECT_EQ(refused.status, 403) << login << ": " << refused.body;
        EXPECT_EQ(refused.body.find("%PDF"), std::string::npos) << login;
    }
    EXPECT_EQ(get("", "/api/v1/years/2013/yearly-report.pdf").status, 401);
}

TEST_F(ResultsApiTest, ErrorsAnswerTheirStatus) {
    struct Case {
        const char* login;
        std::string path;
        std::vector<std::pair<std::string, std::string>> query;
        int status;
        const char* code;
    };
    const std::vector<Case> cases{
        {"", "/api/v1/years/2013/ranking", {}, 401, "unauthenticated"},
        {"inspector", "/api/v1/years/2013/ranking", {}, 403, "forbidden"},
        {"inspector", "/api/v1/years/2013/units/so-tu-phap/explanation", {}, 403, "forbidden"},
        {"office", "/api/v1/years/abc/ranking", {}, 400, "bad_request"},
        {"office", "/api/v1/years/0/scores", {}, 400, "bad_request"},
        {"office", "/api/v1/years/2013/ranking", {{"basis", "most"}}, 400, "bad_request"},
        {"office", "/api/v1/years/2013/ranking", {{"category", "commune"}}, 400, "bad_request"},
        {"office", "/api/v1/years/2020/ranking", {}, 409, "conflict"},
        {"office", "/api/v1/years/2020/summary", {}, 409, "conflict"},
        {"office", "/api/v1/years/2013/scores", {{"unit", "khong-co"}}, 404, "not_found"},
        {"office", "/api/v1/years/2013/units/khong-co/explanation", {}, 404, "not_found"},
        {"agency", "/api/v1/years/2013/scores", {{"unit", "so-y-te"}}, 404, "not_found"},
    };
    for (const Case& c : cases) {
        const HttpResponse r = get(c.login, c.path, c.query);
        EXPECT_EQ(r.status, c.status) << c.path << " as " << c.login << ": " << r.body;
        EXPECT_EQ(code(r), c.code) << c.path;
    }
}

TEST_F(ResultsApiTest, ConcurrentReadersAroundAWriteGetWhatRankPrints) {
    auto read_all = [&] {
        std::vector<std::string> bodies(6);
        const std::string cookie = session("office");
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < bodies.size(); ++i) {
            threads.emplace_back([&, i] {
                HttpRequest r;
                r.method = "GET";
                r.path = "/api/v1/years/2013/ranking";
                r.headers["cookie"] = cookie;
                bodies[i] = api_->handle(r).body_text();
            });
        }
        for (std::thread& t : threads) t.join();
        return bodies;
    };
    for (const std::string& body : read_all()) EXPECT_EQ(body, cli_json(true));
    const fs::path file = *scratch_ / "late.yaml";
    write_text(file,
               "inspection:\n  unit: so-y-te\n  date: 2013-12-02\n  kind: surprise\n  team: [\"Lê Văn C\"]\n"
               "findings:\n  violation:\n    - { kind: drunk, person: \"Phạm Văn D\" }\n");
    auto r = request_as<app::RecordRequest>("tester");
    r.database = db();
    r.rulebook = kDemoRules;
    r.reports = {file.string()};
    ASSERT_TRUE(app::record(r).all_recorded());
    const std::string expected = cli_json(true);
    for (const std::string& body : read_all()) EXPECT_EQ(body, expected);
    EXPECT_EQ(api_->results().stats().full, 1u);
    EXPECT_EQ(api_->results().stats().incremental, 1u);
}

}  // namespace
}  // namespace parscore::server::testing
