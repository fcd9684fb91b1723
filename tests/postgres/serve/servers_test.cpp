// Several `parscore serve` processes on one PostgreSQL database (docs/store.md, "PostgreSQL"):
// 4 servers and 32 clients writing and reading for a bounded time lose nothing, number every
// change without a gap, keep the chains verifiable and share their sessions; and a database
// server that goes away in the middle of writes makes requests fail with 503, loses nothing that
// was acknowledged, and is reconnected to without restarting parscore.
#include <atomic>
#include <map>
#include <mutex>
#include <set>

#include "postgres/pg_fixture.hpp"
#include "server/socket/upload_fixture.hpp"
#include "support/command.hpp"

namespace parscore::testing {
namespace {

namespace pg = inspections::pg;

/// A database (a URI) with the store tests' units, an office account `lan` with a token, and
/// the tests' rulebook adopted for 2013; servers started on it, each in a folder of its own.
class Servers {
public:
    Servers(std::string uri, const fs::path& dir) : uri_(std::move(uri)), dir_(dir) {}

    void prepare() {
        const std::string data = PARSCORE_TEST_DATA;
        ASSERT_EQ(run({"units", "import", data + "/inspections/data/units.csv"}).code, 0);
        const std::string command = "printf '%s\\n' " + shell_quote(kPassword) + " | " +
                                    shell_quote(kParscore.string()) + " users add lan --role office --password-stdin " +
                                    "--db " + shell_quote(uri_) + " >/dev/null";
        ASSERT_EQ(std::system(command.c_str()), 0);
        ASSERT_EQ(run({"adopt", "--rules", data + "/inspections/data/rulebook.yaml", "--year", "2013"}).code, 0);
        const CliRun token = run({"tokens", "add", "--user", "lan", "--name", "load"});
        ASSERT_EQ(token.code, 0) << token.err;
        bearer = "Authorization: Bearer " + token.out.substr(0, token.out.find('\n'));
    }

    /// Starts `count` servers; their ports.
    void start(int count) {
        for (int i = 0; i < count; ++i) {
            const fs::path folder = dir_ / ("server-" + std::to_string(i));
            fs::create_directories(folder);
            servers_.push_back(std::make_unique<ServeProcess>(
                std::vector<std::string>{"serve", "--db", uri_, "--listen", "127.0.0.1:0", "--threads", "4"}, folder));
            ports.push_back(servers_.back()->port());
            ASSERT_NE(ports.back(), 0) << servers_.back()->err();
        }
    }

    CliRun run(std::vector<std::string> args) const {
        args.insert(args.end(), {"--db", uri_});
        return parscore(args, dir_);
    }

    std::string bearer;
    std::vector<std::uint16_t> ports;

private:
    std::string uri_;
    fs::path dir_;
    std::vector<std::unique_ptr<ServeProcess>> servers_;
};

/// One client's uploads: each retried with its client_id until acknowledged or the time is up.
struct ClientLog {
    std::vector<Upload> sent;
    std::map<int, int> statuses;  // every answer's status (-1: the connection closed first) and how often
};

ClientLog upload_until(std::uint16_t port, const std::string& bearer, int client, const std::atomic<bool>& stop) {
    ClientLog log;
    std::optional<HttpConnection> c;
    for (int n = 0; !stop; ++n) {
        Upload u = UploadTest::make_upload(client, n);
        while (!stop && !u.id) {
            HttpReply reply;
            try {
                if (!c) c.emplace(port);
                reply = c->exchange(
                    request_text("POST", "/api/v1/inspections", {"Content-Type: application/json", bearer}, u.body));
            } catch (const std::exception&) {}
            ++log.statuses[reply.status];
            if (reply.status == 200 || reply.status == 201) {
                u.id = nlohmann::json::parse(reply.body).value("id", "");
            } else {
                c.reset();
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }
        log.sent.push_back(std::move(u));
    }
    return log;
}

/// One thread per log, each uploading until `stop` to the servers in turn (client i to server i
/// modulo their number).
std::vector<std::thread> upload_to(const Servers& servers, std::vector<ClientLog>& logs,
                                   const std::atomic<bool>& stop) {
    std::vector<std::thread> clients;
    for (std::size_t client = 0; client < logs.size(); ++client) {
        clients.emplace_back([&servers, &logs, &stop, client] {
            logs[client] = upload_until(servers.ports[client % servers.ports.size()], servers.bearer,
                                        static_cast<int>(client), stop);
        });
    }
    return clients;
}

/// The acknowledged uploads' ids; fails the test when one id was given twice.
std::set<std::string> acknowledged(const std::vector<ClientLog>& logs) {
    std::set<std::string> ids;
    for (const ClientLog& log : logs) {
        for (const Upload& u : log.sent) {
            if (u.id) {
                EXPECT_TRUE(ids.insert(*u.id).second) << *u.id << " acknowledged twice";
            }
        }
    }
    return ids;
}

/// The database's change numbers: how many, and the largest.
std::pair<std::int64_t, std::int64_t> change_numbers(pg::Connection& db) {
    pg::Statement s = db.prepare(
        "SELECT count(*), coalesce(max(no), 0) FROM (SELECT no FROM revisions UNION ALL SELECT no FROM events "
        "UNION ALL SELECT no FROM unit_versions WHERE no > 0 UNION ALL SELECT no FROM adoptions "
        "UNION ALL SELECT no FROM publications WHERE no IS NOT NULL) AS numbers");
    s.step();
    return {s.int64(0), s.int64(1)};
}

std::set<std::string> stored_ids(pg::Connection& db) {
    std::set<std::string> ids;
    pg::Statement s = db.prepare("SELECT id FROM inspections");
    while (s.step()) ids.insert(s.text(0));
    return ids;
}

class ServersOnPostgresql : public pg::testing::PgTest {
protected:
    std::string uri() const { return uri_ + "&options=-csearch_path%3D" + schema_; }
    ScratchDir dir_{"parscore-pg-servers"};
};

TEST_F(ServersOnPostgresql, FourServersAndThirtyTwoClientsLoseNothingAndNumberEveryChange) {
    Servers servers(uri(), dir_.path());
    servers.prepare();
    servers.start(4);
    if (HasFatalFailure()) return;

    std::atomic<bool> stop{false};
    std::vector<ClientLog> logs(24);
    std::vector<std::thread> clients = upload_to(servers, logs, stop);
    std::atomic<int> reads{0}, failed_reads{0};
    for (int reader = 0; reader < 8; ++reader) {
        clients.emplace_back([&, reader] {
            const std::string target = reader % 2 ? "/api/v1/units" : "/api/v1/inspections?year=2013";
            while (!stop) {
                try {
                    HttpConnection c(servers.ports[static_cast<std::size_t>(reader % 4)]);
                    const HttpReply r = c.exchange(request_text("GET", target, {servers.bearer}));
                    if (r.status != 200) ++failed_reads;
                } catch (const std::exception&) {
                    ++failed_reads;
                }
                ++reads;
            }
        });
    }
    std::this_thread::sleep_for(std::chrono::seconds(8));
    stop = true;
    for (std::thread& t : clients) t.join();

    const std::set<std::string> ids = acknowledged(logs);
    EXPECT_GT(ids.size(), 50u);
    EXPECT_EQ(failed_reads, 0) << "of " << reads << " reads";
    for (const ClientLog& log : logs) {
        // -1: a kept-alive connection the server closed at its per-connection limit (retried).
        for (const auto& [status, n] : log.statuses)
            EXPECT_TRUE(status == 200 || status == 201 || status == -1) << status;
    }
    // Every acknowledged report is stored once, and nothing else was.
    EXPECT_EQ(stored_ids(db_), ids);
    EXPECT_EQ(count("client_reports"), static_cast<std::int64_t>(ids.size()));
    // One database-wide numbering without a gap.
    const auto [numbered, largest] = change_numbers(db_);
    EXPECT_EQ(numbered, largest);
    const CliRun verified = servers.run({"verify"});
    EXPECT_EQ(verified.code, 0) << verified.out << verified.err;

    // A session made on one server works on the others.
    HttpConnection first(servers.ports[1]);
    const HttpReply signed_in = first.exchange(
        request_text("POST", "/api/v1/session", {"Content-Type: application/json"}, ServeTest::sign_in_body("lan")));
    ASSERT_EQ(signed_in.status, 200) << signed_in.body;
    const std::string cookie = signed_in.header("set-cookie").value_or("");
    const std::string session = "Cookie: " + cookie.substr(0, cookie.find(';'));
    for (const std::uint16_t port : servers.ports) {
        HttpConnection c(port);
        const HttpReply me = c.exchange(request_text("GET", "/api/v1/me", {session}));
        EXPECT_EQ(me.status, 200) << port << ": " << me.body;
    }
}

/// A cluster of the test's own, so that stopping it disturbs no other test.
class OwnCluster : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = "/tmp/parscore-pgf-" + std::to_string(::getpid());
        const std::string out = pg_cluster("start");
        uri_ = out.substr(0, out.find('\n'));
        ASSERT_EQ(uri_.rfind("postgresql://", 0), 0u) << out;
    }
    void TearDown() override { pg_cluster("stop"); }

    std::string pg_cluster(const std::string& action) const {
        return run_command(kSourceDir.string() + "/scripts/pg-test-cluster " + action + " " + dir_ + " 2>&1").output;
    }

    std::string dir_, uri_;
    ScratchDir scratch_{"parscore-pg-fault"};
};

TEST_F(OwnCluster, ADatabaseServerGoneMidWriteFailsRequestsWith503AndLosesNothing) {
    Servers servers(uri_, scratch_.path());
    servers.prepare();
    servers.start(2);
    if (HasFatalFailure()) return;

    std::atomic<bool> stop{false};
    std::vector<ClientLog> logs(4);
    std::vector<std::thread> clients = upload_to(servers, logs, stop);
    std::this_thread::sleep_for(std::chrono::seconds(2));
    EXPECT_EQ(pg_cluster("halt"), "");
    std::this_thread::sleep_for(std::chrono::seconds(2));
    EXPECT_EQ(pg_cluster("resume"), "");
    std::this_thread::sleep_for(std::chrono::seconds(3));  // the servers carry on by themselves
    stop = true;
    for (std::thread& t : clients) t.join();

    std::map<int, int> statuses;
    for (const ClientLog& log : logs) {
        for (const auto& [status, n] : log.statuses) statuses[status] += n;
    }
    for (const auto& [status, n] : statuses) {
        EXPECT_TRUE(status == 200 || status == 201 || status == 503 || status == -1) << n << " answers " << status;
    }
    EXPECT_GT(statuses[503], 0) << "no request met the stopped database server";
    // After the restart every client's last report went through.
    for (const ClientLog& log : logs) {
        ASSERT_FALSE(log.sent.empty());
        const bool acknowledged_after = std::any_of(log.sent.end() - std::min<std::ptrdiff_t>(3, log.sent.size()),
                                                    log.sent.end(), [](const Upload& u) { return u.id.has_value(); });
        EXPECT_TRUE(acknowledged_after);
    }
    const std::set<std::string> ids = acknowledged(logs);
    pg::Connection db = pg::Connection::open(uri_);
    const std::set<std::string> stored = stored_ids(db);
    for (const std::string& id : ids) EXPECT_EQ(stored.count(id), 1u) << id << " was acknowledged but is not stored";
    // A report stored but not acknowledged (its answer lost with the connection) was sent again
    // with its client_id and acknowledged then: nothing is stored twice.
    EXPECT_EQ(stored, ids);
    const auto [numbered, largest] = change_numbers(db);
    EXPECT_EQ(numbered, largest);
    const CliRun verified = servers.run({"verify"});
    EXPECT_EQ(verified.code, 0) << verified.out << verified.err;
}

TEST_F(OwnCluster, AnIdleServerAnswersItsFirstRequestAfterTheDatabaseServerRestarted) {
    Servers servers(uri_, scratch_.path());
    servers.prepare();
    servers.start(1);
    if (HasFatalFailure()) return;
    const auto get_units = [&] {
        HttpConnection c(servers.ports[0]);
        return c.exchange(request_text("GET", "/api/v1/units", {servers.bearer})).status;
    };
    // Several requests at once leave several connections idle in the server's pool.
    std::vector<std::thread> readers;
    for (int i = 0; i < 4; ++i) readers.emplace_back([&] { EXPECT_EQ(get_units(), 200); });
    for (std::thread& t : readers) t.join();
    EXPECT_EQ(pg_cluster("halt"), "");
    EXPECT_EQ(pg_cluster("resume"), "");
    // Every pooled connection died with the old server process: none may fail a request.
    for (int i = 0; i < 4; ++i) EXPECT_EQ(get_units(), 200) << "request " << i << " after the restart";
}

}  // namespace
}  // namespace parscore::testing
