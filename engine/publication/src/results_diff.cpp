#include "results_diff.hpp"

#include <map>

namespace parscore::engine::detail {

namespace {

using nlohmann::json;

const json* member(const json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(key);
    return it == object.end() ? nullptr : &*it;
}

/// The objects of an array member keyed by their `key` field, in the array's order.
std::vector<std::pair<std::string, const json*>> keyed(const json& object, std::string_view array,
                                                       std::string_view key) {
    std::vector<std::pair<std::string, const json*>> out;
    const json* list = member(object, array);
    if (!list || !list->is_array()) return out;
    for (const json& item : *list) {
        const json* k = member(item, key);
        if (k && k->is_string()) out.emplace_back(k->get<std::string>(), &item);
    }
    return out;
}

class Differ {
public:
    Differ(std::string_view then, std::string_view now) : then_(then), now_(now) {}

    void field(const std::string& where, const json& before, const json& after, std::string_view key) {
        const json* a = member(before, key);
        const json* b = member(after, key);
        if (a == nullptr && b == nullptr) return;
        if (a != nullptr && b != nullptr && *a == *b) return;
        out.push_back(where + std::string(key) + ": " + std::string(then_) + " " + shown(a) + ", " + std::string(now_) +
                      " " + shown(b));
    }

    /// Items of an array (criteria, deductions, bonuses) matched by id; `fields` compared.
    void items(const std::string& where, const json& before, const json& after, std::string_view array,
               std::string_view noun, std::initializer_list<std::string_view> fields) {
        auto a = keyed(before, array, "id");
        auto b = keyed(after, array, "id");
        std::map<std::string, const json*> b_by_id(b.begin(), b.end());
        std::map<std::string, const json*> a_by_id(a.begin(), a.end());
        for (const auto& [id, item] : a) {
            auto it = b_by_id.find(id);
            if (it == b_by_id.end()) {
                out.push_back(where + std::string(noun) + " " + id + " is only in the " + std::string(then_) +
                              " results");
                continue;
            }
            for (std::string_view f : fields) field(where + std::string(noun) + " " + id + " ", *item, *it->second, f);
        }
        for (const auto& [id, item] : b) {
            if (a_by_id.count(id) == 0) {
                out.push_back(where + std::string(noun) + " " + id + " is only in the " + std::string(now_) +
                              " results");
            }
        }
    }

    std::vector<std::string> out;

private:
    std::string_view then_, now_;
};

}  // namespace

std::string shown(const json* value) {
    if (value == nullptr) return "absent";
    if (value->is_string()) return value->get<std::string>();
    return value->dump(-1, ' ', false, json::error_handler_t::replace);
}

std::vector<std::string> compare_results(const json& before, const json& after, std::string_view then,
                                         std::string_view now) {
    Differ d(then, now);
    const json empty = json::object();
    const json* rb_a = member(before, "rulebook");
    const json* rb_b = member(after, "rulebook");
    for (std::string_view key : {"id", "version", "sha256"}) {
        d.field("rulebook ", rb_a ? *rb_a : empty, rb_b ? *rb_b : empty, key);
    }
    d.field("", before, after, "year");
    d.field("", before, after, "basis");

    auto units_a = keyed(before, "units", "unit");
    auto units_b = keyed(after, "units", "unit");
    std::map<std::string, const json*> b_by_id(units_b.begin(), units_b.end());
    std::map<std::string, const json*> a_by_id(units_a.begin(), units_a.end());
    for (const auto& [id, a] : units_a) {
        auto it = b_by_id.find(id);
        const std::string where = "unit " + id + ": ";
        if (it == b_by_id.end()) {
            d.out.push_back("unit " + id + " is only in the " + std::string(then) + " results");
            continue;
        }
        const json& b = *it->second;
        for (std::string_view key :
             {"category", "status", "points", "max", "total", "band", "rank", "rank_change", "total_change"}) {
            d.field(where, *a, b, key);
        }
        d.items(where, *a, b, "criteria", "criterion", {"status", "points"});
        d.items(where, *a, b, "deductions", "deduction", {"points"});
        d.items(where, *a, b, "bonuses", "bonus", {"points"});
    }
    for (const auto& [id, b] : units_b) {
        if (a_by_id.count(id) == 0) d.out.push_back("unit " + id + " is only in the " + std::string(now) + " results");
    }
    return std::move(d.out);
}

}  // namespace parscore::engine::detail
