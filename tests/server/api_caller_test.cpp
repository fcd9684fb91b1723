// What Api::handle tells the listener beside the answer (docs/server.md, "Logging"): who sent the
// request, for the log line, and the length a GET would have had for a HEAD.
#include <nlohmann/json.hpp>

#include "app_fixture.hpp"
#include "parscore/app/accounts.hpp"
#include "parscore/server/api.hpp"

namespace parscore::server::testing {
namespace {

class ApiCallerTest : public app::testing::AppTest {
protected:
    void SetUp() override {
        import_test_units();
        auto r = request<app::UserAddRequest>();
        r.login = "lan";
        r.role = "office";
        r.password = "mật-khẩu-đủ-dài-42";
        app::add_user(r);
        ApiConfig config;
        config.database = db();
        api_.emplace(config);
    }

    HttpResponse send(const std::string& method, const std::string& path, const std::string& cookie = "",
                      const std::string& body = "") {
        HttpRequest q;
        q.method = method;
        q.path = path;
        q.body = body;
        if (!body.empty()) q.headers["content-type"] = "application/json";
        if (!cookie.empty()) q.headers["cookie"] = cookie;
        return api_->handle(q);
    }

    std::optional<Api> api_;
};

TEST_F(ApiCallerTest, ReportsTheSignedInAccountButNeverSendsIt) {
    const HttpResponse in = send("POST", "/api/v1/session", "",
                                 nlohmann::json{{"login", "lan"}, {"password", "mật-khẩu-đủ-dài-42"}}.dump());
    ASSERT_EQ(in.status, 200) << in.body;
    EXPECT_FALSE(in.account) << "signing in is anonymous";
    const std::string set = std::string(in.header("set-cookie").value_or(""));
    const std::string cookie = set.substr(0, set.find(';'));

    EXPECT_EQ(send("GET", "/api/v1/me", cookie).account, "lan");
    const HttpResponse refused = send("DELETE", "/api/v1/session", cookie);  // no CSRF token
    EXPECT_EQ(refused.status, 403);
    EXPECT_EQ(refused.account, "lan") << "a refused request is still logged with its sender";
    EXPECT_FALSE(send("GET", "/api/v1/me").account);
    EXPECT_FALSE(send("GET", "/api/v1/me", "parscore=forged").account);
    for (const auto& [name, value] : send("GET", "/api/v1/me", cookie).headers) EXPECT_NE(value, "lan") << name;
}

TEST_F(ApiCallerTest, HeadCarriesTheLengthOfGet) {
    const HttpResponse get = send("GET", "/healthz");
    const HttpResponse head = send("HEAD", "/healthz");
    EXPECT_TRUE(head.body.empty());
    EXPECT_EQ(head.header("content-length"), std::to_string(get.body.size()));
    EXPECT_FALSE(get.header("content-length")) << "the listener sizes a body itself";
}

}  // namespace
}  // namespace parscore::server::testing
