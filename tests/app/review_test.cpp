// return, comment, attach and reading an attachment called directly with accounts: which role may
// do what on which inspection, that a refusal changes nothing, and that each change is audited.
#include "parscore/app/review.hpp"
#include "app_fixture.hpp"
#include "parscore/app/recording.hpp"

namespace parscore::app::testing {
namespace {

const std::string kPdf = "%PDF-1.4\n%%EOF\n";

class ReviewOps : public AppTest {
protected:
    void SetUp() override {
        import_test_units();
        id_ = record_one("submitted");
        draft_ = record_one("draft");
        add_account("office", "office", "NULL");
        add_account("insp", "inspector", "NULL");
        add_account("author", "author", "NULL");
        add_account("tu-phap", "agency", "'so-tu-phap'");
        add_account("noi-vu", "agency", "'so-noi-vu'");
        write_file(path("minutes.pdf"), kPdf);
    }
    std::string record_one(const std::string& status) {
        const fs::path file = path("r-" + status + ".yaml");
        write_file(file, "inspection:\n  unit: so-tu-phap\n  date: 2013-10-15\n  kind: surprise\n  status: " + status +
                             "\nfindings:\n  website: true\n");
        auto r = request<RecordRequest>();
        r.rulebook = kRulebook;
        r.reports = {file.string()};
        r.again = true;
        return record(r).reports.at(0).id;
    }
    /// Accounts are made behind the store's back: the commands that manage them live elsewhere.
    void add_account(const std::string& login, const std::string& role, const std::string& scope) {
        exec("INSERT INTO accounts VALUES ('" + login + "', '" + login + "', '" + role + "', " + scope +
             ", 'en', 'x', 0, 0, 'then', 'then', NULL)");
    }
    template <class R> R as(const std::string& login, const std::string& id) {
        R r = request<R>();
        r.actor = account(login);
        r.id = id;
        return r;
    }
    ReturnRequest returning(const std::string& login, const std::string& id) {
        auto r = as<ReturnRequest>(login, id);
        r.comment = "incomplete";
        return r;
    }
    CommentRequest commenting(const std::string& login, const std::string& id) {
        auto r = as<CommentRequest>(login, id);
        r.text = "seen";
        return r;
    }
    AttachRequest attaching(const std::string& login, const std::string& id) {
        auto r = as<AttachRequest>(login, id);
        r.files = {path("minutes.pdf").string()};
        return r;
    }
    std::string last() const { return query("SELECT max(no) FROM events"); }

    std::string id_, draft_;
};

TEST_F(ReviewOps, OnlyOfficeAndAdminReturnAndTheReturnIsAudited) {
    const std::string before = last();
    for (const char* login : {"insp", "author", "tu-phap"}) {
        auto e = thrown([&] { return_inspection(returning(login, id_)); });
        ASSERT_TRUE(e);
        EXPECT_EQ(e->kind(), ErrorKind::Forbidden) << login << ": " << e->what();
    }
    EXPECT_EQ(last(), before);
    EXPECT_EQ(query("SELECT count(*) FROM audit"), "0");  // refusals are not audited

    const ReviewResult done = return_inspection(returning("office", id_));
    EXPECT_EQ(done.id, id_);
    EXPECT_EQ(query("SELECT recorded_by FROM events WHERE event = 'return'"), "office");
    EXPECT_EQ(query("SELECT account || ' ' || action || ' ' || target || ' ' || revision FROM audit"),
              "office return " + id_ + " " + std::to_string(done.revision));
}

TEST_F(ReviewOps, EveryRoleCommentsOnWhatItMayReadAndNothingElse) {
    for (const char* login : {"office", "insp", "author", "tu-phap"}) {
        EXPECT_NO_THROW(comment(commenting(login, id_))) << login;
    }
    // Another unit's agency, and an agency on its own unit's draft, see no such inspection.
    for (const auto& [login, id] : {std::pair{"noi-vu", id_}, std::pair{"tu-phap", draft_}}) {
        auto e = thrown([&] { comment(commenting(login, id)); });
        ASSERT_TRUE(e);
        EXPECT_EQ(e->kind(), ErrorKind::NotFound);
        EXPECT_NE(std::string(e->what()).find("unknown inspection"), std::string::npos) << e->what();
    }
    EXPECT_EQ(query("SELECT count(*) FROM events WHERE event = 'comment'"), "4");
    EXPECT_EQ(query("SELECT count(*) FROM audit WHERE action = 'comment'"), "4");
}

TEST_F(ReviewOps, AttachingFollowsTheRecordingRowsAndReadingFollowsReading) {
    // The inspection was recorded by the test's actor: an inspector attaches only to its own.
    for (const char* login : {"insp", "author", "tu-phap"}) {
        auto e = thrown([&] { attach(attaching(login, id_)); });
        ASSERT_TRUE(e);
        EXPECT_EQ(e->kind(), ErrorKind::Forbidden) << login;
    }
    const AttachResult done = attach(attaching("office", id_));
    ASSERT_EQ(done.files.size(), 1u);
    EXPECT_EQ(done.files[0].info.media_type, "application/pdf");
    EXPECT_EQ(done.files[0].info.recorded_by, "office");

    auto read = as<AttachmentRequest>("tu-phap", id_);  // its own unit's, submitted
    read.sha256 = done.files[0].info.sha256.substr(0, 8);
    EXPECT_EQ(read_attachment(read).bytes, kPdf);
    read.actor = account("noi-vu");
    auto e = thrown([&] { read_attachment(read); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), ErrorKind::NotFound);
}

TEST_F(ReviewOps, TheOperatingSystemUserMayDoEverythingAndTextIsCheckedFirst) {
    auto r = request<CommentRequest>();
    r.id = id_;
    r.text = "   ";
    auto e = thrown([&] { comment(r); });
    ASSERT_TRUE(e);
    EXPECT_EQ(e->kind(), ErrorKind::BadRequest);
    r.text = "Ghi chú có dấu: Sở Tư pháp";
    EXPECT_EQ(comment(r).id, id_);
    EXPECT_EQ(query("SELECT recorded_by FROM events WHERE event = 'comment'"), kActor);
    EXPECT_EQ(query("SELECT count(*) FROM audit"), "0");  // the command line's own user is not audited
}

}  // namespace
}  // namespace parscore::app::testing
