#include "model_dump.hpp"

#include <sstream>

namespace parscore::rules::testing {

namespace {

using dsl::NodeId;
using dsl::Op;

const char* base_name(dsl::BaseType t) {
    switch (t) {
        case dsl::BaseType::Bool: return "bool";
        case dsl::BaseType::Int: return "int";
        case dsl::BaseType::Number: return "number";
        case dsl::BaseType::Text: return "text";
        case dsl::BaseType::Date: return "date";
        case dsl::BaseType::Error: return "error";
    }
    return "?";
}

class ExprDump {
public:
    explicit ExprDump(const dsl::Program& p) : p_(p) {}

    std::string operator()(NodeId id) const {
        if (id == dsl::kNoNode) return "-";
        if (id >= p_.nodes.size()) return "<bad node>";
        const dsl::Node& n = p_.nodes[id];
        std::string out = "(" + std::to_string(static_cast<int>(n.op)) + ":" + base_name(n.type);
        auto node = [&](NodeId child) { out += " " + (*this)(child); };
        auto raw = [&](NodeId value) { out += " #" + std::to_string(value); };
        switch (n.op) {
            case Op::Const:
            case Op::In:
                out += " " + n.constant.to_string();
                if (n.constant.tag() == core::Value::Tag::List) {
                    for (const auto& v : n.constant.as_list().items) out += " " + v.to_string();
                }
                if (n.op == Op::In) node(n.a);
                break;
            case Op::Let: node(n.a), node(n.b), raw(n.c); break;
            case Op::LetRef: raw(n.c); break;
            case Op::Field:
            case Op::Fact: raw(n.a); break;
            case Op::UnitId:
            case Op::UnitName:
            case Op::UnitCategory:
            case Op::Year: break;
            case Op::ToNumber:
            case Op::Neg:
            case Op::Not:
            case Op::Abs:
            case Op::IsMissing: node(n.a); break;
            case Op::If:
            case Op::Clamp: node(n.a), node(n.b), node(n.c); break;
            case Op::Steps:
                node(n.a);
                for (NodeId i = 0; i < n.c && n.b + i < p_.arms.size(); ++i) {
                    const dsl::Arm& arm = p_.arms[n.b + i];
                    out += " [" + std::to_string(static_cast<int>(arm.op)) + " " + arm.threshold.to_string() + " " +
                           (*this)(arm.value) + "]";
                }
                node(n.d);
                break;
            case Op::Count:
            case Op::Exists:
            case Op::Checked: raw(n.a), node(n.b); break;
            case Op::All:
            case Op::Share:
            case Op::Sum:
            case Op::Avg:
            case Op::MinOf:
            case Op::MaxOf:
            case Op::Distinct: raw(n.a), node(n.b), node(n.c); break;
            case Op::Round: node(n.a), raw(n.b); break;
            default: node(n.a), node(n.b); break;  // binary operators, min/max, default, days
        }
        return out + ")";
    }

private:
    const dsl::Program& p_;
};

std::string compiled(const dsl::Program& p, const dsl::Compiled& c) {
    return dsl::type_name(c.type) + " " + ExprDump(p)(c.root);
}

std::string optional_decimal(const std::optional<Decimal>& d) { return d ? d->to_string() : "-"; }

}  // namespace

std::string dump(const Rulebook& rb) {
    std::ostringstream o;
    const dsl::Program& p = *rb.program;
    o << "rulebook " << rb.id << " " << rb.version << " format " << rb.format << "\n";
    o << "title " << rb.title << "\nscale " << rb.scale.to_string() << "\nunits";
    for (const auto& u : rb.units) o << " " << u << " '" << rb.category_label(u) << "'";
    o << "\n";
    for (const auto& param : rb.params) {
        o << "param " << param.name << " = ";
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, bool>) o << "bool " << (v ? "true" : "false");
                else if constexpr (std::is_same_v<T, std::int64_t>) o << "int " << v;
                else if constexpr (std::is_same_v<T, core::Decimal>) o << "number " << v.to_string();
                else o << "text '" << v << "'";
            },
            param.value);
        o << "\n";
    }
    for (const auto& k : rb.evidence.kinds) {
        o << (k.is_fact ? "fact " : "kind ") << k.name << " combine "
          << (k.combine == core::Combine::Latest ? "latest" : "union") << " key "
          << (k.key ? k.fields[*k.key].name : "-") << " unchecked "
          << (k.unchecked == core::Unchecked::None ? "none" : "missing") << "\n";
        for (const auto& f : k.fields) {
            o << "  field " << f.name << " " << core::field_type_name(f.type);
            for (const auto& v : f.enum_values) o << " '" << v << "'";
            o << "\n";
        }
    }
    for (const auto& g : rb.groups) {
        o << "group " << g.id << " '" << g.title << "'\n";
        for (const auto& c : g.criteria) {
            o << "  criterion " << c.id << " (" << c.local_id << ") '" << c.title << "' max " << c.max.to_string()
              << " on_missing " << static_cast<int>(c.on_missing) << " applies_to";
            for (const auto& a : c.applies_to) o << " " << a;
            o << "\n    points " << compiled(p, c.points) << "\n";
        }
    }
    for (const auto& a : rb.deductions) {
        o << "deduction " << a.id << " '" << a.title << "' cap " << optional_decimal(a.cap) << "\n    points "
          << compiled(p, a.points) << "\n";
    }
    o << "deduction_cap " << optional_decimal(rb.deduction_cap) << "\n";
    for (const auto& a : rb.bonuses) {
        o << "bonus " << a.id << " '" << a.title << "' cap " << optional_decimal(a.cap) << "\n    points "
          << compiled(p, a.points) << "\n";
    }
    for (const auto& c : rb.band_caps) {
        o << "band_cap " << c.id << " '" << c.title << "' at_most " << c.at_most << "\n    when " << compiled(p, c.when)
          << "\n";
    }
    for (const auto& b : rb.bands) {
        o << "band " << b.id << " '" << b.label << "' min " << b.min.to_string() << " quota "
          << optional_decimal(b.quota) << " of " << (b.quota_of.empty() ? "-" : b.quota_of) << "\n";
    }
    for (const auto& i : rb.indicators) {
        o << "indicator " << i.id << " '" << i.title << "'"
          << (i.format == IndicatorFormat::Percent ? " format percent" : "") << "\n    of " << compiled(p, i.of)
          << "\n";
        if (i.is_ratio()) o << "    over " << compiled(p, i.over) << "\n";
    }
    return o.str();
}

}  // namespace parscore::rules::testing
