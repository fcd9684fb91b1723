#include "parscore/core/yaml_tree.hpp"

#include "parscore/core/quote.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>
#include <unordered_map>

#include "codes.hpp"
#include "parscore/core/utf8.hpp"

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

namespace parscore::core {

namespace {

/// Thrown by the event handler to abandon yaml-cpp after a fatal diagnostic was recorded.
struct StopParse {};

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }
bool is_block_header_char(char c) { return c == '-' || c == '+' || (c >= '0' && c <= '9'); }

/// A streambuf reading straight from the source text, so yaml-cpp gets no copy of a 16 MiB file.
class ViewBuffer : public std::streambuf {
public:
    explicit ViewBuffer(std::string_view text) {
        char* begin = const_cast<char*>(text.data());  // only read: the get area is never written
        setg(begin, begin, begin + text.size());
    }
};

// ---- lexical helpers over the text ------------------------------------------------------------

/// Just after the closing quote of a double-quoted scalar opening at `open`, or npos.
std::size_t skip_double_quoted(std::string_view t, std::size_t open) {
    for (std::size_t i = open + 1; i < t.size(); ++i) {
        if (t[i] == '\\') {
            ++i;
        } else if (t[i] == '"') {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

/// Just after the closing quote of a single-quoted scalar opening at `open` ('' escapes), or npos.
std::size_t skip_single_quoted(std::string_view t, std::size_t open) {
    for (std::size_t i = open + 1; i < t.size(); ++i) {
        if (t[i] != '\'') continue;
        if (i + 1 < t.size() && t[i + 1] == '\'') {
            ++i;
        } else {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

std::size_t line_begin(std::string_view t, std::size_t pos) {
    const std::size_t nl = pos == 0 ? std::string_view::npos : t.rfind('\n', pos - 1);
    return nl == std::string_view::npos ? 0 : nl + 1;
}

std::size_t line_end(std::string_view t, std::size_t pos) {
    const std::size_t nl = t.find('\n', pos);
    return nl == std::string_view::npos ? t.size() : nl;
}

/// Just after the last non-space character of `value` found, in order, from `from`; scalars
/// without escapes (plain, literal, folded) differ from their text only in white space.
std::optional<std::size_t> match_content(std::string_view t, std::size_t from, std::string_view value) {
    std::optional<std::size_t> last;
    std::size_t i = from;
    for (char c : value) {
        if (is_space(c)) continue;
        while (i < t.size() && is_space(t[i])) ++i;
        if (i >= t.size() || t[i] != c) return std::nullopt;
        last = ++i;
    }
    return last;
}

ScalarStyle style_at(std::string_view t, std::size_t pos) {
    if (pos >= t.size()) return ScalarStyle::Plain;
    switch (t[pos]) {
        case '\'': return ScalarStyle::SingleQuoted;
        case '"': return ScalarStyle::DoubleQuoted;
        case '|': return ScalarStyle::Literal;
        case '>': return ScalarStyle::Folded;
        default: return ScalarStyle::Plain;
    }
}

/// Just after the last character of a scalar as written; begin + 1 when it cannot be told.
std::size_t scalar_end(std::string_view t, std::size_t pos, ScalarStyle style, std::string_view value) {
    const std::size_t fallback = std::min(pos + 1, t.size());
    switch (style) {
        case ScalarStyle::DoubleQuoted: {
            const std::size_t end = skip_double_quoted(t, pos);
            return end == std::string_view::npos ? fallback : end;
        }
        case ScalarStyle::SingleQuoted: {
            const std::size_t end = skip_single_quoted(t, pos);
            return end == std::string_view::npos ? fallback : end;
        }
        case ScalarStyle::Literal:
        case ScalarStyle::Folded: {
            std::size_t header = pos + 1;  // the indicator, then chomping and indentation digits
            while (header < t.size() && is_block_header_char(t[header])) ++header;
            const std::size_t body = std::min(line_end(t, pos) + 1, t.size());
            return match_content(t, body, value).value_or(header);
        }
        case ScalarStyle::Plain:
            if (t.substr(pos, value.size()) == value) return pos + value.size();
            return match_content(t, pos, value).value_or(fallback);
    }
    return fallback;
}

/// The length of a YAML null word (`~`, `null`, `Null`, `NULL`) standing alone at `pos`, or 0.
std::size_t null_word_at(std::string_view t, std::size_t pos) {
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
        if (t.substr(pos, word.size()) != word) continue;
        const std::size_t after = pos + word.size();
        if (after == t.size() || is_space(t[after]) || is_flow_indicator(t[after]) || t[after] == ':') {
            return word.size();
        }
    }
    return 0;
}

/// Whether `pos` is followed, after blanks, by a `:` value indicator.
bool followed_by_colon(std::string_view t, std::size_t pos) {
    while (pos < t.size() && is_blank(t[pos])) ++pos;
    if (pos >= t.size() || t[pos] != ':') return false;
    return pos + 1 == t.size() || is_space(t[pos + 1]) || is_flow_indicator(t[pos + 1]);
}

/// End of a property or alias token (`&a`, `*a`, `!tag`) starting at `pos`.
std::size_t token_end(std::string_view t, std::size_t pos) {
    std::size_t i = pos + 1;
    while (i < t.size() && !is_space(t[i]) && !is_flow_indicator(t[i])) ++i;
    return i;
}

// ---- pre-scan for deep flow nesting -------------------------------------------------------------

/// Skips a block scalar whose indicator is at `pos`: its header line, then every blank line or
/// line indented deeper than the header line. Returns the start of the first line after it.
std::size_t skip_block_scalar(std::string_view t, std::size_t pos) {
    const std::size_t begin = line_begin(t, pos);
    std::size_t indent = 0;
    while (begin + indent < t.size() && t[begin + indent] == ' ') ++indent;
    std::size_t i = line_end(t, pos);
    while (i < t.size()) {
        const std::size_t next = i + 1;
        std::size_t k = next;
        while (k < t.size() && t[k] == ' ') ++k;
        const std::size_t end = line_end(t, k);
        const bool blank = std::all_of(t.begin() + k, t.begin() + end, is_blank);
        if (!blank && k - next <= indent) return next;
        i = end;
    }
    return t.size();
}

/// Position of a `[` or `{` that opens flow nesting level kMaxYamlDepth + 1, or of the start of
/// item kMaxYamlItems + 1 of a flow collection; nullopt when neither happens. The scan knows
/// just enough YAML (quotes, comments, block scalars, where a node may start) to avoid counting
/// brackets and commas inside text; a rare miscount only costs a second parse (see parse_yaml),
/// never a wrong answer.
std::optional<std::size_t> find_flow_limit(std::string_view t) {
    int depth = 0;
    bool node_start = true;
    bool entry_start = false;          // inside a flow collection, after `[`, `{` or `,`
    std::vector<std::size_t> entries;  // per open flow collection: entries started
    auto new_entry = [&]() {
        if (depth == 0 || !entry_start) return false;
        entry_start = false;
        return ++entries.back() > kMaxYamlItems;
    };
    std::size_t i = 0;
    while (i < t.size()) {
        const char c = t[i];
        const bool after_space = i == 0 || is_space(t[i - 1]);
        if (c == '#' && after_space) {
            i = line_end(t, i);
            continue;
        }
        if (is_space(c)) {
            if (c == '\n' && depth == 0) node_start = true;
            ++i;
            continue;
        }
        if ((c == '"' || c == '\'') && node_start) {
            if (new_entry()) return i;
            i = c == '"' ? skip_double_quoted(t, i) : skip_single_quoted(t, i);
            if (i == std::string_view::npos) return std::nullopt;
            node_start = false;
            continue;
        }
        if (c == '[' || c == '{') {
            if (depth > 0 || node_start) {
                if (new_entry()) return i;
                if (++depth > kMaxYamlDepth) return i;
                entries.push_back(0);
                entry_start = true;
                node_start = true;
            } else {
                node_start = false;
            }
            ++i;
            continue;
        }
        if (depth > 0) {
            if (c == ']' || c == '}') {
                --depth;
                entries.pop_back();
                entry_start = false;
            } else if (c == ',') {
                entry_start = true;
            } else if (new_entry()) {
                return i;
            }
            node_start = c == ',' || c == ':' || c == '?';
            ++i;
            continue;
        }
        const bool indicator = (c == '-' || c == '?' || c == ':') && (i + 1 == t.size() || is_space(t[i + 1]));
        if (indicator) {
            node_start = true;
            ++i;
        } else if ((c == '|' || c == '>') && node_start) {
            i = skip_block_scalar(t, i);
            node_start = true;
        } else if ((c == '!' || c == '&') && node_start) {
            i = token_end(t, i);  // a property: the node itself follows
        } else if (c == '-' && t.substr(i, 3) == "---" && i == line_begin(t, i)) {
            node_start = true;
            i += 3;
        } else {
            node_start = false;
            ++i;
        }
    }
    return std::nullopt;
}

// ---- the event handler --------------------------------------------------------------------------

enum class Slot { Root, Item, Key, Value };

class TreeBuilder final : public YAML::EventHandler {
public:
    TreeBuilder(std::string_view text, FileId file, Diagnostics& diags) : text_(text), file_(file), diags_(diags) {}

    std::optional<YamlNode> take_root() { return std::move(root_); }

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1) {
            fatal(code::kSeveralDocuments, span_at(position(mark)), "only one YAML document is allowed per file");
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
        fatal(code::kUnsupported, span_to(pos, token_end(text_, pos)), "anchors and aliases are not supported");
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        const std::size_t pos = position(mark);
        check_node_start(pos, anchor, tag);
        if (value.size() > kMaxYamlScalarBytes) {
            fatal(code::kScalarTooLong, span_at(pos),
                  "a value is " + std::to_string(value.size()) + " bytes long; at most " +
                      std::to_string(kMaxYamlScalarBytes) + " (64 KiB) are allowed");
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
                         "anchors and aliases are not supported");
        } else if (auto tab = flow_depth_ == 0 ? indentation_tab(pos, true) : std::nullopt) {
            report_tab(*tab);
        } else if (dynamic_cast<const YAML::DeepRecursion*>(&e) != nullptr) {
            diags_.error(code::kTooDeep, span_at(pos), too_deep_message());
        } else {
            diags_.error(code::kSyntax, span_at(pos), e.msg);
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

    static std::string too_deep_message() {
        return "collections are nested more than " + std::to_string(kMaxYamlDepth) + " levels deep";
    }

    std::size_t position(const YAML::Mark& mark) const {
        if (mark.pos < 0) return text_.size();
        return std::min(static_cast<std::size_t>(mark.pos), text_.size());
    }
    Span span_to(std::size_t begin, std::size_t end) const {
        return Span{file_, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)};
    }
    Span span_at(std::size_t pos) const { return span_to(pos, std::min(pos + 1, text_.size())); }

    [[noreturn]] void fatal(const char* code, Span span, std::string message) {
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
            fatal(code::kTooManyItems, span_at(pos),
                  std::string(s == Slot::Item ? "a list has more than " : "a map has more than ") +
                      std::to_string(kMaxYamlItems) + (s == Slot::Item ? " items" : " entries"));
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
                         "anchors and aliases are not supported");
        }
        if (first == '!' || (tag != "?" && tag != "!")) {
            const std::size_t end = first == '!' ? token_end(text_, pos) : pos + 1;
            diags_.error(code::kUnsupported, span_to(pos, end),
                         "tag '" + std::string(text_.substr(pos, end - pos)) + "' is not supported");
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
        if (end == std::string_view::npos) fatal(code::kSyntax, span_at(pos), "quoted string is not closed");
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
        diags_.error(code::kSyntax, span_at(pos), "tab character used for indentation (indent with spaces)");
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
            diags_.error(code::kKeyNotScalar, key.span, "a map key must not be empty");
            return false;
        }
        if (key.kind != YamlKind::Scalar) {
            diags_.error(code::kKeyNotScalar, key.span,
                         key.kind == YamlKind::Map ? "a map key must be a scalar, not a map"
                                                   : "a map key must be a scalar, not a sequence");
            return false;
        }
        if (key.style == ScalarStyle::Plain && key.value == "<<") {
            diags_.error(code::kUnsupported, key.span, "merge keys are not supported");
            return false;
        }
        auto [it, inserted] = map.seen_keys.try_emplace(to_nfc(key.value), key.span);
        if (!inserted) {
            diags_.error(code::kDuplicate, key.span, "duplicate key '" + key.value + "'")
                .notes.push_back(Note{it->second, "first defined here"});
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

/// One run of yaml-cpp over `text`; nullopt after a fatal error.
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

}  // namespace

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
                    "NUL character in YAML text");
        return std::nullopt;
    }
    // A carriage return left after CRLF was read as LF ends a line for yaml-cpp but not for our
    // line table, and hides the rest of the line on a terminal: refuse it plainly.
    if (const std::size_t cr = text.find('\r'); cr != std::string_view::npos) {
        diags.error(code::kSyntax, Span{file, static_cast<std::uint32_t>(cr), static_cast<std::uint32_t>(cr + 1)},
                    "carriage return without a line feed (lines must end with LF or CRLF)");
        return std::nullopt;
    }
    // Deep flow nesting and long flow collections are cut just after the bracket that opens the
    // level too deep, or the first character of the item too many: yaml-cpp would otherwise hold
    // every token of the collection (a few hundred bytes each) before delivering the first. If
    // the pre-scan misjudged (no limit error on the cut text), the whole text is parsed as usual.
    if (const auto cut = find_flow_limit(text)) {
        Diagnostics trial;
        const auto root = run_parser(text.substr(0, *cut + 1), file, trial);
        const bool too_deep = std::any_of(trial.begin(), trial.end(), [](const Diagnostic& d) {
            return d.code == code::kTooDeep || d.code == code::kTooManyItems;
        });
        if (!root && too_deep) {
            diags.append(trial);
            return std::nullopt;
        }
    }
    return run_parser(text, file, diags);
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

}  // namespace parscore::core
