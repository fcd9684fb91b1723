// CSV import of one evidence kind. Built for volume (docs/PERFORMANCE.md: at least 300,000 rows/s): cells are
// views into the file text, ASCII cells skip NFC, unit and date cells are cached from the row
// before, and values go straight into per-inspection columns that become findings blobs.
#include <charconv>
#include <cstring>
#include <deque>
#include <unordered_map>

#include "csv_common.hpp"
#include "findings_blob.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/inspections/evidence_csv.hpp"
#include "text_pieces.hpp"

namespace parscore::inspections {

namespace {

bool is_ascii(std::string_view s) {
    for (char c : s) {
        if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
}

struct InspectionKey {
    std::uint32_t unit;
    std::int32_t days;
    std::int32_t year;  // 0: not given
    bool operator==(const InspectionKey&) const = default;
};
struct InspectionKeyHash {
    std::size_t operator()(const InspectionKey& k) const {
        return (static_cast<std::size_t>(k.unit) * 0x9E3779B97F4A7C15ull) ^ (static_cast<std::size_t>(k.days) << 20) ^
               static_cast<std::size_t>(k.year);
    }
};

struct Building {
    InspectionKey key;
    std::uint32_t first_row_offset = 0;  // for notes
    core::Span first_fact_span{};
    bool has_fact_row = false;
    std::size_t records = 0;
    std::vector<blob::Column> columns;
    std::unordered_map<std::string, core::Span> keys;  // keyed kinds: key value -> first cell
};

class EvidenceCsvReader {
public:
    EvidenceCsvReader(const core::SourceSet& sources, core::FileId file, const core::KindDef& kind,
                      const std::vector<std::string>& units, core::Diagnostics& diags, const Progress& progress)
        : sources_(sources),
          file_(file),
          kind_(kind),
          units_(units),
          diags_(diags),
          budget_(diags),
          progress_(progress) {
        text_ = sources.file(file).text();
        unit_index_.reserve(units.size() * 2);
        for (std::size_t i = 0; i < units.size(); ++i) unit_index_.emplace(units[i], static_cast<std::uint32_t>(i));
    }

    std::optional<ImportBatch> read() {
        core::CsvReader reader(sources_, file_);
        std::vector<core::CsvCell> row;
        if (!reader.next_row(row, diags_)) {
            if (!diags_.has_errors())
                diags_.error(csv::kNoHeader, core::Span{file_, 0, 0}, core::T_("empty file: expected a header row"));
            return std::nullopt;
        }
        if (!read_header(row, reader.row_offset())) return std::nullopt;

        ImportBatch batch;
        batch.kind = kind_.name;
        batch.fact = kind_.is_fact;
        std::size_t rows = 0;
        while (reader.next_row(row, diags_)) {
            ++rows;
            if (progress_ && (rows & 0xFFFF) == 0) progress_(reader.position(), reader.size());
            read_row(row, reader.row_offset());
            if (budget_.exhausted()) break;
        }
        if (progress_) progress_(reader.size(), reader.size());
        if (budget_.any() || diags_.has_errors()) return std::nullopt;

        batch.rows = rows;
        batch.inspections.reserve(building_.size());
        std::vector<std::string> names;
        for (const auto& f : kind_.fields) names.push_back(f.name);
        for (Building& b : building_) {
            ImportBatch::Inspection in;
            in.unit = units_[b.key.unit];
            in.date = core::Date{b.key.days};
            if (b.key.year != 0) in.year = b.key.year;
            in.records = b.records;
            in.blob = blob::encode_columns(names, b.columns, b.records);
            batch.inspections.push_back(std::move(in));
            b.columns.clear();
            b.columns.shrink_to_fit();
            b.keys.clear();
        }
        return batch;
    }

private:
    bool read_header(const std::vector<core::CsvCell>& header, std::uint32_t offset) {
        std::vector<std::string> names = {"unit", "date", "year"};
        std::vector<bool> required = {true, true, false};
        for (const auto& f : kind_.fields) {
            names.push_back(f.name);
            required.push_back(true);
        }
        const std::size_t before = diags_.error_count();
        const std::string_view line = sources_.file(file_).line_text(sources_.file(file_).location(offset).line);
        const core::Span span{file_, offset,
                              offset + static_cast<std::uint32_t>(std::max<std::size_t>(line.size(), 1))};
        std::vector<int> column = csv::match_header(file_, header, names, required, span, diags_);
        if (diags_.error_count() != before) return false;
        columns_ = header.size();
        unit_col_ = column[0];
        date_col_ = column[1];
        year_col_ = column[2];
        field_cols_.assign(column.begin() + 3, column.end());
        return true;
    }

    void read_row(const std::vector<core::CsvCell>& row, std::uint32_t offset) {
        if (row.size() != columns_) {
            budget_.error(csv::kCellCount, core::Span{file_, offset, offset + 1},
                          core::T_("row has {cells} cells; the header has {columns}",
                                   {{"cells", std::to_string(row.size())}, {"columns", std::to_string(columns_)}}));
            return;
        }
        bool ok = true;
        // Unit (cached from the previous row).
        const core::CsvCell& unit_cell = row[static_cast<std::size_t>(unit_col_)];
        if (!(have_last_unit_ && unit_cell.text == last_unit_text_)) {
            have_last_unit_ = false;
            if (unit_cell.text.empty()) {
                budget_.error(csv::kEmptyCell, csv::cell_span(file_, unit_cell), core::T_("empty 'unit' cell"));
                ok = false;
            } else {
                const std::string unit = is_ascii(unit_cell.text) ? std::string(unit_cell.text)
                                                                  : core::to_nfc(unit_cell.text);
                auto it = unit_index_.find(unit);
                if (it == unit_index_.end()) {
                    budget_.error(csv::kUnknownUnit, csv::cell_span(file_, unit_cell),
                                  core::T_("unknown unit {unit}{hint}",
                                           {{"unit", "'" + core::sanitize_utf8(unit) + "'"}, hint(unit, units_)}));
                    ok = false;
                } else {
                    last_unit_ = it->second;
                    last_unit_storage_ = std::string(unit_cell.text);
                    last_unit_text_ = last_unit_storage_;
                    have_last_unit_ = true;
                }
            }
        }
        const std::uint32_t unit = last_unit_;
        const bool unit_ok = ok;
        // Date.
        const core::CsvCell& date_cell = row[static_cast<std::size_t>(date_col_)];
        if (!(have_last_date_ && date_cell.text == last_date_text_)) {
            have_last_date_ = false;
            auto d = core::parse_date(date_cell.text);
            if (!d) {
                if (date_cell.text.empty()) {
                    budget_.error(csv::kEmptyCell, csv::cell_span(file_, date_cell), core::T_("empty 'date' cell"));
                } else {
                    budget_.error(csv::kBadCell, csv::cell_span(file_, date_cell),
                                  core::T_("expected a date YYYY-MM-DD that exists, found {value}",
                                           {{"value", "'" + core::sanitize_utf8(date_cell.text) + "'"}}));
                }
                ok = false;
            } else {
                last_date_ = *d;
                last_date_storage_ = std::string(date_cell.text);
                last_date_text_ = last_date_storage_;
                have_last_date_ = true;
            }
        }
        const core::Date date = last_date_;
        (void)unit_ok;
        // Year.
        std::int32_t year = 0;
        if (year_col_ >= 0) {
            const core::CsvCell& cell = row[static_cast<std::size_t>(year_col_)];
            int y = 0;
            auto [p, ec] = std::from_chars(cell.text.data(), cell.text.data() + cell.text.size(), y);
            if (cell.text.empty()) {
                budget_.error(csv::kEmptyCell, csv::cell_span(file_, cell), core::T_("empty 'year' cell"));
                ok = false;
            } else if (ec != std::errc{} || p != cell.text.data() + cell.text.size() || y < 1 || y > 9999) {
                budget_.error(csv::kBadCell, csv::cell_span(file_, cell),
                              core::T_("expected a year from 1 to 9999, found {value}",
                                       {{"value", "'" + core::sanitize_utf8(cell.text) + "'"}}));
                ok = false;
            } else {
                year = y;
            }
        }
        // Fields of a record kind all empty means "checked, none found". A fact's one cell is a
        // value like any other: empty is an error unless the fact is text, as in a report.
        bool all_empty = !kind_.is_fact;
        for (int c : field_cols_) all_empty = all_empty && row[static_cast<std::size_t>(c)].text.empty();
        const std::size_t nfields = kind_.fields.size();
        values_ok_ = true;
        if (!all_empty) {
            for (std::size_t f = 0; f < nfields; ++f) parse_cell(f, row[static_cast<std::size_t>(field_cols_[f])]);
        }
        if (!ok || !values_ok_) return;

        const InspectionKey key{unit, date.days, year};
        std::size_t index;
        if (have_last_key_ && key == last_key_) {
            index = last_index_;
        } else {
            auto [it, inserted] = by_key_.try_emplace(key, building_.size());
            if (inserted) {
                Building b;
                b.key = key;
                b.first_row_offset = offset;
                b.columns.resize(nfields);
                for (std::size_t f = 0; f < nfields; ++f) b.columns[f].encoding = encoding_of(kind_.fields[f].type);
                building_.push_back(std::move(b));
            }
            index = it->second;
            last_key_ = key;
            last_index_ = index;
            have_last_key_ = true;
        }
        Building& b = building_[index];
        const core::Span row_span = csv::cell_span(file_, row[static_cast<std::size_t>(field_cols_[0])]);
        if (kind_.is_fact) {
            if (b.has_fact_row) {
                if (auto* d = budget_.error(csv::kTwoFactRows, row_span,
                                            core::T_("a second row for fact {kind} in one inspection (same unit, "
                                                     "date and year)",
                                                     {{"kind", "'" + kind_.name + "'"}}))) {
                    d->add_note(b.first_fact_span, core::T_("the first row is here"));
                }
                return;
            }
            b.has_fact_row = true;
            b.first_fact_span = row_span;
        }
        if (all_empty) return;
        if (kind_.key) {
            const std::size_t k = *kind_.key;
            const core::CsvCell& cell = row[static_cast<std::size_t>(field_cols_[k])];
            std::string canonical = cell_key(k);
            auto [it, inserted] = b.keys.try_emplace(std::move(canonical), csv::cell_span(file_, cell));
            if (!inserted) {
                if (auto* d = budget_.error(csv::kEqualKeys, csv::cell_span(file_, cell),
                                            core::T_("two records of {kind} with {field} {value} in one inspection",
                                                     {{"kind", "'" + kind_.name + "'"},
                                                      {"field", kind_.fields[k].name},
                                                      {"value", "'" + core::sanitize_utf8(cell.text) + "'"}}))) {
                    d->add_note(it->second, core::T_("the first record with it is here"));
                }
                return;
            }
        }
        for (std::size_t f = 0; f < nfields; ++f) append(b.columns[f], f);
        ++b.records;
    }

    static char encoding_of(core::FieldType t) {
        switch (t) {
            case core::FieldType::Bool: return 'b';
            case core::FieldType::Int: return 'i';
            case core::FieldType::Number:
            case core::FieldType::Percent: return 'n';
            case core::FieldType::Date: return 'd';
            default: return 't';
        }
    }

    /// Parses one field cell into the row scratch; reports and clears values_ok_ on error.
    void parse_cell(std::size_t f, const core::CsvCell& cell) {
        if (scratch_.size() < kind_.fields.size()) scratch_.resize(kind_.fields.size());
        Parsed& out = scratch_[f];
        const core::FieldDef& field = kind_.fields[f];
        std::string_view s = cell.text;
        if (s.empty() && field.type != core::FieldType::Text) {
            budget_.error(csv::kEmptyCell, csv::cell_span(file_, cell),
                          core::T_("empty cell for {type} field {name}",
                                   {{"type", core::field_type_name(field.type)}, {"name", "'" + field.name + "'"}}));
            values_ok_ = false;
            return;
        }
        // Fast paths for the common shapes; everything else (and every error) goes through
        // core::read_scalar so messages and edge cases are the same as in reports.
        switch (field.type) {
            case core::FieldType::Bool:
                if (s == "true" || s == "True" || s == "TRUE") {
                    out.b = 1;
                    return;
                }
                if (s == "false" || s == "False" || s == "FALSE") {
                    out.b = 0;
                    return;
                }
                break;
            case core::FieldType::Int: {
                if (!s.empty() && s[0] != '+') {
                    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out.i);
                    if (ec == std::errc{} && p == s.data() + s.size()) return;
                }
                break;
            }
            case core::FieldType::Date:
                if (auto d = core::parse_date(s)) {
                    out.i = d->days;
                    return;
                }
                break;
            case core::FieldType::Enum:
                if (is_ascii(s)) {
                    for (const std::string& e : field.enum_values) {
                        if (e == s) {
                            out.t = e;
                            return;
                        }
                    }
                }
                break;
            case core::FieldType::Text:
                if (is_ascii(s) && stable(s)) {
                    out.t = s;
                    return;
                }
                break;
            default: break;
        }
        auto r = core::read_scalar(field, s);
        if (!r.value) {
            budget_.error(csv::kBadCell, csv::cell_span(file_, cell),
                          core::T_("field {name}: {problem}",
                                   {{"name", "'" + field.name + "'"}, {"problem", r.error}}));
            values_ok_ = false;
            return;
        }
        const core::Datum& d = *r.value;
        switch (d.index()) {
            case 0: out.b = std::get<bool>(d) ? 1 : 0; break;
            case 1: out.i = std::get<std::int64_t>(d); break;
            case 2: out.n = std::get<core::Decimal>(d).raw(); break;
            case 3: out.i = std::get<core::Date>(d).days; break;
            default: {
                const std::string& text = std::get<std::string>(d);
                if (text == s && stable(s)) {
                    out.t = s;
                } else {
                    owned_.push_back(text);
                    out.t = owned_.back();
                }
            }
        }
    }

    /// Whether a view points into the file text (and so lives as long as the import).
    bool stable(std::string_view s) const {
        return s.data() >= text_.data() && s.data() + s.size() <= text_.data() + text_.size();
    }

    void append(blob::Column& c, std::size_t f) {
        const Parsed& p = scratch_[f];
        switch (c.encoding) {
            case 'b': c.bools.push_back(static_cast<unsigned char>(p.b)); break;
            case 'i':
            case 'd': c.ints.push_back(p.i); break;
            case 'n': c.numbers.push_back(p.n); break;
            default: c.texts.push_back(p.t); break;
        }
    }

    std::string cell_key(std::size_t f) const {
        const Parsed& p = scratch_[f];
        switch (encoding_of(kind_.fields[f].type)) {
            case 'i':
            case 'd': return std::to_string(p.i);
            default: return std::string(p.t);
        }
    }

    struct Parsed {
        int b = 0;
        std::int64_t i = 0;
        core::int128 n = 0;
        std::string_view t;
    };

    const core::SourceSet& sources_;
    core::FileId file_;
    const core::KindDef& kind_;
    const std::vector<std::string>& units_;
    core::Diagnostics& diags_;
    csv::ErrorBudget budget_;
    const Progress& progress_;
    std::string_view text_;
    std::unordered_map<std::string, std::uint32_t> unit_index_;

    std::size_t columns_ = 0;
    int unit_col_ = -1, date_col_ = -1, year_col_ = -1;
    std::vector<int> field_cols_;

    bool have_last_unit_ = false, have_last_date_ = false, have_last_key_ = false;
    std::string last_unit_storage_, last_date_storage_;
    std::string_view last_unit_text_, last_date_text_;
    std::uint32_t last_unit_ = 0;
    core::Date last_date_{};
    InspectionKey last_key_{};
    std::size_t last_index_ = 0;

    bool values_ok_ = true;
    std::vector<Parsed> scratch_;
    std::deque<std::string> owned_;
    std::vector<Building> building_;
    std::unordered_map<InspectionKey, std::size_t, InspectionKeyHash> by_key_;
};

}  // namespace

std::optional<ImportBatch> read_evidence_csv(const core::SourceSet& sources, core::FileId file,
                                             const core::EvidenceSchema& schema, std::string_view kind,
                                             const std::vector<std::string>& units, core::Diagnostics& diags,
                                             const Progress& progress) {
    const core::KindDef* def = schema.find(kind);
    if (!def) return std::nullopt;
    return EvidenceCsvReader(sources, file, *def, units, diags, progress).read();
}

}  // namespace parscore::inspections
