// The rulebooks shipped in rules/: they load cleanly, have the shape their comments promise, and
// their hashes follow `rulebook.sha256` in docs/reference/outputs.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "model_dump.hpp"
#include "parscore/core/sha256.hpp"
#include "support.hpp"

namespace parscore::rules {
namespace {

using testing::load_path;
using testing::source_dir;

const std::filesystem::path k2013 = source_dir() / "rules/hoa-binh-2013/rulebook.yaml";
const std::filesystem::path k2026 = source_dir() / "rules/province-2026/rulebook.yaml";

std::string bytes_of(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The criteria's maxima for a unit of `category`: those whose applies_to leaves it out do not count.
Decimal total_max(const Rulebook& rb, const std::string& category) {
    Decimal sum;
    for (const Group& g : rb.groups) {
        for (const Criterion& c : g.criteria) {
            const bool applies = c.applies_to.empty() ||
                                 std::find(c.applies_to.begin(), c.applies_to.end(), category) != c.applies_to.end();
            if (applies) sum = *Decimal::add(sum, c.max);
        }
    }
    return sum;
}

std::vector<std::string> ids_of(const std::vector<Indicator>& items) {
    std::vector<std::string> ids;
    for (const auto& i : items) ids.push_back(i.id);
    return ids;
}

/// Every expression of the rulebook was compiled.
void expect_all_compiled(const Rulebook& rb) {
    for (const Group& g : rb.groups) {
        for (const Criterion& c : g.criteria) EXPECT_NE(c.points.root, dsl::kNoNode) << c.id;
    }
    for (const auto& a : rb.deductions) EXPECT_NE(a.points.root, dsl::kNoNode) << a.id;
    for (const auto& a : rb.bonuses) EXPECT_NE(a.points.root, dsl::kNoNode) << a.id;
    for (const auto& c : rb.band_caps) EXPECT_NE(c.when.root, dsl::kNoNode) << c.id;
    for (const auto& i : rb.indicators) EXPECT_NE(i.of.root, dsl::kNoNode) << i.id;
}

TEST(ShippedRulebooks, HoaBinh2013LoadsWithoutAnyDiagnostic) {
    auto loaded = load_path(k2013);
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    EXPECT_TRUE(loaded->diags.empty()) << loaded->rendered();
    const Rulebook& rb = *loaded->outcome.rulebook;
    EXPECT_EQ(rb.id, "hoa-binh-cchc");
    EXPECT_EQ(rb.version, "2013.2");
    EXPECT_EQ(rb.units, (std::vector<std::string>{"department", "district"}));
    EXPECT_EQ(rb.category_label("department"), "Khối sở, ban, ngành");
    EXPECT_EQ(rb.category_label("district"), "Khối UBND các huyện, thành phố");
    // Only the events anyone may report read as "none" for a unit nobody checked.
    for (const core::KindDef& kind : rb.evidence.kinds) {
        if (kind.is_fact) continue;
        const bool event = kind.name == "violation" || kind.name == "innovation";
        EXPECT_EQ(kind.unchecked, event ? core::Unchecked::None : core::Unchecked::Missing) << kind.name;
    }
    EXPECT_TRUE(rb.indicators[4].is_ratio()) << rb.indicators[4].id;  // autonomy: a share of units
    EXPECT_EQ(rb.groups.size(), 8u);
    EXPECT_EQ(rb.criterion_count(), 35u);
    EXPECT_EQ(total_max(rb, "district"), *Decimal::from_int(100));
    EXPECT_EQ(total_max(rb, "department"), *Decimal::from_int(98));  // chi_dao.cap_xa is for districts
    EXPECT_EQ(rb.scale, *Decimal::from_int(100));
    ASSERT_EQ(rb.bands.size(), 4u);
    EXPECT_EQ(rb.bands[0].id, "excellent");
    EXPECT_EQ(rb.bands[3].min, Decimal{});
    EXPECT_EQ(rb.deductions.size(), 9u);
    EXPECT_EQ(rb.deduction_cap, Decimal::from_int(10));
    ASSERT_EQ(rb.bonuses.size(), 1u);
    EXPECT_EQ(rb.bonuses[0].cap, Decimal::from_int(3));
    EXPECT_EQ(rb.band_caps.size(), 4u);
    EXPECT_EQ(rb.indicators.size(), 13u);
    const Criterion* cap_xa = rb.criterion("chi_dao.cap_xa");
    ASSERT_NE(cap_xa, nullptr);
    EXPECT_EQ(cap_xa->applies_to, (std::vector<std::string>{"district"}));
    ASSERT_NE(rb.criterion("tai_chinh.giai_ngan"), nullptr);
    EXPECT_EQ(rb.criterion("tai_chinh.giai_ngan")->on_missing, OnMissing::Exempt);
    EXPECT_EQ(rb.criterion("tthc.niem_yet")->title, "Niêm yết công khai TTHC tại trụ sở");
    expect_all_compiled(rb);

    ASSERT_EQ(rb.files.size(), 1u);
    EXPECT_EQ(rb.files[0].text, bytes_of(k2013));
    EXPECT_EQ(rb.sha256, core::sha256_hex(bytes_of(k2013)));
}

TEST(ShippedRulebooks, Province2026ExtendsTheHoaBinhRulebook) {
    auto loaded = load_path(k2026);
    ASSERT_TRUE(loaded->ok()) << loaded->rendered();
    EXPECT_TRUE(loaded->diags.empty()) << loaded->rendered();
    const Rulebook& rb = *loaded->outcome.rulebook;
    EXPECT_EQ(rb.id, "province-cchc-2026");
    EXPECT_EQ(rb.units, (std::vector<std::string>{"department", "commune"}));
    EXPECT_EQ(rb.category_label("department"), "Khối sở, ban, ngành");
    EXPECT_EQ(rb.category_label("commune"), "Khối UBND các xã, phường");
    EXPECT_EQ(rb.evidence.find("violation")->unchecked, core::Unchecked::None);  // inherited
    EXPECT_EQ(total_max(rb, "department"), *Decimal::from_int(100));
    EXPECT_EQ(total_max(rb, "commune"), *Decimal::from_int(100));
    EXPECT_EQ(rb.criterion("chi_dao.cap_xa"), nullptr);
    EXPECT_EQ(rb.criterion("cong_chuc.bo_tri_mot_cua"), nullptr);  // no desk of its own (Decree 118/2025)
    EXPECT_EQ(rb.criterion("hien_dai_hoa.dvc_muc_3"), nullptr);
    ASSERT_NE(rb.criterion("hien_dai_hoa.dvc_toan_trinh"), nullptr);
    // A replaced criterion keeps its place in its group.
    const Group& tthc = rb.groups[2];
    ASSERT_EQ(tthc.id, "tthc");
    EXPECT_EQ(tthc.criteria[3].id, "tthc.mot_cua");
    EXPECT_EQ(tthc.criteria[3].title, "Tiếp nhận, trả kết quả TTHC qua Trung tâm phục vụ hành chính công");
    EXPECT_EQ(tthc.title, "Cải cách thủ tục hành chính");  // merged group keeps the parent's title
    // The procedure kind was replaced; the new fact was appended; a removed one is gone.
    const core::KindDef* procedure = rb.evidence.find("procedure");
    ASSERT_NE(procedure, nullptr);
    EXPECT_TRUE(procedure->field_index("online").has_value());
    EXPECT_FALSE(procedure->field_index("online_level").has_value());
    EXPECT_EQ(rb.evidence.kinds.back().name, "sipas");
    EXPECT_EQ(rb.evidence.find("commune_guidance"), nullptr);
    EXPECT_EQ(rb.evidence.find("desk_staff"), nullptr);
    ASSERT_EQ(rb.bands.size(), 4u);
    EXPECT_EQ(rb.bands[0].quota, Decimal::parse("0.2"));
    EXPECT_EQ(rb.bands[0].quota_of, "good");
    EXPECT_EQ(rb.bands[1].min, *Decimal::from_int(70));
    auto indicators = ids_of(rb.indicators);
    EXPECT_EQ(std::count(indicators.begin(), indicators.end(), "online_level_3"), 0);
    EXPECT_EQ(indicators.back(), "online_payment");
    expect_all_compiled(rb);

    // Files root first; the hash is over the files' hex digests, each followed by a line feed.
    ASSERT_EQ(rb.files.size(), 2u);
    EXPECT_EQ(std::filesystem::path(rb.files[0].path).filename(), "rulebook.yaml");
    EXPECT_EQ(rb.files[0].text, bytes_of(k2013));
    EXPECT_EQ(rb.files[1].text, bytes_of(k2026));
    const std::string h13 = core::sha256_hex(bytes_of(k2013)), h26 = core::sha256_hex(bytes_of(k2026));
    EXPECT_EQ(rb.files[0].sha256, h13);
    EXPECT_EQ(rb.sha256, core::sha256_hex(h13 + "\n" + h26 + "\n"));
}

TEST(ShippedRulebooks, HashAndModelAreStableAcrossRuns) {
    for (const auto& path : {k2013, k2026}) {
        auto first = load_path(path);
        auto second = load_path(path);
        ASSERT_TRUE(first->ok() && second->ok()) << path;
        EXPECT_EQ(first->outcome.rulebook->sha256, second->outcome.rulebook->sha256);
        EXPECT_EQ(first->outcome.rulebook->sha256.size(), 64u);
        EXPECT_EQ(testing::dump(*first->outcome.rulebook), testing::dump(*second->outcome.rulebook));
    }
    EXPECT_NE(load_path(k2013)->outcome.rulebook->sha256, load_path(k2026)->outcome.rulebook->sha256);
}

}  // namespace
}  // namespace parscore::rules
