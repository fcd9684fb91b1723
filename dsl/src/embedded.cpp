#include "parscore/dsl/embedded.hpp"

#include "parscore/dsl/parser.hpp"

namespace parscore::dsl {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

}  // namespace

ScalarOrigin::ScalarOrigin(const core::SourceFile& yaml, core::FileId yaml_id, std::uint32_t start,
                           core::ScalarStyle style, std::string_view decoded)
    : file_(yaml_id), start_(start) {
    if (style != core::ScalarStyle::Plain && style != core::ScalarStyle::Literal) return;
    std::string_view raw = yaml.text();
    std::size_t j = start;
    if (style == core::ScalarStyle::Literal) {
        // Content starts on the line after the `|` indicator (and its chomping/indent marks).
        j = raw.find('\n', start);
        if (j == std::string_view::npos) return;
        ++j;
    }
    // Plain and literal scalars have no escapes: every character of the value appears in the file
    // in order, with only indentation and line folding in between. Align the two greedily.
    offsets_.reserve(decoded.size() + 1);
    for (char c : decoded) {
        while (j < raw.size() && raw[j] != c && is_blank(raw[j])) ++j;
        if (j < raw.size() && raw[j] == c) {
            offsets_.push_back(static_cast<std::uint32_t>(j++));
        } else if (is_blank(c)) {
            offsets_.push_back(static_cast<std::uint32_t>(j));  // folding made a space out of a line break
        } else {
            offsets_.clear();
            return;
        }
    }
    offsets_.push_back(static_cast<std::uint32_t>(offsets_.empty() ? start : offsets_.back() + 1));
    exact_ = true;
}

std::uint32_t ScalarOrigin::map(std::uint32_t offset) const {
    if (!exact_) return start_;
    return offsets_[std::min<std::size_t>(offset, offsets_.size() - 1)];
}

core::Span ScalarOrigin::map(core::Span span) const {
    if (!exact_) return core::Span{file_, start_, start_ + 1};
    std::uint32_t begin = map(span.begin);
    std::uint32_t end = span.end > span.begin ? map(span.end - 1) + 1 : begin;
    // A multi-byte last character: extend to the end of its bytes.
    if (span.end > span.begin && span.end < offsets_.size()) end = std::max(end, map(span.end));
    return core::Span{file_, begin, std::max(end, begin)};
}

std::optional<Compiled> compile_scalar(core::SourceSet& sources, core::FileId yaml_file, const core::YamlNode& scalar,
                                       Checker& checker, core::Diagnostics& diags) {
    core::FileId expr_file = sources.add("(expression)", scalar.value);
    ScalarOrigin origin(sources.file(yaml_file), yaml_file, scalar.span.begin, scalar.style, scalar.value);

    core::Diagnostics local;
    std::optional<Compiled> compiled;
    if (auto expr = parse_expression(sources, expr_file, local)) compiled = checker.compile(*expr, local);
    if (compiled) {
        // Node and arm spans point into the YAML file too, for explanations and coverage.
        Program& program = checker.program();
        for (NodeId i = compiled->begin; i < compiled->end; ++i) {
            Node& n = program.nodes[i];
            n.span = origin.map(n.span);
            if (n.op != Op::Steps) continue;
            for (NodeId a = n.b; a < n.b + n.c; ++a) program.arms[a].span = origin.map(program.arms[a].span);
        }
    }

    for (core::Diagnostic& d : local.items()) {
        if (d.span && d.span->file == expr_file) {
            core::Span inside = *d.span;
            d.span = origin.map(inside);
            if (!origin.exact())
                d.notes.insert(d.notes.begin(), core::note(inside, core::T_("here in the expression")));
        }
        for (core::Note& note : d.notes) {
            if (note.span && note.span->file == expr_file && origin.exact()) note.span = origin.map(*note.span);
        }
        diags.add(std::move(d));
    }
    return compiled;
}

}  // namespace parscore::dsl
