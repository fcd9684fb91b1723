#include "parscore/core/sha256.hpp"

#include <gtest/gtest.h>

#include <string>

namespace parscore::core {
namespace {

struct Vector {
    const char* name;
    std::string input;
    const char* hex;
};

class Sha256VectorTest : public ::testing::TestWithParam<Vector> {};

TEST_P(Sha256VectorTest, MatchesKnownDigest) { EXPECT_EQ(sha256_hex(GetParam().input), GetParam().hex); }

TEST_P(Sha256VectorTest, IncrementalUpdatesGiveSameDigest) {
    const std::string& input = GetParam().input;
    Sha256 hash;
    for (std::size_t i = 0; i < input.size(); i += 7) hash.update(std::string_view(input).substr(i, 7));
    EXPECT_EQ(hash.hex(), GetParam().hex);
}

// FIPS 180-2 examples.
const Vector kVectors[] = {
    {"Empty", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
    {"Abc", "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
    {"TwoBlocks", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
     "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
    {"MillionA", std::string(1000000, 'a'), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"},
};

INSTANTIATE_TEST_SUITE_P(Fips, Sha256VectorTest, ::testing::ValuesIn(kVectors),
                         [](const auto& test) { return std::string(test.param.name); });

TEST(Sha256Test, HexCanBeAskedTwice) {
    Sha256 hash;
    hash.update("a").update("bc");
    const std::string first = hash.hex();
    EXPECT_EQ(first, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(hash.hex(), first);
}

TEST(Sha256Test, UpdateAfterFinishThrows) {
    Sha256 hash;
    hash.hex();
    EXPECT_THROW(hash.update("x"), std::runtime_error);
}

TEST(Sha256Test, HashesEmbeddedNulBytes) { EXPECT_NE(sha256_hex(std::string("a\0b", 3)), sha256_hex("ab")); }

}  // namespace
}  // namespace parscore::core
