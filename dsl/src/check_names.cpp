// Names (lets, fields of the innermost aggregate's kind, facts, `year`), members (`unit.`,
// `params.`) and `let`, with the E103/E106/E107 messages and W202 (a field hiding a fact).
#include <algorithm>

#include "checker_context.hpp"
#include "codes.hpp"
#include "parscore/core/suggest.hpp"

namespace parscore::dsl::checking {

namespace {

BaseType base_of(core::FieldType t) {
    switch (t) {
        case core::FieldType::Bool: return BaseType::Bool;
        case core::FieldType::Int: return BaseType::Int;
        case core::FieldType::Number:
        case core::FieldType::Percent: return BaseType::Number;
        case core::FieldType::Date: return BaseType::Date;
        case core::FieldType::Text:
        case core::FieldType::Enum: return BaseType::Text;
    }
    return BaseType::Error;
}

Type type_of(const core::FieldDef& f) {
    Type t = Type::of(base_of(f.type));
    if (f.type == core::FieldType::Enum) t.enum_values = &f.enum_values;
    return t;
}

}  // namespace

Typed Context::check_node(const Name& name, const Expr& e) {
    for (auto it = lets.rbegin(); it != lets.rend(); ++it) {
        if (it->name != name.name) continue;
        if (it->list_node != kNoNode) {
            const Node& list = p.nodes[it->list_node];
            Node copy = list;
            copy.span = e.span;
            return Typed{p.add(std::move(copy)), it->type};
        }
        Node n;
        n.op = Op::LetRef;
        n.type = it->type.base;
        n.c = it->slot;
        n.span = e.span;
        return Typed{p.add(std::move(n)), it->type};
    }
    if (!records.empty()) {
        const core::KindDef* kind = records.back();
        if (auto f = kind->field_index(name.name)) {
            if (const core::KindDef* fact = schema.find(name.name); fact && fact->is_fact) {
                diags.warning(code::kFieldHidesFact, e.span,
                              core::T_("field '{name}' of '{kind}' hides the fact '{name}'",
                                       {{"name", name.name}, {"kind", kind->name}}));
            }
            const core::FieldDef& field = kind->fields[*f];
            Typed t{add(Op::Field, base_of(field.type), e.span, static_cast<NodeId>(*f)), type_of(field)};
            return t;
        }
    }
    if (auto k = schema.index_of(name.name)) {
        const core::KindDef& kind = schema.kinds[*k];
        if (kind.is_fact) {
            const core::FieldDef& field = kind.fact_field();
            return Typed{add(Op::Fact, base_of(field.type), e.span, static_cast<NodeId>(*k)), type_of(field)};
        }
        error(code::kRecordKindMisuse, e.span,
              core::T_("record kind '{kind}' can only be the first argument of an aggregate (count, exists, all, "
                       "share, sum, avg, min, max, distinct) or of checked",
                       {{"kind", name.name}}));
        return bad();
    }
    if (name.name == "year") return Typed{add(Op::Year, BaseType::Int, e.span), Type::of(BaseType::Int)};
    if (name.name == "unit") {
        error(code::kUnknownName, e.span, core::T_("'unit' needs a member: unit.id, unit.name or unit.category"));
        return bad();
    }
    if (name.name == "params") {
        error(code::kUnknownName, e.span, core::T_("'params' needs a member: params.NAME"));
        return bad();
    }
    unknown_name(name.name, e.span);
    return bad();
}

void Context::unknown_name(const std::string& name, Span span) {
    std::vector<std::string> visible;
    for (const auto& l : lets) visible.push_back(l.name);
    if (!records.empty()) {
        for (const auto& f : records.back()->fields) visible.push_back(f.name);
    }
    for (const auto& k : schema.kinds) {
        if (k.is_fact) visible.push_back(k.name);
    }
    visible.push_back("year");
    if (records.empty()) {
        for (const auto& k : schema.kinds) {
            if (!k.is_fact && k.field_index(name)) {
                error(code::kUnknownName, span,
                      core::T_("unknown name '{name}': '{name}' is a field of record kind '{kind}', visible only "
                               "inside an aggregate such as share({kind}, {name})",
                               {{"name", name}, {"kind", k.name}}));
                return;
            }
        }
    }
    if (!records.empty()) {
        error(code::kUnknownName, span,
              core::T_("record kind '{kind}' has no field '{name}'{suggestion}",
                       {{"kind", records.back()->name}, {"name", name}, core::suggestion(name, visible)}));
        return;
    }
    error(code::kUnknownName, span,
          core::T_("unknown name '{name}'{suggestion}", {{"name", name}, core::suggestion(name, visible)}));
}

Typed Context::check_node(const Member& m, const Expr& e) {
    const Name* base = std::get_if<Name>(&m.object->node);
    if (base && base->name == "unit") {
        static const std::vector<std::string> members = {"id", "name", "category"};
        Op op = m.member == "id" ? Op::UnitId : m.member == "name" ? Op::UnitName : Op::UnitCategory;
        if (std::find(members.begin(), members.end(), m.member) == members.end()) {
            error(code::kUnknownName, m.member_span,
                  core::T_("unit has no member '{name}'{suggestion}",
                           {{"name", m.member}, core::suggestion(m.member, members)}));
            return bad();
        }
        return Typed{add(op, BaseType::Text, e.span), Type::of(BaseType::Text)};
    }
    if (base && base->name == "params") {
        for (const Param& param : params) {
            if (param.name != m.member) continue;
            return param_constant(param, e.span);
        }
        std::vector<std::string> names;
        for (const Param& param : params) names.push_back(param.name);
        error(code::kUnknownName, m.member_span,
              core::T_("unknown param '{name}'{suggestion}", {{"name", m.member}, core::suggestion(m.member, names)}));
        return bad();
    }
    error(code::kUnknownName, e.span,
          core::T_("only unit.id, unit.name, unit.category and params.NAME can be written with '.'"));
    return bad();
}

bool Context::valid_let_name(const Let& l) {
    static const std::vector<std::string> reserved = {"unit", "params", "year"};
    core::Text why;
    if (std::find(reserved.begin(), reserved.end(), l.name) != reserved.end()) {
        why = core::T_("it is reserved");
    } else if (schema.find(l.name)) {
        why = core::T_("it is an evidence kind");
    } else if (std::any_of(schema.kinds.begin(), schema.kinds.end(),
                           [&](const core::KindDef& k) { return !k.is_fact && k.field_index(l.name); })) {
        why = core::T_("it is a field of a record kind");
    } else if (std::any_of(lets.begin(), lets.end(), [&](const LetBinding& b) { return b.name == l.name; })) {
        why = core::T_("an enclosing 'let' already binds it");
    }
    if (why.empty()) return true;
    error(code::kBadLetName, l.name_span,
          core::T_("cannot use '{name}' as a let name: {reason}", {{"name", l.name}, core::part("reason", why)}));
    return false;
}

Typed Context::check_node(const Let& l, const Expr& e) {
    bool name_ok = valid_let_name(l);
    Typed value = check(*l.value);
    LetBinding binding{l.name, value.type, 0, kNoNode};
    if (value.type.list) {
        binding.list_node = value.node;
    } else {
        binding.slot = next_slot++;
        p.slot_count = std::max(p.slot_count, next_slot);
    }
    lets.push_back(binding);
    Typed body = check(*l.body);
    lets.pop_back();
    if (binding.list_node == kNoNode) next_slot--;
    if (!name_ok || value.type.is_error() || body.type.is_error()) return bad();
    if (!require_scalar(body, core::T_("the body of 'let'"))) return bad();
    if (binding.list_node != kNoNode) return body;  // a list is folded into its uses
    return Typed{add(Op::Let, body.type.base, e.span, value.node, body.node, binding.slot), body.type};
}

}  // namespace parscore::dsl::checking
