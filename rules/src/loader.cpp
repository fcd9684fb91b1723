// Loading a rulebook: read and check each file of the `extends` chain, merge root first,
// validate the merged rulebook, compile its expressions, and hash its files
// (docs/reference/rulebook-format.md; the hash as docs/reference/outputs.md gives it).
#include "parscore/rules/loader.hpp"

#include <deque>

#include "codes.hpp"
#include "file_reading.hpp"
#include "merge.hpp"
#include "parscore/core/sha256.hpp"
#include "parscore/core/yaml_tree.hpp"
#include "sections.hpp"

namespace parscore::rules {

namespace fs = std::filesystem;

namespace {

using namespace detail;

/// Deeper chains are refused: they are mistakes, and a symbolic-link loop must end somewhere.
constexpr std::size_t kMaxExtendsDepth = 32;

class Loader {
public:
    Loader(RawReader reader, core::SourceSet& sources, core::Diagnostics& diags)
        : read_(std::move(reader)), sources_(sources), diags_(diags), reader_(diags) {}

    LoadOutcome load(const fs::path& path) {
        const std::size_t errors_before = diags_.error_count();
        LoadOutcome outcome;
        Chain chain = load_chain(path.string(), std::nullopt);
        outcome.io_failure = root_io_failure_;
        if (chain.complete) {
            validate(chain.merged, chain.leaf.root_span, reader_);
            Rulebook rb = build_rulebook(chain.merged, chain.leaf, sources_, diags_);
            rb.files = std::move(files_);
            rb.sha256 = combined_hash(rb.files);
            if (diags_.error_count() == errors_before) outcome.rulebook = std::move(rb);
        }
        diags_.sort();
        return outcome;
    }

private:
    struct Chain {
        bool complete = false;  // every file of the chain was read and parsed
        Draft merged;
        FileDraft leaf;
    };
    struct Visiting {
        std::string identity;  // absolute, lexically normal: the same file however it was reached
        std::string name;
    };

    static std::string identity_of(const std::string& name) {
        std::error_code ec;
        fs::path absolute = fs::absolute(fs::path(name), ec);
        return (ec ? fs::path(name) : absolute).lexically_normal().string();
    }

    /// `referer` is the `extends` value that named this file, or none for the root.
    Chain load_chain(const std::string& name, std::optional<Span> referer) {
        Chain chain;
        RawFile raw = read_(name);
        if (raw.status != core::ReadStatus::Ok && raw.status != core::ReadStatus::TooLarge) {
            report_unreadable(name, raw.status, referer);
            return chain;
        }
        auto id = add_source(name, raw, sources_, diags_);
        if (!id) return chain;
        trees_.emplace_back();
        if (auto root = core::parse_yaml(sources_, *id, diags_)) {
            trees_.back() = std::move(*root);
            nullify_null_words(trees_.back());
        } else {
            return chain;  // a YAML syntax error stops the file
        }
        chain.leaf = read_file_draft(reader_, *id, trees_.back());
        if (!trees_.back().is_map()) return chain;  // nothing to merge or check further

        if (!chain.leaf.extends) {
            files_.push_back(file_record(name, raw.bytes));
            chain.merged = take_own(chain.leaf, reader_);
            chain.complete = true;
            return chain;
        }
        const Located<std::string>& extends = *chain.leaf.extends;
        const std::string parent = (fs::path(name).parent_path() / fs::path(extends.value)).lexically_normal().string();
        if (!enter(name, parent, extends.span)) return chain;
        Chain base = load_chain(parent, extends.span);
        visiting_.pop_back();
        files_.push_back(file_record(name, raw.bytes));  // after its parents: root first
        if (!base.complete) return chain;
        chain.merged = std::move(base.merged);
        apply_child(chain.merged, chain.leaf, reader_);
        chain.complete = true;
        return chain;
    }

    /// Pushes `name` on the chain being followed; false (after E221) when `parent` closes a cycle
    /// or the chain is too long.
    bool enter(const std::string& name, const std::string& parent, Span at) {
        visiting_.push_back({identity_of(name), name});
        const std::string parent_identity = identity_of(parent);
        for (std::size_t i = 0; i < visiting_.size(); ++i) {
            if (visiting_[i].identity != parent_identity) continue;
            std::string cycle;
            for (std::size_t j = i; j < visiting_.size(); ++j) cycle += visiting_[j].name + " → ";
            diags_.error(code::kExtendsCycle, at, core::T_("extends cycle: {cycle}", {{"cycle", cycle + parent}}));
            visiting_.pop_back();
            return false;
        }
        if (visiting_.size() >= kMaxExtendsDepth) {
            diags_.error(code::kExtendsCycle, at,
                         core::T_("extends chain is longer than {n} files", {{"n", std::to_string(kMaxExtendsDepth)}}));
            visiting_.pop_back();
            return false;
        }
        return true;
    }

    void report_unreadable(const std::string& name, core::ReadStatus status, std::optional<Span> referer) {
        if (!referer) {
            root_io_failure_ = true;
            diags_.error(code::kCannotRead, std::nullopt,
                         core::T_("cannot read rulebook {name}: {reason}",
                                  {{"name", "'" + name + "'"}, core::part("reason", core::describe_text(status))}));
            return;
        }
        diags_.error(code::kCannotRead, *referer,
                     core::T_("cannot read the extended rulebook {name}: {reason}",
                              {{"name", "'" + name + "'"}, core::part("reason", core::describe_text(status))}));
    }

    static RulebookFile file_record(const std::string& name, const std::string& bytes) {
        return RulebookFile{name, bytes, core::sha256_hex(bytes)};
    }

    /// `rulebook.sha256` of docs/reference/outputs.md: one file's digest, or the digest of the
    /// files' hex digests, root first, each followed by a line feed.
    static std::string combined_hash(const std::vector<RulebookFile>& files) {
        if (files.size() == 1) return files.front().sha256;
        core::Sha256 hash;
        for (const RulebookFile& f : files) hash.update(f.sha256).update("\n");
        return hash.hex();
    }

    RawReader read_;
    core::SourceSet& sources_;
    core::Diagnostics& diags_;
    Reader reader_;
    std::deque<core::YamlNode> trees_;  // drafts point into these until the rulebook is built
    std::vector<Visiting> visiting_;
    std::vector<RulebookFile> files_;
    bool root_io_failure_ = false;
};

}  // namespace

LoadOutcome load_rulebook(const fs::path& path, core::SourceSet& sources, core::Diagnostics& diags) {
    RawReader from_disk = [](const fs::path& p) { return read_raw_file(p, core::kMaxRuleFileBytes); };
    return Loader(from_disk, sources, diags).load(path);
}

LoadOutcome load_rulebook(const fs::path& path, const FileReader& reader, core::SourceSet& sources,
                          core::Diagnostics& diags) {
    RawReader wrapped = [&reader](const fs::path& p) {
        RawFile raw;
        if (auto bytes = reader(p)) {
            raw.bytes = std::move(*bytes);
            raw.size = raw.bytes.size();
        } else {
            raw.status = core::ReadStatus::NotFound;
        }
        return raw;
    };
    return Loader(wrapped, sources, diags).load(path);
}

}  // namespace parscore::rules
