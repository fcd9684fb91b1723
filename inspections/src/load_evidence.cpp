// The scorer's read path (SPEC §4.1). Three queries read a whole year: units, the counted
// inspections with their latest revision as of the query's revision, and the findings blobs of
// those revisions for the schema's kinds. Blobs are copied once into storage owned by the
// EvidenceSet and decoded column by column straight into typed columns whose values live in
// arenas the EvidenceSet owns; text values point into the copied blobs, so decoding allocates
// nothing per value and a year's evidence is freed in a few dozen blocks.
//
// The memory a read touches costs as much as the work on it (every fresh page is a fault), so
// revisions are kept as compact rows until the selection is known, the evidence hash is taken
// as it is built, and the page cache is kept small while reading.
#include <algorithm>
#include <atomic>
#include <cstring>
#include <deque>
#include <limits>
#include <unordered_map>
#include <unordered_set>
#include <thread>

#include "findings_blob.hpp"
#include "parscore/core/sha256.hpp"
#include "schema_json.hpp"
#include "store_constants.hpp"
#include "store_impl.hpp"

namespace parscore::inspections {

namespace {

using core::Value;


/// Lets unordered maps keyed by std::string be searched with a string_view.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
};

/// A revision of the year as read, before the selection; texts in the loader's scratch arena.
struct Pending {
    std::string_view id, team, hash;
    std::int64_t revision = 0, stamp = 0;
    std::uint32_t slot = 0;  // the unit's position among all units
    core::Date date;
    InspectionKind kind = InspectionKind::Scheduled;
    bool initially_submitted = false, submitted = false, locked = false;
};

/// A counted inspection's sort key: covered unit, then date, then stamp (then id).
struct CountedKey {
    std::uint32_t unit;
    std::int32_t date;
    std::int64_t stamp;
    std::uint32_t row;  // in the pending rows
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

    /// Writes the blob's `expected` records into rows [offset, offset + expected) of `table`
    /// (already sized). A blob holding another count than its row says is damaged: trusting it
    /// would write past the table.
    void decode(std::string_view data, std::uint32_t expected, core::RecordTable& table, std::uint32_t offset) {
        blob::ByteReader in(data);
        if (in.byte() != blob::kVersion) blob::ByteReader::corrupt();
        const std::uint64_t fields = in.varint();
        const std::uint64_t n = in.varint();
        if (n != expected || offset > table.rows || n > table.rows - offset) blob::ByteReader::corrupt();
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
                if (out) out->reserve_texts(static_cast<std::uint32_t>(entries));
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

/// Positions of distinct texts, found by value: open addressing over one flat array, so a lookup
/// touches a cache line or two instead of a chain of nodes (a country has 10^4–10^5 units, and
/// every revision read looks its unit up).
class TextIndex {
public:
    static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

    /// `keys` are distinct; the bytes they view must outlive the index.
    explicit TextIndex(std::vector<std::string_view> keys) : keys_(std::move(keys)) {
        std::size_t capacity = 16;
        while (capacity < keys_.size() * 2) capacity *= 2;
        slots_.assign(capacity, 0);
        mask_ = capacity - 1;
        for (std::uint32_t i = 0; i < keys_.size(); ++i) {
            const std::uint64_t h = hash(keys_[i]);
            std::size_t at = h & mask_;
            while (slots_[at] != 0) at = (at + 1) & mask_;
            slots_[at] = (h & ~std::uint64_t{0xFFFFFFFF}) | (i + 1);
        }
    }

    /// The key's position, or kNone.
    std::uint32_t find(std::string_view key) const {
        const std::uint64_t h = hash(key);
        for (std::size_t at = h & mask_;; at = (at + 1) & mask_) {
            const std::uint64_t slot = slots_[at];
            if (slot == 0) return kNone;
            const auto i = static_cast<std::uint32_t>(slot & 0xFFFFFFFF) - 1;
            if ((slot ^ h) >> 32 == 0 && keys_[i] == key) return i;
        }
    }

private:
    static std::uint64_t hash(std::string_view s) { return std::hash<std::string_view>()(s); }

    std::vector<std::string_view> keys_;
    std::vector<std::uint64_t> slots_;  // high 32 bits of the hash | position + 1; 0 is empty
    std::size_t mask_ = 0;
};

using AmendmentMap = std::unordered_map<std::string, std::int64_t, TextHash, std::equal_to<>>;

/// Below this many revisions in the year, one thread reads them all.
constexpr std::int64_t kSplitRevisions = 16'384;

/// The revisions of a part of the year as compact rows; their texts are in `texts`.
struct RevisionRows {
    std::vector<Pending> rows;
    core::Arena texts{kCopyBlock};
    std::int64_t events_from = std::numeric_limits<std::int64_t>::max();  // first revision number of an inspection
};

/// Reads revisions of the query's year: only the latest of each inspection (as of the query),
/// of the query's basis, of a known unit.
struct RevisionScan {
    const EvidenceQuery& q;
    const TextIndex& units;
    const AmendmentMap& latest_amendment;
    bool dense;  // scan the table over the range of numbers rather than the year index

    /// Those numbered `from` to `to`; `expected` rows are reserved.
    RevisionRows read(const sql::Database& db, std::int64_t from, std::int64_t to, std::size_t expected) const {
        RevisionRows out;
        out.rows.reserve(expected);
        auto keep = [&](std::string_view text) { return out.texts.copy(text); };
        sql::Statement s = db.prepare(
            dense ? "SELECT inspection, no, seq, unit, stamp, status, date, kind, team, hash FROM revisions "
                    "WHERE no BETWEEN ?4 AND ?5 AND +eval_year = ?1"
                  : "SELECT inspection, no, seq, unit, stamp, status, date, kind, team, hash FROM revisions "
                    "WHERE eval_year = ?1 AND no BETWEEN ?4 AND ?5 AND (?3 IS NULL OR unit = ?3)");
        s.bind(1, q.year).bind(4, from).bind(5, to);
        if (!dense) s.bind(3, q.unit);
        while (s.step()) {
            const std::string_view inspection = s.text_view(0);
            const std::int64_t no = s.int64(1);
            if (s.int64(2) == 1) out.events_from = std::min(out.events_from, no);
            auto amended = latest_amendment.find(inspection);
            const std::int64_t latest = amended == latest_amendment.end() ? no : amended->second;
            if (s.int64(2) != 1 && amended == latest_amendment.end()) continue;
            if (no != latest) continue;
            if (s.int64(2) != 1) out.events_from = 0;  // its first revision may lie outside the year: read every event
            const InspectionKind kind = parse_inspection_kind(s.text_view(7)).value_or(InspectionKind::Other);
            if (q.basis == Basis::Self && kind != InspectionKind::Self) continue;
            if (q.basis == Basis::Inspected && kind == InspectionKind::Self) continue;
            const std::uint32_t at = units.find(s.text_view(3));
            if (at == TextIndex::kNone) continue;
            auto date = core::parse_date(s.text_view(6));
            if (!date) throw StoreError(StoreError::Kind::Database, "a stored inspection date is malformed");
            Pending p;
            p.id = keep(inspection);
            const std::string_view team = s.text_view(8);
            p.team = team == "[]" ? std::string_view("[]") : keep(team);
            p.hash = keep(s.text_view(9));
            p.revision = no;
            p.stamp = s.int64(4);
            p.slot = at;
            p.date = *date;
            p.kind = kind;
            p.initially_submitted = s.text_view(5) == "submitted";
            out.rows.push_back(p);
        }
        return out;
    }
};

/// SHA-256 over "<id> <hash>\n" of the counted inspections in id (byte) order. Ids are
/// time-ordered and share a long prefix, so they are sorted on the 8 bytes after the prefix
/// common to all of them (big-endian, a byte order), and compared in full only on a tie.
std::string evidence_hash(const std::vector<Pending>& rows, const std::vector<CountedKey>& counted) {
    std::size_t common = counted.empty() ? 0 : rows[counted[0].row].id.size();
    for (const CountedKey& c : counted) {
        const std::string_view a = rows[counted[0].row].id, b = rows[c.row].id;
        common = std::min({common, a.size(), b.size()});
        while (common > 0 && a.substr(0, common) != b.substr(0, common)) --common;
    }
    struct Key {
        std::uint64_t prefix;
        const Pending* p;
    };
    std::vector<Key> keys;
    keys.reserve(counted.size());
    for (const CountedKey& c : counted) {
        const std::string_view id = rows[c.row].id;
        std::uint64_t k = 0;
        for (std::size_t i = 0; i < 8; ++i) {
            const std::size_t at = common + i;
            k = (k << 8) | (at < id.size() ? static_cast<unsigned char>(id[at]) : 0u);
        }
        keys.push_back(Key{k, &rows[c.row]});
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        if (a.prefix != b.prefix) return a.prefix < b.prefix;
        return a.p->id < b.p->id;
    });
    core::Sha256 sha;
    std::string lines;  // hashed 64 KiB at a time
    for (const Key& k : keys) {
        lines.append(k.p->id).append(" ").append(k.p->hash).append("\n");
        if (lines.size() >= (64u << 10)) {
            sha.update(lines);
            lines.clear();
        }
    }
    sha.update(lines);
    return sha.hex();
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
    BlobReader(const Store::Impl& store, const core::EvidenceSchema& schema, const EvidenceQuery& q, std::int64_t as_of)
        : thread_([this, &store, &schema, q, as_of] { run(store, schema, q, as_of); }) {}
    ~BlobReader() {
        if (thread_.joinable()) thread_.join();
    }
    BlobReader(const BlobReader&) = delete;
    BlobReader& operator=(const BlobReader&) = delete;

    /// Waits for the reader; rethrows its failure.
    std::deque<RawFinding>& finish() {
        thread_.join();
        if (error_) std::rethrow_exception(error_);
        return rows_;
    }
    core::Arena& storage() { return storage_; }

private:
    void run(const Store::Impl& store, const core::EvidenceSchema& schema, const EvidenceQuery& q, std::int64_t as_of) {
        try {
            std::unordered_map<std::string, std::uint32_t, TextHash, std::equal_to<>> kind_index;
            for (std::size_t k = 0; k < schema.kinds.size(); ++k) {
                kind_index.emplace(schema.kinds[k].name, static_cast<std::uint32_t>(k));
            }
            sql::Database conn = store.reader();
            sqlite3_busy_timeout(conn.get(), kBusyTimeoutMs);
            sql::Statement s = conn.prepare(
                "SELECT revision, kind, fact, records, data FROM findings WHERE revision IN "
                "(SELECT no FROM revisions WHERE eval_year = ?1 AND no <= ?2 AND (?3 IS NULL OR unit = ?3))");
            s.bind(1, q.year).bind(2, as_of).bind(3, q.unit);
            while (s.step()) {
                auto kind = kind_index.find(s.text_view(1));
                if (kind == kind_index.end()) continue;
                const std::string_view blob = s.blob(4);
                rows_.push_back(RawFinding{s.int64(0), kind->second, s.int64(2) != 0,
                                           static_cast<std::uint32_t>(s.int64(3)),
                                           storage_.copy(blob)});
            }
        } catch (...) {
            error_ = std::current_exception();
        }
    }

    std::deque<RawFinding> rows_;  // grows without moving what it holds
    core::Arena storage_{kCopyBlock};
    std::exception_ptr error_;
    std::thread thread_;  // last: started once the members above exist
};

}  // namespace

EvidenceSet Store::load_evidence(const core::EvidenceSchema& schema, const EvidenceQuery& q) const {
    sql::Database& db = impl_->db;
    // The year's rows are read once, front to back: a small page cache recycles its buffers
    // instead of keeping every page read (the connection's usual cache is sized for imports).
    struct SmallCache {
        sql::Database& db;
        std::int64_t before;
        explicit SmallCache(sql::Database& d) : db(d), before(d.pragma_int("cache_size")) {
            db.exec("PRAGMA cache_size=" + std::to_string(kEvidenceCacheKiB));
        }
        ~SmallCache() {
            try {
                db.exec("PRAGMA cache_size=" + std::to_string(before));
            } catch (...) {  // only a cache size: nothing to recover
            }
        }
    } small_cache(db);
    sql::ReadTransaction snapshot(db);
    EvidenceSet out;
    const std::int64_t last = last_revision();
    const std::int64_t as_of = q.as_of_revision ? std::min(*q.as_of_revision, last) : last;
    out.revision = as_of;
    const std::size_t nkinds = schema.kinds.size();
    BlobReader blobs(*impl_, schema, q, as_of);

    // 1. Units: covered ones in id order; the others remembered for the "not covered" warning.
    struct UnitSlot {
        std::string id;
        std::int64_t covered = -1;
        std::string category;
        bool inactive = false;
    };
    std::vector<UnitSlot> unit_slots;  // every unit, by id
    {
        sql::Statement count = db.prepare("SELECT count(*) FROM units WHERE ?1 IS NULL OR id = ?1");
        count.bind(1, q.unit);
        if (count.step()) {
            unit_slots.reserve(static_cast<std::size_t>(count.int64(0)));
            out.units.reserve(static_cast<std::size_t>(count.int64(0)));
        }
        // Re-scoring as of an earlier revision takes the units as they were then; today's units
        // are the latest versions, read from `units` directly.
        const bool earlier = impl_->schema >= 2 && as_of < last;
        sql::Statement s = earlier ? db.prepare(units_as_of_sql())
                                   : db.prepare("SELECT id, name, category, parent, active_from, active_to FROM units "
                                                "WHERE ?2 IS NULL OR id = ?2 ORDER BY id");
        if (earlier) s.bind(1, as_of);
        s.bind(2, q.unit);
        while (s.step()) {
            UnitInfo u{s.text(0), s.text(1), s.text(2), s.optional_text(3), s.optional_int(4), s.optional_int(5)};
            UnitSlot slot;
            slot.id = u.id;
            slot.category = u.category;
            slot.inactive = !u.active_in(q.year);
            const bool category_ok = q.categories.empty() ||
                                     std::find(q.categories.begin(), q.categories.end(), u.category) != q.categories.end();
            if (!slot.inactive && category_ok) {
                slot.covered = static_cast<std::int64_t>(out.units.size());
                out.units.push_back(std::move(u));
            }
            unit_slots.push_back(std::move(slot));
        }
    }
    std::vector<std::string_view> unit_ids;
    unit_ids.reserve(unit_slots.size());
    for (const UnitSlot& slot : unit_slots) unit_ids.push_back(slot.id);
    const TextIndex unit_index(std::move(unit_ids));

    // 2. Counted inspections: submitted or locked as of the revision, in the year, of the basis.
    //    Amendments (seq > 1, a partial index) say which revision of an inspection is the latest;
    //    the year's revisions come from one range scan of the year index. A revision carries its
    //    inspection's unit, stamp and first status, so the inspections table is not read.
    AmendmentMap latest_amendment;
    {
        sql::Statement s = db.prepare(
            "SELECT inspection, max(no) FROM revisions WHERE seq > 1 AND no <= ?1 GROUP BY inspection");
        s.bind(1, as_of);
        while (s.step()) latest_amendment.emplace(s.text(0), s.int64(1));
    }
    // Revisions as compact rows; InspectionRefs are built once, in their final order, for the
    // counted ones only. The year index says how many revisions there are and where: when they
    // fill at least half of their range of numbers (a year recorded in its year, the usual case),
    // scanning the table over that range costs less than a table lookup per index entry. A large
    // range is read in two halves, the second on a connection of its own on another thread.
    std::vector<Pending> pending;
    core::Arena scratch;  // the rows' texts
    std::int64_t events_from = std::numeric_limits<std::int64_t>::max();
    {
        sql::Statement range = db.prepare(
            "SELECT count(*), min(no), max(no) FROM revisions WHERE eval_year = ?1 AND no <= ?2");
        range.bind(1, q.year).bind(2, as_of);
        if (range.step() && range.int64(0) > 0) {
            const std::int64_t count = range.int64(0), first = range.int64(1), last_no = range.int64(2);
            RevisionScan scan{q, unit_index, latest_amendment, !q.unit && count * 2 >= last_no - first + 1};
            RevisionRows rows;
            if (q.unit || count < kSplitRevisions) {
                rows = scan.read(db, first, last_no, q.unit ? 0 : static_cast<std::size_t>(count));
            } else {
                const std::int64_t middle = first + (last_no - first) / 2;
                RevisionRows second;
                std::exception_ptr failure;
                std::thread helper([&] {
                    try {
                        sql::Database conn = impl_->reader();
                        sqlite3_busy_timeout(conn.get(), kBusyTimeoutMs);
                        second = scan.read(conn, middle + 1, last_no, static_cast<std::size_t>(count / 2));
                    } catch (...) {
                        failure = std::current_exception();
                    }
                });
                try {
                    rows = scan.read(db, first, middle, static_cast<std::size_t>(count));
                } catch (...) {
                    helper.join();
                    throw;
                }
                helper.join();
                if (failure) std::rethrow_exception(failure);
                rows.rows.insert(rows.rows.end(), second.rows.begin(), second.rows.end());
                rows.texts.adopt(std::move(second.texts));
                rows.events_from = std::min(rows.events_from, second.events_from);
            }
            pending = std::move(rows.rows);
            scratch = std::move(rows.texts);
            events_from = rows.events_from;
        }
    }
    if (!pending.empty()) {
        // An inspection's events come after its first revision. The index by id is built when
        // the first event shows up: imports record submitted inspections and no events.
        std::unordered_map<std::string_view, std::size_t> pending_by_id;
        sql::Statement s = db.prepare("SELECT inspection, event FROM events WHERE no >= ?1 AND no <= ?2");
        s.bind(1, events_from == std::numeric_limits<std::int64_t>::max() ? 0 : events_from).bind(2, as_of);
        while (s.step()) {
            if (pending_by_id.empty()) {
                pending_by_id.reserve(pending.size() * 2);
                for (std::size_t i = 0; i < pending.size(); ++i) pending_by_id.emplace(pending[i].id, i);
            }
            auto it = pending_by_id.find(s.text_view(0));
            if (it == pending_by_id.end()) continue;
            (s.text_view(1) == "lock" ? pending[it->second].locked : pending[it->second].submitted) = true;
        }
    }
    // Counted: not a draft, of a covered unit. Within a unit, chronological: date, then recording
    // stamp, then id (ties after a merge).
    std::vector<CountedKey> counted;
    counted.reserve(pending.size());
    std::vector<std::uint32_t> uncovered;
    for (std::uint32_t i = 0; i < pending.size(); ++i) {
        const Pending& p = pending[i];
        if (!(p.initially_submitted || p.submitted || p.locked)) continue;  // a draft
        const std::int64_t covered = unit_slots[p.slot].covered;
        if (covered < 0) {
            uncovered.push_back(p.slot);
            continue;
        }
        counted.push_back(CountedKey{static_cast<std::uint32_t>(covered), p.date.days, p.stamp, i});
    }
    std::sort(uncovered.begin(), uncovered.end());  // slots are in id order
    uncovered.erase(std::unique(uncovered.begin(), uncovered.end()), uncovered.end());
    for (std::uint32_t at : uncovered) {
        const UnitSlot& slot = unit_slots[at];
        out.uncovered.push_back(UncoveredUnit{slot.id, slot.category, slot.inactive});
    }
    std::sort(counted.begin(), counted.end(), [&](const CountedKey& a, const CountedKey& b) {
        if (a.unit != b.unit) return a.unit < b.unit;
        if (a.date != b.date) return a.date < b.date;
        if (a.stamp != b.stamp) return a.stamp < b.stamp;
        return pending[a.row].id < pending[b.row].id;
    });
    // The evidence hash (sorting ids, hashing a few megabytes) is taken on another thread while
    // this one builds the inspections and decodes; the rows it reads stay until it is joined.
    std::string evidence_sha256;
    std::exception_ptr hash_failure;
    std::thread hasher([&] {
        try {
            evidence_sha256 = evidence_hash(pending, counted);
        } catch (...) {
            hash_failure = std::current_exception();
        }
    });
    struct JoinOnExit {
        std::thread& t;
        ~JoinOnExit() {
            if (t.joinable()) t.join();
        }
    } join_hasher{hasher};
    auto take_hash = [&] {
        hasher.join();
        if (hash_failure) std::rethrow_exception(hash_failure);
        out.evidence_sha256 = std::move(evidence_sha256);
    };
    std::vector<std::uint32_t> inspection_unit(counted.size());
    std::vector<unsigned char> inspected_class(counted.size());
    // Revision number -> inspection index, as a table over the numbers' range.
    std::int64_t min_no = std::numeric_limits<std::int64_t>::max(), max_no = 0;
    for (const CountedKey& c : counted) {
        min_no = std::min(min_no, pending[c.row].revision);
        max_no = std::max(max_no, pending[c.row].revision);
    }
    constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> by_revision(counted.empty() ? 0 : static_cast<std::size_t>(max_no - min_no + 1), kNone);
    out.inspections.resize(counted.size());
    for (std::size_t i = 0; i < counted.size(); ++i) {
        const Pending& p = pending[counted[i].row];
        inspection_unit[i] = counted[i].unit;
        inspected_class[i] = q.basis == Basis::All && is_inspected(p.kind) ? 1 : 0;
        by_revision[static_cast<std::size_t>(p.revision - min_no)] = static_cast<std::uint32_t>(i);
        InspectionRef& ref = out.inspections[i];
        ref.id = std::string(p.id);
        ref.unit = unit_slots[p.slot].id;
        ref.date = p.date;
        ref.year = q.year;
        ref.kind = p.kind;
        ref.team = team_from_json(p.team);
        ref.status = p.locked ? Status::Locked : Status::Submitted;
        ref.revision = p.revision;
        ref.stamp = p.stamp;
    }

    out.evidence.resize(out.units.size());
    for (core::UnitEvidence& e : out.evidence) e.reset(nkinds);
    if (out.inspections.empty() || nkinds == 0) {
        take_hash();
        return out;
    }

    // 3. Findings blobs of those revisions, for the schema's kinds (read by `blobs` meanwhile).
    std::vector<FindingRef> refs;
    {
        std::deque<RawFinding>& raw = blobs.finish();
        out.arenas.push_back(std::make_unique<core::Arena>(std::move(blobs.storage())));
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

    // 4. Selection per unit and kind, decoding straight into the unit's tables, on as many
    //    threads as cores (below).
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

    // Blocks of about 256 units (a block starts where a unit does), taken in turn by the
    // decoding threads from a shared counter: a thread that gets less of a busy machine's time
    // decodes fewer blocks. Each thread has its own decoders, misfit counts and arena.
    std::vector<std::size_t> blocks;  // first ref of each block, then refs.size()
    for (std::size_t i = 0, units_in_block = 0; i < refs.size(); ++i) {
        if (i > 0 && refs[i].unit == refs[i - 1].unit) continue;
        if (units_in_block++ % kUnitsPerBlock == 0) blocks.push_back(i);
    }
    blocks.push_back(refs.size());
    std::atomic<std::size_t> next_block{0};
    auto decode_units = [&](Counts& counts, core::Arena& arena) {
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
        std::vector<std::vector<std::uint32_t>> remap;  // per field: staging text code -> table code
        for (std::size_t b; (b = next_block.fetch_add(1)) + 1 < blocks.size();) {
            const std::size_t last = blocks[b + 1];
            for (std::size_t begin = blocks[b]; begin < last;) {
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
                    one.reset(kind, winner->records, arena);
                    decoder.decode(winner->data, winner->records, one, 0);
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
                    table.reset(kind, winner->records, arena);
                    decoder.decode(winner->data, winner->records, table, 0);
                    std::fill(table.origin.begin(), table.origin.end(), winner->inspection);
                    continue;
                }

                if (!kind.key) {
                    std::uint64_t total = 0;
                    for (const FindingRef* r : group) total += r->records;
                    table.reset(kind, static_cast<std::uint32_t>(total), arena);
                    std::uint32_t offset = 0;
                    for (const FindingRef* r : group) {
                        decoder.decode(r->data, r->records, table, offset);
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
                    decoder.decode(r->data, r->records, t, 0);
                    keep[g].assign(r->records, 0);
                    for (std::uint32_t row = 0; row < t.rows; ++row) {
                        const Value key_value = t.get(key, row);
                        if (key_value.is_missing() || seen_keys.insert(key_of(key_value)).second) {
                            keep[g][row] = 1;
                            ++total;
                        }
                    }
                }
                table.reset(kind, total, arena);
                std::uint32_t at = 0;
                for (std::size_t g = 0; g < group.size(); ++g) {
                    const core::RecordTable& t = staging[g];
                    // Text codes of this inspection's dictionaries, added to the table's once each.
                    remap.assign(nfields, {});
                    for (std::size_t f = 0; f < nfields; ++f) {
                        if (t.columns[f].type() == core::Column::Type::Text) {
                            remap[f].assign(t.columns[f].dict().size(), core::Column::kNoText);
                        }
                    }
                    for (std::uint32_t row = 0; row < t.rows; ++row) {
                        if (!keep[g][row]) continue;
                        for (std::size_t f = 0; f < nfields; ++f) {
                            const core::Column& from = t.columns[f];
                            if (from.type() != core::Column::Type::Text) {
                                table.columns[f].copy(at, from, row);
                                continue;
                            }
                            const std::uint32_t code = from.codes()[row];
                            std::uint32_t to = core::Column::kNoText;
                            if (code != core::Column::kNoText) {
                                std::uint32_t& mapped = remap[f][code];
                                if (mapped == core::Column::kNoText) mapped = table.columns[f].add_text(from.dict()[code]);
                                to = mapped;
                            }
                            table.columns[f].codes()[at] = to;
                        }
                        table.origin[at] = group[g]->inspection;
                        ++at;
                    }
                }
            }
        }
    };
    const std::size_t threads =
        refs.size() < kParallelFrom ? 1 : std::min<std::size_t>(std::max(1u, std::thread::hardware_concurrency()), blocks.size() - 1);
    std::vector<Counts> counts(threads);
    for (std::size_t t = 0; t < threads; ++t) out.arenas.push_back(std::make_unique<core::Arena>());
    {
        std::vector<std::exception_ptr> failures(threads);
        std::vector<std::thread> pool;
        for (std::size_t t = 1; t < threads; ++t) {
            pool.emplace_back([&, t] {
                try {
                    decode_units(counts[t], *out.arenas[t]);
                } catch (...) {
                    failures[t] = std::current_exception();
                    next_block = blocks.size();
                }
            });
        }
        try {
            decode_units(counts[0], *out.arenas[0]);
        } catch (...) {
            failures[0] = std::current_exception();
            next_block = blocks.size();
        }
        for (std::thread& th : pool) th.join();
        for (const std::exception_ptr& e : failures) {
            if (e) std::rethrow_exception(e);
        }
    }
    std::vector<std::vector<std::uint64_t>>& not_fitting = counts[0].not_fitting;
    std::vector<std::vector<std::uint64_t>>& lacking = counts[0].lacking;
    for (std::size_t t = 1; t < threads; ++t) {
        for (std::size_t k = 0; k < nkinds; ++k) {
            for (std::size_t f = 0; f < schema.kinds[k].fields.size(); ++f) {
                not_fitting[k][f] += counts[t].not_fitting[k][f];
                lacking[k][f] += counts[t].lacking[k][f];
            }
        }
    }

    for (std::size_t k = 0; k < nkinds; ++k) {
        for (std::size_t f = 0; f < schema.kinds[k].fields.size(); ++f) {
            if (not_fitting[k][f] || lacking[k][f]) out.misfits.push_back(FieldMisfit{k, f, not_fitting[k][f], lacking[k][f]});
        }
    }
    take_hash();
    return out;
}

}  // namespace parscore::inspections
