// `parscore demo --serve` (docs/demo.md): the demo province served on this machine, with one
// account per role whose printed password signs in at once.
#include <regex>

#include "serve_fixture.hpp"

namespace parscore::testing {
namespace {

TEST(DemoServe, EveryRoleSignsInWithThePasswordPrintedForIt) {
    ScratchDir dir("parscore-demo-serve-test");
    ServeProcess demo({"demo", "--serve", "--listen", "127.0.0.1:0"}, dir.path());
    const std::uint16_t port = demo.port(std::chrono::seconds(120));
    ASSERT_NE(port, 0) << demo.err();
    const std::string out = demo.out();
    EXPECT_NE(out.find("http://127.0.0.1:" + std::to_string(port) + "/"), std::string::npos) << out;
    EXPECT_EQ(out.find("Fictional data"), 0u) << out;

    const std::map<std::string, std::string> roles = {{"admin", "admin"},
                                                      {"office", "office"},
                                                      {"author", "author"},
                                                      {"inspector", "inspector"},
                                                      {"agency", "agency"}};
    for (const auto& [login, role] : roles) {
        std::smatch m;
        const std::regex row("(^|\\n)" + login + " +" + role + " +([^ ]+) +([^ \\n]+)\\n");
        ASSERT_TRUE(std::regex_search(out, m, row)) << login << " in\n" << out;
        HttpConnection c(port);
        const HttpReply in = c.exchange(
            request_text("POST", "/api/v1/session", {"Content-Type: application/json"},
                         nlohmann::json{{"login", login}, {"password", m[3].str()}}.dump()));
        ASSERT_EQ(in.status, 200) << login << ": " << in.body;
        const nlohmann::json account = nlohmann::json::parse(in.body);
        EXPECT_EQ(account["role"], role);
        EXPECT_EQ(account["must_change_password"], false) << "the demo's passwords work at once";
        if (login == "agency") {
            EXPECT_EQ(account["scope"], "so-tu-phap");
        } else {
            EXPECT_TRUE(account["scope"].is_null()) << login;
        }
        if (login == "office") {
            // The ranking (some 220 KB, sent in blocks from the cached pieces) is what `rank`
            // prints, twice on one kept-alive connection.
            const std::string set_cookie = in.header("set-cookie").value_or("");
            const std::string cookie = "Cookie: " + set_cookie.substr(0, set_cookie.find(';'));
            const CliRun rank = parscore({"rank", "--db", "parscore-demo.db", "--year", "2013", "--format", "json"},
                                         dir.path());
            ASSERT_EQ(rank.code, 0) << rank.err;
            ASSERT_GT(rank.out.size(), 150'000u);
            for (int i = 0; i < 2; ++i) {
                const HttpReply ranking = c.exchange(request_text("GET", "/api/v1/years/2013/ranking", {cookie}));
                ASSERT_EQ(ranking.status, 200);
                EXPECT_EQ(ranking.header("content-length"), std::to_string(rank.out.size()));
                EXPECT_TRUE(ranking.body == rank.out) << "the ranking differs from rank's output";
            }
        }
    }
    demo.signal(SIGTERM);
    EXPECT_EQ(demo.wait_exit(std::chrono::seconds(15)), 0) << demo.err();
}

TEST(DemoServe, ServesOnlyOnThisMachine) {
    ScratchDir dir("parscore-demo-serve-test");
    const CliRun r = parscore({"demo", "--serve", "--listen", "0.0.0.0:0"}, dir.path());
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_FALSE(fs::exists(dir / "parscore-demo.db")) << "refused before anything is built";
}

}  // namespace
}  // namespace parscore::testing
