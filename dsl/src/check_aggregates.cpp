// Calls whose first argument is a record kind: the aggregates (count, exists, all, share, sum,
// avg, min, max, distinct — their per-record argument sees the kind's fields) and checked.
#include "checker_context.hpp"
#include "codes.hpp"
#include "parscore/core/suggest.hpp"

namespace parscore::dsl::checking {

/// Whether the first argument names a record kind (and not a let or field of that name): for
/// the names with both an aggregate and a scalar form.
bool Context::first_arg_is_collection(const Call& c) {
    if (c.args.empty()) return false;
    if (c.args[0].where) return true;
    const Name* name = std::get_if<Name>(&c.args[0].expr->node);
    if (!name) return false;
    for (const auto& l : lets) {
        if (l.name == name->name) return false;
    }
    if (!records.empty() && records.back()->field_index(name->name)) return false;
    const core::KindDef* kind = schema.find(name->name);
    return kind && !kind->is_fact;
}

/// The record kind named by an aggregate's first argument, or nullptr after an error.
const core::KindDef* Context::collection_kind(const Arg& arg, const std::string& fn) {
    const Name* name = std::get_if<Name>(&arg.expr->node);
    if (name) {
        if (const core::KindDef* kind = schema.find(name->name); kind && !kind->is_fact) return kind;
        if (const core::KindDef* kind = schema.find(name->name); kind && kind->is_fact) {
            error(code::kRecordKindMisuse, arg.expr->span,
                  core::T_("'{name}' is a fact, not a record kind; {function}() needs a record kind",
                           {{"name", name->name}, {"function", fn}}));
            return nullptr;
        }
        std::vector<std::string> kinds;
        for (const auto& k : schema.kinds) {
            if (!k.is_fact) kinds.push_back(k.name);
        }
        error(code::kUnknownName, arg.expr->span,
              core::T_("unknown record kind '{name}'{suggestion}",
                       {{"name", name->name}, core::suggestion(name->name, kinds)}));
        return nullptr;
    }
    error(code::kRecordKindMisuse, arg.expr->span,
          core::T_("{function}() needs a record kind as its first argument", {{"function", fn}}));
    return nullptr;
}

Typed Context::record_call(const Builtin& fn, const Call& c, const Expr& e) {
    if (!arity(c, fn)) return bad();
    if (fn.shapes[0] == ArgShape::Kind && c.args[0].where) {
        error(code::kRecordKindMisuse, c.args[0].expr->span,
              core::T_("{function}() takes a record kind without 'where'", {{"function", c.name}}));
        return bad();
    }
    reject_where(c, 1);
    const core::KindDef* kind = collection_kind(c.args[0], c.name);
    if (!kind) return bad();
    auto k = static_cast<NodeId>(*schema.index_of(kind->name));
    if (fn.rule == TypeRule::KindToBool) return Typed{add(fn.op, fn.result, e.span, k), Type::of(fn.result)};
    records.push_back(kind);
    NodeId where = kNoNode;
    bool ok = true;
    if (c.args[0].where) {
        Typed w = check(*c.args[0].where);
        ok = require(w, BaseType::Bool, core::T_("the condition after 'where'"));
        where = w.node;
    }
    Typed per_record;
    if (fn.arity > 1) per_record = check(*c.args[1].expr);
    records.pop_back();
    if (!ok) return bad();
    return aggregate(fn, c, e, k, where, per_record);
}

/// The aggregate node, once its kind and filter are checked: the type rule checks the
/// per-record value and gives the result type.
Typed Context::aggregate(const Builtin& fn, const Call& c, const Expr& e, NodeId kind, NodeId where, Typed per_record) {
    // Every aggregate over the kind, whatever its function, is missing for a unit nobody
    // checked unless the kind says `unchecked: none`.
    const bool missing_unchecked = schema.kinds[kind].unchecked == core::Unchecked::Missing;
    auto node = [&](BaseType t, NodeId value = kNoNode) {
        NodeId id = add(fn.op, t, e.span, kind, where, value);
        p.nodes[id].missing_unchecked = missing_unchecked;
        return Typed{id, Type::of(t)};
    };
    if (fn.rule == TypeRule::RecordCount) return node(fn.result);
    if (per_record.type.is_error()) return bad();
    const core::Text what = value_of(c.name);
    switch (fn.rule) {
        case TypeRule::RecordCondition:
            if (!require(per_record, BaseType::Bool, core::T_("the condition of {function}", {{"function", c.name}})))
                return bad();
            return node(fn.result, per_record.node);
        case TypeRule::RecordScalar:
            if (!require_scalar(per_record, what)) return bad();
            return node(fn.result, per_record.node);
        case TypeRule::RecordAverage:
            if (!require_numeric(per_record, what)) return bad();
            return node(BaseType::Number, widen(per_record).node);
        case TypeRule::RecordFold:
            if (!require_numeric(per_record, what)) return bad();
            return node(per_record.type.base, per_record.node);
        default: return bad();  // the table gives these rules only to other shapes
    }
}

}  // namespace parscore::dsl::checking
