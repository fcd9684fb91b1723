// A server killed with SIGKILL in the middle of a write load (docs/server.md, "Limits and
// faults"): after a restart `verify` is clean, every acknowledged report is there under the id it
// was given, and every report sent — acknowledged or not — is stored exactly once after its
// client resends it with the same client_id, so nothing was half-stored.
#include <csignal>

#include "upload_fixture.hpp"

namespace parscore::testing {
namespace {

TEST_F(UploadTest, AKilledServerLosesNothingAcknowledgedAndHalfStoresNothing) {
    start({"--threads", "4"});
    std::atomic<bool> done{false};
    std::thread killer([&] {
        std::this_thread::sleep_for(1500ms);
        server_->signal(SIGKILL);
        done = true;
    });
    const auto sent = upload_until(4, done);
    killer.join();
    ASSERT_EQ(server_->wait_exit(10s), -1) << "the server was not killed";

    std::size_t acknowledged = 0, total = 0;
    for (const auto& client : sent) {
        for (const Upload& u : client) acknowledged += u.id.has_value(), ++total;
    }
    ASSERT_GT(acknowledged, 0u) << "no upload was acknowledged before the kill";

    const CliRun verify = run({"verify", "--db", "t.db"});
    EXPECT_EQ(verify.code, 0) << verify.out << verify.err;

    start({"--threads", "2"});
    ASSERT_EQ(get("/healthz").status, 200) << server_->err();
    for (const auto& client : sent) {
        for (const Upload& u : client) {
            const HttpReply again = post_once(u);
            if (u.id) {
                ASSERT_EQ(again.status, 200) << u.client_id << ": " << again.body;
                EXPECT_EQ(nlohmann::json::parse(again.body).value("id", ""), *u.id) << u.client_id;
            } else {
                ASSERT_TRUE(again.status == 200 || again.status == 201) << u.client_id << ": " << again.body;
            }
        }
    }
    const HttpReply stored = get_with_token("/api/v1/inspections?year=2013");
    ASSERT_EQ(stored.status, 200) << stored.body;
    EXPECT_EQ(nlohmann::json::parse(stored.body).size(), total) << acknowledged << " were acknowledged";
    EXPECT_EQ(stop(), 0);
}

}  // namespace
}  // namespace parscore::testing
