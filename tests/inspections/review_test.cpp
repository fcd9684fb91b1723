// Review in the store (docs/store.md, "Review and attachments"): returns move a submitted
// inspection back and stop it counting, comments and attachments are events in its chain, an
// attachment is stored once by SHA-256, and verify and merge cover all of them.
#include <gtest/gtest.h>

#include "chain.hpp"
#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "photo of the one-stop desk";
const std::string kPdf = "%PDF-1.4\nminutes of the inspection\n%%EOF\n";

AttachmentFile jpeg(std::string name = "desk.jpg") { return {std::move(name), MediaType::jpeg, kJpeg}; }
AttachmentFile pdf(std::string name = "minutes.pdf") { return {std::move(name), MediaType::pdf, kPdf}; }

/// A blob literal: SQLite's X'…', PostgreSQL's bytea.
std::string bytes_literal(const std::string& hex) {
    return on_postgres() ? "'\\x" + hex + "'::bytea" : "X'" + hex + "'";
}

class Review : public ::testing::Test {
protected:
    void SetUp() override {
        Store store = Store::open(db(), OpenMode::Create);
        add_units(store, {unit("d1"), unit("d2")});
        id_ = record_ok(store, report("d1", "2013-05-01", InspectionKind::Scheduled, {fact("website", boolean(true))}));
    }
    const fs::path& db() const { return database_.location(); }
    /// Runs SQL behind the store's back; returns the rows it changed.
    std::int64_t raw_sql(const std::string& sql) const { return changed_rows(database_, sql); }
    /// A count read behind the store's back.
    std::int64_t raw_count(const std::string& sql) const { return database_.number(sql); }
    Store open() { return Store::open(db(), OpenMode::Existing); }
    Status status(Store& store) { return store.inspection(id_)->summary.status; }
    std::size_t counted(Store& store) {
        EvidenceQuery q;
        q.year = 2013;
        return store.load_evidence(test_schema(), q).inspections.size();
    }
    std::vector<std::string> problems() {
        std::vector<std::string> out;
        for (const ChainProblem& p : open().verify_chains()) out.push_back(p.message);
        return out;
    }

    TempDir dir_;
    TestDatabase database_{dir_.path()};
    std::string id_;
};

TEST_F(Review, ReturnStopsCountingUntilAmendedAndSubmittedAgain) {
    Store store = open();
    EXPECT_EQ(counted(store), 1u);
    const std::int64_t before = store.last_revision();
    EXPECT_EQ(store.return_inspection(id_, "Thiếu biên bản kiểm tra", "office"), before + 1);
    EXPECT_EQ(status(store), Status::Returned);
    EXPECT_EQ(counted(store), 0u);  // like a draft
    // Neither returned twice nor locked while returned.
    EXPECT_THROW(store.return_inspection(id_, "again"), StoreError);
    EXPECT_THROW(store.lock(id_), StoreError);
    store.amend(id_, report("d1", "2013-05-01", InspectionKind::Scheduled, {fact("website", boolean(false))}),
                test_schema(), "minutes added");
    EXPECT_EQ(status(store), Status::Returned);
    EXPECT_EQ(counted(store), 0u);
    store.submit(id_);
    EXPECT_EQ(status(store), Status::Submitted);
    EXPECT_EQ(counted(store), 1u);
    // As of the revision of the return, it did not count.
    EvidenceQuery q;
    q.year = 2013;
    q.as_of_revision = before + 1;
    EXPECT_TRUE(store.load_evidence(test_schema(), q).inspections.empty());
    store.return_inspection(id_, "still wrong");
    EXPECT_EQ(counted(store), 0u);
    store.submit(id_);
    store.lock(id_);
    EXPECT_EQ(status(store), Status::Locked);
    EXPECT_TRUE(store.verify_chains().empty());
}

TEST_F(Review, LockYearSkipsReturnedInspections) {
    Store store = open();
    store.return_inspection(id_, "incomplete");
    EXPECT_TRUE(store.lock_year(2013, std::nullopt).empty());
    store.submit(id_);
    EXPECT_EQ(store.lock_year(2013, std::nullopt), std::vector<std::string>{id_});
}

TEST_F(Review, OnlyASubmittedInspectionCanBeReturnedNamingItsStatus) {
    Store store = open();
    const std::string draft = record_ok(store, report("d2", "2013-05-02", InspectionKind::Scheduled,
                                                      {fact("website", boolean(true))}, Status::Draft));
    const std::int64_t last = store.last_revision();
    try {
        store.return_inspection(draft, "why");
        FAIL() << "a draft was returned";
    } catch (const StoreError& e) {
        EXPECT_EQ(e.kind(), StoreError::Kind::Refused);
        EXPECT_NE(std::string(e.what()).find("is draft; only a submitted inspection can become returned"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW(store.return_inspection("no-such-inspection", "why"), StoreError);
    EXPECT_EQ(store.last_revision(), last);
}

TEST_F(Review, CommentsAreAllowedInEveryStatusButNotEmpty) {
    Store store = open();
    store.lock(id_);
    const std::int64_t no = store.comment(id_, "Đã xem.\nKhông có ý kiến thêm.", "author");
    for (const std::string& bad :
         {std::string(), std::string(" \n\t"), std::string("\xC3\x28"), std::string(kMaxNoteChars + 1, 'x')}) {
        EXPECT_THROW(store.comment(id_, bad), StoreError) << bad.size();
    }
    EXPECT_NO_THROW(store.comment(id_, std::string(kMaxNoteChars, 'x')));
    auto d = store.inspection(id_);
    ASSERT_EQ(d->notes.size(), 2u);
    EXPECT_EQ(d->notes[0].kind, ReviewNote::Kind::Comment);
    EXPECT_EQ(d->notes[0].no, no);
    EXPECT_EQ(d->notes[0].text, "Đã xem.\nKhông có ý kiến thêm.");
    EXPECT_EQ(d->notes[0].recorded_by, "author");
    EXPECT_EQ(d->summary.status, Status::Locked);  // a comment is not a status event
    EXPECT_EQ(d->history.back().type, HistoryEntry::Type::Comment);
}

TEST_F(Review, AttachmentsAreStoredOnceByContentAndListedWithTheInspection) {
    Store store = open();
    const std::string other = record_ok(store, report("d2", "2013-05-02", InspectionKind::Surprise, {}));
    const std::vector<std::int64_t> numbers = store.attach(id_, {jpeg(), pdf()}, "inspector");
    ASSERT_EQ(numbers.size(), 2u);
    EXPECT_EQ(numbers[1], numbers[0] + 1);
    store.attach(other, {jpeg("same-photo.jpg")});
    EXPECT_EQ(raw_count("SELECT count(*) FROM attachments"), 2);  // the photo once
    auto d = store.inspection(id_);
    ASSERT_EQ(d->attachments.size(), 2u);
    EXPECT_EQ(d->attachments[0].sha256, core::sha256_hex(kJpeg));
    EXPECT_EQ(d->attachments[0].file_name, "desk.jpg");
    EXPECT_EQ(d->attachments[0].media_type, "image/jpeg");
    EXPECT_EQ(d->attachments[0].size, static_cast<std::int64_t>(kJpeg.size()));
    EXPECT_EQ(d->attachments[0].recorded_by, "inspector");
    EXPECT_EQ(d->attachments[1].media_type, "application/pdf");
    auto body = store.attachment(core::sha256_hex(kPdf));
    ASSERT_TRUE(body);
    EXPECT_EQ(body->bytes, kPdf);
    EXPECT_FALSE(store.attachment(std::string(64, '0')));
    EXPECT_EQ(d->summary.status, Status::Submitted);
    EXPECT_TRUE(store.verify_chains().empty());
}

TEST_F(Review, AttachingIsAllOrNothingAndRefusedWhenLockedOrAlreadyAttached) {
    Store store = open();
    store.attach(id_, {jpeg()});
    const std::int64_t last = store.last_revision();
    EXPECT_THROW(store.attach(id_, {pdf(), jpeg("again.jpg")}), StoreError);  // the photo is attached already
    EXPECT_THROW(store.attach(id_, {pdf(), pdf("copy.pdf")}), StoreError);    // twice in one request
    EXPECT_EQ(store.last_revision(), last);
    EXPECT_EQ(raw_count("SELECT count(*) FROM attachments"), 1);  // the PDF was not kept
    store.lock(id_);
    try {
        store.attach(id_, {pdf()});
        FAIL() << "attached to a locked inspection";
    } catch (const StoreError& e) {
        EXPECT_NE(std::string(e.what()).find("is locked"), std::string::npos) << e.what();
    }
    EXPECT_EQ(store.inspection(id_)->attachments.size(), 1u);
}

TEST_F(Review, EachChangeIsAuditedWithItsRevisionWhenAnAccountActs) {
    Store store = open();
    store.audit_as(AuditContext{"office", "local"});
    const std::int64_t returned = store.return_inspection(id_, "why", "office");
    store.comment(id_, "note", "office");
    store.attach(id_, {jpeg(), pdf()}, "office");
    EXPECT_EQ(raw_count("SELECT count(*) FROM audit"), 4);
    EXPECT_EQ(raw_count("SELECT revision FROM audit WHERE action = 'return'"), returned);
    EXPECT_EQ(raw_count("SELECT count(*) FROM audit WHERE action = 'attach' AND target = '" + id_ + "'"), 2);
}

TEST(ReviewChain, StatusEventsKeepTheHashTheyAlwaysHad) {
    // Computed by the event hash before returns, comments and attachments existed.
    chain::EventContent e;
    e.inspection = "i";
    e.seq = 2;
    e.prev_hash = "p";
    e.event = "submit";
    e.recorded_by = "me";
    e.recorded_at = "2020-01-01T00:00:00Z";
    EXPECT_EQ(chain::event_hash(e), "4ae7f4af82c469cb3e67d72b0f8ab83facc82c4f19eb88015895cf55b758f810");
    e.event = "lock";
    e.note = "ignored for a status move";
    EXPECT_EQ(chain::event_hash(e), "aebe576c1a92a9f8c187e083ac1557b2ac973fd18cf399a4c344b83ef09ad02c");
    // A comment's text is part of its hash.
    e.event = "comment";
    const std::string one = chain::event_hash(e);
    e.note = "another text";
    EXPECT_NE(chain::event_hash(e), one);
}

TEST_F(Review, VerifyFindsATamperedCommentText) {
    open().comment(id_, "the desk was empty");
    EXPECT_TRUE(problems().empty());
    EXPECT_EQ(raw_sql("UPDATE events SET note = 'the desk was staffed' WHERE event = 'comment'"), 1);
    const auto found = problems();
    ASSERT_FALSE(found.empty());
    EXPECT_NE(found[0].find("hash does not match"), std::string::npos) << found[0];
}

TEST_F(Review, VerifyFindsATamperedOrMissingAttachment) {
    open().attach(id_, {jpeg()});
    const std::string sha = core::sha256_hex(kJpeg);
    EXPECT_EQ(raw_sql("UPDATE attachments SET body = " + bytes_literal("FFD8FF00")), 1);
    auto found = problems();
    ASSERT_EQ(found.size(), 2u);  // the bytes and the size
    EXPECT_EQ(found[0], "attachment " + sha + ": its bytes do not match its SHA-256");
    EXPECT_NE(found[1].find("its size is"), std::string::npos) << found[1];

    EXPECT_EQ(raw_sql("DELETE FROM attachments"), 1);
    found = problems();
    ASSERT_EQ(found.size(), 1u);
    EXPECT_NE(found[0].find("its attachment " + sha + " is missing"), std::string::npos) << found[0];
    // Changing which file an event names breaks its hash.
    open();
    EXPECT_EQ(raw_sql("UPDATE events SET file_name = 'other.jpg' WHERE event = 'attach'"), 1);
    found = problems();
    bool hash = false;
    for (const auto& p : found) hash = hash || p.find("hash does not match") != std::string::npos;
    EXPECT_TRUE(hash);
}

TEST_F(Review, VerifyFindsAnAttachmentAfterTheLock) {
    Store store = open();
    store.attach(id_, {jpeg()});
    store.lock(id_);
    EXPECT_TRUE(store.verify_chains().empty());
    // Swap the two events' places in the chain: the attachment now follows the lock.
    raw_sql("UPDATE events SET seq = 99 WHERE event = 'attach'");
    raw_sql("UPDATE events SET seq = 2 WHERE event = 'lock'");
    raw_sql("UPDATE events SET seq = 3 WHERE event = 'attach'");
    bool illegal = false;
    for (const auto& p : problems())
        illegal = illegal || p.find("'attach' is not a legal move from locked") != std::string::npos;
    EXPECT_TRUE(illegal);
}

class ReviewMerge : public Review {
protected:
    fs::path there() const { return dir_ / "there.db"; }  // merge reads a SQLite file
};

TEST_F(ReviewMerge, ReturnsCommentsAndAttachmentsComeAlongOnce) {
    copy_database(db(), there());
    {
        Store t = Store::open(there(), OpenMode::Existing);
        t.return_inspection(id_, "missing minutes", "office");
        t.comment(id_, "see the photo", "office");
        t.attach(id_, {jpeg(), pdf()}, "inspector");
    }
    Store here = open();
    const MergeOutcome first = here.merge(there());
    ASSERT_TRUE(first.problems.empty()) << first.problems.front();
    EXPECT_TRUE(first.merged);
    EXPECT_EQ(first.entries_added, 4u);
    auto d = here.inspection(id_);
    EXPECT_EQ(d->summary.status, Status::Returned);
    ASSERT_EQ(d->notes.size(), 2u);
    EXPECT_EQ(d->notes[0].text, "missing minutes");
    ASSERT_EQ(d->attachments.size(), 2u);
    EXPECT_EQ(here.attachment(d->attachments[1].sha256)->bytes, kPdf);
    EXPECT_TRUE(here.verify_chains().empty());

    const std::string after_first = fingerprint(database_);
    const MergeOutcome second = here.merge(there());
    EXPECT_FALSE(second.merged);
    EXPECT_TRUE(second.problems.empty());
    EXPECT_EQ(fingerprint(database_), after_first);
}

TEST_F(ReviewMerge, AnAttachmentPresentHereWithOtherBytesRefusesTheMerge) {
    copy_database(db(), there());
    Store::open(there(), OpenMode::Existing).attach(id_, {jpeg()});
    {
        Store store = open();
        const std::string other = record_ok(store, report("d2", "2013-05-02", InspectionKind::Surprise, {}));
        store.attach(other, {jpeg()});
    }
    raw_sql("UPDATE attachments SET body = " + bytes_literal("FFD8FF01"));  // here, behind the store's back
    const std::int64_t last = open().last_revision();
    const MergeOutcome outcome = open().merge(there());
    ASSERT_EQ(outcome.problems.size(), 1u);
    EXPECT_NE(outcome.problems[0].find("differs here and in"), std::string::npos) << outcome.problems[0];
    EXPECT_EQ(open().last_revision(), last);
}

}  // namespace
}  // namespace parscore::inspections::testing
