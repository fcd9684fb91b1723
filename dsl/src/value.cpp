#include "parscore/dsl/value.hpp"

#include "parscore/dsl/evaluator.hpp"

namespace parscore::dsl {

bool same_value(const Value& a, const Value& b) { return compare_values(a, b) == 0; }

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
        case Tag::Date: return core::format_date(as_date());
        case Tag::List: {
            std::string s = "[";
            for (const Value& v : list_->items) s += (s.size() > 1 ? ", " : "") + v.to_string();
            return s + "]";
        }
    }
    return "missing";
}

}  // namespace parscore::dsl
