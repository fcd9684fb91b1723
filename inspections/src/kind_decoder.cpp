#include "kind_decoder.hpp"

#include <algorithm>
#include <optional>

namespace parscore::inspections {

namespace {

using core::Value;

const core::int128 kOne = core::Decimal::kScale;

bool fit_int(std::int64_t v, core::FieldType type, Value& out) {
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

bool fit_number(core::int128 raw, core::FieldType type, Value& out) {
    if (!core::Decimal::raw_in_range(raw)) blob::ByteReader::corrupt();
    if (type == core::FieldType::Number || (type == core::FieldType::Percent && raw >= 0 && raw <= kOne)) {
        out = Value::number(core::Decimal::from_raw(raw));
        return true;
    }
    return false;
}

// Whether a text fits the field: any text a text field, a listed value an enum.
inline bool text_fits(std::string_view s, const core::FieldDef* field) {
    if (!field) return false;
    if (field->type == core::FieldType::Text) return true;
    if (field->type == core::FieldType::Enum) {
        for (const std::string& e : field->enum_values) {
            if (e == s) return true;
        }
    }
    return false;
}

}  // namespace

void KindDecoder::decode(std::string_view data, std::uint32_t expected, core::RecordTable& table,
                         std::uint32_t offset) {
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
        // A field stored twice is read once: the second column is skipped.
        core::Column* out = nullptr;
        if (field && !seen_[*field]) {
            seen_[*field] = 1;
            out = &table.columns[*field];
        }
        Target t{field && out ? &kind_.fields[*field] : nullptr, out, offset, n};
        column(in, encoding, t);
        if (out) not_fitting_[*field] += t.bad;
    }
    for (std::size_t i = 0; i < kind_.fields.size(); ++i) {
        if (!seen_[i]) lacking_[i] += n;
    }
}

void KindDecoder::column(blob::ByteReader& in, char encoding, Target& t) {
    switch (encoding) {
        case 'b': bools(in, t); break;
        case 'i': {
            const core::FieldType type = t.type();
            for (std::uint64_t r = 0; r < t.n; ++r) {
                Value v;
                const bool fits = fit_int(in.svarint(), type, v);
                t.put(r, fits, v);
            }
            break;
        }
        case 'n': {
            const core::FieldType type = t.type();
            for (std::uint64_t r = 0; r < t.n; ++r) {
                Value v;
                const bool fits = fit_number(in.svarint128(), type, v);
                t.put(r, fits, v);
            }
            break;
        }
        case 'd': {
            const bool fits = t.type() == core::FieldType::Date;
            for (std::uint64_t r = 0; r < t.n; ++r) {
                const std::int64_t days = in.svarint();
                t.put(r, fits, Value::date(core::Date{static_cast<std::int32_t>(days)}));
            }
            break;
        }
        case 't': texts(in, t); break;
        case 'x': mixed(in, t); break;
        default: blob::ByteReader::corrupt();
    }
}

void KindDecoder::bools(blob::ByteReader& in, Target& t) {
    const std::string_view bytes = in.bytes(t.n);
    if (!t.out) return;
    if (t.type() != core::FieldType::Bool) {
        t.bad = t.n;
        return;
    }
    unsigned char* flags = t.out->flags() + t.offset;
    for (std::uint64_t r = 0; r < t.n; ++r) flags[r] = bytes[r] != 0;
}

// A text column's dictionary is the blob's: each entry is fitted once.
void KindDecoder::texts(blob::ByteReader& in, Target& t) {
    const std::uint64_t entries = in.varint();
    if (t.out) t.out->reserve_texts(static_cast<std::uint32_t>(entries));
    codes_.clear();
    for (std::uint64_t e = 0; e < entries; ++e) {
        const std::string_view s = in.bytes(in.varint());
        codes_.push_back(t.out && text_fits(s, t.field) ? t.out->add_text(s) : core::Column::kNoText);
    }
    std::uint32_t* codes = t.out ? t.out->codes() + t.offset : nullptr;
    for (std::uint64_t r = 0; r < t.n; ++r) {
        const std::uint64_t i = in.varint();
        if (i >= entries) blob::ByteReader::corrupt();
        if (!codes) continue;
        codes[r] = codes_[i];
        if (codes_[i] == core::Column::kNoText) ++t.bad;
    }
}

void KindDecoder::mixed(blob::ByteReader& in, Target& t) {
    const core::FieldType type = t.type();
    for (std::uint64_t r = 0; r < t.n; ++r) {
        const char tag = static_cast<char>(in.byte());
        if (tag == '-') {
            if (t.out) ++lacking_[static_cast<std::size_t>(t.field - kind_.fields.data())];
            continue;
        }
        Value v;
        bool fits = true;
        switch (tag) {
            case 'b':
                v = Value::boolean(in.byte() != 0);
                fits = type == core::FieldType::Bool;
                break;
            case 'i': fits = fit_int(in.svarint(), type, v); break;
            case 'n': fits = fit_number(in.svarint128(), type, v); break;
            case 'd':
                v = Value::date(core::Date{static_cast<std::int32_t>(in.svarint())});
                fits = type == core::FieldType::Date;
                break;
            case 't': {
                const std::string_view s = in.bytes(in.varint());
                fits = text_fits(s, t.field);
                v = Value::text(s);
                break;
            }
            default: blob::ByteReader::corrupt();
        }
        t.put(r, fits, v);
    }
}

}  // namespace parscore::inspections
