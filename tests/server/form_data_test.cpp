// An HTML form's body as browsers send it, and as an attacker might (server/src/form_data.cpp):
// url-encoded fields, multipart parts with files, and bodies that must be refused whole.
#include <gtest/gtest.h>

#include "parscore/server/http.hpp"

namespace parscore::server {
namespace {

HttpRequest form(std::string type, std::string body) {
    HttpRequest r;
    r.method = "POST";
    r.headers["content-type"] = std::move(type);
    r.body = std::move(body);
    return r;
}

const std::string kType = "multipart/form-data; boundary=----b0und";

TEST(FormData, UrlEncodedFieldsAreDecodedInOrder) {
    const auto parts = form_parts(form("application/x-www-form-urlencoded", "a=1&b=Ph%C3%BA+Th%E1%BB%8D&&c"));
    ASSERT_TRUE(parts);
    ASSERT_EQ(parts->size(), 3u);
    EXPECT_EQ((*parts)[1].name, "b");
    EXPECT_EQ((*parts)[1].value, "Phú Thọ");
    EXPECT_EQ((*parts)[2].value, "");
    EXPECT_FALSE((*parts)[0].file_name);
}

TEST(FormData, MultipartFieldsAndFilesKeepTheirBytes) {
    const std::string body =
        "------b0und\r\nContent-Disposition: form-data; name=\"unit\"\r\n\r\nso-tu-phap\r\n"
        "------b0und\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"bàn 1.jpg\"\r\n"
        "Content-Type: image/jpeg\r\n\r\n\xff\xd8\xff\r\n--not-the-end\r\n"
        "------b0und\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\nabc\r\n------b0und--\r\n";
    const HttpRequest r = form(kType, body);
    const auto parts = form_parts(r);
    ASSERT_TRUE(parts);
    ASSERT_EQ(parts->size(), 3u);
    EXPECT_EQ((*parts)[0].value, "so-tu-phap");
    EXPECT_EQ((*parts)[1].file_name.value_or(""), "bàn 1.jpg");
    EXPECT_EQ((*parts)[1].content_type, "image/jpeg");
    EXPECT_EQ((*parts)[1].value, "\xff\xd8\xff\r\n--not-the-end");
    EXPECT_EQ(r.form_field("csrf_token").value_or(""), "abc");
    EXPECT_FALSE(r.form_field("photo")) << "a file is no field";
    const auto fields = form_parts(r, false);
    ASSERT_TRUE(fields);
    EXPECT_EQ(fields->size(), 2u) << "a field's reader leaves files out";
}

TEST(FormData, AQuotedBoundaryAndAPreambleAreRead) {
    const auto parts = form_parts(
        form("multipart/form-data; charset=utf-8; boundary=\"x y\"",
             "ignored\r\n--x y\r\ncontent-disposition: form-data; name=a\r\n\r\n1\r\n--x y--"));
    ASSERT_TRUE(parts);
    ASSERT_EQ(parts->size(), 1u);
    EXPECT_EQ((*parts)[0].name, "a");
    EXPECT_EQ((*parts)[0].value, "1");
}

TEST(FormData, MalformedBodiesAreRefusedWhole) {
    const std::string part = "------b0und\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n";
    for (const auto& [type, body] : std::vector<std::pair<std::string, std::string>>{
             {kType, part},  // no closing delimiter
             {kType, "------b0und\r\nContent-Disposition: form-data\r\n\r\n1\r\n------b0und--"},  // no name
             {kType, "------b0und\r\nContent-Type: text/plain\r\n\r\n1\r\n------b0und--"},        // no disposition
             {kType, "------b0und\r\nContent-Disposition: attachment; name=\"a\"\r\n\r\n1\r\n------b0und--"},
             {kType, "------b0und\r\nContent-Disposition: form-data; name=\"a\"\r\n1\r\n------b0und--"},
             {kType, "no delimiter at all"},
             {"multipart/form-data", part + "------b0und--"},                  // no boundary
             {"multipart/form-data; boundary=" + std::string(71, 'x'), "--"},  // too long
             {"application/x-www-form-urlencoded", "a=%zz"},
             {"text/plain", "a=1"},
         }) {
        EXPECT_FALSE(form_parts(form(type, body))) << type << " | " << body;
    }
}

TEST(FormData, TooManyPartsAreRefused) {
    std::string body;
    for (int i = 0; i < 20001; ++i) body += "a=1&";
    EXPECT_FALSE(form_parts(form("application/x-www-form-urlencoded", body)));
}

}  // namespace
}  // namespace parscore::server
