#include "parscore/i18n/language.hpp"

#include <gtest/gtest.h>

namespace parscore::i18n {
namespace {

TEST(Language, ParsesCodesAndLocaleNames) {
    struct Case {
        const char* text;
        std::optional<Language> want;
    };
    const Case cases[] = {
        {"en", Language::en},          {"vi", Language::vi},
        {"VI", Language::vi},          {"vi_VN.UTF-8", Language::vi},
        {"vi-VN", Language::vi},       {"vi_VN@euro", Language::vi},
        {"en_US.UTF-8", Language::en}, {"en-GB", Language::en},
        {"vi.UTF-8", Language::vi},    {"", std::nullopt},
        {"fr", std::nullopt},          {"C", std::nullopt},
        {"vie", std::nullopt},         {"C.UTF-8", std::nullopt},
        {"_vi", std::nullopt},
    };
    for (const Case& c : cases) EXPECT_EQ(parse_language(c.text), c.want) << c.text;
}

TEST(Language, CodesRoundTrip) {
    for (Language l : {Language::en, Language::vi}) EXPECT_EQ(parse_language(language_code(l)), l);
    EXPECT_EQ(language_code(Language::vi), "vi");
}

}  // namespace
}  // namespace parscore::i18n
