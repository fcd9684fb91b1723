// Lexical helpers over YAML source text and the pre-scan for deep or long flow collections.
#include "yaml_scan.hpp"

#include <algorithm>
#include <vector>

namespace parscore::core::yaml_scan {

namespace {

bool is_block_header_char(char c) { return c == '-' || c == '+' || (c >= '0' && c <= '9'); }

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

/// One run of find_flow_limit: where it is in the text and what is open there. Each step reads
/// the token at `i_` and moves past it, or stops the scan where the limit is reached.
class FlowScan {
public:
    explicit FlowScan(std::string_view t) : t_(t) {}

    std::optional<std::size_t> run() {
        while (i_ < t_.size()) {
            const char c = t_[i_];
            const bool after_space = i_ == 0 || is_space(t_[i_ - 1]);
            Step step = Step::Next;
            if (c == '#' && after_space) {
                i_ = line_end(t_, i_);
            } else if (is_space(c)) {
                if (c == '\n' && depth_ == 0) node_start_ = true;
                ++i_;
            } else if ((c == '"' || c == '\'') && node_start_) {
                step = quoted(c);
            } else if (c == '[' || c == '{') {
                step = open_bracket();
            } else if (depth_ > 0) {
                step = inside_flow(c);
            } else {
                block_token(c);
            }
            if (step == Step::Limit) return i_;
            if (step == Step::End) return std::nullopt;
        }
        return std::nullopt;
    }

private:
    /// Next: go on; Limit: the limit is reached at `i_`; End: nothing more can be told.
    enum class Step { Next, Limit, End };

    /// Counts an entry of the innermost flow collection when one starts here; true past the limit.
    bool new_entry() {
        if (depth_ == 0 || !entry_start_) return false;
        entry_start_ = false;
        return ++entries_.back() > kMaxYamlItems;
    }

    Step quoted(char c) {
        if (new_entry()) return Step::Limit;
        i_ = c == '"' ? skip_double_quoted(t_, i_) : skip_single_quoted(t_, i_);
        if (i_ == std::string_view::npos) return Step::End;
        node_start_ = false;
        return Step::Next;
    }

    /// A `[` or `{` opens a flow collection where a node starts or inside another one.
    Step open_bracket() {
        if (depth_ > 0 || node_start_) {
            if (new_entry()) return Step::Limit;
            if (++depth_ > kMaxYamlDepth) return Step::Limit;
            entries_.push_back(0);
            entry_start_ = true;
            node_start_ = true;
        } else {
            node_start_ = false;
        }
        ++i_;
        return Step::Next;
    }

    Step inside_flow(char c) {
        if (c == ']' || c == '}') {
            --depth_;
            entries_.pop_back();
            entry_start_ = false;
        } else if (c == ',') {
            entry_start_ = true;
        } else if (new_entry()) {
            return Step::Limit;
        }
        node_start_ = c == ',' || c == ':' || c == '?';
        ++i_;
        return Step::Next;
    }

    /// Outside flow collections: indicators, block scalars, properties and document markers.
    void block_token(char c) {
        const bool indicator = (c == '-' || c == '?' || c == ':') && (i_ + 1 == t_.size() || is_space(t_[i_ + 1]));
        if (indicator) {
            node_start_ = true;
            ++i_;
        } else if ((c == '|' || c == '>') && node_start_) {
            i_ = skip_block_scalar(t_, i_);
            node_start_ = true;
        } else if ((c == '!' || c == '&') && node_start_) {
            i_ = token_end(t_, i_);  // a property: the node itself follows
        } else if (c == '-' && t_.substr(i_, 3) == "---" && i_ == line_begin(t_, i_)) {
            node_start_ = true;
            i_ += 3;
        } else {
            node_start_ = false;
            ++i_;
        }
    }

    std::string_view t_;
    std::size_t i_ = 0;
    int depth_ = 0;
    bool node_start_ = true;
    bool entry_start_ = false;          // inside a flow collection, after `[`, `{` or `,`
    std::vector<std::size_t> entries_;  // per open flow collection: entries started
};

}  // namespace

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

std::optional<std::size_t> find_flow_limit(std::string_view t) { return FlowScan(t).run(); }

}  // namespace parscore::core::yaml_scan
