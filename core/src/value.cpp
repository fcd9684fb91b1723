#include "parscore/core/value.hpp"

namespace parscore::core {

int compare_values(const Value& a, const Value& b) {
    using Tag = Value::Tag;
    auto sign = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
    if (a.tag() == Tag::Number || b.tag() == Tag::Number) {
        int128 x = a.tag() == Tag::Int ? static_cast<int128>(a.as_int()) * Decimal::kScale : a.as_number().raw();
        int128 y = b.tag() == Tag::Int ? static_cast<int128>(b.as_int()) * Decimal::kScale : b.as_number().raw();
        return sign(x, y);
    }
    switch (a.tag()) {
        case Tag::Bool: return sign(a.as_bool(), b.as_bool());
        case Tag::Int:
        case Tag::Date: return sign(a.as_int(), b.as_int());
        case Tag::Text: {
            int c = a.as_text().compare(b.as_text());
            return c < 0 ? -1 : (c > 0 ? 1 : 0);
        }
        default: return 0;
    }
}

std::string Value::to_string() const {
    switch (tag_) {
        case Tag::Missing: return "missing";
        case Tag::Bool: return bool_ ? "true" : "false";
        case Tag::Int: return std::to_string(int_);
        case Tag::Number: return as_number().to_string();
        case Tag::Text: {
            std::string s = "\"";
            for (char c : as_text()) {
                if (c == '"' || c == '\\') s += '\\';
                if (c == '\n') {
                    s += "\\n";
                    continue;
                }
                s += c;
            }
            return s + "\"";
        }
        case Tag::Date: return format_date(as_date());
        case Tag::List: {
            std::string s = "[";
            for (const Value& v : list_->items) s += (s.size() > 1 ? ", " : "") + v.to_string();
            return s + "]";
        }
    }
    return "missing";
}

}  // namespace parscore::core
