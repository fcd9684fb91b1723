#pragma once
// The demo province: Hòa Bình's 19 departments and 11 district committees with the per-unit
// figures that add up to the province-wide numbers of the 2013 report (docs/demo.md). Everything
// else about a unit is drawn from its stream of random numbers around `capacity`.
#include <array>
#include <cstddef>

namespace parscore::engine::demo {

struct UnitProfile {
    const char* id;
    const char* name;
    const char* category;  // "department" or "district"
    const char* prefix;    // procedure codes: PREFIX-001, …
    bool website;          // 8 of 19 departments, 4 of 11 districts
    bool e_office;         // 8 agencies
    bool one_stop_desk;    // 16 of 19 departments, every district
    bool investment;       // has investment capital (disbursement rate; others are exempt)
    int capacity;          // 0–100: how well the unit usually does; drives its random draws
    int one_stop;          // procedures under one-stop in 2013 (241 in all)
    int inter_agency;      // of those, under inter-agency one-stop (19 in all)
    int legal_reviewed;    // legal documents reviewed in 2013 (1,151 in all)
    int autonomy_permille; // subordinate units under the autonomy mechanism (mean 44.7%)
};

// clang-format off
inline constexpr std::array<UnitProfile, 30> kProvince{{
    // id                             name                                          category      prefix web    eoff   desk   invest cap one inter legal autonomy
    {"so-tu-phap",                   "Sở Tư pháp",                                  "department", "TP",  true,  false, true,  false, 96, 12, 0, 150, 550},
    {"so-noi-vu",                    "Sở Nội vụ",                                   "department", "NV",  true,  true,  true,  false, 97,  9, 0,  65, 450},
    {"so-tai-chinh",                 "Sở Tài chính",                                "department", "TC",  true,  true,  true,  false, 94,  6, 0,  70, 650},
    {"so-ke-hoach-dau-tu",           "Sở Kế hoạch và Đầu tư",                       "department", "KH",  true,  true,  true,  true,  97, 10, 3,  45, 550},
    {"so-giao-duc-dao-tao",          "Sở Giáo dục và Đào tạo",                      "department", "GD",  false, false, true,  true,  86,  8, 0,  40, 700},
    {"so-y-te",                      "Sở Y tế",                                     "department", "YT",  false, false, true,  true,  82, 10, 0,  35, 600},
    {"so-xay-dung",                  "Sở Xây dựng",                                 "department", "XD",  false, false, true,  true,  78,  9, 1,  40, 350},
    {"so-giao-thong-van-tai",        "Sở Giao thông vận tải",                       "department", "GT",  true,  false, true,  true,  84,  9, 0,  30, 400},
    {"so-nong-nghiep",               "Sở Nông nghiệp và Phát triển nông thôn",      "department", "NN",  false, false, true,  true,  80,  8, 0,  46, 350},
    {"so-tai-nguyen-moi-truong",     "Sở Tài nguyên và Môi trường",                 "department", "TN",  false, false, true,  true,  76, 10, 1,  45, 400},
    {"so-cong-thuong",               "Sở Công Thương",                              "department", "CT",  false, false, true,  false, 83,  9, 0,  30, 450},
    {"so-khoa-hoc-cong-nghe",        "Sở Khoa học và Công nghệ",                    "department", "KC",  true,  true,  true,  false, 92,  5, 0,  20, 550},
    {"so-lao-dong",                  "Sở Lao động - Thương binh và Xã hội",         "department", "LD",  false, false, true,  false, 85,  8, 0,  30, 500},
    {"so-van-hoa",                   "Sở Văn hóa, Thể thao và Du lịch",             "department", "VH",  false, false, true,  true,  81,  7, 0,  25, 550},
    {"so-thong-tin-truyen-thong",    "Sở Thông tin và Truyền thông",                "department", "TT",  true,  true,  true,  false, 97,  6, 0,  20, 300},
    {"thanh-tra-tinh",               "Thanh tra tỉnh",                              "department", "TR",  false, false, false, false, 79,  0, 0,  15,   0},
    {"van-phong-ubnd",               "Văn phòng UBND tỉnh",                         "department", "VP",  true,  true,  false, false, 93,  0, 0,  40, 250},
    {"ban-dan-toc",                  "Ban Dân tộc",                                 "department", "DT",  false, false, false, false, 74,  0, 0,  10,   0},
    {"ban-quan-ly-kcn",              "Ban Quản lý các khu công nghiệp",             "department", "KCN", false, false, true,  true,  77,  6, 0,  10, 250},
    {"tp-hoa-binh",                  "UBND thành phố Hòa Bình",                     "district",   "HB",  true,  true,  true,  true,  97, 14, 3,  40, 660},
    {"huyen-da-bac",                 "UBND huyện Đà Bắc",                           "district",   "DB",  false, false, true,  true,  70,  9, 1,  30, 410},
    {"huyen-mai-chau",               "UBND huyện Mai Châu",                         "district",   "MC",  true,  false, true,  true,  88, 11, 1,  35, 510},
    {"huyen-ky-son",                 "UBND huyện Kỳ Sơn",                           "district",   "KS",  false, false, true,  true,  82, 10, 1,  30, 460},
    {"huyen-luong-son",              "UBND huyện Lương Sơn",                        "district",   "LS",  true,  true,  true,  true,  94, 11, 2,  45, 560},
    {"huyen-kim-boi",                "UBND huyện Kim Bôi",                          "district",   "KB",  false, false, true,  true,  78, 10, 1,  35, 460},
    {"huyen-tan-lac",                "UBND huyện Tân Lạc",                          "district",   "TL",  false, false, true,  true,  81,  9, 1,  35, 510},
    {"huyen-lac-son",                "UBND huyện Lạc Sơn",                          "district",   "LSN", false, false, true,  true,  75, 10, 1,  40, 460},
    {"huyen-cao-phong",              "UBND huyện Cao Phong",                        "district",   "CP",  false, false, true,  true,  87,  8, 1,  30, 560},
    {"huyen-lac-thuy",               "UBND huyện Lạc Thủy",                         "district",   "LT",  true,  false, true,  true,  89,  9, 1,  35, 510},
    {"huyen-yen-thuy",               "UBND huyện Yên Thủy",                         "district",   "YTH", false, false, true,  true,  83,  8, 1,  30, 460},
}};
// clang-format on

/// Sums over the province, so the seed report's figures are checked when this compiles.
template <typename F>
constexpr int province_sum(F field) {
    int total = 0;
    for (const UnitProfile& u : kProvince) total += field(u);
    return total;
}
template <typename F>
constexpr int province_count(const char* category, F holds) {
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

static_assert(province_count("department", [](const UnitProfile&) { return true; }) == 19);
static_assert(province_count("district", [](const UnitProfile&) { return true; }) == 11);
static_assert(province_count("department", [](const UnitProfile& u) { return u.website; }) == 8);
static_assert(province_count("district", [](const UnitProfile& u) { return u.website; }) == 4);
static_assert(province_count("department", [](const UnitProfile& u) { return u.one_stop_desk; }) == 16);
static_assert(province_count("district", [](const UnitProfile& u) { return u.one_stop_desk; }) == 11);
static_assert(province_sum([](const UnitProfile& u) { return u.e_office ? 1 : 0; }) == 8);
static_assert(province_sum([](const UnitProfile& u) { return u.one_stop; }) == 241);
static_assert(province_sum([](const UnitProfile& u) { return u.inter_agency; }) == 19);
static_assert(province_sum([](const UnitProfile& u) { return u.legal_reviewed; }) == 1151);
static_assert(province_sum([](const UnitProfile& u) { return u.autonomy_permille; }) == 447 * 30);  // mean 44.7%
// Procedures under one-stop need a desk; inter-agency ones are among them.
static_assert(province_sum([](const UnitProfile& u) {
                  return (!u.one_stop_desk && u.one_stop > 0) || u.inter_agency > u.one_stop ? 1 : 0;
              }) == 0);

}  // namespace parscore::engine::demo
