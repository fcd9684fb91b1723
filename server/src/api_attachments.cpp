// Attachments over HTTP (docs/api.md, "Inspections"): the operation checks the name, the size,
// the type by the content and every right; this file adds the answers' headers.
#include "api_attachments.hpp"

#include <cctype>

#include "parscore/app/review.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/inspections/attachment_type.hpp"

namespace parscore::server {

HttpResponse put_attachment(const Call& call) {
    auto r = call.operation<app::AttachRequest>();
    r.id = call.param("id");
    r.uploads.push_back({call.param("name"), call.request.body});
    try {
        const app::AttachResult result = app::attach(r);
        const inspections::AttachmentInfo& a = result.files.at(0).info;
        return json_response(201, {{"id", result.id},
                                   {"sha256", a.sha256},
                                   {"name", a.file_name},
                                   {"media_type", a.media_type},
                                   {"size", a.size},
                                   {"revision", a.no}});
    } catch (const app::Error& e) {
        // The operation looks at the bytes only once the caller may attach here: a refusal of
        // them then is this request's type.
        if (e.kind() == app::ErrorKind::Invalid && !inspections::sniff_media_type(call.request.body)) {
            throw ApiError{415, "unsupported_media_type",
                           core::T_("an attachment is a JPEG, PNG, WebP or PDF file (its content is what counts)")};
        }
        throw;
    }
}

HttpResponse get_attachment(const Call& call) {
    auto r = call.operation<app::AttachmentRequest>();
    r.id = call.param("id");
    r.sha256 = call.param("sha256");
    app::AttachmentResult result = app::read_attachment(r);
    HttpResponse answer;
    answer.status = 200;
    answer.set_header("Content-Type", result.info.media_type);
    answer.set_header("Content-Disposition", content_disposition(result.info.file_name));
    answer.set_header("X-Content-Type-Options", "nosniff");
    answer.set_header("Content-Security-Policy", "default-src 'none'; sandbox");
    answer.set_header("Cache-Control", "private, no-store");
    answer.body = std::move(result.bytes);
    return answer;
}

std::string content_disposition(std::string_view name) {
    static const char* hex = "0123456789ABCDEF";
    std::string ascii, encoded;
    for (char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        const bool plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '%' && c != ';';
        ascii += plain ? ch : '_';
        // RFC 5987 attr-char: letters, digits and !#$&+-.^_`|~
        if (std::isalnum(c) || std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos) {
            encoded += ch;
        } else {
            encoded += '%';
            encoded += hex[c >> 4];
            encoded += hex[c & 15];
        }
    }
    if (ascii.empty()) ascii = "attachment";
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

}  // namespace parscore::server
