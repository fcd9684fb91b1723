#pragma once
// The demo province: Hòa Bình's 19 departments and 11 district committees with the per-unit
// figures that add up to the province-wide numbers of the 2013 report (docs/demo.md). Everything
// else about a unit is drawn from its stream of random numbers around `capacity`. The agencies'
// names are real; their inspections, people, violations and scores are fictional.
#include <array>
#include <cstddef>

namespace parscore::engine::demo {

struct UnitProfile {
    const char* id;
    const char* name;
    const char* category;  // "department" or "district"
    const char* prefix;    // procedure codes: PREFIX-001, …; every district shares the district set "H"
    bool website;          // 8 of 19 departments, 4 of 11 districts
    bool e_office;         // 8 agencies
    bool desk_required;    // the unit must run a one-stop desk (the inspectorate and the ethnic affairs board need not)
    bool one_stop_desk;    // 16 of 19 departments, every district
    bool investment;       // has investment capital (disbursement rate; others are exempt)
    int capacity;          // 0–100: how well the unit usually does; drives its random draws
    int procedures;        // procedures published for the unit (the district set: kDistrictSet)
    int one_stop;          // of those, under one-stop in 2013 (departments 196 + the district set's 45 = 241)
    int inter_agency;      // of those, under inter-agency one-stop (departments 12 + the district set's 7 = 19)
    int online_level_2;    // procedures offered online at level 2 (units with a website only; the rest level 1)
    int legal_reviewed;    // legal documents reviewed in 2013 (1,151 in all)
    int procedures_changed;  // procedures amended, replaced or abolished after review (95 in all)
    int subordinate;         // subordinate public service units (1,000 in all) ...
    int autonomous;          // ... of which under the autonomy mechanism (447: 44.7%)
    int commune_officials, commune_officials_standard;            // districts: 1,294 of 2,000 (64.7%)
    int commune_civil_servants, commune_civil_servants_standard;  // districts: 1,662 of 2,000 (83.1%)
};

/// The procedures every district committee handles: one set, published once for all districts.
struct DistrictSet {
    int procedures, one_stop, inter_agency;
};
inline constexpr DistrictSet kDistrictSet{52, 45, 7};

// clang-format off
inline constexpr std::array<UnitProfile, 30> kProvince{{
    // id                             name                                          category      prefix web    eoff   req    desk   invest cap proc one inter l2 legal chg sub aut  off std  cs  std
    {"so-tu-phap",                   "Sở Tư pháp",                                  "department", "TP",  true,  false, true,  true,  false, 96, 48, 22, 2, 6, 150, 12,  4,  2,   0,   0,   0,   0},
    {"so-noi-vu",                    "Sở Nội vụ",                                   "department", "NV",  true,  true,  true,  true,  false, 97, 36, 14, 0, 4,  65,  6,  3,  1,   0,   0,   0,   0},
    {"so-tai-chinh",                 "Sở Tài chính",                                "department", "TC",  true,  true,  true,  true,  false, 94, 24,  8, 0, 0,  70,  4,  2,  2,   0,   0,   0,   0},
    {"so-ke-hoach-dau-tu",           "Sở Kế hoạch và Đầu tư",                       "department", "KH",  true,  true,  true,  true,  true,  97, 52, 18, 3, 8,  45, 10,  2,  1,   0,   0,   0,   0},
    {"so-giao-duc-dao-tao",          "Sở Giáo dục và Đào tạo",                      "department", "GD",  false, false, true,  true,  true,  86, 38, 10, 0, 0,  40,  6, 28, 14,   0,   0,   0,   0},
    {"so-y-te",                      "Sở Y tế",                                     "department", "YT",  false, false, true,  true,  true,  82, 60, 16, 1, 0,  35,  9, 24, 13,   0,   0,   0,   0},
    {"so-xay-dung",                  "Sở Xây dựng",                                 "department", "XD",  false, false, true,  true,  true,  78, 42, 14, 1, 0,  40,  7,  3,  1,   0,   0,   0,   0},
    {"so-giao-thong-van-tai",        "Sở Giao thông vận tải",                       "department", "GT",  true,  false, true,  true,  true,  84, 45, 15, 1, 0,  30,  7,  4,  2,   0,   0,   0,   0},
    {"so-nong-nghiep",               "Sở Nông nghiệp và Phát triển nông thôn",      "department", "NN",  false, false, true,  true,  true,  80, 55, 12, 0, 0,  46,  6, 14,  5,   0,   0,   0,   0},
    {"so-tai-nguyen-moi-truong",     "Sở Tài nguyên và Môi trường",                 "department", "TN",  false, false, true,  true,  true,  76, 50, 16, 2, 0,  45,  9,  5,  3,   0,   0,   0,   0},
    {"so-cong-thuong",               "Sở Công Thương",                              "department", "CT",  false, false, true,  true,  false, 83, 58, 12, 0, 0,  30,  6,  3,  1,   0,   0,   0,   0},
    {"so-khoa-hoc-cong-nghe",        "Sở Khoa học và Công nghệ",                    "department", "KC",  true,  true,  true,  true,  false, 92, 30,  6, 0, 0,  20,  2,  3,  2,   0,   0,   0,   0},
    {"so-lao-dong",                  "Sở Lao động - Thương binh và Xã hội",         "department", "LD",  false, false, true,  true,  false, 85, 46, 13, 1, 0,  30,  5,  8,  4,   0,   0,   0,   0},
    {"so-van-hoa",                   "Sở Văn hóa, Thể thao và Du lịch",             "department", "VH",  false, false, true,  true,  true,  81, 40,  9, 0, 0,  25,  3,  9,  5,   0,   0,   0,   0},
    {"so-thong-tin-truyen-thong",    "Sở Thông tin và Truyền thông",                "department", "TT",  true,  true,  true,  true,  false, 97, 22,  6, 0, 5,  20,  2,  3,  2,   0,   0,   0,   0},
    {"thanh-tra-tinh",               "Thanh tra tỉnh",                              "department", "TR",  false, false, false, false, false, 79,  9,  0, 0, 0,  15,  0,  0,  0,   0,   0,   0,   0},
    {"van-phong-ubnd",               "Văn phòng UBND tỉnh",                         "department", "VP",  true,  true,  true,  false, false, 93,  8,  0, 0, 0,  40,  0,  2,  1,   0,   0,   0,   0},
    {"ban-dan-toc",                  "Ban Dân tộc",                                 "department", "DT",  false, false, false, false, false, 74,  3,  0, 0, 0,  10,  0,  0,  0,   0,   0,   0,   0},
    {"ban-quan-ly-kcn",              "Ban Quản lý các khu công nghiệp",             "department", "KCN", false, false, true,  true,  true,  77, 26,  5, 1, 0,  10,  1,  2,  1,   0,   0,   0,   0},
    {"tp-hoa-binh",                  "UBND thành phố Hòa Bình",                     "district",   "H",   true,  true,  true,  true,  true,  97, 52, 45, 7, 10, 40,  0, 96, 56, 140, 120, 140, 135},
    {"huyen-da-bac",                 "UBND huyện Đà Bắc",                           "district",   "H",   false, false, true,  true,  true,  70, 52, 45, 7, 0,  30,  0, 74, 24, 200, 110, 200, 160},
    {"huyen-mai-chau",               "UBND huyện Mai Châu",                         "district",   "H",   true,  false, true,  true,  true,  88, 52, 45, 7, 0,  35,  0, 78, 38, 220, 150, 220, 190},
    {"huyen-ky-son",                 "UBND huyện Kỳ Sơn",                           "district",   "H",   false, false, true,  true,  true,  82, 52, 45, 7, 0,  30,  0, 62, 27, 120,  80, 120, 100},
    {"huyen-luong-son",              "UBND huyện Lương Sơn",                        "district",   "H",   true,  true,  true,  true,  true,  94, 52, 45, 7, 5,  45,  0, 86, 45, 200, 140, 200, 175},
    {"huyen-kim-boi",                "UBND huyện Kim Bôi",                          "district",   "H",   false, false, true,  true,  true,  78, 52, 45, 7, 0,  35,  0, 88, 33, 250, 150, 250, 200},
    {"huyen-tan-lac",                "UBND huyện Tân Lạc",                          "district",   "H",   false, false, true,  true,  true,  81, 52, 45, 7, 0,  35,  0, 82, 36, 230, 145, 230, 190},
    {"huyen-lac-son",                "UBND huyện Lạc Sơn",                          "district",   "H",   false, false, true,  true,  true,  75, 52, 45, 7, 0,  40,  0, 98, 35, 260, 150, 260, 205},
    {"huyen-cao-phong",              "UBND huyện Cao Phong",                        "district",   "H",   false, false, true,  true,  true,  87, 52, 45, 7, 0,  30,  0, 68, 32, 130,  90, 130, 112},
    {"huyen-lac-thuy",               "UBND huyện Lạc Thủy",                         "district",   "H",   true,  false, true,  true,  true,  89, 52, 45, 7, 0,  35,  0, 74, 35, 160, 105, 160, 120},
    {"huyen-yen-thuy",               "UBND huyện Yên Thủy",                         "district",   "H",   false, false, true,  true,  true,  83, 52, 45, 7, 0,  30,  0, 75, 26,  90,  54,  90,  75},
}};
// clang-format on

/// Sums over the province, so the seed report's figures are checked when this compiles.
template <typename F> constexpr int province_sum(F field) {
    int total = 0;
    for (const UnitProfile& u : kProvince) total += field(u);
    return total;
}
template <typename F> constexpr int province_count(const char* category, F holds) {
    int n = 0;
    for (const UnitProfile& u : kProvince) {
        bool same = true;
        for (std::size_t i = 0;; ++i) {
            if (u.category[i] != category[i]) {
                same = false;
                break;
            }
            if (u.category[i] == '\0') break;
        }
        if (same && holds(u)) ++n;
    }
    return n;
}

constexpr bool is_district(const UnitProfile& u) { return u.category[0] == 'd' && u.category[1] == 'i'; }

static_assert(province_count("department", [](const UnitProfile&) { return true; }) == 19);
static_assert(province_count("district", [](const UnitProfile&) { return true; }) == 11);
static_assert(province_count("department", [](const UnitProfile& u) { return u.website; }) == 8);
static_assert(province_count("district", [](const UnitProfile& u) { return u.website; }) == 4);
static_assert(province_count("department", [](const UnitProfile& u) { return u.one_stop_desk; }) == 16);
static_assert(province_count("district", [](const UnitProfile& u) { return u.one_stop_desk; }) == 11);
static_assert(province_sum([](const UnitProfile& u) { return u.e_office ? 1 : 0; }) == 8);
// Distinct procedures: the departments' own lists plus the district set, counted once.
static_assert(province_sum([](const UnitProfile& u) { return is_district(u) ? 0 : u.one_stop; }) +
                  kDistrictSet.one_stop ==
              241);
static_assert(province_sum([](const UnitProfile& u) { return is_district(u) ? 0 : u.inter_agency; }) +
                  kDistrictSet.inter_agency ==
              19);
static_assert(province_sum([](const UnitProfile& u) {
                  return is_district(u) &&
                                 (u.procedures != kDistrictSet.procedures || u.one_stop != kDistrictSet.one_stop ||
                                  u.inter_agency != kDistrictSet.inter_agency)
                             ? 1
                             : 0;
              }) == 0);
static_assert(province_sum([](const UnitProfile& u) { return u.legal_reviewed; }) == 1151);
static_assert(province_sum([](const UnitProfile& u) { return u.procedures_changed; }) == 95);
static_assert(province_sum([](const UnitProfile& u) { return u.subordinate; }) == 1000);
static_assert(province_sum([](const UnitProfile& u) { return u.autonomous; }) == 447);  // 44.7% of units
static_assert(province_sum([](const UnitProfile& u) { return u.commune_officials; }) == 2000);
static_assert(province_sum([](const UnitProfile& u) { return u.commune_officials_standard; }) == 1294);  // 64.7%
static_assert(province_sum([](const UnitProfile& u) { return u.commune_civil_servants; }) == 2000);
static_assert(province_sum([](const UnitProfile& u) { return u.commune_civil_servants_standard; }) == 1662);  // 83.1%
// Procedures under one-stop need a desk; inter-agency ones are among them; a unit that needs no
// desk (its few procedures, complaints and denunciations, are outside one-stop) has none;
// online services need a website; no count exceeds its whole.
static_assert(province_sum([](const UnitProfile& u) {
                  return (!u.one_stop_desk && u.one_stop > 0) || u.inter_agency > u.one_stop ||
                                 u.one_stop > u.procedures || (!u.desk_required && u.one_stop_desk) ||
                                 (!u.website && u.online_level_2 > 0) || u.online_level_2 > u.procedures ||
                                 u.autonomous > u.subordinate || u.commune_officials_standard > u.commune_officials ||
                                 u.commune_civil_servants_standard > u.commune_civil_servants
                             ? 1
                             : 0;
              }) == 0);

}  // namespace parscore::engine::demo
