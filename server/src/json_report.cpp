// JSON reports to YAML with JSON pointers (json_report.hpp).
#include "json_report.hpp"

#include <nlohmann/json.hpp>

#include "api_internal.hpp"
#include "parscore/core/yaml_tree.hpp"
#include "parscore/inspections/report_template.hpp"

namespace parscore::server {

namespace {

using json = nlohmann::json;

/// nlohmann's SAX events into a JsonNode tree. Its parser keeps its own stack, so a deep
/// document costs no recursion here; the depth limit keeps report_yaml's recursion bounded.
class TreeBuilder {
public:
    bool null() { return value({JsonNode::Kind::Null, "null", {}, {}}); }
    bool boolean(bool b) { return value({JsonNode::Kind::Bool, b ? "true" : "false", {}, {}}); }
    bool number_integer(json::number_integer_t n) { return value({JsonNode::Kind::Number, std::to_string(n), {}, {}}); }
    bool number_unsigned(json::number_unsigned_t n) {
        return value({JsonNode::Kind::Number, std::to_string(n), {}, {}});
    }
    bool number_float(json::number_float_t, const std::string& written) {
        return value({JsonNode::Kind::Number, written, {}, {}});
    }
    bool string(std::string& s) { return value({JsonNode::Kind::String, std::move(s), {}, {}}); }
    bool binary(json::binary_t&) { return false; }
    bool start_object(std::size_t) { return open(JsonNode::Kind::Object); }
    bool key(std::string& k) {
        keys_.push_back(std::move(k));
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(JsonNode::Kind::Array); }
    bool end_array() { return close(); }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception&) {
        error_at_ = position;
        return false;
    }

    bool too_deep = false;
    std::size_t error_at_ = 0;
    JsonNode root;

private:
    bool open(JsonNode::Kind kind) {
        if (stack_.size() >= static_cast<std::size_t>(core::kMaxYamlDepth)) {
            too_deep = true;
            return false;
        }
        stack_.push_back(JsonNode{kind, {}, {}, {}});
        return true;
    }
    bool close() {
        JsonNode done = std::move(stack_.back());
        stack_.pop_back();
        return value(std::move(done));
    }
    bool value(JsonNode node) {
        if (stack_.empty()) {
            root = std::move(node);
        } else if (stack_.back().kind == JsonNode::Kind::Array) {
            stack_.back().items.push_back(std::move(node));
        } else {
            stack_.back().members.push_back(JsonNode::Member{std::move(keys_.back()), std::move(node)});
            keys_.pop_back();
        }
        return true;
    }

    std::vector<JsonNode> stack_;
    std::vector<std::string> keys_;
};

/// A member's name as a pointer's reference token (RFC 6901).
std::string token(std::string_view name) {
    std::string out;
    for (char c : name) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

void write(const JsonNode& node, const std::string& pointer, ReportYaml& out, std::string_view skip) {
    out.pointers[static_cast<std::uint32_t>(out.text.size())] = pointer;
    switch (node.kind) {
        case JsonNode::Kind::Null:
        case JsonNode::Kind::Bool:
        case JsonNode::Kind::Number: out.text += node.text; return;
        case JsonNode::Kind::String: out.text += inspections::yaml_quote(node.text); return;
        case JsonNode::Kind::Array:
            out.text += "[";
            for (std::size_t i = 0; i < node.items.size(); ++i) {
                out.text += i ? ", " : "";
                write(node.items[i], pointer + "/" + std::to_string(i), out, {});
            }
            out.text += "]";
            return;
        case JsonNode::Kind::Object: {
            out.text += "{";
            bool first = true;
            for (const auto& [name, value] : node.members) {
                if (!skip.empty() && name == skip) continue;
                out.text += first ? "\n" : ",\n";
                first = false;
                const std::string member = pointer + "/" + token(name);
                out.pointers[static_cast<std::uint32_t>(out.text.size())] = member;
                out.text += inspections::yaml_quote(name) + ": ";
                write(value, member, out, {});
            }
            out.text += "}";
            return;
        }
    }
}

}  // namespace

const JsonNode* JsonNode::find(std::string_view key) const {
    for (const auto& [name, value] : members) {
        if (name == key) return &value;
    }
    return nullptr;
}

JsonNode parse_json_document(std::string_view text) {
    TreeBuilder builder;
    if (!json::sax_parse(text.begin(), text.end(), &builder)) {
        if (builder.too_deep) {
            throw ApiError{400, "bad_request", core::T_("the JSON body nests deeper than 64 levels")};
        }
        throw ApiError{400, "bad_request",
                       core::T_("the body is not valid JSON (at byte {at})",
                                {{"at", std::to_string(builder.error_at_)}})};
    }
    return std::move(builder.root);
}

std::string ReportYaml::pointer_at(std::uint32_t offset) const {
    auto it = pointers.upper_bound(offset);
    if (it == pointers.begin()) return pointers.empty() ? "" : it->second;
    return std::prev(it)->second;
}

ReportYaml report_yaml(const JsonNode& report, const std::string& prefix, std::string_view skip) {
    ReportYaml out;
    write(report, prefix, out, skip);
    out.text += "\n";
    return out;
}

}  // namespace parscore::server
