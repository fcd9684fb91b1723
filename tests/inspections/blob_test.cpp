// The findings blob format (docs/store.md): round trips, determinism and damaged input.
#include <gtest/gtest.h>

#include "findings_blob.hpp"
#include "fixture.hpp"

namespace parscore::inspections::testing {
namespace {

TEST(FindingsBlob, TypedColumnsRoundTrip) {
    KindFindings k =
        records("audit", {"when", "score", "n", "ok", "note"},
                {{date("2013-01-31"), number("-0.000000001"), integer(-9223372036854775807LL - 1), boolean(true),
                  text("Sở Tư pháp")},
                 {date("1970-01-01"), number("999999999999999999.999999999"), integer(42), boolean(false), text("")},
                 {date("9999-12-31"), number("0"), integer(0), boolean(true), text("Sở Tư pháp")}});
    const std::string bytes = blob::encode(k);
    KindFindings back = blob::decode("audit", false, bytes);
    EXPECT_EQ(back.fields, k.fields);
    ASSERT_EQ(back.values.size(), k.values.size());
    for (std::size_t i = 0; i < k.values.size(); ++i) EXPECT_EQ(back.values[i], k.values[i]) << i;
    EXPECT_EQ(blob::encode(back), bytes);  // deterministic
}

TEST(FindingsBlob, MixedAndAbsentValuesUseTheTaggedColumn) {
    KindFindings k = records("x", {"v"}, {{integer(1)}, {text("one")}, {std::nullopt}, {number("1.5")}});
    const std::string bytes = blob::encode(k);
    KindFindings back = blob::decode("x", false, bytes);
    ASSERT_EQ(back.values.size(), 4u);
    EXPECT_EQ(back.values[0], k.values[0]);
    EXPECT_EQ(back.values[1], k.values[1]);
    EXPECT_FALSE(back.values[2].has_value());
    EXPECT_EQ(back.values[3], k.values[3]);
}

TEST(FindingsBlob, TextColumnsShareRepeatedValues) {
    std::vector<std::vector<std::optional<core::Datum>>> rows;
    for (int i = 0; i < 1000; ++i) rows.push_back({text(i % 2 ? "partial" : "full")});
    const std::string bytes = blob::encode(records("p", {"level"}, rows));
    EXPECT_LT(bytes.size(), 1100u);
    EXPECT_EQ(blob::decode("p", false, bytes).rows(), 1000u);
}

TEST(FindingsBlob, EmptyKindsRoundTrip) {
    KindFindings k = records("violation", {"kind", "person"}, {});
    KindFindings back = blob::decode("violation", false, blob::encode(k));
    EXPECT_EQ(back.rows(), 0u);
    EXPECT_EQ(back.fields, k.fields);
}

TEST(FindingsBlob, DamagedBytesAreAStoreErrorNeverACrash) {
    const std::string good = blob::encode(procedures({{"A", true, 1}, {"B", false, 2}}));
    for (std::size_t cut = 0; cut < good.size(); ++cut) {
        EXPECT_THROW(blob::decode("procedure", false, good.substr(0, cut)), StoreError) << cut;
    }
    std::string bad = good;
    bad[0] = 9;  // unknown version
    EXPECT_THROW(blob::decode("procedure", false, bad), StoreError);
    EXPECT_THROW(blob::decode("procedure", false, good + "x"), StoreError);
}

}  // namespace
}  // namespace parscore::inspections::testing
