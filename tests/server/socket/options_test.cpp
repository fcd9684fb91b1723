// serve's options (docs/server.md): TLS with a certificate made now by the openssl program, what
// is refused before anything is bound, and --behind-proxy.
#include "serve_fixture.hpp"

namespace parscore::testing {
namespace {

class ServeTlsTest : public ServeTest {
protected:
    void SetUp() override {
        ServeTest::SetUp();
        const std::string command = "cd " + shell_quote(dir_.path().string()) +
                                    " && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes "
                                    "-keyout key.pem -out cert.pem -days 1 -subj /CN=127.0.0.1 2>/dev/null";
        ASSERT_EQ(std::system(command.c_str()), 0) << command;
    }
};

TEST_F(ServeTlsTest, ServesHttpsWithASecureHostPrefixedCookie) {
    start({"--tls-cert", "cert.pem", "--tls-key", "key.pem"});
    EXPECT_NE(server_->err().find("\"url\":\"https://127.0.0.1:"), std::string::npos) << server_->err();
    HttpConnection c(port_, true);
    const HttpReply in = sign_in(c, "lan");
    ASSERT_EQ(in.status, 200) << in.body;
    const std::string cookie = in.header("set-cookie").value_or("");
    EXPECT_EQ(cookie.rfind("__Host-parscore=", 0), 0u) << cookie;
    EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
    EXPECT_EQ(in.header("strict-transport-security"), "max-age=31536000");
    const HttpReply me = c.exchange(
        request_text("GET", "/api/v1/me", {"Cookie: " + cookie.substr(0, cookie.find(';'))}));
    EXPECT_EQ(me.status, 200) << me.body;
    HttpConnection plain(port_);
    EXPECT_EQ(plain.exchange(request_text("GET", "/healthz")).status, -1) << "no plain HTTP on the TLS port";
    EXPECT_EQ(stop(), 0);
}

TEST_F(ServeTlsTest, RefusesUnusableTlsFilesWithExit3) {
    write_file(dir_ / "other.pem", "not a key\n");
    const CliRun missing = run({"serve", "--db", "t.db", "--tls-cert", "nope.pem", "--tls-key", "key.pem"});
    EXPECT_EQ(missing.code, 3) << missing.err;
    EXPECT_NE(missing.err.find("'nope.pem'"), std::string::npos) << missing.err;
    const CliRun wrong = run({"serve", "--db", "t.db", "--tls-cert", "cert.pem", "--tls-key", "other.pem"});
    EXPECT_EQ(wrong.code, 3) << wrong.err;
    const CliRun half = run({"serve", "--db", "t.db", "--tls-cert", "cert.pem"});
    EXPECT_EQ(half.code, 2) << half.err;
    EXPECT_NE(half.err.find("--tls-cert and --tls-key go together"), std::string::npos) << half.err;
}

TEST_F(ServeTest, RefusesAnAddressBeyondThisMachineWithoutTls) {
    const CliRun r = run({"serve", "--db", "t.db", "--listen", "0.0.0.0:0"});
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("serving beyond this machine needs TLS"), std::string::npos) << r.err;
    const CliRun no_origin = run({"serve", "--db", "t.db", "--listen", "0.0.0.0:0", "--behind-proxy"});
    EXPECT_EQ(no_origin.code, 2);
    EXPECT_NE(no_origin.err.find("--behind-proxy needs --origin"), std::string::npos) << no_origin.err;
    for (const char* bad : {"8080", "example.org:80", "127.0.0.1:70000", "127.0.0.1:"}) {
        const CliRun malformed = run({"serve", "--db", "t.db", "--listen", bad});
        EXPECT_EQ(malformed.code, 2) << bad << ": " << malformed.err;
    }
}

TEST_F(ServeTest, BehindAProxyTakesItsOriginAndSecureCookie) {
    start({"--behind-proxy", "--origin", "https://parscore.example.org"});
    HttpConnection c(port_);
    const HttpReply in = c.exchange(request_text("POST", "/api/v1/session",
                                                 {"Content-Type: application/json", "X-Forwarded-For: 203.0.113.9"},
                                                 sign_in_body("lan")));
    ASSERT_EQ(in.status, 200) << in.body;
    const std::string cookie = in.header("set-cookie").value_or("");
    EXPECT_EQ(cookie.rfind("__Host-parscore=", 0), 0u) << "the browser sees https" << cookie;
    const std::string csrf = nlohmann::json::parse(in.body)["csrf_token"];
    const std::string session = "Cookie: " + cookie.substr(0, cookie.find(';'));
    const auto sign_out = [&](const std::string& origin) {
        return c
            .exchange(
                request_text("DELETE", "/api/v1/session", {session, "X-CSRF-Token: " + csrf, "Origin: " + origin}))
            .status;
    };
    EXPECT_EQ(sign_out("http://127.0.0.1:" + std::to_string(port_)), 403) << "not the browser's origin";
    EXPECT_EQ(sign_out("https://parscore.example.org"), 200);
}

TEST_F(ServeTest, RefusesAMissingOrForeignDatabaseAndATakenPort) {
    const CliRun missing = run({"serve", "--db", "none.db", "--listen", "127.0.0.1:0"});
    EXPECT_EQ(missing.code, 3) << missing.err;
    EXPECT_FALSE(fs::exists(dir_ / "none.db"));
    write_file(dir_ / "notes.txt", "not a database\n");
    const CliRun foreign = run({"serve", "--db", "notes.txt", "--listen", "127.0.0.1:0"});
    EXPECT_EQ(foreign.code, 3) << foreign.err;
    start();
    const CliRun taken = run({"serve", "--db", "t.db", "--listen", "127.0.0.1:" + std::to_string(port_)});
    EXPECT_EQ(taken.code, 3) << taken.err;
    EXPECT_NE(taken.err.find("cannot listen on 127.0.0.1:" + std::to_string(port_)), std::string::npos) << taken.err;
}

}  // namespace
}  // namespace parscore::testing
