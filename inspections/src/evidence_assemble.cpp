#include "evidence_assemble.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "kind_decoder.hpp"
#include "parscore/core/parallel.hpp"

namespace parscore::inspections {

namespace {

using core::Value;
using selection::Candidate;

/// A counted revision's findings of one kind.
struct FindingRef {
    std::uint32_t unit;        // covered unit index
    std::uint32_t kind;        // schema kind index
    std::uint32_t inspection;  // index into `counted` (chronological within a unit)
    std::uint32_t records;
    bool fact;
    std::string_view data;
};

/// The findings of counted revisions, by unit, kind and inspection; the others are dropped.
std::vector<FindingRef> counted_findings(const std::vector<CountedRevision>& counted,
                                         const std::deque<RawFinding>& raw) {
    // Revision number -> inspection index, as a table over the numbers' range.
    std::int64_t min_no = std::numeric_limits<std::int64_t>::max(), max_no = 0;
    for (const CountedRevision& c : counted) {
        min_no = std::min(min_no, c.revision);
        max_no = std::max(max_no, c.revision);
    }
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> by_revision(static_cast<std::size_t>(max_no - min_no + 1), kNone);
    for (std::size_t i = 0; i < counted.size(); ++i) {
        by_revision[static_cast<std::size_t>(counted[i].revision - min_no)] = static_cast<std::uint32_t>(i);
    }
    std::vector<FindingRef> refs;
    refs.reserve(raw.size());
    for (const RawFinding& f : raw) {
        if (f.revision < min_no || f.revision > max_no) continue;
        const std::uint32_t insp = by_revision[static_cast<std::size_t>(f.revision - min_no)];
        if (insp == kNone) continue;
        refs.push_back(FindingRef{counted[insp].unit, f.kind, insp, f.records, f.fact, f.data});
    }
    std::sort(refs.begin(), refs.end(), [](const FindingRef& a, const FindingRef& b) {
        if (a.unit != b.unit) return a.unit < b.unit;
        if (a.kind != b.kind) return a.kind < b.kind;
        return a.inspection < b.inspection;
    });
    return refs;
}

std::optional<selection::RecordKey> key_of(const Value& v) {
    if (v.is_missing()) return std::nullopt;
    if (v.tag() == Value::Tag::Text) return selection::RecordKey{static_cast<int>(v.tag()), 0, v.as_text()};
    if (v.tag() == Value::Tag::Date) return selection::RecordKey{static_cast<int>(v.tag()), v.as_date().days, {}};
    return selection::RecordKey{static_cast<int>(v.tag()), v.as_int(), {}};
}

/// One worker's assembly: its decoders and their counts, buffers reused from one unit and kind
/// to the next, and the arena its columns live in. Not movable: decoders point at the counts.
class GroupAssembler {
public:
    GroupAssembler(const core::EvidenceSchema& schema, const std::vector<CountedRevision>& counted, core::Arena& arena);
    GroupAssembler(const GroupAssembler&) = delete;
    GroupAssembler& operator=(const GroupAssembler&) = delete;

    /// [first, last): one unit's findings of one kind.
    void assemble(const FindingRef* first, const FindingRef* last, core::UnitEvidence& ev);

    std::vector<std::vector<std::uint64_t>> not_fitting, lacking;  // per kind and field

private:
    void fact(const FindingRef& winner, std::uint32_t k, core::UnitEvidence& ev);
    void records(const FindingRef* first, const std::vector<std::uint32_t>& take, std::uint32_t k,
                 core::RecordTable& table);
    void keyed(const FindingRef* first, const std::vector<std::uint32_t>& take, std::uint32_t k,
               core::RecordTable& table);
    void copy_kept(const core::RecordTable& from, const std::vector<unsigned char>& keep, std::uint32_t inspection,
                   core::RecordTable& table, std::uint32_t& at);

    const core::EvidenceSchema& schema_;
    const std::vector<CountedRevision>& counted_;
    core::Arena& arena_;
    std::vector<KindDecoder> decoders_;
    std::vector<Candidate> group_;
    std::vector<core::RecordTable> staging_;  // a keyed kind's candidates, decoded
    std::vector<std::vector<unsigned char>> keep_;
    std::vector<std::vector<std::uint32_t>> remap_;  // per field: staging text code -> table code
    selection::KeyedUnion keyed_union_;
};

GroupAssembler::GroupAssembler(const core::EvidenceSchema& schema, const std::vector<CountedRevision>& counted,
                               core::Arena& arena)
    : not_fitting(schema.kinds.size()),
      lacking(schema.kinds.size()),
      schema_(schema),
      counted_(counted),
      arena_(arena) {
    decoders_.reserve(schema.kinds.size());
    for (std::size_t k = 0; k < schema.kinds.size(); ++k) {
        not_fitting[k].assign(schema.kinds[k].fields.size(), 0);
        lacking[k].assign(schema.kinds[k].fields.size(), 0);
        decoders_.emplace_back(schema.kinds[k], not_fitting[k].data(), lacking[k].data());
    }
}

void GroupAssembler::assemble(const FindingRef* first, const FindingRef* last, core::UnitEvidence& ev) {
    const std::uint32_t k = first->kind;
    const core::KindDef& kind = schema_.kinds[k];
    ev.checked[k] = 1;  // listed by a counted inspection, whatever it holds
    group_.clear();
    for (const FindingRef* r = first; r < last; ++r) {
        group_.push_back(Candidate{r->inspection, counted_[r->inspection].inspected, r->fact, r->records});
    }
    const selection::KindChoice choice = selection::choose({kind.is_fact, kind.combine}, group_);
    if (choice.misshapen > 0 && !kind.fields.empty()) not_fitting[k][0] += choice.misshapen;
    if (choice.take.empty()) return;
    if (kind.is_fact) {
        fact(first[choice.take.front()], k, ev);
    } else if (kind.key && kind.combine == core::Combine::Union) {
        keyed(first, choice.take, k, ev.tables[k]);
    } else {
        records(first, choice.take, k, ev.tables[k]);
    }
}

void GroupAssembler::fact(const FindingRef& winner, std::uint32_t k, core::UnitEvidence& ev) {
    core::RecordTable one;
    one.reset(schema_.kinds[k], winner.records, arena_);
    decoders_[k].decode(winner.data, winner.records, one, 0);
    ev.facts[k] = one.rows == 0 || one.columns.empty() ? Value() : one.get(0, 0);
    ev.fact_origin[k] = winner.inspection;
}

// The records of every candidate taken, one after the other (a union, or `latest`'s winner).
void GroupAssembler::records(const FindingRef* first, const std::vector<std::uint32_t>& take, std::uint32_t k,
                             core::RecordTable& table) {
    std::uint64_t total = 0;
    for (std::uint32_t at : take) total += first[at].records;
    table.reset(schema_.kinds[k], static_cast<std::uint32_t>(total), arena_);
    std::uint32_t offset = 0;
    for (std::uint32_t at : take) {
        const FindingRef& r = first[at];
        decoders_[k].decode(r.data, r.records, table, offset);
        std::fill(table.origin.begin() + offset, table.origin.begin() + offset + r.records, r.inspection);
        offset += r.records;
    }
}

// Keyed union: the candidates are decoded apart, the selection marks the records kept, and
// those are copied in chronological order.
void GroupAssembler::keyed(const FindingRef* first, const std::vector<std::uint32_t>& take, std::uint32_t k,
                           core::RecordTable& table) {
    const core::KindDef& kind = schema_.kinds[k];
    const std::size_t key = *kind.key;
    staging_.resize(group_.size());
    for (std::uint32_t at : take) {
        staging_[at].reset(kind, first[at].records);
        decoders_[k].decode(first[at].data, first[at].records, staging_[at], 0);
    }
    const std::uint32_t total = keyed_union_.select(
        group_, take, [&](std::uint32_t at, std::uint32_t row) { return key_of(staging_[at].get(key, row)); }, keep_);
    table.reset(kind, total, arena_);
    std::uint32_t row = 0;
    for (std::uint32_t at : take) copy_kept(staging_[at], keep_[at], first[at].inspection, table, row);
}

void GroupAssembler::copy_kept(const core::RecordTable& from, const std::vector<unsigned char>& keep,
                               std::uint32_t inspection, core::RecordTable& table, std::uint32_t& at) {
    const std::size_t nfields = from.columns.size();
    // Text codes of this inspection's dictionaries, added to the table's once each.
    remap_.assign(nfields, {});
    for (std::size_t f = 0; f < nfields; ++f) {
        if (from.columns[f].type() == core::Column::Type::Text)
            remap_[f].assign(from.columns[f].dict().size(), core::Column::kNoText);
    }
    for (std::uint32_t row = 0; row < from.rows; ++row) {
        if (!keep[row]) continue;
        for (std::size_t f = 0; f < nfields; ++f) {
            const core::Column& column = from.columns[f];
            if (column.type() != core::Column::Type::Text) {
                table.columns[f].copy(at, column, row);
                continue;
            }
            const std::uint32_t code = column.codes()[row];
            std::uint32_t to = core::Column::kNoText;
            if (code != core::Column::kNoText) {
                std::uint32_t& mapped = remap_[f][code];
                if (mapped == core::Column::kNoText) mapped = table.columns[f].add_text(column.dict()[code]);
                to = mapped;
            }
            table.columns[f].codes()[at] = to;
        }
        table.origin[at] = inspection;
        ++at;
    }
}

/// Blocks of about kUnitsPerBlock units (a block starts where a unit does): first ref of each
/// block, then refs.size().
std::vector<std::size_t> unit_blocks(const std::vector<FindingRef>& refs) {
    std::vector<std::size_t> blocks;
    for (std::size_t i = 0, units_in_block = 0; i < refs.size(); ++i) {
        if (i > 0 && refs[i].unit == refs[i - 1].unit) continue;
        if (units_in_block++ % kUnitsPerBlock == 0) blocks.push_back(i);
    }
    blocks.push_back(refs.size());
    return blocks;
}

std::vector<FieldMisfit> misfits_of(const core::EvidenceSchema& schema,
                                    const std::vector<std::optional<GroupAssembler>>& workers) {
    std::vector<FieldMisfit> out;
    for (std::size_t k = 0; k < schema.kinds.size(); ++k) {
        for (std::size_t f = 0; f < schema.kinds[k].fields.size(); ++f) {
            FieldMisfit m{k, f, 0, 0};
            for (const std::optional<GroupAssembler>& w : workers) {
                if (!w) continue;
                m.not_fitting += w->not_fitting[k][f];
                m.lacking += w->lacking[k][f];
            }
            if (m.not_fitting || m.lacking) out.push_back(m);
        }
    }
    return out;
}

}  // namespace

std::vector<FieldMisfit> assemble_evidence(const core::EvidenceSchema& schema,
                                           const std::vector<CountedRevision>& counted,
                                           const std::deque<RawFinding>& findings,
                                           std::vector<core::UnitEvidence>& evidence,
                                           std::vector<std::unique_ptr<core::Arena>>& arenas) {
    if (counted.empty() || schema.kinds.empty()) return {};
    const std::vector<FindingRef> refs = counted_findings(counted, findings);
    const std::vector<std::size_t> blocks = unit_blocks(refs);
    // Workers take blocks of units in turn, each with its own decoders, counts and arena.
    const std::size_t threads = refs.size() < kParallelFrom
                                    ? 1
                                    : std::min<std::size_t>(core::hardware_workers(), blocks.size() - 1);
    const std::size_t first_arena = arenas.size();
    for (std::size_t t = 0; t < threads; ++t) arenas.push_back(std::make_unique<core::Arena>());
    std::vector<std::optional<GroupAssembler>> workers(threads);
    core::parallel_blocks(
        blocks.size() - 1, 1, static_cast<unsigned>(threads), [&](unsigned w, std::size_t b, std::size_t) {
            std::optional<GroupAssembler>& assembler = workers[w];
            if (!assembler) assembler.emplace(schema, counted, *arenas[first_arena + w]);
            for (std::size_t begin = blocks[b], last = blocks[b + 1]; begin < last;) {
                std::size_t end = begin;
                while (end < last && refs[end].unit == refs[begin].unit && refs[end].kind == refs[begin].kind) ++end;
                assembler->assemble(refs.data() + begin, refs.data() + end, evidence[refs[begin].unit]);
                begin = end;
            }
        });
    return misfits_of(schema, workers);
}

}  // namespace parscore::inspections
