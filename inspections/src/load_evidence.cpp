// The scorer's read path (SPEC §4.1). Three queries read a whole year: units, the counted
// inspections with their latest revision as of the query's revision, and the findings blobs of
// those revisions for the schema's kinds. Blobs are copied once into storage owned by the
// EvidenceSet and decoded column by column straight into core::Value arrays; text values point
// into the copied blobs, so decoding allocates nothing per value.
#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <thread>

#include "findings_blob.hpp"
#include "parscore/core/sha256.hpp"
#include "schema_json.hpp"
#include "store_impl.hpp"

namespace parscore::inspections {

namespace {

using core::Value;

/// Chunked byte storage whose addresses never move.
class Arena {
public:
    explicit Arena(std::vector<std::unique_ptr<char[]>>& chunks) : chunks_(chunks) {}
    const char* copy(std::string_view bytes) {
        if (bytes.size() > left_) {
            const std::size_t size = std::max<std::size_t>(kChunk, bytes.size());
            chunks_.push_back(std::make_unique<char[]>(size));
            cur_ = chunks_.back().get();
            left_ = size;
        }
        char* at = cur_;
        if (!bytes.empty()) std::memcpy(at, bytes.data(), bytes.size());
        cur_ += bytes.size();
        left_ -= bytes.size();
        return at;
    }

private:
    static constexpr std::size_t kChunk = 8u << 20;
    std::vector<std::unique_ptr<char[]>>& chunks_;
    char* cur_ = nullptr;
    std::size_t left_ = 0;
};

/// Lets unordered maps keyed by std::string be searched with a string_view.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

struct Counted {
    InspectionRef ref;
    std::uint32_t unit = 0;  // covered unit index
    std::string hash;
};

struct FindingRef {
    std::uint32_t unit;        // covered unit index
    std::uint32_t kind;        // schema kind index
    std::uint32_t inspection;  // index into EvidenceSet::inspections (chronological within a unit)
    std::uint32_t records;
    bool fact;
    std::string_view data;     // in the arena
};

const core::int128 kOne = core::Decimal::kScale;

/// Decodes blobs of one schema kind into RecordTables, fitting values to the declared types and
/// counting what does not fit.
class KindDecoder {
public:
    KindDecoder(const core::KindDef& kind, std::uint64_t* not_fitting, std::uint64_t* lacking)
        : kind_(kind), not_fitting_(not_fitting), lacking_(lacking), seen_(kind.fields.size()) {}

    /// Writes the blob's `n` records into rows [offset, offset + n) of `table` (already sized).
    void decode(std::string_view data, core::RecordTable& table, std::uint32_t offset) {
        blob::ByteReader in(data);
        if (in.byte() != blob::kVersion) blob::ByteReader::corrupt();
        const std::uint64_t fields = in.varint();
        const std::uint64_t n = in.varint();
        std::fill(seen_.begin(), seen_.end(), 0);
        for (std::uint64_t f = 0; f < fields; ++f) {
            const std::string_view name = in.bytes(in.varint());
            const char encoding = static_cast<char>(in.byte());
            std::optional<std::size_t> field;
            for (std::size_t i = 0; i < kind_.fields.size(); ++i) {
                if (kind_.fields[i].name == name) {
                    field = i;
                    break;
                }
            }
            core::Column* out = nullptr;
            if (field && !seen_[*field]) {
                seen_[*field] = 1;
                out = &table.columns[*field];
            }
            column(in, encoding, n, field && out ? &kind_.fields[*field] : nullptr, out, offset,
                   field ? &not_fitting_[*field] : nullptr);
        }
        for (std::size_t i = 0; i < kind_.fields.size(); ++i) {
            if (!seen_[i]) lacking_[i] += n;
        }
    }

private:
    // Reads one column into rows [offset, offset + n) of `out`; with `out` null the values are only
    // skipped. Values that do not fit the declared type stay missing and are counted.
    void column(blob::ByteReader& in, char encoding, std::uint64_t n, const core::FieldDef* field, core::Column* out,
                std::uint32_t offset, std::uint64_t* misfit) {
        const core::FieldType type = field ? field->type : core::FieldType::Text;
        std::uint64_t bad = 0;
        auto put = [&](std::uint64_t r, bool fits, const Value& v) {
            if (!out) return;
            if (fits) {
                out->set(offset + static_cast<std::uint32_t>(r), v);
            } else {
                ++bad;
            }
        };
        switch (encoding) {
            case 'b': {
                std::string_view bytes = in.bytes(n);
                if (!out) break;
                if (type == core::FieldType::Bool) {
                    unsigned char* flags = out->flags() + offset;
                    for (std::uint64_t r = 0; r < n; ++r) flags[r] = bytes[r] != 0;
                } else {
                    bad = n;
                }
                break;
            }
            case 'i':
                for (std::uint64_t r = 0; r < n; ++r) {
                    Value v;
                    const bool fits = fit_int(in.svarint(), type, v);
                    put(r, fits, v);
                }
                break;
            case 'n':
                for (std::uint64_t r = 0; r < n; ++r) {
                    Value v;
                    const bool fits = fit_number(in.svarint128(), type, v);
                    put(r, fits, v);
                }
                break;
            case 'd':
                for (std::uint64_t r = 0; r < n; ++r) {
                    const std::int64_t days = in.svarint();
                    put(r, type == core::FieldType::Date, Value::date(core::Date{static_cast<std::int32_t>(days)}));
                }
                break;
            case 't': {
                // A text column's dictionary is the blob's: decide each entry once.
                const std::uint64_t entries = in.varint();
                codes_.clear();
                for (std::uint64_t e = 0; e < entries; ++e) {
                    const std::string_view s = in.bytes(in.varint());
                    Value v;
                    codes_.push_back(out && fit_text(s, field, v) ? out->add_text(s) : core::Column::kNoText);
                }
                std::uint32_t* codes = out ? out->codes() + offset : nullptr;
                for (std::uint64_t r = 0; r < n; ++r) {
                    const std::uint64_t i = in.varint();
                    if (i >= entries) blob::ByteReader::corrupt();
                    if (!codes) continue;
                    codes[r] = codes_[i];
                    if (codes_[i] == core::Column::kNoText) ++bad;
                }
                break;
            }
            case 'x':
                for (std::uint64_t r = 0; r < n; ++r) {
                    const char tag = static_cast<char>(in.byte());
                    if (tag == '-') {
                        if (out) ++lacking_[static_cast<std::size_t>(field - kind_.fields.data())];
                        continue;
                    }
                    Value v;
                    bool fits = true;
                    switch (tag) {
                        case 'b': {
                            const bool b = in.byte() != 0;
                            fits = type == core::FieldType::Bool;
                            v = Value::boolean(b);
                            break;
                        }
                        case 'i': fits = fit_int(in.svarint(), type, v); break;
                        case 'n': fits = fit_number(in.svarint128(), type, v); break;
                        case 'd': {
                            const std::int64_t days = in.svarint();
                            fits = type == core::FieldType::Date;
                            v = Value::date(core::Date{static_cast<std::int32_t>(days)});
                            break;
                        }
                        case 't': fits = fit_text(in.bytes(in.varint()), field, v); break;
                        default: blob::ByteReader::corrupt();
                    }
                    put(r, fits, v);
                }
                break;
            default: blob::ByteReader::corrupt();
        }
        if (out && misfit) *misfit += bad;
    }

    static bool fit_int(std::int64_t v, core::FieldType type, Value& out) {
        switch (type) {
            case core::FieldType::Int: out = Value::integer(v); return true;
            case core::FieldType::Number:
                if (auto d = core::Decimal::from_int(v)) {
                    out = Value::number(*d);
                    return true;
                }
                return false;
            case core::FieldType::Percent:
                if (v == 0 || v == 1) {
                    out = Value::number(core::Decimal::from_raw(v * kOne));
                    return true;
                }
                return false;
            default: return false;
        }
    }

    static bool fit_number(core::int128 raw, core::FieldType type, Value& out) {
        if (!core::Decimal::raw_in_range(raw)) blob::ByteReader::corrupt();
        if (type == core::FieldType::Number || (type == core::FieldType::Percent && raw >= 0 && raw <= kOne)) {
            out = Value::number(core::Decimal::from_raw(raw));
            return true;
        }
        return false;
    }

    static bool fit_text(std::string_view s, const core::FieldDef* field, Value& out) {
        if (!field) return false;
        if (field->type == core::FieldType::Text) {
            out = Value::text(s);
            return true;
        }
        if (field->type == core::FieldType::Enum) {
            for (const std::string& e : field->enum_values) {
                if (e == s) {
                    out = Value::text(s);
                    return true;
                }
            }
        }
        return false;
    }

    const core::KindDef& kind_;
    std::uint64_t* not_fitting_;
    std::uint64_t* lacking_;
    std::vector<unsigned char> seen_;
    std::vector<std::uint32_t> codes_;  // the current text column's entries as column codes
};

/// A key value for deduplication (keys are text, int, enum or date).
struct KeyView {
    Value::Tag tag;
    std::int64_t number;
    std::string_view text;
    bool operator==(const KeyView& o) const { return tag == o.tag && number == o.number && text == o.text; }
};
struct KeyHash {
    std::size_t operator()(const KeyView& k) const {
        return std::hash<std::string_view>()(k.text) ^ (std::hash<std::int64_t>()(k.number) * 31) ^
               static_cast<std::size_t>(k.tag);
    }
};
KeyView key_of(const Value& v) {
    if (v.tag() == Value::Tag::Text) return {v.tag(), 0, v.as_text()};
    if (v.tag() == Value::Tag::Date) return {v.tag(), v.as_date().days, {}};
    return {v.tag(), v.as_int(), {}};
}

/// A findings blob of the year, read ahead of the selection (kind as the schema's index).
struct RawFinding {
    std::int64_t revision;
    std::uint32_t kind;
    bool fact;
    std::uint32_t records;
    std::string_view data;  // in the reader's arena
};

/// Reads the year's findings blobs on a second connection while the main one reads the
/// inspections: the two scans overlap on two cores. Nothing is updated in place and every row
/// read is filtered by revision number, so the second snapshot cannot disagree with the first.
class BlobReader {
public:
    BlobReader(const std::filesystem::path& path, const core::EvidenceSchema& schema, const EvidenceQuery& q,
               std::int64_t as_of)
        : thread_([this, path, &schema, q, as_of] { run(path, schema, q, as_of); }) {}
    ~BlobReader() {
        if (thread_.joinable()) thread_.join();
    }
    BlobReader(const BlobReader&) = delete;
    BlobReader& operator=(const BlobReader&) = delete;

    /// Waits for the reader; rethrows its failure.
    std::vector<RawFinding>& finish() {
        thread_.join();
        if (error_) std::rethrow_exception(error_);
        return rows_;
    }
    std::vector<std::unique_ptr<char[]>>& storage() { return storage_; }

private:
    void run(const std::filesystem::path& path, const core::EvidenceSchema& schema, const EvidenceQuery& q,
             std::int64_t as_of) {
        try {
            std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>> kind_index;
            for (std::size_t k = 0; k < schema.kinds.size(); ++k) {
                kind_index.emplace(schema.kinds[k].name, static_cast<std::uint32_t>(k));
            }
            sql::Database conn(path.string(), SQLITE_OPEN_READONLY);
            sqlite3_busy_timeout(conn.get(), 120'000);
            sql::Statement s = conn.prepare(
                "SELECT revision, kind, fact, records, data FROM findings WHERE revision IN "
                "(SELECT no FROM revisions WHERE eval_year = ?1 AND no <= ?2 AND (?3 IS NULL OR unit = ?3))");
            s.bind(1, q.year).bind(2, as_of).bind(3, q.unit);
            Arena arena(storage_);
            while (s.step()) {
                auto kind = kind_index.find(s.text_view(1));
                if (kind == kind_index.end()) continue;
                const std::string_view blob = s.blob(4);
                rows_.push_back(RawFinding{s.int64(0), kind->second, s.int64(2) != 0,
                                           static_cast<std::uint32_t>(s.int64(3)),
                                           std::string_view(arena.copy(blob), blob.size())});
            }
        } catch (...) {
            error_ = std::current_exception();
        }
    }

    std::vector<RawFinding> rows_;
    std::vector<std::unique_ptr<char[]>> storage_;
    std::exception_ptr error_;
    std::thread thread_;  // last: started once the members above exist
};

}  // namespace

EvidenceSet Store::load_evidence(const core::EvidenceSchema& schema, const EvidenceQuery& q) const {
    const sql::Database& db = impl_->db;
    sql::ReadTransaction snapshot(db);
    EvidenceSet out;
    const std::int64_t last = last_revision();
    const std::int64_t as_of = q.as_of_revision ? std::min(*q.as_of_revision, last) : last;
    out.revision = as_of;
    const std::size_t nkinds = schema.kinds.size();
    BlobReader blobs(impl_->path, schema, q, as_of);

    // 1. Units: covered ones in id order; the others remembered for the "not covered" warning.
    struct UnitSlot {
        std::int64_t covered = -1;
        std::string category;
        bool inactive = false;
    };
    std::unordered_map<std::string, UnitSlot, TextHash, std::equal_to<>> unit_slots;
    {
        sql::Statement s = db.prepare(
            "SELECT id, name, category, parent, active_from, active_to FROM units "
            "WHERE ?1 IS NULL OR id = ?1 ORDER BY id");
        s.bind(1, q.unit);
        while (s.step()) {
            UnitInfo u{s.text(0), s.text(1), s.text(2), s.optional_text(3), s.optional_int(4), s.optional_int(5)};
            UnitSlot slot;
            slot.category = u.category;
            slot.inactive = !u.active_in(q.year);
            const bool category_ok = q.categories.empty() ||
                                     std::find(q.categories.begin(), q.categories.end(), u.category) != q.categories.end();
            if (!slot.inactive && category_ok) {
                slot.covered = static_cast<std::int64_t>(out.units.size());
                out.units.push_back(u);
            }
            unit_slots.emplace(u.id, std::move(slot));
        }
    }

    // 2. Counted inspections: submitted or locked as of the revision, in the year, of the basis.
    //    Amendments (seq > 1, a partial index) say which revision of an inspection is the latest;
    //    the year's revisions come from one range scan of the year index. A revision carries its
    //    inspection's unit, stamp and first status, so the inspections table is not read.
    std::unordered_map<std::string, std::int64_t, TextHash, std::equal_to<>> latest_amendment;
    {
        sql::Statement s = db.prepare(
            "SELECT inspection, max(no) FROM revisions WHERE seq > 1 AND no <= ?1 GROUP BY inspection");
        s.bind(1, as_of);
        while (s.step()) latest_amendment.emplace(s.text(0), s.int64(1));
    }
    struct Pending {
        Counted c;
        bool initially_submitted = false;
        bool submitted = false, locked = false;
    };
    std::vector<Pending> pending;
    std::unordered_map<std::string_view, std::size_t> pending_by_id;
    std::int64_t events_from = std::numeric_limits<std::int64_t>::max();
    std::unordered_set<std::string> uncovered;
    {
        sql::Statement s = db.prepare(
            "SELECT inspection, no, seq, unit, stamp, status, date, year, kind, team, hash FROM revisions "
            "WHERE eval_year = ?1 AND no <= ?2 AND (?3 IS NULL OR unit = ?3)");
        s.bind(1, q.year).bind(2, as_of).bind(3, q.unit);
        std::unordered_map<std::string, std::int64_t, TextHash, std::equal_to<>> first_seen;
        while (s.step()) {
            const std::string_view inspection = s.text_view(0);
            const std::int64_t no = s.int64(1);
            if (s.int64(2) == 1) events_from = std::min(events_from, no);
            auto amended = latest_amendment.find(inspection);
            const std::int64_t latest = amended == latest_amendment.end() ? no : amended->second;
            if (s.int64(2) != 1 && amended == latest_amendment.end()) continue;
            if (no != latest) continue;
            if (s.int64(2) != 1) events_from = 0;  // its first revision may lie outside the year: read every event
            const InspectionKind kind = parse_inspection_kind(s.text_view(8)).value_or(InspectionKind::Other);
            if (q.basis == Basis::Self && kind != InspectionKind::Self) continue;
            if (q.basis == Basis::Inspected && kind == InspectionKind::Self) continue;
            auto slot = unit_slots.find(s.text_view(3));
            if (slot == unit_slots.end()) continue;
            auto date = core::parse_date(s.text_view(6));
            if (!date) throw StoreError(StoreError::Kind::Database, "a stored inspection date is malformed");
            Pending p;
            p.c.ref.id = std::string(inspection);
            p.c.ref.unit = std::string(slot->first);
            p.c.ref.stamp = s.int64(4);
            p.c.ref.revision = no;
            p.c.ref.date = *date;
            p.c.ref.year = q.year;
            p.c.ref.kind = kind;
            p.c.ref.team = team_from_json(s.text_view(9));
            p.c.hash = s.text(10);
            p.c.unit = slot->second.covered < 0 ? std::numeric_limits<std::uint32_t>::max()
                                                : static_cast<std::uint32_t>(slot->second.covered);
            p.initially_submitted = s.text_view(5) == "submitted";
            pending.push_back(std::move(p));
        }
    }
    pending_by_id.reserve(pending.size() * 2);
    for (std::size_t i = 0; i < pending.size(); ++i) pending_by_id.emplace(pending[i].c.ref.id, i);
    if (!pending.empty()) {
        // An inspection's events come after its first revision.
        sql::Statement s = db.prepare("SELECT inspection, event FROM events WHERE no >= ?1 AND no <= ?2");
        s.bind(1, events_from == std::numeric_limits<std::int64_t>::max() ? 0 : events_from).bind(2, as_of);
        while (s.step()) {
            auto it = pending_by_id.find(s.text_view(0));
            if (it == pending_by_id.end()) continue;
            (s.text_view(1) == "lock" ? pending[it->second].locked : pending[it->second].submitted) = true;
        }
    }
    std::vector<Counted> counted;
    counted.reserve(pending.size());
    for (Pending& p : pending) {
        if (!(p.initially_submitted || p.submitted || p.locked)) continue;  // a draft
        if (p.c.unit == std::numeric_limits<std::uint32_t>::max()) {
            uncovered.insert(p.c.ref.unit);
            continue;
        }
        p.c.ref.status = p.locked ? Status::Locked : Status::Submitted;
        counted.push_back(std::move(p.c));
    }
    pending_by_id.clear();
    pending.clear();
    for (const std::string& id : uncovered) {
        const UnitSlot& slot = unit_slots.at(id);
        out.uncovered.push_back(UncoveredUnit{id, slot.category, slot.inactive});
    }
    std::sort(out.uncovered.begin(), out.uncovered.end(),
              [](const UncoveredUnit& a, const UncoveredUnit& b) { return a.id < b.id; });

    // Within a unit, chronological: date, then recording stamp, then id (ties after a merge).
    {
        std::vector<std::uint32_t> order(counted.size());
        for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) {
            const Counted& a = counted[x];
            const Counted& b = counted[y];
            if (a.unit != b.unit) return a.unit < b.unit;
            if (a.ref.date != b.ref.date) return a.ref.date < b.ref.date;
            if (a.ref.stamp != b.ref.stamp) return a.ref.stamp < b.ref.stamp;
            return a.ref.id < b.ref.id;
        });
        std::vector<Counted> sorted;
        sorted.reserve(counted.size());
        for (std::uint32_t i : order) sorted.push_back(std::move(counted[i]));
        counted = std::move(sorted);
    }
    {
        std::vector<std::pair<std::string_view, std::string_view>> ids;
        ids.reserve(counted.size());
        for (const Counted& c : counted) ids.emplace_back(c.ref.id, c.hash);
        std::sort(ids.begin(), ids.end());
        std::string lines;
        lines.reserve(ids.size() * 104);
        for (const auto& [id, hash] : ids) lines.append(id).append(" ").append(hash).append("\n");
        out.evidence_sha256 = core::sha256_hex(lines);
    }
    std::vector<std::uint32_t> inspection_unit(counted.size());
    std::vector<unsigned char> inspected_class(counted.size());
    // Revision number -> inspection index, as a table over the numbers' range.
    std::int64_t min_no = std::numeric_limits<std::int64_t>::max(), max_no = 0;
    for (const Counted& c : counted) {
        min_no = std::min(min_no, c.ref.revision);
        max_no = std::max(max_no, c.ref.revision);
    }
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> by_revision(counted.empty() ? 0 : static_cast<std::size_t>(max_no - min_no + 1), kNone);
    out.inspections.reserve(counted.size());
    for (std::size_t i = 0; i < counted.size(); ++i) {
        inspection_unit[i] = counted[i].unit;
        inspected_class[i] = q.basis == Basis::All && is_inspected(counted[i].ref.kind) ? 1 : 0;
        by_revision[static_cast<std::size_t>(counted[i].ref.revision - min_no)] = static_cast<std::uint32_t>(i);
        out.inspections.push_back(std::move(counted[i].ref));
    }
    counted.clear();
    counted.shrink_to_fit();

    out.evidence.resize(out.units.size());
    for (core::UnitEvidence& e : out.evidence) e.reset(nkinds);
    if (out.inspections.empty() || nkinds == 0) return out;

    // 3. Findings blobs of those revisions, for the schema's kinds (read by `blobs` meanwhile).
    std::vector<FindingRef> refs;
    {
        std::vector<RawFinding>& raw = blobs.finish();
        for (auto& chunk : blobs.storage()) out.storage.push_back(std::move(chunk));
        refs.reserve(raw.size());
        for (const RawFinding& f : raw) {
            if (f.revision < min_no || f.revision > max_no) continue;
            const std::uint32_t insp = by_revision[static_cast<std::size_t>(f.revision - min_no)];
            if (insp == kNone) continue;
            refs.push_back(FindingRef{inspection_unit[insp], f.kind, insp, f.records, f.fact, f.data});
        }
    }
    std::sort(refs.begin(), refs.end(), [](const FindingRef& a, const FindingRef& b) {
        if (a.unit != b.unit) return a.unit < b.unit;
        if (a.kind != b.kind) return a.kind < b.kind;
        return a.inspection < b.inspection;
    });

    // 4. Selection per unit and kind, decoding straight into the unit's tables. Units are split
    //    in two halves decoded on two threads, each with its own decoders and misfit counts.
    struct Counts {
        std::vector<std::vector<std::uint64_t>> not_fitting, lacking;
    };
    // Priority: an inspected value beats a self-assessed one under basis `all`, then the later one.
    auto beats = [&](const FindingRef& a, const FindingRef& b) {
        if (inspected_class[a.inspection] != inspected_class[b.inspection]) {
            return inspected_class[a.inspection] > inspected_class[b.inspection];
        }
        return a.inspection > b.inspection;
    };

    auto decode_units = [&](std::size_t first, std::size_t last, Counts& counts) {
        counts.not_fitting.resize(nkinds);
        counts.lacking.resize(nkinds);
        std::vector<KindDecoder> decoders;
        decoders.reserve(nkinds);
        for (std::size_t k = 0; k < nkinds; ++k) {
            counts.not_fitting[k].assign(schema.kinds[k].fields.size(), 0);
            counts.lacking[k].assign(schema.kinds[k].fields.size(), 0);
            decoders.emplace_back(schema.kinds[k], counts.not_fitting[k].data(), counts.lacking[k].data());
        }
        auto& not_fitting = counts.not_fitting;
        std::vector<core::RecordTable> staging;
        std::vector<const FindingRef*> order;
        std::unordered_set<KeyView, KeyHash> seen_keys;
        std::vector<std::vector<unsigned char>> keep;
        for (std::size_t begin = first; begin < last;) {
            std::size_t end = begin;
            while (end < last && refs[end].unit == refs[begin].unit && refs[end].kind == refs[begin].kind) ++end;
            const std::uint32_t k = refs[begin].kind;
            const core::KindDef& kind = schema.kinds[k];
            core::UnitEvidence& ev = out.evidence[refs[begin].unit];
            KindDecoder& decoder = decoders[k];
            const std::size_t nfields = kind.fields.size();
            ev.checked[k] = 1;

            // Findings stored with the other shape (a fact as records or records as a fact) do not fit.
            std::vector<const FindingRef*> group;
            for (std::size_t i = begin; i < end; ++i) {
                if (refs[i].fact == kind.is_fact) {
                    group.push_back(&refs[i]);
                } else if (!kind.fields.empty()) {
                    not_fitting[k][0] += refs[i].records;
                }
            }
            begin = end;
            if (group.empty()) continue;

            if (kind.is_fact) {
                const FindingRef* winner = nullptr;
                for (const FindingRef* r : group) {
                    if (r->records > 0 && (!winner || beats(*r, *winner))) winner = r;
                }
                if (!winner) continue;
                core::RecordTable one;
                one.reset(kind, winner->records);
                decoder.decode(winner->data, one, 0);
                ev.facts[k] = one.rows == 0 || one.columns.empty() ? Value() : one.get(0, 0);
                ev.fact_origin[k] = winner->inspection;
                continue;
            }

            core::RecordTable& table = ev.tables[k];
            if (kind.combine == core::Combine::Latest) {
                const FindingRef* winner = group.front();
                for (const FindingRef* r : group) {
                    if (beats(*r, *winner)) winner = r;
                }
                table.reset(kind, winner->records);
                decoder.decode(winner->data, table, 0);
                std::fill(table.origin.begin(), table.origin.end(), winner->inspection);
                continue;
            }

            if (!kind.key) {
                std::uint64_t total = 0;
                for (const FindingRef* r : group) total += r->records;
                table.reset(kind, static_cast<std::uint32_t>(total));
                std::uint32_t offset = 0;
                for (const FindingRef* r : group) {
                    decoder.decode(r->data, table, offset);
                    std::fill(table.origin.begin() + offset, table.origin.begin() + offset + r->records, r->inspection);
                    offset += r->records;
                }
                continue;
            }

            // Keyed union: per key value, the record of the highest-priority inspection that has it;
            // records whose key is missing are all kept. Rows come out in chronological order.
            const std::size_t key = *kind.key;
            staging.resize(group.size());
            keep.resize(group.size());
            order.assign(group.begin(), group.end());
            std::sort(order.begin(), order.end(), [&](const FindingRef* a, const FindingRef* b) { return beats(*a, *b); });
            seen_keys.clear();
            std::uint32_t total = 0;
            for (const FindingRef* r : order) {
                const std::size_t g = static_cast<std::size_t>(std::find(group.begin(), group.end(), r) - group.begin());
                core::RecordTable& t = staging[g];
                t.reset(kind, r->records);
                decoder.decode(r->data, t, 0);
                keep[g].assign(r->records, 0);
                for (std::uint32_t row = 0; row < t.rows; ++row) {
                    const Value key_value = t.get(key, row);
                    if (key_value.is_missing() || seen_keys.insert(key_of(key_value)).second) {
                        keep[g][row] = 1;
                        ++total;
                    }
                }
            }
            table.reset(kind, total);
            std::uint32_t at = 0;
            for (std::size_t g = 0; g < group.size(); ++g) {
                const core::RecordTable& t = staging[g];
                for (std::uint32_t row = 0; row < t.rows; ++row) {
                    if (!keep[g][row]) continue;
                    for (std::size_t f = 0; f < nfields; ++f) table.columns[f].copy(at, t.columns[f], row);
                    table.origin[at] = group[g]->inspection;
                    ++at;
                }
            }
        }
    };
    std::size_t middle = refs.size() / 2;
    while (middle > 0 && middle < refs.size() && refs[middle].unit == refs[middle - 1].unit) ++middle;
    Counts first_half, second_half;
    if (refs.size() < 4096) {
        decode_units(0, refs.size(), first_half);
    } else {
        std::exception_ptr failure;
        std::thread helper([&] {
            try {
                decode_units(middle, refs.size(), second_half);
            } catch (...) {
                failure = std::current_exception();
            }
        });
        try {
            decode_units(0, middle, first_half);
        } catch (...) {
            helper.join();
            throw;
        }
        helper.join();
        if (failure) std::rethrow_exception(failure);
    }
    std::vector<std::vector<std::uint64_t>>& not_fitting = first_half.not_fitting;
    std::vector<std::vector<std::uint64_t>>& lacking = first_half.lacking;
    for (std::size_t k = 0; k < nkinds && !second_half.not_fitting.empty(); ++k) {
        for (std::size_t f = 0; f < schema.kinds[k].fields.size(); ++f) {
            not_fitting[k][f] += second_half.not_fitting[k][f];
            lacking[k][f] += second_half.lacking[k][f];
        }
    }

    for (std::size_t k = 0; k < nkinds; ++k) {
        for (std::size_t f = 0; f < schema.kinds[k].fields.size(); ++f) {
            if (not_fitting[k][f] || lacking[k][f]) out.misfits.push_back(FieldMisfit{k, f, not_fitting[k][f], lacking[k][f]});
        }
    }
    return out;
}

}  // namespace parscore::inspections
