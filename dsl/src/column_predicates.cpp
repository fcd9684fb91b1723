#include "column_predicates.hpp"

namespace parscore::dsl {

namespace {

bool is_field(const Node& n, BaseType type) { return n.op == Op::Field && n.type == type; }
bool is_const(const Node& n, BaseType type) { return n.op == Op::Const && n.type == type && !n.constant.is_missing(); }
bool comparison(Op op) {
    return op == Op::Eq || op == Op::Ne || op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge;
}

// `field OP constant` with the operands possibly written the other way round.
struct Comparison {
    const Node* field = nullptr;
    const Node* constant = nullptr;
    Op op = Op::Eq;
};

Op mirrored(Op op) {
    switch (op) {
        case Op::Lt: return Op::Gt;
        case Op::Le: return Op::Ge;
        case Op::Gt: return Op::Lt;
        case Op::Ge: return Op::Le;
        default: return op;
    }
}

std::optional<Comparison> field_vs_constant(const Program& p, const Node& n, BaseType type) {
    if (!comparison(n.op)) return std::nullopt;
    const Node& a = p.nodes[n.a];
    const Node& b = p.nodes[n.b];
    if (is_field(a, type) && is_const(b, type)) return Comparison{&a, &b, n.op};
    if (is_const(a, type) && is_field(b, type)) return Comparison{&b, &a, mirrored(n.op)};
    return std::nullopt;
}

// Text predicates are decided once per dictionary entry, then looked up per row.
template <typename Decide> const unsigned char* text_rows(const core::Column& column, std::uint32_t rows,
                                                          std::vector<unsigned char>& scratch, Decide decide) {
    // Entry outcomes go after the rows in `scratch`; kNoText looks up the extra last entry.
    const auto dict = column.dict();
    scratch.resize(rows + dict.size() + 1);
    unsigned char* per_entry = scratch.data() + rows;
    for (std::size_t i = 0; i < dict.size(); ++i) per_entry[i] = decide(dict[i]) ? 1 : 0;
    per_entry[dict.size()] = kRowMissing;
    const std::uint32_t* codes = column.codes();
    const std::uint32_t missing = static_cast<std::uint32_t>(dict.size());
    for (std::uint32_t r = 0; r < rows; ++r) {
        scratch[r] = per_entry[codes[r] == core::Column::kNoText ? missing : codes[r]];
    }
    return scratch.data();
}

}  // namespace

bool column_predicate(const Program& p, NodeId pred) {
    const Node& n = p.nodes[pred];
    if (is_field(n, BaseType::Bool)) return true;
    if (n.op == Op::In) return is_field(p.nodes[n.a], BaseType::Text);
    if (auto c = field_vs_constant(p, n, BaseType::Text)) return c->op == Op::Eq || c->op == Op::Ne;
    return field_vs_constant(p, n, BaseType::Int).has_value();
}

const unsigned char* predicate_rows(const Program& p, NodeId pred, const core::RecordTable& table,
                                    std::vector<unsigned char>& scratch) {
    const Node& n = p.nodes[pred];
    if (n.op == Op::Field) return table.columns[n.a].flags();
    if (n.op == Op::In) {
        const auto& items = n.constant.as_list().items;
        return text_rows(table.columns[p.nodes[n.a].a], table.rows, scratch, [&](std::string_view s) {
            for (const core::Value& v : items) {
                if (v.as_text() == s) return true;
            }
            return false;
        });
    }
    if (auto c = field_vs_constant(p, n, BaseType::Text)) {
        std::string_view k = c->constant->constant.as_text();
        bool equal = c->op == Op::Eq;
        return text_rows(table.columns[c->field->a], table.rows, scratch,
                         [&](std::string_view s) { return (s == k) == equal; });
    }
    auto c = *field_vs_constant(p, n, BaseType::Int);
    const core::Column& column = table.columns[c.field->a];
    const std::int64_t k = c.constant->constant.as_int();
    const unsigned char* present = column.flags();
    const std::int64_t* ints = column.ints();
    scratch.resize(table.rows);
    unsigned char* out = scratch.data();
    // One loop per operator, so the comparison is not re-decided for every row.
    auto fill = [&](auto test) {
        for (std::uint32_t r = 0; r < table.rows; ++r) {
            out[r] = present[r] ? static_cast<unsigned char>(test(ints[r])) : kRowMissing;
        }
    };
    switch (c.op) {
        case Op::Eq: fill([k](std::int64_t v) { return v == k; }); break;
        case Op::Ne: fill([k](std::int64_t v) { return v != k; }); break;
        case Op::Lt: fill([k](std::int64_t v) { return v < k; }); break;
        case Op::Le: fill([k](std::int64_t v) { return v <= k; }); break;
        case Op::Gt: fill([k](std::int64_t v) { return v > k; }); break;
        default: fill([k](std::int64_t v) { return v >= k; }); break;
    }
    return out;
}

bool column_aggregate(const Program& p, const Node& n) {
    const bool where_ok = n.b == kNoNode || column_predicate(p, n.b);
    const bool counting = n.op == Op::Count || n.op == Op::Exists || n.op == Op::All || n.op == Op::Share;
    const bool numeric = (n.op == Op::Sum || n.op == Op::Avg || n.op == Op::MinOf || n.op == Op::MaxOf) &&
                         p.nodes[n.c].op == Op::Field &&
                         (p.nodes[n.c].type == BaseType::Int || p.nodes[n.c].type == BaseType::Number);
    const bool value_ok = n.c == kNoNode || (counting && column_predicate(p, n.c)) || numeric;
    return where_ok && value_ok && (counting || numeric);
}

}  // namespace parscore::dsl
