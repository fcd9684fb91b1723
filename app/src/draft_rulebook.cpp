#include "parscore/app/draft_rulebook.hpp"

#include <map>
#include <set>

#include "parscore/core/utf8.hpp"

namespace parscore::app {

namespace {

Error bad_path(std::string_view path, core::Text why) {
    return Error(ErrorKind::BadRequest,
                 core::T_("rulebook file {path}: {why}",
                          {{"path", "'" + core::sanitize_utf8(core::printable(path)) + "'"}, core::part("why", why)}));
}

/// The path with empty and "." segments dropped; refused when it could name anything but a file
/// inside the draft.
std::string normalised_path(std::string_view path) {
    if (path.empty()) throw bad_path(path, core::T_("the path is empty"));
    if (path.size() > kMaxDraftPathBytes) {
        throw bad_path(path.substr(0, 40),
                       core::T_("the path is longer than {n} bytes", {{"n", std::to_string(kMaxDraftPathBytes)}}));
    }
    if (!core::is_valid_utf8(path)) throw bad_path(path, core::T_("the path is not UTF-8"));
    for (const char c : path) {
        if (c == '\\') throw bad_path(path, core::T_("paths are separated by '/', not by a backslash"));
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            throw bad_path(path, core::T_("the path holds a control character"));
    }
    if (path.front() == '/') throw bad_path(path, core::T_("the path must be relative, not absolute"));
    if (path.back() == '/') throw bad_path(path, core::T_("the path names a folder, not a file"));
    std::string out;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = std::min(path.find('/', start), path.size());
        const std::string_view segment = path.substr(start, slash - start);
        if (segment == "..") throw bad_path(path, core::T_("the path may not leave the rulebook's files with '..'"));
        if (!segment.empty() && segment != ".") out += (out.empty() ? "" : "/") + std::string(segment);
        start = slash + 1;
    }
    if (out.empty()) throw bad_path(path, core::T_("the path names no file"));
    return out;
}

}  // namespace

DraftRulebook normalised_draft(const DraftRulebook& draft) {
    if (draft.empty()) throw Error(ErrorKind::BadRequest, core::T_("the rulebook has no files"));
    if (draft.size() > kMaxDraftFiles) {
        throw Error(ErrorKind::BadRequest,
                    core::T_("a rulebook has at most {n} files, this one has {count}",
                             {{"n", std::to_string(kMaxDraftFiles)}, {"count", std::to_string(draft.size())}}));
    }
    DraftRulebook out;
    std::set<std::string> seen;
    for (const DraftFile& f : draft) {
        std::string path = normalised_path(f.path);
        if (!seen.insert(path).second) {
            throw bad_path(f.path, core::T_("another file of the rulebook has the same path ({same})",
                                            {{"same", "'" + path + "'"}}));
        }
        if (!core::is_valid_utf8(f.text)) throw bad_path(path, core::T_("the text is not UTF-8"));
        out.push_back({std::move(path), f.text});
    }
    return out;
}

rules::LoadOutcome load_draft(const DraftRulebook& draft, core::SourceSet& sources, core::Diagnostics& diags) {
    std::map<std::string, std::string, std::less<>> by_path;
    for (const DraftFile& f : draft) by_path.emplace(f.path, f.text);
    // The loader names a parent (child's folder / extends).lexically_normal(); a name outside the
    // draft ("../x.yaml", "/etc/x.yaml") is not found, and the loader reports it at `extends`.
    const rules::FileReader reader = [&by_path](const std::filesystem::path& p) -> std::optional<std::string> {
        const auto it = by_path.find(p.string());
        if (it == by_path.end()) return std::nullopt;
        return it->second;
    };
    return rules::load_rulebook(draft.front().path, reader, sources, diags);
}

void refuse_unused_files(const DraftRulebook& draft, const rules::Rulebook& rulebook) {
    for (const DraftFile& f : draft) {
        const bool used = std::any_of(rulebook.files.begin(), rulebook.files.end(),
                                      [&](const rules::RulebookFile& r) { return r.path == f.path; });
        if (!used) {
            throw bad_path(f.path, core::T_("the rulebook {root} does not extend it; send the rulebook first and "
                                            "only the files it extends after it",
                                            {{"root", "'" + draft.front().path + "'"}}));
        }
    }
}

LoadedRulebook load_draft_rulebook(const DraftRulebook& given) {
    const DraftRulebook draft = normalised_draft(given);
    auto problems = std::make_shared<Problems>();
    rules::LoadOutcome outcome = load_draft(draft, problems->sources, problems->diagnostics);
    if (!outcome.rulebook || problems->diagnostics.has_errors()) {
        throw Error(ErrorKind::Invalid, core::T_("rulebook '{path}' has errors", {{"path", draft.front().path}}),
                    problems);
    }
    refuse_unused_files(draft, *outcome.rulebook);
    return LoadedRulebook{std::move(*outcome.rulebook), problems};
}

}  // namespace parscore::app
