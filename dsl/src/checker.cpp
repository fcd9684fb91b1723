// Name resolution, type checking and compilation into Program nodes, in one pass over the AST.
// A sub-expression with an error gets the Error type, which is accepted everywhere, so each
// mistake is reported once and the rest of the expression is still checked.
#include "parscore/dsl/checker.hpp"

#include <algorithm>
#include <map>

#include "codes.hpp"
#include "constant.hpp"
#include "parscore/core/suggest.hpp"
#include "unreachable_arms.hpp"

namespace parscore::dsl {

namespace {

const std::vector<std::string> kFunctions = {"abs",     "all",   "avg",  "checked",  "clamp", "count",
                                             "date",    "days",  "default", "distinct", "exists", "max",
                                             "min",     "missing", "round", "share",  "sum"};
const std::vector<std::string> kAggregates = {"count", "exists", "all", "share", "sum", "avg", "min", "max", "distinct"};

bool is_aggregate_name(const std::string& n) {
    return std::find(kAggregates.begin(), kAggregates.end(), n) != kAggregates.end();
}

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

const std::vector<std::string>& function_names() { return kFunctions; }

struct Checker::Impl {
    Program& p;
    const core::EvidenceSchema& schema;
    const std::vector<Param>& params;
    core::Diagnostics& diags;
    bool failed = false;

    struct Typed {
        NodeId node = kNoNode;
        Type type;
        bool literal_text = false;  // a string literal (for enum checks)
    };
    struct LetBinding {
        std::string name;
        Type type;
        std::uint32_t slot = 0;
        NodeId list_node = kNoNode;  // bound to a list literal: the constant node
    };
    std::vector<LetBinding> lets;
    std::vector<const core::KindDef*> records;  // innermost aggregate's kind last
    std::uint32_t next_slot = 0;

    // ---- helpers -------------------------------------------------------------------------------
    void error(const char* code, Span span, std::string message) {
        diags.error(code, span, std::move(message));
        failed = true;
    }
    Typed bad() { return Typed{p.add(Node{Op::Const, BaseType::Error}), Type{}}; }
    NodeId add(Op op, BaseType type, Span span, NodeId a = kNoNode, NodeId b = kNoNode, NodeId c = kNoNode,
               NodeId d = kNoNode) {
        Node n;
        n.op = op;
        n.type = type;
        n.span = span;
        n.a = a;
        n.b = b;
        n.c = c;
        n.d = d;
        return p.add(std::move(n));
    }
    NodeId constant(Value v, BaseType type, Span span) {
        Node n;
        n.op = Op::Const;
        n.type = type;
        n.span = span;
        n.constant = v;
        return p.add(std::move(n));
    }
    /// An int operand used where a number is needed.
    Typed widen(Typed t) {
        if (!t.type.is(BaseType::Int)) return t;
        const Node& n = p.nodes[t.node];
        if (n.op == Op::Const && !n.constant.is_missing()) {
            auto d = core::Decimal::from_int(n.constant.as_int());
            if (d) return Typed{constant(Value::number(*d), BaseType::Number, n.span), Type::of(BaseType::Number)};
        }
        return Typed{add(Op::ToNumber, BaseType::Number, n.span, t.node), Type::of(BaseType::Number)};
    }
    Span span_of(const Typed& t) const { return p.nodes[t.node].span; }

    bool require(const Typed& t, BaseType want, const char* what) {
        if (t.type.is_error()) return false;
        if (t.type.is(want)) return true;
        error(code::kType, span_of(t), std::string(what) + " must be " + type_name(Type::of(want)) + ", found " + type_name(t.type));
        return false;
    }
    bool require_numeric(const Typed& t, const char* what) {
        if (t.type.is_error()) return false;
        if (t.type.is_numeric()) return true;
        error(code::kType, span_of(t), std::string(what) + " must be int or number, found " + type_name(t.type));
        return false;
    }
    bool require_scalar(const Typed& t, const char* what) {
        if (t.type.is_error()) return false;
        if (!t.type.list) return true;
        error(code::kType, span_of(t), std::string(what) + " cannot be a list (lists are only used after 'in')");
        return false;
    }

    // A string literal compared with an enum must be one of its values.
    void check_enum_literal(const Typed& value, const Typed& other) {
        if (!value.literal_text || !other.type.enum_values) return;
        std::string text(p.nodes[value.node].constant.as_text());
        const auto& allowed = *other.type.enum_values;
        if (std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
            std::string listed;
            for (const auto& v : allowed) listed += (listed.empty() ? "" : ", ") + v;
            error(code::kNotEnumValue, span_of(value),
                  "\"" + text + "\" is not a value of this enum (" + listed + ")" + core::did_you_mean(text, allowed));
        }
    }
    void check_enum_list(NodeId list_node, const Typed& other, Span span) {
        if (!other.type.enum_values) return;
        const auto& allowed = *other.type.enum_values;
        for (const Value& v : p.nodes[list_node].constant.as_list().items) {
            std::string text(v.as_text());
            if (std::find(allowed.begin(), allowed.end(), text) == allowed.end()) {
                error(code::kNotEnumValue, span, "\"" + text + "\" is not a value of this enum" + core::did_you_mean(text, allowed));
            }
        }
    }

    /// Unifies two branch types (int and number to number); returns false after an error.
    bool unify(Typed& a, Typed& b, Span where, const char* what) {
        if (a.type.is_error() || b.type.is_error()) return false;
        if (a.type.is_numeric() && b.type.is_numeric()) {
            if (a.type.base != b.type.base) {
                a = widen(a);
                b = widen(b);
            }
            return true;
        }
        if (a.type == b.type && !a.type.list) return true;
        error(code::kType, where, std::string(what) + " must have one type, found " + type_name(a.type) + " and " + type_name(b.type));
        return false;
    }

    // ---- expressions ---------------------------------------------------------------------------
    Typed check(const Expr& e) {
        return std::visit([&](const auto& node) { return check_node(node, e); }, e.node);
    }

    Typed check_node(const Literal& lit, const Expr& e) {
        struct V {
            Impl& self;
            const Expr& e;
            Typed operator()(bool b) { return {self.constant(Value::boolean(b), BaseType::Bool, e.span), Type::of(BaseType::Bool)}; }
            Typed operator()(std::int64_t i) {
                return {self.constant(Value::integer(i), BaseType::Int, e.span), Type::of(BaseType::Int)};
            }
            Typed operator()(const core::Decimal& d) {
                return {self.constant(Value::number(d), BaseType::Number, e.span), Type::of(BaseType::Number)};
            }
            Typed operator()(const std::string& s) {
                return {self.constant(Value::text(self.p.intern(s)), BaseType::Text, e.span), Type::of(BaseType::Text), true};
            }
            Typed operator()(const core::Date& d) {
                return {self.constant(Value::date(d), BaseType::Date, e.span), Type::of(BaseType::Date)};
            }
        };
        return std::visit(V{*this, e}, lit.value);
    }

    Typed check_node(const ListLiteral& list, const Expr& e) {
        // Items share one type; ints and numbers together make a list of numbers.
        std::vector<Typed> items;
        for (const Expr& item : list.items) items.push_back(check(item));
        BaseType elem = items.front().type.base;
        for (const Typed& t : items) {
            if (t.type.base == elem) continue;
            if (t.type.is_numeric() && (elem == BaseType::Int || elem == BaseType::Number)) {
                elem = BaseType::Number;
                continue;
            }
            error(code::kType, span_of(t), "list values must have one type, found " + type_name(items.front().type) + " and " +
                                          type_name(t.type));
            return bad();
        }
        p.lists.emplace_back();
        ValueList& values = p.lists.back();
        for (const Typed& t : items) {
            Value v = p.nodes[t.node].constant;
            if (elem == BaseType::Number && v.tag() == Value::Tag::Int) v = Value::number(*core::Decimal::from_int(v.as_int()));
            values.items.push_back(v);
        }
        return Typed{constant(Value::list(&values), elem, e.span), Type::list_of(elem)};
    }

    Typed check_node(const Name& name, const Expr& e) {
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
                                  "field '" + name.name + "' of '" + kind->name + "' hides the fact '" + name.name + "'");
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
                  "record kind '" + name.name +
                      "' can only be the first argument of an aggregate (count, exists, all, share, sum, avg, min, max, "
                      "distinct) or of checked");
            return bad();
        }
        if (name.name == "year") return Typed{add(Op::Year, BaseType::Int, e.span), Type::of(BaseType::Int)};
        if (name.name == "unit") {
            error(code::kUnknownName, e.span, "'unit' needs a member: unit.id, unit.name or unit.category");
            return bad();
        }
        if (name.name == "params") {
            error(code::kUnknownName, e.span, "'params' needs a member: params.NAME");
            return bad();
        }
        unknown_name(name.name, e.span);
        return bad();
    }

    void unknown_name(const std::string& name, Span span) {
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
                          "unknown name '" + name + "': '" + name + "' is a field of record kind '" + k.name +
                              "', visible only inside an aggregate such as share(" + k.name + ", " + name + ")");
                    return;
                }
            }
        }
        if (!records.empty()) {
            error(code::kUnknownName, span, "record kind '" + records.back()->name + "' has no field '" + name + "'" +
                                    core::did_you_mean(name, visible));
            return;
        }
        error(code::kUnknownName, span, "unknown name '" + name + "'" + core::did_you_mean(name, visible));
    }

    Typed check_node(const Member& m, const Expr& e) {
        const Name* base = std::get_if<Name>(&m.object->node);
        if (base && base->name == "unit") {
            static const std::vector<std::string> members = {"id", "name", "category"};
            Op op = m.member == "id" ? Op::UnitId : m.member == "name" ? Op::UnitName : Op::UnitCategory;
            if (std::find(members.begin(), members.end(), m.member) == members.end()) {
                error(code::kUnknownName, m.member_span, "unit has no member '" + m.member + "'" + core::did_you_mean(m.member, members));
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
            error(code::kUnknownName, m.member_span, "unknown param '" + m.member + "'" + core::did_you_mean(m.member, names));
            return bad();
        }
        error(code::kUnknownName, e.span, "only unit.id, unit.name, unit.category and params.NAME can be written with '.'");
        return bad();
    }

    Typed param_constant(const Param& param, Span span) {
        struct V {
            Impl& self;
            Span span;
            Typed operator()(bool b) { return {self.constant(Value::boolean(b), BaseType::Bool, span), Type::of(BaseType::Bool)}; }
            Typed operator()(std::int64_t i) { return {self.constant(Value::integer(i), BaseType::Int, span), Type::of(BaseType::Int)}; }
            Typed operator()(const core::Decimal& d) {
                return {self.constant(Value::number(d), BaseType::Number, span), Type::of(BaseType::Number)};
            }
            Typed operator()(const std::string& s) {
                return {self.constant(Value::text(self.p.intern(s)), BaseType::Text, span), Type::of(BaseType::Text), true};
            }
        };
        return std::visit(V{*this, span}, param.value);
    }

    Typed check_node(const Unary& u, const Expr& e) {
        Typed operand = check(*u.operand);
        if (u.op == UnaryOp::Not) {
            if (!require(operand, BaseType::Bool, "the operand of 'not'")) return bad();
            return Typed{add(Op::Not, BaseType::Bool, e.span, operand.node), Type::of(BaseType::Bool)};
        }
        if (!require_numeric(operand, "the operand of '-'")) return bad();
        return Typed{add(Op::Neg, operand.type.base, e.span, operand.node), operand.type};
    }

    Typed check_node(const Binary& b, const Expr& e) {
        Typed lhs = check(*b.lhs);
        Typed rhs = check(*b.rhs);
        std::string side = std::string("the operands of '") + op_text(b.op) + "'";
        switch (b.op) {
            case BinaryOp::And:
            case BinaryOp::Or: {
                bool ok = require(lhs, BaseType::Bool, side.c_str());
                ok = require(rhs, BaseType::Bool, side.c_str()) && ok;
                if (!ok) return bad();
                return Typed{add(b.op == BinaryOp::And ? Op::And : Op::Or, BaseType::Bool, e.span, lhs.node, rhs.node),
                             Type::of(BaseType::Bool)};
            }
            case BinaryOp::Add:
            case BinaryOp::Sub:
            case BinaryOp::Mul:
            case BinaryOp::Div: {
                bool ok = require_numeric(lhs, side.c_str());
                ok = require_numeric(rhs, side.c_str()) && ok;
                if (!ok) return bad();
                bool integer = b.op != BinaryOp::Div && lhs.type.is(BaseType::Int) && rhs.type.is(BaseType::Int);
                if (!integer) {
                    lhs = widen(lhs);
                    rhs = widen(rhs);
                }
                Op op = b.op == BinaryOp::Add ? Op::Add : b.op == BinaryOp::Sub ? Op::Sub : b.op == BinaryOp::Mul ? Op::Mul : Op::Div;
                BaseType t = integer ? BaseType::Int : BaseType::Number;
                return Typed{add(op, t, e.span, lhs.node, rhs.node), Type::of(t)};
            }
            case BinaryOp::Eq:
            case BinaryOp::Ne: return equality(b, e, lhs, rhs);
            case BinaryOp::Lt:
            case BinaryOp::Le:
            case BinaryOp::Gt:
            case BinaryOp::Ge: return ordering(b, e, lhs, rhs);
            case BinaryOp::In: return membership(b, e, lhs, rhs);
        }
        return bad();
    }

    Typed equality(const Binary& b, const Expr& e, Typed lhs, Typed rhs) {
        if (lhs.type.is_error() || rhs.type.is_error()) return bad();
        bool ok = require_scalar(lhs, "a compared value");
        ok = require_scalar(rhs, "a compared value") && ok;
        if (!ok) return bad();
        if (!unify(lhs, rhs, b.op_span, (std::string("the operands of '") + op_text(b.op) + "'").c_str())) return bad();
        check_enum_literal(lhs, rhs);
        check_enum_literal(rhs, lhs);
        return Typed{add(b.op == BinaryOp::Eq ? Op::Eq : Op::Ne, BaseType::Bool, e.span, lhs.node, rhs.node),
                     Type::of(BaseType::Bool)};
    }

    Typed ordering(const Binary& b, const Expr& e, Typed lhs, Typed rhs) {
        if (lhs.type.is_error() || rhs.type.is_error()) return bad();
        bool dates = lhs.type.is(BaseType::Date) && rhs.type.is(BaseType::Date);
        if (!dates) {
            std::string what = std::string("the operands of '") + op_text(b.op) + "'";
            if (!(lhs.type.is_numeric() && rhs.type.is_numeric())) {
                error(code::kType, b.op_span,
                      what + " must both be int or number, or both dates; found " + type_name(lhs.type) + " and " +
                          type_name(rhs.type));
                return bad();
            }
            if (lhs.type.base != rhs.type.base) {
                lhs = widen(lhs);
                rhs = widen(rhs);
            }
        }
        Op op = b.op == BinaryOp::Lt ? Op::Lt : b.op == BinaryOp::Le ? Op::Le : b.op == BinaryOp::Gt ? Op::Gt : Op::Ge;
        return Typed{add(op, BaseType::Bool, e.span, lhs.node, rhs.node), Type::of(BaseType::Bool)};
    }

    Typed membership(const Binary& b, const Expr& e, Typed lhs, Typed rhs) {
        if (lhs.type.is_error() || rhs.type.is_error()) return bad();
        if (!require_scalar(lhs, "the value before 'in'")) return bad();
        if (!rhs.type.list) {
            error(code::kType, span_of(rhs), "the right side of 'in' must be a list literal such as [\"a\", \"b\"], found " +
                                            type_name(rhs.type));
            return bad();
        }
        BaseType elem = rhs.type.base;
        NodeId list = rhs.node;
        bool numeric = lhs.type.is_numeric() && (elem == BaseType::Int || elem == BaseType::Number);
        if (!numeric && lhs.type.base != elem) {
            error(code::kType, b.op_span, "'in' needs a list of " + type_name(lhs.type) + ", found " + type_name(rhs.type));
            return bad();
        }
        if (numeric && lhs.type.base != elem) {
            if (lhs.type.is(BaseType::Int)) {
                lhs = widen(lhs);
            } else {
                list = numeric_list(list);
            }
        }
        check_enum_list(list, lhs, span_of(rhs));
        Node n;
        n.op = Op::In;
        n.type = BaseType::Bool;
        n.span = e.span;
        n.a = lhs.node;
        n.constant = p.nodes[list].constant;
        return Typed{p.add(std::move(n)), Type::of(BaseType::Bool)};
    }

    NodeId numeric_list(NodeId list) {
        p.lists.emplace_back();
        ValueList& values = p.lists.back();
        for (const Value& v : p.nodes[list].constant.as_list().items) {
            values.items.push_back(Value::number(*core::Decimal::from_int(v.as_int())));
        }
        return constant(Value::list(&values), BaseType::Number, p.nodes[list].span);
    }

    Typed check_node(const If& i, const Expr& e) {
        Typed cond = check(*i.cond);
        Typed a = check(*i.then_branch);
        Typed b = check(*i.else_branch);
        bool ok = require(cond, BaseType::Bool, "the condition of 'if'");
        ok = require_scalar(a, "a branch of 'if'") && ok;
        ok = require_scalar(b, "a branch of 'if'") && ok;
        if (!ok || !unify(a, b, e.span, "both branches of 'if'")) return bad();
        return Typed{add(Op::If, a.type.base, e.span, cond.node, a.node, b.node), a.type};
    }

    bool valid_let_name(const Let& l) {
        static const std::vector<std::string> reserved = {"unit", "params", "year"};
        std::string why;
        if (std::find(reserved.begin(), reserved.end(), l.name) != reserved.end()) {
            why = "it is reserved";
        } else if (schema.find(l.name)) {
            why = "it is an evidence kind";
        } else if (std::any_of(schema.kinds.begin(), schema.kinds.end(),
                               [&](const core::KindDef& k) { return !k.is_fact && k.field_index(l.name); })) {
            why = "it is a field of a record kind";
        } else if (std::any_of(lets.begin(), lets.end(), [&](const LetBinding& b) { return b.name == l.name; })) {
            why = "an enclosing 'let' already binds it";
        }
        if (why.empty()) return true;
        error(code::kBadLetName, l.name_span, "cannot use '" + l.name + "' as a let name: " + why);
        return false;
    }

    Typed check_node(const Let& l, const Expr& e) {
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
        if (!require_scalar(body, "the body of 'let'")) return bad();
        if (binding.list_node != kNoNode) return body;  // a list is folded into its uses
        return Typed{add(Op::Let, body.type.base, e.span, value.node, body.node, binding.slot), body.type};
    }

    Typed check_node(const Steps& s, const Expr& e) {
        Typed subject = check(*s.subject);
        bool ok = !subject.type.is_error() && require_scalar(subject, "the value of 'steps'");
        std::vector<Typed> values;
        std::vector<Arm> arms;
        for (const StepsArm& arm : s.arms) {
            Typed threshold = check(*arm.threshold);
            values.push_back(check(*arm.value));
            if (!ok || threshold.type.is_error()) {
                ok = false;
                continue;
            }
            Arm compiled;
            compiled.op = arm.op;
            compiled.span = arm.span;
            if (!steps_threshold(arm, subject, threshold, compiled)) {
                ok = false;
                continue;
            }
            arms.push_back(compiled);
        }
        Typed otherwise = check(*s.otherwise);
        // All arm values and the else value share one type.
        Typed common = otherwise;
        for (Typed& v : values) {
            if (v.type.is_error() || common.type.is_error()) {
                ok = false;
                continue;
            }
            if (!require_scalar(v, "a steps value")) {
                ok = false;
                continue;
            }
            if (v.type.is_numeric() && common.type.is_numeric()) {
                if (v.type.base != common.type.base) common.type = Type::of(BaseType::Number);
            } else if (!(v.type == common.type)) {
                error(code::kType, span_of(v), "steps values must have one type, found " + type_name(v.type) + " and " +
                                              type_name(common.type));
                ok = false;
            }
        }
        if (!ok || otherwise.type.is_error() || !require_scalar(otherwise, "the else value")) return bad();
        if (common.type.is(BaseType::Number)) {
            for (Typed& v : values) v = widen(v);
            otherwise = widen(otherwise);
        }
        for (std::size_t i = 0; i < arms.size(); ++i) arms[i].value = values[i].node;
        warn_unreachable_arms(arms, diags);
        auto first = static_cast<NodeId>(p.arms.size());
        for (Arm& a : arms) p.arms.push_back(a);
        return Typed{add(Op::Steps, common.type.base, e.span, subject.node, first, static_cast<NodeId>(arms.size()),
                         otherwise.node),
                     common.type};
    }

    bool steps_threshold(const StepsArm& arm, const Typed& subject, const Typed& threshold, Arm& out) {
        if (!is_constant(p, threshold.node)) {
            error(code::kNotConstant, span_of(threshold), "a steps threshold must be a constant (literals, params and arithmetic on them)");
            return false;
        }
        bool ordering = arm.op != ArmOp::Eq;
        if (ordering && !(subject.type.is(BaseType::Date) && threshold.type.is(BaseType::Date)) &&
            !(subject.type.is_numeric() && threshold.type.is_numeric())) {
            error(code::kType, span_of(threshold), std::string("'") + op_text(arm.op) + "' compares int or number values, or dates; found " +
                                                  type_name(subject.type) + " and " + type_name(threshold.type));
            return false;
        }
        if (!ordering && !(subject.type.is_numeric() && threshold.type.is_numeric()) && !(subject.type == threshold.type)) {
            error(code::kType, span_of(threshold), "'==' needs a threshold of type " + type_name(subject.type) + ", found " +
                                                  type_name(threshold.type));
            return false;
        }
        if (!ordering) check_enum_literal(threshold, subject);
        Value t = evaluate_constant(p, threshold.node);
        if (t.is_missing()) {
            error(code::kNotConstant, span_of(threshold), "this steps threshold is missing (division by zero or out of range)");
            return false;
        }
        out.threshold = t;  // an int threshold and a number subject compare by value
        return true;
    }

    // ---- calls ---------------------------------------------------------------------------------
    /// The record kind named by an aggregate's first argument, or nullptr after an error.
    const core::KindDef* collection_kind(const Arg& arg, const std::string& fn) {
        const Name* name = std::get_if<Name>(&arg.expr->node);
        if (name) {
            if (const core::KindDef* kind = schema.find(name->name); kind && !kind->is_fact) return kind;
            if (const core::KindDef* kind = schema.find(name->name); kind && kind->is_fact) {
                error(code::kRecordKindMisuse, arg.expr->span, "'" + name->name + "' is a fact, not a record kind; " + fn +
                                                  "() needs a record kind");
                return nullptr;
            }
            std::vector<std::string> kinds;
            for (const auto& k : schema.kinds) {
                if (!k.is_fact) kinds.push_back(k.name);
            }
            error(code::kUnknownName, arg.expr->span, "unknown record kind '" + name->name + "'" + core::did_you_mean(name->name, kinds));
            return nullptr;
        }
        error(code::kRecordKindMisuse, arg.expr->span, fn + "() needs a record kind as its first argument");
        return nullptr;
    }

    bool first_arg_is_collection(const Call& c) {
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

    bool arity(const Call& c, std::size_t n, const char* shape) {
        if (c.args.size() == n) return true;
        error(code::kBadCall, c.name_span, "'" + c.name + "' takes " + std::to_string(n) + (n == 1 ? " argument" : " arguments") + " (" +
                                       shape + "), found " + std::to_string(c.args.size()));
        return false;
    }

    void reject_where(const Call& c, std::size_t from) {
        for (std::size_t i = from; i < c.args.size(); ++i) {
            if (c.args[i].where) {
                error(code::kRecordKindMisuse, c.args[i].expr->span, "'where' is only allowed in the first argument of an aggregate");
            }
        }
    }

    Typed check_node(const Call& c, const Expr& e) {
        bool aggregate = is_aggregate_name(c.name) &&
                         ((c.name != "min" && c.name != "max") || first_arg_is_collection(c));
        if (aggregate) return check_aggregate(c, e);
        if (c.name == "checked") return check_checked(c, e);
        reject_where(c, 0);
        if (c.name == "date") return check_date(c, e);
        if (c.name == "round") return check_round(c, e);
        if (std::find(kFunctions.begin(), kFunctions.end(), c.name) == kFunctions.end()) {
            error(code::kBadCall, c.name_span, "unknown function '" + c.name + "'" + core::did_you_mean(c.name, kFunctions));
            // Still check the arguments, except record kinds: the intended function may take them.
            for (const Arg& a : c.args) {
                const Name* n = std::get_if<Name>(&a.expr->node);
                if (!(n && schema.find(n->name))) check(*a.expr);
            }
            return bad();
        }
        std::vector<Typed> args;
        for (const Arg& a : c.args) args.push_back(check(*a.expr));
        if (std::any_of(args.begin(), args.end(), [](const Typed& t) { return t.type.is_error(); })) return bad();
        if (c.name == "min" || c.name == "max") return numeric_call(c, e, args, 2, c.name == "min" ? Op::Min2 : Op::Max2, "a, b");
        if (c.name == "clamp") return numeric_call(c, e, args, 3, Op::Clamp, "x, lo, hi");
        if (c.name == "abs") return numeric_call(c, e, args, 1, Op::Abs, "x");
        if (c.name == "default") {
            if (!arity(c, 2, "x, v")) return bad();
            bool ok = require_scalar(args[0], "the value of default") && require_scalar(args[1], "the default value");
            if (!ok || !unify(args[0], args[1], e.span, "both arguments of default")) return bad();
            check_enum_literal(args[1], args[0]);
            return Typed{add(Op::Default, args[0].type.base, e.span, args[0].node, args[1].node), args[0].type};
        }
        if (c.name == "missing") {
            if (!arity(c, 1, "x") || !require_scalar(args[0], "the argument of missing")) return bad();
            return Typed{add(Op::IsMissing, BaseType::Bool, e.span, args[0].node), Type::of(BaseType::Bool)};
        }
        if (c.name == "days") {
            if (!arity(c, 2, "d1, d2")) return bad();
            bool ok = require(args[0], BaseType::Date, "the arguments of days");
            ok = require(args[1], BaseType::Date, "the arguments of days") && ok;
            if (!ok) return bad();
            return Typed{add(Op::Days, BaseType::Int, e.span, args[0].node, args[1].node), Type::of(BaseType::Int)};
        }
        return bad();
    }

    Typed numeric_call(const Call& c, const Expr& e, std::vector<Typed>& args, std::size_t n, Op op, const char* shape) {
        if (!arity(c, n, shape)) return bad();
        bool ok = true;
        std::string what = "the arguments of " + c.name;
        for (const Typed& a : args) ok = require_numeric(a, what.c_str()) && ok;
        if (!ok) return bad();
        bool all_int = std::all_of(args.begin(), args.end(), [](const Typed& t) { return t.type.is(BaseType::Int); });
        if (!all_int) {
            for (Typed& a : args) a = widen(a);
        }
        BaseType t = all_int ? BaseType::Int : BaseType::Number;
        return Typed{add(op, t, e.span, args[0].node, n > 1 ? args[1].node : kNoNode, n > 2 ? args[2].node : kNoNode),
                     Type::of(t)};
    }

    Typed check_date(const Call& c, const Expr& e) {
        if (!arity(c, 1, "a string literal \"YYYY-MM-DD\"")) return bad();
        const Literal* lit = std::get_if<Literal>(&c.args[0].expr->node);
        const std::string* text = lit ? std::get_if<std::string>(&lit->value) : nullptr;
        if (!text) {
            error(code::kNotConstant, c.args[0].expr->span, "date() takes a string literal such as date(\"2013-06-30\")");
            return bad();
        }
        auto d = core::parse_date(*text);
        if (!d) {
            error(code::kBadLiteral, c.args[0].expr->span, "not a real date in YYYY-MM-DD form: \"" + *text + "\"");
            return bad();
        }
        return Typed{constant(Value::date(*d), BaseType::Date, e.span), Type::of(BaseType::Date)};
    }

    Typed check_round(const Call& c, const Expr& e) {
        if (!arity(c, 2, "x, digits")) return bad();
        Typed x = check(*c.args[0].expr);
        const Literal* lit = std::get_if<Literal>(&c.args[1].expr->node);
        const std::int64_t* digits = lit ? std::get_if<std::int64_t>(&lit->value) : nullptr;
        if (!digits || *digits < 0 || *digits > 9) {
            error(code::kNotConstant, c.args[1].expr->span, "round() takes an int literal from 0 to 9 as its number of decimals");
            return bad();
        }
        if (!require_numeric(x, "the value of round")) return bad();
        x = widen(x);
        return Typed{add(Op::Round, BaseType::Number, e.span, x.node, static_cast<NodeId>(*digits)), Type::of(BaseType::Number)};
    }

    Typed check_checked(const Call& c, const Expr& e) {
        if (!arity(c, 1, "a record kind")) return bad();
        if (c.args[0].where) {
            error(code::kRecordKindMisuse, c.args[0].expr->span, "checked() takes a record kind without 'where'");
            return bad();
        }
        const core::KindDef* kind = collection_kind(c.args[0], "checked");
        if (!kind) return bad();
        auto k = *schema.index_of(kind->name);
        return Typed{add(Op::Checked, BaseType::Bool, e.span, static_cast<NodeId>(k)), Type::of(BaseType::Bool)};
    }

    Typed check_aggregate(const Call& c, const Expr& e) {
        bool unary = c.name == "count" || c.name == "exists";
        const char* shape = unary ? "a record kind, optionally with where" : "a record kind and an expression per record";
        if (!arity(c, unary ? 1 : 2, shape)) return bad();
        reject_where(c, 1);
        const core::KindDef* kind = collection_kind(c.args[0], c.name);
        if (!kind) return bad();
        auto k = static_cast<NodeId>(*schema.index_of(kind->name));
        records.push_back(kind);
        NodeId where = kNoNode;
        bool ok = true;
        if (c.args[0].where) {
            Typed w = check(*c.args[0].where);
            ok = require(w, BaseType::Bool, "the condition after 'where'");
            where = w.node;
        }
        Typed per_record;
        if (!unary) per_record = check(*c.args[1].expr);
        records.pop_back();
        if (!ok) return bad();
        if (c.name == "count") return Typed{add(Op::Count, BaseType::Int, e.span, k, where), Type::of(BaseType::Int)};
        if (c.name == "exists") return Typed{add(Op::Exists, BaseType::Bool, e.span, k, where), Type::of(BaseType::Bool)};
        if (per_record.type.is_error()) return bad();
        if (c.name == "all" || c.name == "share") {
            if (!require(per_record, BaseType::Bool, ("the condition of " + c.name).c_str())) return bad();
            bool all = c.name == "all";
            BaseType t = all ? BaseType::Bool : BaseType::Number;
            return Typed{add(all ? Op::All : Op::Share, t, e.span, k, where, per_record.node), Type::of(t)};
        }
        if (c.name == "distinct") {
            if (!require_scalar(per_record, "the value of distinct")) return bad();
            return Typed{add(Op::Distinct, BaseType::Int, e.span, k, where, per_record.node), Type::of(BaseType::Int)};
        }
        if (!require_numeric(per_record, ("the value of " + c.name).c_str())) return bad();
        if (c.name == "avg") {
            per_record = widen(per_record);
            return Typed{add(Op::Avg, BaseType::Number, e.span, k, where, per_record.node), Type::of(BaseType::Number)};
        }
        Op op = c.name == "sum" ? Op::Sum : c.name == "min" ? Op::MinOf : Op::MaxOf;
        return Typed{add(op, per_record.type.base, e.span, k, where, per_record.node), Type::of(per_record.type.base)};
    }
};

Checker::Checker(Program& program, const core::EvidenceSchema& schema, const std::vector<Param>& params)
    : program_(program), schema_(schema), params_(params) {}

std::optional<Compiled> Checker::compile(const Expr& expr, core::Diagnostics& diags) {
    Impl impl{program_, schema_, params_, diags, false, {}, {}, 0};
    auto begin = static_cast<NodeId>(program_.nodes.size());
    Impl::Typed t = impl.check(expr);
    if (impl.failed || t.type.is_error()) return std::nullopt;
    Compiled c;
    c.root = t.node;
    c.type = t.type;
    c.begin = begin;
    c.end = static_cast<NodeId>(program_.nodes.size());
    return c;
}

}  // namespace parscore::dsl
