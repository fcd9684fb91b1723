#include "parscore/scoring/findings_evidence.hpp"

namespace parscore::engine {

namespace {

core::Value to_value(const std::optional<core::Datum>& d, std::deque<std::string>& texts) {
    if (!d) return core::Value::missing();
    struct V {
        std::deque<std::string>& texts;
        core::Value operator()(bool b) const { return core::Value::boolean(b); }
        core::Value operator()(std::int64_t i) const { return core::Value::integer(i); }
        core::Value operator()(core::Decimal n) const { return core::Value::number(n); }
        core::Value operator()(core::Date date) const { return core::Value::date(date); }
        core::Value operator()(const std::string& s) const {
            texts.push_back(s);
            return core::Value::text(texts.back());
        }
    };
    return std::visit(V{texts}, *d);
}

}  // namespace

void findings_to_evidence(const inspections::Findings& findings, const core::EvidenceSchema& schema,
                          OwnedEvidence& out) {
    out.evidence.reset(schema.kinds.size());
    for (const inspections::KindFindings& kf : findings) {
        auto k = schema.index_of(kf.kind);
        if (!k) continue;
        const core::KindDef& kind = schema.kinds[*k];
        out.evidence.checked[*k] = 1;
        if (kind.is_fact) {
            if (kf.rows() > 0) out.evidence.facts[*k] = to_value(kf.at(0, 0), out.texts);
            continue;
        }
        core::RecordTable& table = out.evidence.tables[*k];
        table.reset(kind, static_cast<std::uint32_t>(kf.rows()));
        for (std::size_t f = 0; f < kind.fields.size(); ++f) {
            // Findings list fields in recorded order; the table follows the schema's order.
            std::optional<std::size_t> column;
            for (std::size_t c = 0; c < kf.fields.size(); ++c) {
                if (kf.fields[c] == kind.fields[f].name) column = c;
            }
            if (!column) continue;
            for (std::uint32_t r = 0; r < table.rows; ++r)
                table.columns[f].set(r, to_value(kf.at(r, *column), out.texts));
        }
    }
}

}  // namespace parscore::engine
