#include "parscore/core/text_file.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "parscore/core/sha256.hpp"

namespace parscore::core {
namespace {

namespace fs = std::filesystem;

class TextFileTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "parscore-text-XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        dir_ = pattern;
    }
    void TearDown() override {
        std::error_code ec;
        fs::permissions(dir_ / "locked.yaml", fs::perms::owner_all, ec);
        fs::remove_all(dir_, ec);
    }
    fs::path write(const std::string& name, const std::string& bytes) {
        const fs::path path = dir_ / name;
        std::ofstream out(path, std::ios::binary);
        out << bytes;
        return path;
    }
    fs::path dir_;
};

TEST_F(TextFileTest, ReadsPlainUtf8) {
    const std::string bytes = "t\u00EAn: S\u1EDF T\u01B0 ph\u00E1p\n";
    const TextFile file = read_text_file(write("a.yaml", bytes), kMaxRuleFileBytes);
    EXPECT_EQ(file.status, ReadStatus::Ok);
    EXPECT_EQ(file.text, bytes);
    EXPECT_EQ(file.size, bytes.size());
    EXPECT_EQ(file.raw_sha256, sha256_hex(bytes));
}

TEST_F(TextFileTest, DropsBomAndCrlfButHashesBytesOnDisk) {
    // Adjacent literals end a \x escape before a hex-digit letter; kept on one line, unformatted.
    // clang-format off
    const std::string bytes = "\xEF\xBB\xBF" "a: 1\r\nb: 2\r\nc: x\ry\r\n";
    // clang-format on
    const TextFile file = read_text_file(write("bom.yaml", bytes), kMaxRuleFileBytes);
    EXPECT_EQ(file.status, ReadStatus::Ok);
    EXPECT_EQ(file.text, "a: 1\nb: 2\nc: x\ry\n");
    EXPECT_EQ(file.size, bytes.size());
    EXPECT_EQ(file.raw_sha256, sha256_hex(bytes));
    EXPECT_NE(file.raw_sha256, sha256_hex(file.text));
}

TEST_F(TextFileTest, EmptyFileIsOk) {
    const TextFile file = read_text_file(write("empty.yaml", ""), kMaxRuleFileBytes);
    EXPECT_EQ(file.status, ReadStatus::Ok);
    EXPECT_EQ(file.text, "");
    EXPECT_EQ(file.raw_sha256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST_F(TextFileTest, MissingFileIsNotFound) {
    EXPECT_EQ(read_text_file(dir_ / "missing.yaml", kMaxRuleFileBytes).status, ReadStatus::NotFound);
    EXPECT_EQ(read_text_file(dir_ / "no-dir" / "x.yaml", kMaxRuleFileBytes).status, ReadStatus::NotFound);
}

TEST_F(TextFileTest, DirectoryIsReported) {
    EXPECT_EQ(read_text_file(dir_, kMaxRuleFileBytes).status, ReadStatus::IsDirectory);
}

TEST_F(TextFileTest, SizeLimitIsInclusive) {
    const fs::path path = write("ten.yaml", std::string(10, 'x'));
    const TextFile at_limit = read_text_file(path, 10);
    EXPECT_EQ(at_limit.status, ReadStatus::Ok);
    EXPECT_EQ(at_limit.text.size(), 10u);
    const TextFile over = read_text_file(path, 9);
    EXPECT_EQ(over.status, ReadStatus::TooLarge);
    EXPECT_EQ(over.size, 10u);
    EXPECT_TRUE(over.text.empty());
}

TEST_F(TextFileTest, InvalidUtf8OffsetIsIntoNormalisedText) {
    // The BOM and one CR are dropped before the bad byte, so its offset moves back by 4.
    // clang-format off
    const TextFile file = read_text_file(write("bad.yaml", "\xEF\xBB\xBF" "a\r\nb\xC3("), kMaxRuleFileBytes);
    // clang-format on
    EXPECT_EQ(file.status, ReadStatus::InvalidUtf8);
    EXPECT_EQ(file.bad_offset, 3u);
    EXPECT_EQ(file.text, "a\nb\xC3(");
}

struct BomCase {
    const char* name;
    std::string bytes;
};

class WideBomTest : public TextFileTest, public ::testing::WithParamInterface<BomCase> {};

TEST_P(WideBomTest, IsRefusedAsUtf16) {
    const TextFile file = read_text_file(write("wide.yaml", GetParam().bytes), kMaxRuleFileBytes);
    EXPECT_EQ(file.status, ReadStatus::Utf16);
    EXPECT_TRUE(file.text.empty());
}

// clang-format off
const BomCase kBoms[] = {
    {"Utf16Le", std::string("\xFF\xFE" "a\0:\0", 6)},
    {"Utf16Be", std::string("\xFE\xFF\0a\0:", 6)},
    {"Utf32Le", std::string("\xFF\xFE\0\0" "a\0\0\0", 8)},
    {"Utf32Be", std::string("\0\0\xFE\xFF\0\0\0a", 8)},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(Boms, WideBomTest, ::testing::ValuesIn(kBoms),
                         [](const auto& test) { return std::string(test.param.name); });

TEST_F(TextFileTest, PermissionDeniedIsUnreadable) {
    const fs::path path = write("locked.yaml", "a: 1\n");
    fs::permissions(path, fs::perms::none);
    if (::geteuid() != 0) {
        EXPECT_EQ(read_text_file(path, kMaxRuleFileBytes).status, ReadStatus::Unreadable);
        return;
    }
    // Root reads every file: check in a child that runs as an unprivileged user.
    fs::permissions(path.parent_path(), fs::perms::all);
    pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(2);
        ::_exit(read_text_file(path, kMaxRuleFileBytes).status == ReadStatus::Unreadable ? 0 : 1);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 0);
}

TEST_F(TextFileTest, ReadErrorIsUnreadable) {
    // Reading this process's memory at address 0 fails with EIO even for root.
    if (!fs::exists("/proc/self/mem")) GTEST_SKIP() << "no /proc";
    EXPECT_EQ(read_text_file("/proc/self/mem", kMaxRuleFileBytes).status, ReadStatus::Unreadable);
}

TEST(NormalizeTextTest, OnlyLeadingBomAndCrlfChange) {
    // clang-format off
    std::string text = "\xEF\xBB\xBF" "a\r\n\r\nb\r\xEF\xBB\xBF\r";
    // clang-format on
    normalize_text(text);
    EXPECT_EQ(text, "a\n\nb\r\xEF\xBB\xBF\r");
    std::string plain = "x\ny";
    normalize_text(plain);
    EXPECT_EQ(plain, "x\ny");
}

TEST(DescribeTest, EveryStatusHasAMessage) {
    EXPECT_STREQ(describe(ReadStatus::NotFound), "no such file");
    EXPECT_STREQ(describe(ReadStatus::IsDirectory), "is a directory");
    for (ReadStatus s :
         {ReadStatus::Ok, ReadStatus::Unreadable, ReadStatus::TooLarge, ReadStatus::InvalidUtf8, ReadStatus::Utf16}) {
        EXPECT_GT(std::string(describe(s)).size(), 1u);
    }
}

}  // namespace
}  // namespace parscore::core
