#pragma once
// A small streaming JSON writer: numbers are written from exact decimals in their shortest plain
// form (docs/reference/outputs.md), text is UTF-8 with only the escapes JSON requires (no \u for non-ASCII).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/decimal.hpp"
#include "parscore/scoring/result.hpp"

namespace parscore::engine {

class JsonWriter {
public:
    /// `indent` spaces per level; 0 writes everything on one line.
    explicit JsonWriter(std::string& out, int indent = 2) : out_(out), indent_(indent) {}

    /// A writer that continues a document inside `depth` open containers, the innermost an
    /// array that already has elements or not: pieces of one array written by separate writers
    /// concatenate into exactly the bytes one writer would have written.
    static JsonWriter inside_array(std::string& out, int indent, std::size_t depth, bool has_elements);
    /// After other writers added elements to the innermost open array: it is no longer empty.
    void mark_array_nonempty() { stack_.back().empty = false; }

    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);

    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(const std::string& s) { return value(std::string_view(s)); }
    JsonWriter& value(bool b);
    JsonWriter& value(std::int64_t i);
    JsonWriter& value(int i) { return value(static_cast<std::int64_t>(i)); }
    JsonWriter& value(core::Decimal d);
    JsonWriter& null();

    /// key + value in one call.
    template <typename T> JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }
    JsonWriter& null_field(std::string_view k) {
        key(k);
        return null();
    }

private:
    void before_value();
    void newline();

    std::string& out_;
    int indent_;
    struct Level {
        bool array;
        bool empty;
    };
    std::vector<Level> stack_;
    bool after_key_ = false;
};

/// `"warnings": [ { "code", "id", "message" } ]`, as every evaluation's JSON gives them.
void write_warnings(JsonWriter& w, const std::vector<Warning>& list);

/// Appends `s` as a JSON string literal.
void append_json_string(std::string& out, std::string_view s);
/// `text` as a JSON string literal (the escapes JSON requires, UTF-8 kept as it is).
std::string json_quoted(std::string_view text);

struct Warning;

}  // namespace parscore::engine
