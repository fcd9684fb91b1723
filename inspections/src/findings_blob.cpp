#include "findings_blob.hpp"

#include <unordered_map>

#include "parscore/inspections/store_error.hpp"

namespace parscore::inspections::blob {

namespace {
__extension__ typedef unsigned __int128 uint128;
}

void ByteReader::corrupt() {
    throw StoreError(StoreError::Kind::Database, core::T_("a findings blob is malformed (the database is damaged)"));
}

core::int128 ByteReader::svarint128() {
    uint128 v = 0;
    for (int shift = 0; shift < 128; shift += 7) {
        if (p_ >= end_) corrupt();
        const unsigned char b = *p_++;
        v |= static_cast<uint128>(b & 0x7F) << shift;
        if (!(b & 0x80)) return static_cast<core::int128>((v >> 1) ^ (~(v & 1) + 1));
    }
    corrupt();
}

void put_varint(std::string& out, std::uint64_t v) {
    while (v >= 0x80) {
        out.push_back(static_cast<char>((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.push_back(static_cast<char>(v));
}

void put_svarint(std::string& out, std::int64_t v) {
    put_varint(out, (static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));
}

void put_svarint128(std::string& out, core::int128 v) {
    uint128 u = (static_cast<uint128>(v) << 1) ^ static_cast<uint128>(v >> 127);
    while (u >= 0x80) {
        out.push_back(static_cast<char>((u & 0x7F) | 0x80));
        u >>= 7;
    }
    out.push_back(static_cast<char>(u));
}

namespace {

void put_text(std::string& out, std::string_view s) {
    put_varint(out, s.size());
    out.append(s);
}

void put_datum(std::string& out, const core::Datum& d) {
    switch (d.index()) {
        case 0: out.push_back(std::get<bool>(d) ? 1 : 0); break;
        case 1: put_svarint(out, std::get<std::int64_t>(d)); break;
        case 2: put_svarint128(out, std::get<core::Decimal>(d).raw()); break;
        case 3: put_svarint(out, std::get<core::Date>(d).days); break;
        default: put_text(out, std::get<std::string>(d)); break;
    }
}

}  // namespace

std::string encode_columns(const std::vector<std::string>& names, std::vector<Column>& columns, std::size_t records) {
    std::string out;
    out.push_back(static_cast<char>(kVersion));
    put_varint(out, names.size());
    put_varint(out, records);
    std::unordered_map<std::string_view, std::uint64_t> entries;
    std::vector<std::string_view> order;
    for (std::size_t f = 0; f < names.size(); ++f) {
        put_text(out, names[f]);
        Column& c = columns[f];
        out.push_back(c.encoding);
        switch (c.encoding) {
            case 'b':
                for (unsigned char b : c.bools) out.push_back(static_cast<char>(b ? 1 : 0));
                break;
            case 'i':
            case 'd':
                for (std::int64_t v : c.ints) put_svarint(out, v);
                break;
            case 'n':
                for (core::int128 v : c.numbers) put_svarint128(out, v);
                break;
            case 't': {
                entries.clear();
                order.clear();
                std::string indexes;
                for (std::string_view s : c.texts) {
                    auto [it, inserted] = entries.try_emplace(s, order.size());
                    if (inserted) order.push_back(s);
                    put_varint(indexes, it->second);
                }
                put_varint(out, order.size());
                for (std::string_view s : order) put_text(out, s);
                out += indexes;
                break;
            }
            default:
                for (const std::optional<core::Datum>* v : c.mixed) {
                    if (!v || !*v) {
                        out.push_back('-');
                        continue;
                    }
                    out.push_back(static_cast<char>(core::datum_tag(**v)));
                    put_datum(out, **v);
                }
                break;
        }
    }
    return out;
}

std::string encode(const KindFindings& findings) {
    const std::size_t rows = findings.rows();
    const std::size_t n = findings.fields.size();
    std::vector<Column> columns(n);
    for (std::size_t f = 0; f < n; ++f) {
        Column& c = columns[f];
        // A column uses a typed encoding when every value is present and of one type.
        std::optional<std::size_t> type;
        bool uniform = true;
        for (std::size_t r = 0; r < rows && uniform; ++r) {
            const auto& v = findings.at(r, f);
            if (!v || (type && *type != v->index())) uniform = false;
            else type = v->index();
        }
        if (!uniform || !type) {
            c.encoding = rows == 0 ? 'b' : 'x';
            for (std::size_t r = 0; r < rows; ++r) c.mixed.push_back(&findings.at(r, f));
            continue;
        }
        for (std::size_t r = 0; r < rows; ++r) {
            const core::Datum& d = *findings.at(r, f);
            switch (*type) {
                case 0:
                    c.encoding = 'b';
                    c.bools.push_back(std::get<bool>(d) ? 1 : 0);
                    break;
                case 1:
                    c.encoding = 'i';
                    c.ints.push_back(std::get<std::int64_t>(d));
                    break;
                case 2:
                    c.encoding = 'n';
                    c.numbers.push_back(std::get<core::Decimal>(d).raw());
                    break;
                case 3:
                    c.encoding = 'd';
                    c.ints.push_back(std::get<core::Date>(d).days);
                    break;
                default:
                    c.encoding = 't';
                    c.texts.push_back(std::get<std::string>(d));
                    break;
            }
        }
    }
    return encode_columns(findings.fields, columns, rows);
}

namespace {

core::Datum read_value(ByteReader& in, char tag) {
    switch (tag) {
        case 'b': return core::Datum{in.byte() != 0};
        case 'i': return core::Datum{in.svarint()};
        case 'n': {
            const core::int128 raw = in.svarint128();
            if (!core::Decimal::raw_in_range(raw)) ByteReader::corrupt();
            return core::Datum{core::Decimal::from_raw(raw)};
        }
        case 'd': return core::Datum{core::Date{static_cast<std::int32_t>(in.svarint())}};
        case 't': return core::Datum{std::string(in.bytes(in.varint()))};
        default: ByteReader::corrupt();
    }
}

}  // namespace

KindFindings decode(std::string_view kind, bool fact, std::string_view bytes) {
    KindFindings out;
    out.kind = std::string(kind);
    out.fact = fact;
    ByteReader in(bytes);
    if (in.byte() != kVersion) ByteReader::corrupt();
    const std::uint64_t nfields = in.varint();
    const std::uint64_t rows = in.varint();
    if (nfields > bytes.size() || rows > bytes.size() * 8 + 8) ByteReader::corrupt();
    out.fields.resize(nfields);
    out.values.assign(nfields * rows, std::nullopt);
    for (std::size_t f = 0; f < nfields; ++f) {
        out.fields[f] = std::string(in.bytes(in.varint()));
        const char encoding = static_cast<char>(in.byte());
        auto put = [&](std::size_t r, core::Datum d) { out.values[r * nfields + f] = std::move(d); };
        switch (encoding) {
            case 'b':
            case 'i':
            case 'n':
            case 'd':
                for (std::size_t r = 0; r < rows; ++r) put(r, read_value(in, encoding));
                break;
            case 't': {
                const std::uint64_t entries = in.varint();
                if (entries > bytes.size()) ByteReader::corrupt();
                std::vector<std::string_view> dict(entries);
                for (auto& s : dict) s = in.bytes(in.varint());
                for (std::size_t r = 0; r < rows; ++r) {
                    const std::uint64_t i = in.varint();
                    if (i >= entries) ByteReader::corrupt();
                    put(r, core::Datum{std::string(dict[i])});
                }
                break;
            }
            case 'x':
                for (std::size_t r = 0; r < rows; ++r) {
                    const char tag = static_cast<char>(in.byte());
                    if (tag != '-') put(r, read_value(in, tag));
                }
                break;
            default: ByteReader::corrupt();
        }
    }
    if (!in.at_end()) ByteReader::corrupt();
    return out;
}

}  // namespace parscore::inspections::blob
