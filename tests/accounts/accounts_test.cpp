// Logins, roles, password rules and hashes, API tokens (docs/accounts.md).
#include <gtest/gtest.h>

#include <set>

#include "parscore/accounts/login.hpp"
#include "parscore/accounts/password.hpp"
#include "parscore/accounts/token.hpp"

namespace parscore::accounts {
namespace {

TEST(Login, FollowsTheLoginPattern) {
    for (std::string_view ok : {"lan", "a", "nguyen.van.a", "so_noi-vu2", "0admin"}) {
        EXPECT_TRUE(valid_login(ok)) << ok;
    }
    EXPECT_TRUE(valid_login(std::string(64, 'a')));
    for (std::string_view bad : {"", "Lan", ".lan", "-lan", "_lan", "lan tran", "lan/..", "lân", "lan@so", "lan\n"}) {
        EXPECT_FALSE(valid_login(bad)) << bad;
    }
    EXPECT_FALSE(valid_login(std::string(65, 'a')));
    EXPECT_FALSE(valid_login(std::string_view("la\0n", 4)));
}

TEST(Role, NamesRoundTripAndNothingElseParses) {
    for (Role r : {Role::admin, Role::office, Role::author, Role::inspector, Role::agency}) {
        EXPECT_EQ(parse_role(role_name(r)), r);
    }
    EXPECT_FALSE(parse_role("Admin"));
    EXPECT_FALSE(parse_role("root"));
    EXPECT_FALSE(parse_role(""));
}

TEST(Password, RulesForANewPassword) {
    EXPECT_FALSE(password_problem("lan", "correct horse"));
    EXPECT_FALSE(password_problem("lan", "mậtkhẩuđủdài"));  // 12 code points
    ASSERT_TRUE(password_problem("lan", "short"));
    EXPECT_EQ(password_problem("lan", "short")->english(), "the password must have at least 10 characters");
    EXPECT_TRUE(password_problem("lan", "ăâêôơưđăâ"));  // 9 code points, 18 bytes: still too short
    EXPECT_EQ(password_problem("nguyen.van", "Nguyen.Van")->english(), "the password must differ from the login");
    EXPECT_EQ(password_problem("lan", "abcdefghij\xFF")->english(), "the password is not valid UTF-8 text");
}

TEST(Password, HashIsArgon2idWithTheMinimumCostAndVerifies) {
    const std::string hash = hash_password("correct horse battery");
    EXPECT_EQ(hash.rfind("$argon2id$", 0), 0u) << hash;
    EXPECT_NE(hash.find("m=19456,t=2"), std::string::npos) << hash;  // 19 MiB in KiB, two passes
    EXPECT_EQ(hash.find("correct horse"), std::string::npos);
    EXPECT_TRUE(verify_password(hash, "correct horse battery"));
    EXPECT_FALSE(verify_password(hash, "correct horse batterY"));
    EXPECT_FALSE(verify_password(hash, ""));
    EXPECT_FALSE(verify_password("not a hash", "correct horse battery"));
    EXPECT_FALSE(verify_password("", ""));
    EXPECT_NE(hash_password("correct horse battery"), hash);  // a fresh salt each time
}

TEST(Password, ACheaperHashNeedsRehashing) {
    const std::string cheap = hash_password("correct horse battery", HashCost{1, std::size_t{8} * 1024 * 1024});
    EXPECT_TRUE(verify_password(cheap, "correct horse battery"));
    EXPECT_TRUE(needs_rehash(cheap));
    EXPECT_FALSE(needs_rehash(hash_password("correct horse battery")));
    EXPECT_TRUE(needs_rehash("$2y$10$bcrypthashfromelsewhere"));
    EXPECT_TRUE(needs_rehash(""));
}

TEST(Password, GeneratedPasswordsAreLongUnambiguousAndDifferent) {
    std::set<std::string> seen;
    for (int i = 0; i < 50; ++i) {
        const std::string p = generate_password();
        EXPECT_EQ(p.size(), 16u);
        EXPECT_EQ(p.find_first_of("0O1lI"), std::string::npos) << p;
        EXPECT_FALSE(password_problem("lan", p)) << p;
        seen.insert(p);
    }
    EXPECT_EQ(seen.size(), 50u);
}

TEST(Token, IsRandomPrefixedAndStoredAsItsHash) {
    const NewToken a = generate_token();
    const NewToken b = generate_token();
    EXPECT_NE(a.secret, b.secret);
    EXPECT_EQ(a.secret.rfind("pst_", 0), 0u);
    EXPECT_EQ(a.secret.size(), 4u + 43u);  // 32 bytes in unpadded base64url
    EXPECT_TRUE(looks_like_token(a.secret));
    EXPECT_EQ(a.hash, token_hash(a.secret));
    EXPECT_EQ(a.hash.size(), 64u);
    EXPECT_EQ(a.hash.find(a.secret.substr(4)), std::string::npos);
    EXPECT_TRUE(same_hash(a.hash, token_hash(a.secret)));
    EXPECT_FALSE(same_hash(a.hash, b.hash));
    EXPECT_FALSE(same_hash(a.hash, a.hash.substr(1)));
}

TEST(Token, JunkIsNotAToken) {
    const std::string good = generate_token().secret;
    EXPECT_FALSE(looks_like_token(""));
    EXPECT_FALSE(looks_like_token(good.substr(1)));
    EXPECT_FALSE(looks_like_token("xyz_" + good.substr(4)));
    EXPECT_FALSE(looks_like_token(good + "A"));
    std::string bad = good;
    bad[10] = '+';  // standard base64, not base64url
    EXPECT_FALSE(looks_like_token(bad));
    bad[10] = '\0';
    EXPECT_FALSE(looks_like_token(bad));
}

}  // namespace
}  // namespace parscore::accounts
