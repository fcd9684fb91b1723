#pragma once
// Readers for each part of one rulebook file. Each reports what is wrong in its part and fills
// what it could read; none stops at the first problem.
#include <string_view>
#include <vector>

#include "draft.hpp"
#include "yaml_reading.hpp"

namespace parscore::rules::detail {

/// The whole file: its top-level keys, dispatched to the readers below.
FileDraft read_file_draft(Reader& reader, core::FileId file, const YamlNode& root);

/// parscore, id, version, title, extends, units, scale, deduction_cap, remove.
void read_header(Reader& reader, const YamlNode& root, FileDraft& out);
void read_params(Reader& reader, const YamlNode& node, Draft& out);
void read_evidence(Reader& reader, const YamlNode& node, Draft& out);
void read_groups(Reader& reader, const YamlNode& node, Draft& out);
/// `deductions` or `bonuses` (`section` names it in messages).
void read_adjustments(Reader& reader, const YamlNode& node, std::string_view section,
                      std::vector<DraftAdjustment>& out);
void read_band_caps(Reader& reader, const YamlNode& node, Draft& out);
void read_bands(Reader& reader, const YamlNode& node, Draft& out);
void read_indicators(Reader& reader, const YamlNode& node, Draft& out);

/// An optional `title` (or `label`) of an item map.
std::optional<std::string> read_title(Reader& reader, const YamlNode& map, std::string_view key);

}  // namespace parscore::rules::detail
