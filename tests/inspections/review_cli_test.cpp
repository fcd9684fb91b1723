// return, comment, attach and show --attachment on the command line: what they print, and every
// refusal with its exit code and message, leaving the database unchanged.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + "pixels";
const std::string kPng = std::string("\x89PNG\r\n\x1A\n\x00\x00\x00\rIHDR", 16);
const std::string kWebp = std::string("RIFF\x1A\x00\x00\x00WEBPVP8 ", 16);
const std::string kPdf = "%PDF-1.4\n%%EOF\n";

class ReviewCli : public UnitsDatabase {
protected:
    std::string record(const std::string& status = "submitted") {
        const fs::path p = dir_ / ("r" + std::to_string(++files_) + ".yaml");
        write_file(p, "inspection:\n  unit: so-tu-phap\n  date: 2013-05-0" + std::to_string(files_) +
                          "\n  kind: scheduled\n  status: " + status + "\nfindings:\n  website: true\n");
        RunResult r = run({"record", "--rules", kRulebook.string(), p.string()});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return r.out.substr(0, 36);
    }
    nlohmann::json show(const std::string& id) {
        RunResult r = run({"show", id, "--format", "json"});
        EXPECT_EQ(r.exit_code, 0) << r.err;
        return nlohmann::json::parse(r.out);
    }
    std::string file(const std::string& name, const std::string& bytes) {
        const fs::path p = dir_ / name;
        write_file(p, bytes);
        return p.string();
    }
    /// Runs a command that must be refused with `code` and a message containing `message`, and
    /// checks that the database did not change.
    void refused(const std::vector<std::string>& args, int code, const std::string& message) {
        const std::string before = fingerprint(database_);
        RunResult r = run(args);
        EXPECT_EQ(r.exit_code, code) << r.err;
        EXPECT_NE(r.err.find(message), std::string::npos) << r.err;
        EXPECT_EQ(r.out, "");
        EXPECT_EQ(fingerprint(database_), before) << args.front();
    }

    int files_ = 0;
};

TEST_F(ReviewCli, ReturnAmendSubmitAgain) {
    const std::string id = record();
    RunResult r = run({"return", id.substr(0, 12), "--comment", "Thiếu biên bản"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, id + " returned\n");
    nlohmann::json shown = show(id);
    EXPECT_EQ(shown["status"], "returned");
    ASSERT_EQ(shown["comments"].size(), 1u);
    EXPECT_EQ(shown["comments"][0]["kind"], "return");
    EXPECT_EQ(shown["comments"][0]["text"], "Thiếu biên bản");
    EXPECT_EQ(shown["history"].back()["type"], "return");
    refused({"lock", id}, 1, "is returned; only a submitted inspection can become locked");

    const std::string amended = file("amended.yaml",
                                     "inspection:\n  unit: so-tu-phap\n  date: 2013-05-01\n  kind: scheduled\n"
                                     "findings:\n  website: false\n");
    ASSERT_EQ(run({"amend", id, amended, "--reason", "minutes found"}).exit_code, 0);
    ASSERT_EQ(run({"submit", id}).exit_code, 0);
    EXPECT_EQ(show(id)["status"], "submitted");
    RunResult verify = run({"verify"});
    EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

TEST_F(ReviewCli, ReturningADraftOrAnUnknownIdIsRefused) {
    const std::string draft = record("draft");
    refused({"return", draft, "--comment", "why"}, 1,
            "inspection " + draft + " is draft; only a submitted inspection can become returned");
    refused({"return", "ffffffff-ffff", "--comment", "why"}, 1, "unknown inspection 'ffffffff-ffff'");
    refused({"return", draft, "--comment", "  "}, 2, "--comment cannot be stored: the text is empty");
    refused({"return", draft}, 2, "--comment is required");
}

TEST_F(ReviewCli, CommentsInEveryStatusAndTheirRefusals) {
    const std::string id = record();
    ASSERT_EQ(run({"lock", id}).exit_code, 0);
    RunResult r = run({"comment", id, "Đã xem,\nđồng ý khóa."});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out, "comment added to " + id + "\n");
    RunResult table = run({"show", id});
    EXPECT_NE(table.out.find("comments:\n"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("    Đã xem,\n    đồng ý khóa.\n"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("commented"), std::string::npos) << table.out;

    refused({"comment", id, ""}, 2, "the comment cannot be stored: the text is empty");
    refused({"comment", id, std::string(4001, 'x')}, 2, "longer than 4000 characters");
    refused({"comment", "ffffffff-ffff", "hello"}, 1, "unknown inspection 'ffffffff-ffff'");
    refused({"comment", "ffff", "hello"}, 2, "is too short");
}

TEST_F(ReviewCli, AttachListsAndWritesTheFilesBack) {
    const std::string id = record();
    const std::string jpeg = file("desk.jpg", kJpeg), png = file("chart.png", kPng), webp = file("room.webp", kWebp),
                      pdf = file("minutes.pdf", kPdf);
    RunResult r = run({"attach", id, jpeg, png, webp, pdf});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find(jpeg + " attached to " + id + ": image/jpeg, " + std::to_string(kJpeg.size()) +
                         " bytes, SHA-256 " + core::sha256_hex(kJpeg) + "\n"),
              std::string::npos)
        << r.out;
    nlohmann::json shown = show(id);
    ASSERT_EQ(shown["attachments"].size(), 4u);
    EXPECT_EQ(shown["attachments"][0]["name"], "desk.jpg");
    EXPECT_EQ(shown["attachments"][1]["media_type"], "image/png");
    EXPECT_EQ(shown["attachments"][2]["media_type"], "image/webp");
    EXPECT_EQ(shown["attachments"][3]["media_type"], "application/pdf");
    EXPECT_EQ(shown["status"], "submitted");
    RunResult table = run({"show", id});
    EXPECT_NE(table.out.find("attachments:\n"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find(core::sha256_hex(kPdf).substr(0, 12) + "  minutes.pdf  application/pdf"),
              std::string::npos)
        << table.out;

    const fs::path out = dir_ / "copy.pdf";
    RunResult saved = run({"show", id, "--attachment", core::sha256_hex(kPdf).substr(0, 10), "--out", out.string()});
    ASSERT_EQ(saved.exit_code, 0) << saved.err;
    EXPECT_EQ(read_all(out), kPdf);
    EXPECT_NE(saved.out.find("minutes.pdf (application/pdf"), std::string::npos) << saved.out;
    refused({"show", id, "--attachment", core::sha256_hex(kPdf), "--out", db_}, 2, "--out");
    refused({"show", id, "--attachment", core::sha256_hex(kPdf)}, 2, "--attachment needs --out");
    refused({"show", id, "--attachment", "00000000", "--out", out.string()}, 1, "has no attachment '00000000'");
    refused({"attach", id, jpeg}, 1, "is already attached to inspection " + id);
    refused({"attach", id, file("again.jpg", kJpeg)}, 1,
            "'again.jpg' is already attached to inspection " + id + " as 'desk.jpg'");
}

TEST_F(ReviewCli, AFileNameIsKeptAsUtf8CutAtACharacterBoundary) {
    const std::string id = record();
    // Latin-1 bytes are not UTF-8: each becomes U+FFFD (3 bytes), 1 + 300 + 4 bytes in all.
    const std::string name = "a" + std::string(100, '\xE9') + ".pdf";
    RunResult r = run({"attach", id, file(name, kPdf)});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const std::string stored = show(id)["attachments"][0]["name"];
    std::string expected = "a";
    for (int i = 0; i < 84; ++i) expected += "\xEF\xBF\xBD";  // 253 bytes: an 85th would pass 255
    EXPECT_EQ(stored, expected);
}

TEST_F(ReviewCli, AttachRefusesBadFilesAndLockedInspectionsStoringNothing) {
    const std::string id = record();
    const std::string good = file("good.pdf", kPdf);
    refused({"attach", id, good, file("photo.jpg", "GIF89a\x01\x00\x01\x00")}, 1,
            "photo.jpg' is not a JPEG, PNG, WebP or PDF file");
    refused({"attach", id, file("page.jpg", "<!DOCTYPE html><html></html>")}, 1,
            "page.jpg' is not a JPEG, PNG, WebP or PDF file");
    const fs::path big = dir_ / "big.jpg";
    write_file(big, kJpeg);
    fs::resize_file(big, kMaxAttachmentBytes + 1);  // sparse: nothing is written past the header
    refused({"attach", id, good, big.string()}, 1, "big.jpg' has 10485761 bytes; an attachment has at most 10485760");
    refused({"attach", id, good, (dir_ / "absent.png").string()}, 3, "absent.png': no such file");
    refused({"attach", "ffffffff-ffff", good}, 1, "unknown inspection 'ffffffff-ffff'");
    EXPECT_TRUE(show(id)["attachments"].empty());

    ASSERT_EQ(run({"lock", id}).exit_code, 0);
    refused({"attach", id, good}, 1, "inspection " + id + " is locked; nothing can be attached to it");
}

TEST_F(ReviewCli, AccountsReviewWithTheirRightsThroughAsAndAreAudited) {
    const std::string id = record();
    // Accounts made behind the tool's back: the users command is tested on its own.
    database_.exec(
        "INSERT INTO accounts VALUES ('office', 'Văn phòng', 'office', NULL, 'en', 'x', 0, 0, 't', 't', NULL);"
        "INSERT INTO accounts VALUES ('insp', 'Kiểm tra viên', 'inspector', NULL, 'en', 'x', 0, 0, 't', 't', NULL);");
    const std::string pdf = file("minutes.pdf", kPdf);
    refused({"--as", "insp", "return", id, "--comment", "why"}, 1, "account 'insp' (inspector) may not");
    refused({"--as", "insp", "attach", id, pdf}, 1, "acts only on inspections it recorded");
    ASSERT_EQ(run({"--as", "insp", "comment", id, "seen"}).exit_code, 0);
    ASSERT_EQ(run({"--as", "office", "return", id, "--comment", "why"}).exit_code, 0);
    ASSERT_EQ(run({"--as", "office", "attach", id, pdf}).exit_code, 0);
    const nlohmann::json shown = show(id);
    EXPECT_EQ(shown["comments"][0]["by"], "insp");
    EXPECT_EQ(shown["comments"][1]["by"], "office");
    EXPECT_EQ(shown["attachments"][0]["by"], "office");
    EXPECT_EQ(database_.text("SELECT group_concat(account || ':' || action, ' ') FROM "
                             "(SELECT * FROM audit ORDER BY no) AS ordered"),
              "insp:comment office:return office:attach");
}

TEST_F(ReviewCli, ACommandOnAMissingDatabaseCreatesNone) {
    const TestDatabase missing(dir_.path(), "none.db");
    RunResult r = run_parscore({"--db", missing.string(), "comment", "ffffffff-ffff", "hello"}, dir_.path());
    EXPECT_EQ(r.exit_code, 3) << r.err;
    EXPECT_FALSE(created(missing));
}

}  // namespace
}  // namespace parscore::inspections::testing
