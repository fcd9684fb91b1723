#include "parscore/yearly_report/report_config.hpp"

#include <algorithm>

#include "codes.hpp"
#include "parscore/core/suggest.hpp"
#include "parscore/core/text_file.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/core/yaml_tree.hpp"

namespace parscore::engine::yearly {

namespace {

using core::YamlNode;

/// Longer than any issuing body, title or recipient a real report carries.
constexpr std::size_t kMaxFieldChars = 300;
constexpr std::size_t kMaxRecipients = 100;

class Reader {
public:
    explicit Reader(core::Diagnostics& diags) : diags_(diags) {}

    bool known_keys(const YamlNode& map, const std::vector<std::string>& allowed, const core::Text& where) {
        bool ok = true;
        for (const auto& [key, value] : map.entries) {
            if (std::find(allowed.begin(), allowed.end(), key.value) != allowed.end()) continue;
            diags_.error(code::kUnknownKey, key.span,
                         core::T_("unknown key '{key}' in {where}{suggestion}",
                                  {{"key", core::sanitize_utf8(key.value)},
                                   core::part("where", where),
                                   core::suggestion(key.value, allowed)}));
            ok = false;
        }
        return ok;
    }

    /// A map at `key` of `parent` (required or not); nullptr when absent or not a map.
    const YamlNode* map_at(const YamlNode& parent, const char* key, bool required) {
        const YamlNode* n = parent.find(key);
        if (!n) {
            if (required) missing(parent, key);
            return nullptr;
        }
        if (n->is_map()) return n;
        diags_.error(code::kBadValue, n->span,
                     core::T_("'{key}' must be a map, found {found}",
                              {{"key", key}, core::part("found", core::describe_text(*n))}));
        return nullptr;
    }

    /// One line of text at `key` of `map`: "" when absent and not required.
    std::string text_at(const YamlNode& map, const char* key, bool required) {
        const YamlNode* n = map.find(key);
        if (!n) {
            if (required) missing(map, key);
            return {};
        }
        return text(*n, key);
    }

    std::string text(const YamlNode& n, const std::string& what) {
        std::string value = n.is_scalar() ? core::to_nfc(n.value) : std::string();
        const bool one_line = value.find('\n') == std::string::npos && value.find('\r') == std::string::npos;
        if (n.is_scalar() && one_line && !value.empty() && core::code_point_count(value) <= kMaxFieldChars)
            return value;
        diags_.error(code::kBadValue, n.span,
                     core::T_("'{key}' must be one line of text of 1 to {max} characters, found {found}",
                              {{"key", what},
                               {"max", std::to_string(kMaxFieldChars)},
                               core::part("found", core::describe_text(n))}));
        return {};
    }

    std::optional<core::Date> date_at(const YamlNode& map, const char* key) {
        const YamlNode* n = map.find(key);
        if (!n) return std::nullopt;
        if (n->is_scalar()) {
            if (auto d = core::parse_date(n->value)) return d;
        }
        diags_.error(code::kBadValue, n->span,
                     core::T_("'{key}' must be a date such as 2013-12-20, found {found}",
                              {{"key", key}, core::part("found", core::describe_text(*n))}));
        return std::nullopt;
    }

    std::vector<std::string> lines_at(const YamlNode& map, const char* key) {
        std::vector<std::string> out;
        const YamlNode* n = map.find(key);
        if (!n) return out;
        if (!n->is_sequence() || n->items.size() > kMaxRecipients) {
            diags_.error(code::kBadValue, n->span,
                         core::T_("'{key}' must be a list of at most {max} lines of text, found {found}",
                                  {{"key", key},
                                   {"max", std::to_string(kMaxRecipients)},
                                   core::part("found", core::describe_text(*n))}));
            return out;
        }
        for (const YamlNode& item : n->items) out.push_back(text(item, key));
        return out;
    }

private:
    void missing(const YamlNode& map, const char* key) {
        diags_.error(code::kMissingKey, map.span, core::T_("the report config needs '{key}'", {{"key", key}}));
    }

    core::Diagnostics& diags_;
};

}  // namespace

std::optional<ReportConfig> parse_report_config(const core::SourceSet& sources, core::FileId file,
                                                core::Diagnostics& diags) {
    const std::size_t errors_before = diags.error_count();
    std::optional<YamlNode> root = core::parse_yaml(sources, file, diags);
    if (!root) return std::nullopt;
    if (!root->is_map()) {
        diags.error(code::kBadValue, root->span,
                    core::T_("the report config must be a map, found {found}",
                             {core::part("found", core::describe_text(*root))}));
        return std::nullopt;
    }
    Reader read(diags);
    read.known_keys(*root, {"issuer", "number", "place", "date", "signer", "recipients"},
                    core::T_("the report config"));
    ReportConfig config;
    if (const YamlNode* issuer = read.map_at(*root, "issuer", true)) {
        read.known_keys(*issuer, {"parent", "name"}, core::verbatim("'issuer'"));
        config.parent_body = read.text_at(*issuer, "parent", false);
        config.issuing_body = read.text_at(*issuer, "name", true);
    }
    config.number = read.text_at(*root, "number", false);
    config.place = read.text_at(*root, "place", false);
    config.date = read.date_at(*root, "date");
    if (const YamlNode* signer = read.map_at(*root, "signer", true)) {
        read.known_keys(*signer, {"authority", "title", "name"}, core::verbatim("'signer'"));
        config.authority = read.text_at(*signer, "authority", false);
        config.signer_title = read.text_at(*signer, "title", true);
        config.signer_name = read.text_at(*signer, "name", true);
    }
    config.recipients = read.lines_at(*root, "recipients");
    if (diags.error_count() != errors_before) return std::nullopt;
    return config;
}

std::optional<ReportConfig> read_report_config(const std::filesystem::path& path, core::SourceSet& sources,
                                               core::Diagnostics& diags, bool& io_failure) {
    core::TextFile file = core::read_text_file(path, core::kMaxRuleFileBytes);
    io_failure = false;
    const std::string name = path.string();
    switch (file.status) {
        case core::ReadStatus::Ok: break;
        case core::ReadStatus::NotFound:
        case core::ReadStatus::IsDirectory:
        case core::ReadStatus::Unreadable: {
            const core::FileId id = sources.add(name, "");
            diags.error(code::kUnreadable, core::Span{id, 0, 0},
                        core::T_("cannot read the report config: {why}",
                                 {core::part("why", core::describe_text(file.status))}));
            io_failure = true;
            return std::nullopt;
        }
        case core::ReadStatus::TooLarge:
        case core::ReadStatus::InvalidUtf8:
        case core::ReadStatus::Utf16: {
            const std::size_t at = file.status == core::ReadStatus::InvalidUtf8 ? file.bad_offset : 0;
            const core::FileId id = sources.add(name, core::sanitize_utf8(file.text));
            diags.error(code::kUnreadable,
                        core::Span{id, static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at)},
                        core::T_("the report config is not usable: {why}",
                                 {core::part("why", core::describe_text(file.status))}));
            return std::nullopt;
        }
    }
    const core::FileId id = sources.add(name, std::move(file.text));
    return parse_report_config(sources, id, diags);
}

}  // namespace parscore::engine::yearly
