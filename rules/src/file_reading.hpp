#pragma once
// Getting a rulebook file's bytes and turning them into a checked source text.
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "parscore/core/diagnostic.hpp"
#include "parscore/core/source.hpp"
#include "parscore/core/text_file.hpp"

namespace parscore::rules::detail {

struct RawFile {
    core::ReadStatus status = core::ReadStatus::Ok;  // Ok, NotFound, IsDirectory, Unreadable or TooLarge
    std::string bytes;                               // exactly as stored
    std::size_t size = 0;                            // bytes on disk (also for TooLarge)
};

using RawReader = std::function<RawFile(const std::filesystem::path&)>;

/// Reads a file from disk, refusing (without reading it) one over `limit` bytes.
RawFile read_raw_file(const std::filesystem::path& path, std::size_t limit);

/// Adds the file to `sources` — its text with a BOM dropped and CRLF read as LF — and checks the
/// size limit (E201) and UTF-8 (E202, at the first bad byte). Returns the id when the text can be
/// parsed as YAML.
std::optional<core::FileId> add_source(const std::string& name, const RawFile& raw, core::SourceSet& sources,
                                       core::Diagnostics& diags);

}  // namespace parscore::rules::detail
