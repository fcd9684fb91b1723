#include "parscore/output/json_writer.hpp"

#include <charconv>
#include <cstring>

namespace parscore::engine {

void append_json_string(std::string& out, std::string_view s) {
    static const char* hex = "0123456789abcdef";
    out += '"';
    std::size_t run = 0;  // start of the bytes not yet copied
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

std::string json_quoted(std::string_view text) {
    std::string out;
    append_json_string(out, text);
    return out;
}

JsonWriter JsonWriter::inside_array(std::string& out, int indent, std::size_t depth, bool has_elements) {
    JsonWriter w(out, indent);
    for (std::size_t i = 1; i < depth; ++i) w.stack_.push_back({false, false});
    if (depth > 0) w.stack_.push_back({true, !has_elements});
    return w;
}

namespace {

// ",\n" and the deepest indentation the writers use, so a separator is one append.
constexpr std::size_t kMaxIndent = 128;
const std::string kSeparator = ",\n" + std::string(kMaxIndent, ' ');

bool plain(std::string_view s) {
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == '"' || c == '\\') return false;
    }
    return true;
}

}  // namespace

void JsonWriter::newline() {
    if (indent_ == 0) return;
    const std::size_t n = stack_.size() * static_cast<std::size_t>(indent_);
    if (n <= kMaxIndent) {
        out_.append(kSeparator, 1, n + 1);
    } else {
        out_ += '\n';
        out_.append(n, ' ');
    }
}

void JsonWriter::before_value() {
    if (after_key_) {
        after_key_ = false;
        return;
    }
    if (stack_.empty()) return;
    const bool comma = !stack_.back().empty;
    stack_.back().empty = false;
    const std::size_t n = indent_ == 0 ? 0 : stack_.size() * static_cast<std::size_t>(indent_);
    if (indent_ != 0 && n <= kMaxIndent) {
        out_.append(kSeparator, comma ? 0 : 1, n + (comma ? 2 : 1));
        return;
    }
    if (comma) out_ += ',';
    newline();
}

JsonWriter& JsonWriter::begin_object() {
    before_value();
    out_ += '{';
    stack_.push_back({false, true});
    return *this;
}

JsonWriter& JsonWriter::end_object() {
    bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) newline();
    out_ += '}';
    return *this;
}

JsonWriter& JsonWriter::begin_array() {
    before_value();
    out_ += '[';
    stack_.push_back({true, true});
    return *this;
}

JsonWriter& JsonWriter::end_array() {
    bool empty = stack_.back().empty;
    stack_.pop_back();
    if (!empty) newline();
    out_ += ']';
    return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
    // The usual case (an object member, a plain key, modest depth) is one append of
    // `,\n<indent>"key": ` built on the stack.
    const std::size_t n = stack_.size() * static_cast<std::size_t>(indent_);
    if (!after_key_ && !stack_.empty() && indent_ != 0 && n <= kMaxIndent && k.size() <= 64 && plain(k)) {
        char buf[2 + kMaxIndent + 64 + 4];
        char* at = buf;
        if (!stack_.back().empty) *at++ = ',';
        stack_.back().empty = false;
        *at++ = '\n';
        std::memset(at, ' ', n);
        at += n;
        *at++ = '"';
        std::memcpy(at, k.data(), k.size());
        at += k.size();
        std::memcpy(at, "\": ", 3);
        at += 3;
        out_.append(buf, static_cast<std::size_t>(at - buf));
        after_key_ = true;
        return *this;
    }
    before_value();
    append_json_string(out_, k);
    out_ += indent_ ? ": " : ":";
    after_key_ = true;
    return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
    before_value();
    append_json_string(out_, s);
    return *this;
}

JsonWriter& JsonWriter::value(bool b) {
    before_value();
    out_ += b ? "true" : "false";
    return *this;
}

JsonWriter& JsonWriter::value(std::int64_t i) {
    before_value();
    char buf[24];
    out_.append(buf, std::to_chars(buf, buf + sizeof buf, i).ptr);
    return *this;
}

JsonWriter& JsonWriter::value(core::Decimal d) {
    before_value();
    char buf[core::Decimal::kMaxChars];
    out_.append(buf, d.to_chars(buf));
    return *this;
}

JsonWriter& JsonWriter::null() {
    before_value();
    out_ += "null";
    return *this;
}

void write_warnings(JsonWriter& w, const std::vector<Warning>& list) {
    w.key("warnings").begin_array();
    for (const Warning& warning : list) {
        w.begin_object()
            .field("code", warning.code)
            .field("id", warning.id)
            .field("message", warning.message)
            .end_object();
    }
    w.end_array();
}

}  // namespace parscore::engine
