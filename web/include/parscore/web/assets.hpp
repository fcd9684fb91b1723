#pragma once
// The web application's files, compiled into the program (docs/web.md): templates by their
// path under web/ ("templates/ranking.mustache") and static files served under /static/ by a
// fingerprinted name ("parscore.3f9a0c1d2e.css"), so that a browser may keep one for a year and
// still gets a changed file at once.
#include <optional>
#include <string>
#include <string_view>

namespace parscore::web {

/// A file's bytes by its path under web/; none when there is no such file.
std::optional<std::string_view> file(std::string_view path);

/// The address of static/NAME: "/static/" + the name with its content's fingerprint before the
/// extension. Throws std::logic_error for a file that does not exist (a template's mistake).
std::string static_url(std::string_view name);

/// A static file asked for by its fingerprinted name: its bytes and content type; none when the
/// name or its fingerprint is not that of a file here.
struct StaticFile {
    std::string_view bytes;
    std::string content_type;
};
std::optional<StaticFile> static_file(std::string_view fingerprinted_name);

}  // namespace parscore::web
