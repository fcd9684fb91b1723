// Building a YamlNode tree from yaml-cpp's events, with our own limits and messages.
#include "yaml_builder.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>
#include <unordered_map>
#include <vector>

#include "codes.hpp"
#include "parscore/core/utf8.hpp"
#include "yaml_scan.hpp"

// yaml-cpp 0.7 facts this file relies on (checked against the library):
// * Mark::pos is a byte offset into the UTF-8 text (its stream counts bytes, not code points).
// * A node's mark is its first token: the `&`/`!` of a property, the opening quote, the `|`/`>`
//   indicator, a block map's first key, a block sequence's first `-`.
// * Plain `~`, `null`, `Null`, `NULL` arrive as OnNull, and so does an empty value; an empty
//   value's mark is the token after it (often the next key), so the two are told apart here.
// * It recurses once per nesting level and gives up at 500 levels with "bad file"; our own limit
//   of 64 stops first. While a flow collection might still turn out to be a key, its scanner
//   holds every token after it (over 200 bytes per `[`), so very deep flow nesting is cut short
//   by a pre-scan rather than handed over whole.
// * At the end of the file it takes every still-open `[`/`{` for a key and opens a map around
//   it, so unclosed input looks twice as deep; such maps are not counted.
// * An unclosed quoted scalar silently runs to the end of the file; it is an error here.
// * Tabs in indentation are sometimes accepted (`a:\n\tb`) and sometimes reported with an
//   unrelated message ("illegal map value"); both become one clear error here.

namespace parscore::core::yaml_builder {

namespace {

/// yaml-cpp's message for the syntax errors a hand-written file runs into, translatable; any
/// other message of the library's is shown as it wrote it.
Text yaml_cpp_message(const std::string& message) {
    static const std::vector<Text> known = {
        T_("end of map not found"),
        T_("end of map flow not found"),
        T_("end of sequence not found"),
        T_("end of sequence flow not found"),
        T_("illegal map key"),
        T_("illegal map value"),
        T_("illegal block entry"),
        T_("illegal flow end"),
        T_("unknown token"),
        T_("illegal EOF in scalar"),
        T_("illegal character in scalar"),
        T_("illegal document indicator in scalar"),
        T_("unexpected character in block scalar"),
    };
    for (const Text& text : known) {
        if (text.id == message) return text;
    }
    return verbatim(message);
}

using yaml_scan::followed_by_colon;
using yaml_scan::is_blank;
using yaml_scan::is_space;
using yaml_scan::line_begin;
using yaml_scan::null_word_at;
using yaml_scan::scalar_end;
using yaml_scan::skip_double_quoted;
using yaml_scan::skip_single_quoted;
using yaml_scan::style_at;
using yaml_scan::token_end;

/// Thrown by the event handler to abandon yaml-cpp after a fatal diagnostic was recorded.
struct StopParse {};

/// A streambuf reading straight from the source text, so yaml-cpp gets no copy of a 16 MiB file.
class ViewBuffer : public std::streambuf {
public:
    explicit ViewBuffer(std::string_view text) {
        char* begin = const_cast<char*>(text.data());  // only read: the get area is never written
        setg(begin, begin, begin + text.size());
    }
};

// ---- the event handler --------------------------------------------------------------------------

enum class Slot { Root, Item, Key, Value };

class TreeBuilder final : public YAML::EventHandler {
public:
    TreeBuilder(std::string_view text, FileId file, Diagnostics& diags) : text_(text), file_(file), diags_(diags) {}

    std::optional<YamlNode> take_root() { return std::move(root_); }

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1) {
            fatal(code::kSeveralDocuments, span_at(position(mark)), T_("only one YAML document is allowed per file"));
        }
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        const std::size_t pos = position(mark);
        check_node_start(pos, anchor, "?");
        if (const std::size_t len = explicit_null_length(pos)) {
            add(make_scalar(pos, pos + len, ScalarStyle::Plain, std::string(text_.substr(pos, len))));
        } else {
            YamlNode node;
            node.span = empty_span(pos);
            add(std::move(node));
        }
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        const std::size_t pos = position(mark);
        fatal(code::kUnsupported, span_to(pos, token_end(text_, pos)), T_("anchors and aliases are not supported"));
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        const std::size_t pos = position(mark);
        check_node_start(pos, anchor, tag);
        if (value.size() > kMaxYamlScalarBytes) {
            fatal(code::kScalarTooLong, span_at(pos),
                  T_("a value is {size} bytes long; at most {limit} (64 KiB) are allowed",
                     {{"size", std::to_string(value.size())}, {"limit", std::to_string(kMaxYamlScalarBytes)}}));
        }
        const ScalarStyle style = style_at(text_, pos);
        check_closed(pos, style);
        add(make_scalar(pos, scalar_end(text_, pos, style, value), style, value));
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        open_collection(mark, tag, anchor, style, YamlKind::Sequence);
    }
    void OnSequenceEnd() override { close_collection(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        open_collection(mark, tag, anchor, style, YamlKind::Map);
    }
    void OnMapEnd() override { close_collection(); }

    /// Reports a yaml-cpp syntax error; aliases to unknown anchors and tab indentation get the
    /// messages of their own rules instead of yaml-cpp's.
    void report_syntax_error(const YAML::Exception& e) {
        const std::size_t pos = e.mark.is_null() ? text_.size() : position(e.mark);
        if (pos < text_.size() && text_[pos] == '*') {
            diags_.error(code::kUnsupported, span_to(pos, token_end(text_, pos)),
                         T_("anchors and aliases are not supported"));
        } else if (auto tab = flow_depth_ == 0 ? indentation_tab(pos, true) : std::nullopt) {
            report_tab(*tab);
        } else if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) {
            diags_.error(code::kTooDeep, span_at(pos), too_deep_message());
        } else {
            diags_.error(code::kSyntax, span_at(pos), yaml_cpp_message(e.msg));
        }
    }

private:
    struct Frame {
        YamlNode node;
        bool flow = false;
        bool counted = true;      // counts toward the nesting limit
        bool has_key = false;     // a map whose key has been read and whose value is next
        bool keep_entry = true;   // false when the key was reported (duplicate, merge, not scalar)
        std::size_t started = 0;  // items (or keys) started, for the item limit
        YamlNode key;
        std::unordered_map<std::string, Span> seen_keys;  // NFC text -> first occurrence
    };

    static Text too_deep_message() {
        return T_("collections are nested more than {limit} levels deep", {{"limit", std::to_string(kMaxYamlDepth)}});
    }

    std::size_t position(const YAML::Mark& mark) const {
        if (mark.pos < 0) return text_.size();
        return std::min(static_cast<std::size_t>(mark.pos), text_.size());
    }
    Span span_to(std::size_t begin, std::size_t end) const {
        return Span{file_, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
    }
    Span span_at(std::size_t pos) const { return span_to(pos, std::min(pos + 1, text_.size())); }

    [[noreturn]] void fatal(const char* code, Span span, Text message) {
        diags_.error(code, span, std::move(message));
        throw StopParse{};
    }

    Slot slot() const {
        if (stack_.empty()) return Slot::Root;
        const Frame& top = stack_.back();
        if (top.node.kind == YamlKind::Sequence) return Slot::Item;
        return top.has_key ? Slot::Value : Slot::Key;
    }

    /// Tags, anchors, tab indentation and the item limit are checked where each node starts.
    void check_node_start(std::size_t pos, YAML::anchor_t anchor, const std::string& tag) {
        const char first = pos < text_.size() ? text_[pos] : '\0';
        if (const Slot s = slot(); (s == Slot::Item || s == Slot::Key) && ++stack_.back().started > kMaxYamlItems) {
            const TextArg limit{"limit", std::to_string(kMaxYamlItems)};
            fatal(code::kTooManyItems, span_at(pos),
                  s == Slot::Item ? T_("a list has more than {limit} items", {limit})
                                  : T_("a map has more than {limit} entries", {limit}));
        }
        // The mark is the first property, so whichever of anchor and tag is written first wins;
        // a lone `!` tag arrives as "!" like a quoted scalar's, hence the look at the text.
        // An anchor or a tag is reported and the node read as if it had none, so the rest of the
        // file is still checked (an alias, which has no node of its own, stops the file). A block
        // map and its first key start at the same mark: the property is reported once.
        const bool property = first == '&' || first == '!' || anchor != 0 || (tag != "?" && tag != "!");
        if (property && pos == property_reported_at_) return;
        if (property) property_reported_at_ = pos;
        if (first == '&' || (anchor != 0 && first != '!')) {
            diags_.error(code::kUnsupported, span_to(pos, token_end(text_, pos)),
                         T_("anchors and aliases are not supported"));
        }
        if (first == '!' || (tag != "?" && tag != "!")) {
            const std::size_t end = first == '!' ? token_end(text_, pos) : pos + 1;
            diags_.error(code::kUnsupported, span_to(pos, end),
                         T_("tag '{tag}' is not supported", {{"tag", std::string(text_.substr(pos, end - pos))}}));
        }
        if (flow_depth_ == 0) {
            if (auto tab = indentation_tab(pos, false)) {
                report_tab(*tab);
                throw StopParse{};
            }
        }
    }

    /// yaml-cpp silently runs an unclosed quoted scalar to the end of the file.
    void check_closed(std::size_t pos, ScalarStyle style) {
        const bool quoted = style == ScalarStyle::DoubleQuoted || style == ScalarStyle::SingleQuoted;
        if (!quoted) return;
        const std::size_t end = style == ScalarStyle::DoubleQuoted ? skip_double_quoted(text_, pos)
                                                                   : skip_single_quoted(text_, pos);
        if (end == std::string_view::npos) fatal(code::kSyntax, span_at(pos), T_("quoted string is not closed"));
    }

    /// The first tab in the indentation of the line holding `pos`, when `pos` is the first thing
    /// on its line (or anywhere on it, for errors yaml-cpp reports after the indentation).
    std::optional<std::size_t> indentation_tab(std::size_t pos, bool anywhere_on_line) const {
        const std::size_t begin = line_begin(text_, pos);
        std::size_t i = begin;
        while (i < text_.size() && is_blank(text_[i])) ++i;
        if (!anywhere_on_line && i != pos) return std::nullopt;
        const std::size_t tab = text_.substr(begin, i - begin).find('\t');
        if (tab == std::string_view::npos) return std::nullopt;
        return begin + tab;
    }

    void report_tab(std::size_t pos) {
        diags_.error(code::kSyntax, span_at(pos), T_("tab character used for indentation (indent with spaces)"));
    }

    /// Length of a `~`/`null` written at `pos` that really is this node; 0 for an empty node,
    /// whose mark yaml-cpp puts on the next token — which may itself be a key named `null`.
    std::size_t explicit_null_length(std::size_t pos) const {
        const std::size_t len = null_word_at(text_, pos);
        if (len == 0) return 0;
        const Slot s = slot();
        if (s == Slot::Root || s == Slot::Key) return len;
        if (s == Slot::Value && pos == stack_.back().key.span.begin) return 0;  // `{null}`, `? null`
        return followed_by_colon(text_, pos + len) ? 0 : len;
    }

    /// Where an empty node is shown: the `:` after its key, the `-` of its entry, or its mark.
    Span empty_span(std::size_t pos) const {
        const Slot s = slot();
        if (s == Slot::Value) {
            std::size_t i = stack_.back().key.span.end;
            while (i < text_.size() && is_blank(text_[i])) ++i;
            if (i < text_.size() && text_[i] == ':') return span_at(i);
            return span_to(stack_.back().key.span.end, stack_.back().key.span.end);
        }
        if (s == Slot::Item && !stack_.back().flow) {
            std::size_t i = pos;
            while (i > 0 && is_space(text_[i - 1])) --i;
            if (i > 0 && text_[i - 1] == '-') return span_at(i - 1);
        }
        return span_at(pos);
    }

    YamlNode make_scalar(std::size_t begin, std::size_t end, ScalarStyle style, std::string value) const {
        YamlNode node;
        node.kind = YamlKind::Scalar;
        node.span = span_to(begin, end);
        node.style = style;
        node.value = std::move(value);
        return node;
    }

    void open_collection(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style, YamlKind kind) {
        const std::size_t pos = position(mark);
        check_node_start(pos, anchor, tag);
        discount_phantom_map(pos);
        if (depth_ >= kMaxYamlDepth) fatal(code::kTooDeep, span_at(pos), too_deep_message());
        Frame frame;
        frame.node.kind = kind;
        frame.node.span = span_at(pos);
        frame.flow = style == YAML::EmitterStyle::Flow;
        if (frame.flow) ++flow_depth_;
        ++depth_;
        stack_.push_back(std::move(frame));
    }

    /// A map whose first key is a collection starting at the map's own position is not counted
    /// as a level. yaml-cpp opens such a map for every `[`/`{` still open at the end of the file
    /// (it takes each as a possible key), which would otherwise double the depth of unclosed
    /// input; a real one is an E005 error anyway.
    void discount_phantom_map(std::size_t pos) {
        if (stack_.empty()) return;
        Frame& top = stack_.back();
        if (top.node.kind == YamlKind::Map && top.counted && !top.has_key && top.node.entries.empty() &&
            top.node.span.begin == pos) {
            top.counted = false;
            --depth_;
        }
    }

    void close_collection() {
        Frame frame = std::move(stack_.back());
        stack_.pop_back();
        if (frame.flow) --flow_depth_;
        if (frame.counted) --depth_;
        add(std::move(frame.node));
    }

    void add(YamlNode node) {
        if (stack_.empty()) {
            root_ = std::move(node);
            return;
        }
        Frame& top = stack_.back();
        if (top.node.kind == YamlKind::Sequence) {
            top.node.items.push_back(std::move(node));
        } else if (!top.has_key) {
            top.keep_entry = accept_key(top, node);
            top.key = std::move(node);
            top.has_key = true;
        } else {
            if (top.keep_entry) top.node.entries.push_back(YamlEntry{std::move(top.key), std::move(node)});
            top.key = YamlNode{};
            top.has_key = false;
        }
    }

    /// Non-fatal key checks: the entry is dropped after an error so later phases do not report
    /// the same key again.
    bool accept_key(Frame& map, const YamlNode& key) {
        if (key.kind == YamlKind::Null) {
            diags_.error(code::kKeyNotScalar, key.span, T_("a map key must not be empty"));
            return false;
        }
        if (key.kind != YamlKind::Scalar) {
            diags_.error(code::kKeyNotScalar, key.span,
                         key.kind == YamlKind::Map ? T_("a map key must be a scalar, not a map")
                                                   : T_("a map key must be a scalar, not a sequence"));
            return false;
        }
        if (key.style == ScalarStyle::Plain && key.value == "<<") {
            diags_.error(code::kUnsupported, key.span, T_("merge keys are not supported"));
            return false;
        }
        auto [it, inserted] = map.seen_keys.try_emplace(to_nfc(key.value), key.span);
        if (!inserted) {
            diags_.error(code::kDuplicate, key.span, T_("duplicate key '{key}'", {{"key", key.value}}))
                .add_note(it->second, T_("first defined here"));
            return false;
        }
        return true;
    }

    std::string_view text_;
    FileId file_;
    Diagnostics& diags_;
    std::vector<Frame> stack_;
    std::optional<YamlNode> root_;
    int documents_ = 0;
    int flow_depth_ = 0;
    std::size_t property_reported_at_ = std::string::npos;  // where the last anchor or tag was reported
    int depth_ = 0;                                         // counted collections open
};

}  // namespace

std::optional<YamlNode> run_parser(std::string_view text, FileId file, Diagnostics& diags) {
    ViewBuffer buffer(text);
    std::istream stream(&buffer);
    TreeBuilder builder(text, file, diags);
    try {
        YAML::Parser parser(stream);
        if (!parser.HandleNextDocument(builder)) {
            YamlNode empty;
            empty.span = Span{file, 0, 0};
            return empty;
        }
        parser.HandleNextDocument(builder);  // a second document stops in OnDocumentStart
    } catch (const StopParse&) {
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        builder.report_syntax_error(e);
        return std::nullopt;
    }
    return builder.take_root();
}

}  // namespace parscore::core::yaml_builder
