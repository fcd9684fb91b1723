#pragma once
// Rules of the product about what an operation reads and writes, whichever front end asks: an
// output never replaces an input, a workbook needs a file, a byte-order mark is for CSV only, a
// year is 1–9999 (docs/reference/commands.md). Each failure is an Error of kind BadRequest whose
// message names the option it is about, as the user wrote it.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "parscore/app/format.hpp"
#include "parscore/core/source.hpp"

namespace parscore::app {

/// Refuses an output file that is one the operation reads: `database` (when given) with its
/// -wal, -shm and -journal files, and every file of `inputs` (rulebooks with their `extends`
/// chain, reports, CSV). Files are compared as files (device and inode, else the resolved path),
/// so hard links, symbolic links and other spellings are caught. `option` names the output.
void refuse_output_over_inputs(const std::string& option, const std::optional<std::string>& out,
                               const std::vector<const core::SourceSet*>& inputs,
                               const std::filesystem::path* database);

/// A workbook is not written to a stream: Xlsx needs `out`.
void require_file_for_xlsx(Format format, const std::optional<std::string>& out);

/// --bom is for CSV only.
void refuse_bom_unless_csv(bool bom, Format format);

/// The year of an evaluation: 1 to 9999.
void check_year(int year);

}  // namespace parscore::app
