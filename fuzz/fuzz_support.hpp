#pragma once
// Shared by the fuzz targets: splitting one input into several files, and the invariants every
// run must keep whatever the input — checked with a trap so libFuzzer reports a violation as a
// crash with the input that caused it.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/source.hpp"

namespace parscore::fuzzing {

/// Separates the files of one input (a YAML comment line, so each part stays valid YAML).
inline constexpr std::string_view kFileSeparator = "\n#@file\n";

/// The input split at kFileSeparator into at most `max_parts` parts (the last keeps the rest).
inline std::vector<std::string> split_files(std::string_view input, std::size_t max_parts) {
    std::vector<std::string> parts;
    while (parts.size() + 1 < max_parts) {
        const std::size_t at = input.find(kFileSeparator);
        if (at == std::string_view::npos) break;
        parts.emplace_back(input.substr(0, at));
        input.remove_prefix(at + kFileSeparator.size());
    }
    parts.emplace_back(input);
    return parts;
}

[[noreturn]] inline void violated(const char* what, const std::string& detail) {
    std::fprintf(stderr, "invariant violated: %s\n%s\n", what, detail.c_str());
    std::abort();
}

/// Every diagnostic has a code and a message; every span lies inside its file (or just at its end); the rendering
/// (what a user sees) can be produced. `errors_need_span`: every error must have a position.
inline void check_diagnostics(const core::Diagnostics& diags, const core::SourceSet& sources,
                              bool errors_need_span = true) {
    for (const core::Diagnostic& d : diags) {
        if (d.code.empty() || d.message.empty()) violated("diagnostic without code or message", d.message);
        if (errors_need_span && d.severity == core::Severity::Error && !d.span) {
            violated("error without a position", d.code + ": " + d.message);
        }
        auto check_span = [&](const core::Span& s) {
            if (s.file >= sources.size()) violated("span in an unknown file", d.code + ": " + d.message);
            const std::size_t size = sources.file(s.file).text().size();
            // A position at the end of the text may reach one past it ("expected … here").
            if (s.begin > s.end || s.begin > size || s.end > size + 1) {
                violated("span outside its file", d.code + ": " + d.message);
            }
        };
        if (d.span) check_span(*d.span);
        for (const core::Note& n : d.notes) {
            if (n.span) check_span(*n.span);
        }
    }
    (void)core::render_all(diags, sources);
    for (const core::Diagnostic& d : diags) (void)core::resolve(d, sources);
}

}  // namespace parscore::fuzzing
