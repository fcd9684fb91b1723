#pragma once
// Reading a PDF back with poppler's tools (poppler-utils): its page count and sizes (pdfinfo),
// a page's text (pdftotext) and whether each page has ink on it (pdftoppm), for the tests of the
// yearly report's PDF.
#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "support/command.hpp"

namespace parscore::testing::pdf {

namespace fs = std::filesystem;

/// A command's standard output.
inline std::string run(const std::string& command) { return run_command(command).output; }

inline std::string quoted(const fs::path& path) {
    std::string q = "'";
    for (char c : path.string()) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

/// pdfinfo's value for `field` ("Pages", "Title", "Subject", …), without the padding.
inline std::string info(const fs::path& file, const std::string& field) {
    for (const std::string& line : lines_of(run("pdfinfo " + quoted(file)))) {
        if (line.rfind(field + ":", 0) != 0) continue;
        const std::string value = line.substr(field.size() + 1);
        const auto start = value.find_first_not_of(' ');
        return start == std::string::npos ? std::string() : value.substr(start);
    }
    return {};
}

inline int page_count(const fs::path& file) {
    const std::string pages = info(file, "Pages");
    return pages.empty() ? 0 : std::stoi(pages);
}

/// "595.28 x 841.89" for each page, from pdfinfo's "Page    N size: …" lines.
inline std::vector<std::string> page_sizes(const fs::path& file, int pages) {
    std::vector<std::string> sizes;
    const std::string out = run("pdfinfo -f 1 -l " + std::to_string(pages) + " " + quoted(file));
    for (const std::string& line : lines_of(out)) {
        const auto at = line.find(" size: ");
        if (line.rfind("Page ", 0) != 0 || at == std::string::npos) continue;
        std::string size = line.substr(at + 7);
        size = size.substr(0, size.find(" pts"));
        sizes.push_back(size.substr(size.find_first_not_of(' ')));  // pdfinfo pads the width
    }
    return sizes;
}

/// One page's text (pages from 1), or the whole document's with page 0.
inline std::string text(const fs::path& file, int page = 0) {
    const std::string k = std::to_string(page);
    return run("pdftotext " + (page > 0 ? "-f " + k + " -l " + k + " " : std::string()) + quoted(file) + " -");
}

/// The text with every run of white space (line ends included) made one space: a sentence
/// reads whole wherever the lines broke.
inline std::string flattened(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

/// The lightest possible grey (maxval, -1 when the file is not a binary PGM) and the darkest
/// grey of a PGM file.
inline std::pair<int, int> grey_range(const fs::path& pgm) {
    std::ifstream in(pgm, std::ios::binary);
    std::string magic;
    int width = 0, height = 0, maxval = 0;
    in >> magic >> width >> height >> maxval;
    in.get();
    std::string pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height), '\0');
    in.read(pixels.data(), static_cast<std::streamsize>(pixels.size()));
    int darkest = 255;
    for (char c : pixels) darkest = std::min(darkest, static_cast<int>(static_cast<unsigned char>(c)));
    return {magic == "P5" && in ? maxval : -1, darkest};
}

/// Renders every page at 20 dpi into `dir` and returns, per page in order, whether it is blank
/// (no pixel darker than light grey).
inline std::vector<bool> blank_pages(const fs::path& file, const fs::path& dir) {
    std::system(("pdftoppm -r 20 -gray " + quoted(file) + " " + quoted(dir / "page")).c_str());
    std::vector<fs::path> images;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".pgm") images.push_back(entry.path());
    }
    std::sort(images.begin(), images.end());  // page-01.pgm, page-02.pgm, … (padded alike)
    std::vector<bool> blank;
    for (const fs::path& image : images) {
        const auto [maxval, darkest] = grey_range(image);
        blank.push_back(maxval != 255 || darkest >= 200);
    }
    return blank;
}

}  // namespace parscore::testing::pdf
