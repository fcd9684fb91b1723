#include "parscore/core/render.hpp"

#include <algorithm>
#include <string>

#include "parscore/core/utf8.hpp"

namespace parscore::core {

namespace {

// The gutter is at least 5 columns wide ("   41 | "), wider for long files.
std::string gutter(const std::string& number, std::size_t width) {
    return std::string(width - std::min(width, number.size()), ' ') + number + " | ";
}

// A line longer than this many bytes is shown as a window around the caret: kBefore code points
// before it and kWindow in all, with "…" where it was cut. So a diagnostic in a 10 MB line (a
// flow list written on one line) stays a few hundred bytes, and a thousand of them stay small.
constexpr std::size_t kLongLine = 240;
constexpr std::size_t kBefore = 60;
constexpr std::size_t kWindow = 160;

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

/// Moves `pos` back (or forward) by up to `n` code points.
std::size_t back_code_points(std::string_view text, std::size_t pos, std::size_t n) {
    while (pos > 0 && n > 0) {
        --pos;
        if (!is_continuation(text[pos])) --n;
    }
    return pos;
}
std::size_t forward_code_points(std::string_view text, std::size_t pos, std::size_t n) {
    while (pos < text.size() && n > 0) {
        ++pos;
        while (pos < text.size() && is_continuation(text[pos])) ++pos;
        --n;
    }
    return pos;
}

// The source line and a caret under [begin, end) (clipped to the first line), aligned by display
// width; tabs before the caret are reproduced so terminals expand them identically.
std::string snippet(const SourceFile& file, Span span) {
    Location at = file.location(span.begin);
    std::string_view line = file.line_text(at.line);
    std::uint32_t line_begin = file.line_start(at.line);
    std::size_t rel_begin = std::min<std::size_t>(span.begin - line_begin, line.size());
    std::size_t rel_end = std::clamp<std::size_t>(span.end > line_begin ? span.end - line_begin : 0, rel_begin,
                                                  line.size());
    std::string window;
    if (line.size() > kLongLine) {
        const std::size_t from = back_code_points(line, rel_begin, kBefore);
        const std::size_t to = forward_code_points(line, from, kWindow);
        const std::string_view cut = "…";
        if (from > 0) window = cut;
        window += line.substr(from, to - from);
        const std::size_t shift = from > 0 ? cut.size() : 0;
        rel_end = std::min(rel_end, to) - from + shift;
        rel_begin = std::min(rel_begin, to) - from + shift;
        if (to < line.size()) window += cut;
        line = window;
    }

    std::string number = std::to_string(at.line);
    std::size_t width = std::max<std::size_t>(5, number.size() + 1);
    std::string out = gutter(number, width) + printable(line, true) + "\n";
    out += std::string(width, ' ') + " | ";
    // Measured on the text as shown (control characters shown as U+FFFD, one column each).
    const std::string shown_before = printable(line.substr(0, rel_begin), true);
    std::string_view before = shown_before;
    for (std::size_t i = 0; i < before.size();) {
        std::size_t next = i + 1;
        while (next < before.size() && (static_cast<unsigned char>(before[next]) & 0xC0) == 0x80) ++next;
        std::string_view ch = before.substr(i, next - i);
        if (ch == "\t") {
            out += '\t';
        } else {
            out.append(display_width(ch), ' ');
        }
        i = next;
    }
    std::size_t underline = display_width(printable(line.substr(rel_begin, rel_end - rel_begin), true));
    out += '^';
    if (underline > 1) out.append(underline - 1, '~');
    out += '\n';
    return out;
}

std::string header(const SourceSet& sources, const std::optional<Span>& span) {
    if (!span) return "";
    const SourceFile& file = sources.file(span->file);
    Location at = file.location(span->begin);
    return printable(file.name()) + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": ";
}

// A message in the reader's language: the English one when there is no translator or the
// message was made from a plain string.
const std::string& shown(const std::string& english, const Text& text, const Localize& localize, std::string& scratch) {
    if (!localize || text.empty() || !text.translatable) return english;
    return scratch = localize(text);
}

}  // namespace

std::string render(const Diagnostic& d, const SourceSet& sources, const Localize& localize) {
    std::string scratch;
    std::string out = header(sources, d.span) + severity_name(d.severity);
    if (!d.code.empty()) out += "[" + d.code + "]";
    out += ": " + printable(shown(d.message, d.text, localize, scratch)) + "\n";  // messages quote input
    if (d.span) out += snippet(sources.file(d.span->file), *d.span);
    for (const Note& note : d.notes) {
        out += header(sources, note.span) + "note: " + printable(shown(note.message, note.text, localize, scratch)) +
               "\n";
        if (note.span) out += snippet(sources.file(note.span->file), *note.span);
    }
    return out;
}

std::string render_all(const Diagnostics& ds, const SourceSet& sources, const Localize& localize) {
    std::string out;
    for (const Diagnostic& d : ds) out += render(d, sources, localize);
    return out;
}

ResolvedPosition resolve(const Diagnostic& d, const SourceSet& sources) {
    ResolvedPosition p;
    if (!d.span) return p;
    const SourceFile& file = sources.file(d.span->file);
    Location b = file.location(d.span->begin);
    Location e = file.location(std::max(d.span->end, d.span->begin + 1));
    p.file = file.name();
    p.line = b.line;
    p.column = b.column;
    p.end_line = e.line;
    p.end_column = e.column;
    return p;
}

}  // namespace parscore::core
