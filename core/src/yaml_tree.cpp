// The YamlNode API and parse_yaml: checks on the raw text, the pre-scan, then yaml-cpp.
#include "parscore/core/yaml_tree.hpp"

#include "parscore/core/quote.hpp"

#include <algorithm>

#include "codes.hpp"
#include "yaml_builder.hpp"
#include "yaml_scan.hpp"

namespace parscore::core {

const YamlNode* YamlNode::find(std::string_view key) const {
    for (const auto& [k, v] : entries) {
        if (k.value == key) return &v;
    }
    return nullptr;
}

const YamlNode* YamlNode::find_key(std::string_view key) const {
    for (const auto& [k, v] : entries) {
        if (k.value == key) return &k;
    }
    return nullptr;
}

std::optional<YamlNode> parse_yaml(const SourceSet& sources, FileId file, Diagnostics& diags) {
    const std::string_view text = sources.file(file).text();
    // yaml-cpp guesses UTF-16/32 from NUL bytes, which would make its positions meaningless.
    if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
        diags.error(code::kSyntax, Span{file, static_cast<std::uint32_t>(nul), static_cast<std::uint32_t>(nul + 1)},
                    T_("NUL character in YAML text"));
        return std::nullopt;
    }
    // A carriage return left after CRLF was read as LF ends a line for yaml-cpp but not for our
    // line table, and hides the rest of the line on a terminal: refuse it plainly.
    if (const std::size_t cr = text.find('\r'); cr != std::string_view::npos) {
        diags.error(code::kSyntax, Span{file, static_cast<std::uint32_t>(cr), static_cast<std::uint32_t>(cr + 1)},
                    T_("carriage return without a line feed (lines must end with LF or CRLF)"));
        return std::nullopt;
    }
    // Deep flow nesting and long flow collections are cut just after the bracket that opens the
    // level too deep, or the first character of the item too many: yaml-cpp would otherwise hold
    // every token of the collection (a few hundred bytes each) before delivering the first. If
    // the pre-scan misjudged (no limit error on the cut text), the whole text is parsed as usual.
    if (const auto cut = yaml_scan::find_flow_limit(text)) {
        Diagnostics trial;
        const auto root = yaml_builder::run_parser(text.substr(0, *cut + 1), file, trial);
        const bool too_deep = std::any_of(trial.begin(), trial.end(), [](const Diagnostic& d) {
            return d.code == code::kTooDeep || d.code == code::kTooManyItems;
        });
        if (!root && too_deep) {
            diags.append(trial);
            return std::nullopt;
        }
    }
    return yaml_builder::run_parser(text, file, diags);
}

std::string describe(const YamlNode& node) {
    switch (node.kind) {
        case YamlKind::Null: return "nothing";
        case YamlKind::Map: return "a map";
        case YamlKind::Sequence: return "a list";
        case YamlKind::Scalar: return quote(node.value);
    }
    return "nothing";
}

Text describe_text(const YamlNode& node) {
    switch (node.kind) {
        case YamlKind::Null: return T_("nothing");
        case YamlKind::Map: return T_("a map");
        case YamlKind::Sequence: return T_("a list");
        case YamlKind::Scalar: return verbatim(quote(node.value));
    }
    return T_("nothing");
}

}  // namespace parscore::core
