// An HTML form's body, as a browser sends it (docs/web.md, "Recording"): url-encoded fields, or
// multipart/form-data when the form carries files (a photo from the device's camera). Every
// length and name comes from the sender, so each is checked before it is used, and anything
// malformed makes the whole body unreadable rather than half read.
#include <algorithm>
#include <cctype>

#include "parscore/server/http.hpp"

namespace parscore::server {

namespace {

/// More parts than any form of this application has: a body of many tiny parts is an attack.
constexpr std::size_t kMaxParts = 20000;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// A header's parameter (`name="x"` or `boundary=x`), its quotes removed; browsers escape a quote
/// inside as %22 and send other bytes as they are.
std::optional<std::string> parameter(std::string_view header, std::string_view wanted) {
    std::size_t i = header.find(';');
    while (i != std::string_view::npos) {
        const std::size_t eq = header.find('=', i + 1);
        if (eq == std::string_view::npos) return std::nullopt;
        const std::string key = lower(trim(header.substr(i + 1, eq - i - 1)));
        i = eq + 1;
        while (i < header.size() && (header[i] == ' ' || header[i] == '\t')) ++i;
        std::string value;
        if (i < header.size() && header[i] == '"') {
            const std::size_t close = header.find('"', i + 1);
            if (close == std::string_view::npos) return std::nullopt;
            value = std::string(header.substr(i + 1, close - i - 1));
            i = close + 1;
        } else {
            const std::size_t end = std::min(header.find(';', i), header.size());
            value = std::string(trim(header.substr(i, end - i)));
            i = end;
        }
        if (key == wanted) return value;
        i = header.find(';', i);
    }
    return std::nullopt;
}

std::optional<std::vector<FormPart>> url_encoded(std::string_view body) {
    std::vector<FormPart> parts;
    while (!body.empty()) {
        const std::size_t end = body.find('&');
        const std::string_view pair = body.substr(0, end);
        body = end == std::string_view::npos ? std::string_view() : body.substr(end + 1);
        if (pair.empty()) continue;
        const std::size_t eq = pair.find('=');
        auto key = percent_decode(pair.substr(0, eq), true);
        auto value = percent_decode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
        if (!key || !value || parts.size() == kMaxParts) return std::nullopt;
        parts.push_back(FormPart{std::move(*key), std::nullopt, "", std::move(*value)});
    }
    return parts;
}

/// One part's headers: its name, file name and type; nothing unless it is form-data with a name.
std::optional<FormPart> part_headers(std::string_view headers) {
    FormPart part;
    bool named = false;
    while (!headers.empty()) {
        const std::size_t end = headers.find("\r\n");
        const std::string_view line = headers.substr(0, end);
        headers = end == std::string_view::npos ? std::string_view() : headers.substr(end + 2);
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) return std::nullopt;
        const std::string name = lower(trim(line.substr(0, colon)));
        const std::string_view value = trim(line.substr(colon + 1));
        if (name == "content-disposition") {
            if (lower(trim(value.substr(0, value.find(';')))) != "form-data") return std::nullopt;
            const auto field = parameter(value, "name");
            if (!field) return std::nullopt;
            part.name = *field;
            part.file_name = parameter(value, "filename");
            named = true;
        } else if (name == "content-type") {
            part.content_type = std::string(value);
        }
    }
    if (!named) return std::nullopt;
    return part;
}

std::optional<std::vector<FormPart>> multipart(std::string_view body, std::string_view boundary, bool with_files) {
    // RFC 2046: 1 to 70 characters.
    if (boundary.empty() || boundary.size() > 70) return std::nullopt;
    const std::string delimiter = "--" + std::string(boundary);
    // Whatever comes before the first delimiter (a preamble) is no part.
    std::size_t at = delimiter.size();
    if (!body.starts_with(delimiter)) {
        const std::size_t first = body.find("\r\n" + delimiter);
        if (first == std::string_view::npos) return std::nullopt;
        at = first + 2 + delimiter.size();
    }
    const std::string next_delimiter = "\r\n" + delimiter;
    std::vector<FormPart> parts;
    std::size_t seen = 0;  // files too, kept or not
    for (;;) {
        const std::string_view rest = body.substr(at);
        if (rest.starts_with("--")) return parts;  // the closing delimiter
        if (!rest.starts_with("\r\n")) return std::nullopt;
        const std::size_t headers_end = rest.find("\r\n\r\n", 2);
        if (headers_end == std::string_view::npos) return std::nullopt;
        auto part = part_headers(rest.substr(2, headers_end - 2));
        if (!part || ++seen > kMaxParts) return std::nullopt;
        const std::size_t content = headers_end + 4;
        const std::size_t end = rest.find(next_delimiter, content);
        if (end == std::string_view::npos) return std::nullopt;
        // A field's reader (the CSRF check) does not copy megabytes of photos it will not look at.
        if (with_files || !part->file_name) {
            part->value = std::string(rest.substr(content, end - content));
            parts.push_back(std::move(*part));
        }
        at += end + next_delimiter.size();
    }
}

}  // namespace

std::optional<std::vector<FormPart>> form_parts(const HttpRequest& request, bool with_files) {
    const auto type = request.header("content-type");
    if (!type) return std::nullopt;
    const std::string media = lower(trim(type->substr(0, type->find(';'))));
    if (media == "application/x-www-form-urlencoded") return url_encoded(request.body);
    if (media != "multipart/form-data") return std::nullopt;
    const auto boundary = parameter(*type, "boundary");
    if (!boundary) return std::nullopt;
    return multipart(request.body, *boundary, with_files);
}

}  // namespace parscore::server
