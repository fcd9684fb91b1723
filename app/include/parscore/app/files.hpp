#pragma once
// Writing a file so that it is either complete or untouched, for the operations that write files
// (a rule-test report) and the front ends that write results to one.
#include <filesystem>
#include <functional>
#include <string>

namespace parscore::app {

/// `write` fills a temporary file in the target's folder, which then replaces the target (an
/// Error of kind Io when that fails; the temporary file is removed and an existing target left as
/// it was). Through a symbolic link the file it names is replaced; an existing file keeps its
/// permissions.
void write_file_atomically(const std::string& path, const std::function<void(const std::filesystem::path& tmp)>& write);

/// The same for a text.
void write_text_atomically(const std::string& path, const std::string& text);

}  // namespace parscore::app
