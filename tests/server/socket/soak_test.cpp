// A bounded soak (docs/server.md): for a few seconds six clients upload reports while two read,
// on kept-alive connections. Every request is answered without a failure, every upload is
// acknowledged and stored once, `verify` stays clean, and the server still stops gracefully.
#include "upload_fixture.hpp"

namespace parscore::testing {
namespace {

TEST_F(UploadTest, ASoakOfReadsAndWritesLosesNothing) {
    start({"--threads", "4"});
    std::atomic<bool> done{false};
    std::atomic<int> reads{0}, failed_reads{0};
    std::vector<std::thread> readers;
    for (int r = 0; r < 2; ++r) {
        readers.emplace_back([&, r] {
            std::optional<HttpConnection> c(std::in_place, port_);
            const std::string target = r == 0 ? "/api/v1/units" : "/api/v1/inspections?year=2013&status=draft";
            while (!done) {
                HttpReply reply = c->exchange(request_text("GET", target, {bearer_}));
                if (reply.status == -1) {  // the connection's request limit: go on with a new one
                    c.emplace(port_);
                    reply = c->exchange(request_text("GET", target, {bearer_}));
                }
                ++reads;
                if (reply.status != 200) ++failed_reads;
            }
        });
    }
    std::thread timer([&] {
        std::this_thread::sleep_for(8s);
        done = true;
    });
    std::vector<HttpReply> failures;
    const auto sent = upload_until(6, done, &failures);
    timer.join();
    for (std::thread& t : readers) t.join();

    EXPECT_TRUE(failures.empty()) << failures.size() << " uploads failed, the first with " << failures.front().status
                                  << ": " << failures.front().body;
    EXPECT_EQ(failed_reads, 0) << "of " << reads << " reads";
    std::size_t total = 0;
    for (const auto& client : sent) {
        for (const Upload& u : client) {
            EXPECT_TRUE(u.id) << u.client_id << " was not acknowledged";
            ++total;
        }
    }
    EXPECT_GT(total, 50u);
    const HttpReply stored = get_with_token("/api/v1/inspections?year=2013");
    ASSERT_EQ(stored.status, 200);
    EXPECT_EQ(nlohmann::json::parse(stored.body).size(), total);
    EXPECT_EQ(stop(), 0);
    const CliRun verify = run({"verify", "--db", "t.db"});
    EXPECT_EQ(verify.code, 0) << verify.out << verify.err;
}

}  // namespace
}  // namespace parscore::testing
