#pragma once
// The binary layout of one (revision, kind) findings blob — all records of a kind in one
// inspection revision, column by column (docs/store.md "Findings blobs"):
//
//   blob    := u8 version(=1)  varint fields  varint records  column{fields}
//   column  := varint name_len  name  u8 encoding  payload
//   'b' bool    records × u8 (0 or 1)
//   'i' int     records × zigzag varint
//   'n' number  records × zigzag varint of the decimal's raw value (value × 10^9, 128-bit)
//   'd' date    records × zigzag varint (days since 1970-01-01)
//   't' text    varint entries, entries × (varint len, bytes), records × varint entry index
//   'x' mixed   records × (u8 tag 'b'|'i'|'n'|'d'|'t'|'-' absent, payload as above, text inline)
//
// Varints are unsigned LEB128. Encoding is deterministic (text entries in order of first use), so
// equal findings give equal bytes and the bytes can be hashed.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/core/decimal.hpp"
#include "parscore/inspections/model.hpp"

namespace parscore::inspections::blob {

inline constexpr unsigned char kVersion = 1;

/// One column being built for encoding. Exactly one of the vectors is used, by `encoding`.
struct Column {
    char encoding = 'x';
    std::vector<unsigned char> bools;                      // 'b'
    std::vector<std::int64_t> ints;                        // 'i', 'd'
    std::vector<core::int128> numbers;                     // 'n'
    std::vector<std::string_view> texts;                   // 't' (views must live until encode returns)
    std::vector<const std::optional<core::Datum>*> mixed;  // 'x'
};

/// Encodes columns that each hold `records` values.
std::string encode_columns(const std::vector<std::string>& names, std::vector<Column>& columns, std::size_t records);

/// Encodes recorded findings (columns with one type use the typed encodings, others 'x').
std::string encode(const KindFindings& findings);

/// Decodes a blob; throws StoreError{Database} when it is malformed.
KindFindings decode(std::string_view kind, bool fact, std::string_view bytes);

/// Bounds-checked reading of the primitives above; throws StoreError{Database} past the end.
class ByteReader {
public:
    explicit ByteReader(std::string_view bytes)
        : p_(reinterpret_cast<const unsigned char*>(bytes.data())), end_(p_ + bytes.size()) {}
    unsigned char byte() {
        if (p_ >= end_) corrupt();
        return *p_++;
    }
    std::uint64_t varint() {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p_ >= end_) corrupt();
            const unsigned char b = *p_++;
            v |= static_cast<std::uint64_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) return v;
        }
        corrupt();
    }
    std::int64_t svarint() {
        const std::uint64_t u = varint();
        return static_cast<std::int64_t>((u >> 1) ^ (~(u & 1) + 1));
    }
    core::int128 svarint128();
    std::string_view bytes(std::uint64_t n) {
        if (n > static_cast<std::uint64_t>(end_ - p_)) corrupt();
        std::string_view s(reinterpret_cast<const char*>(p_), static_cast<std::size_t>(n));
        p_ += n;
        return s;
    }
    const unsigned char* position() const { return p_; }
    bool at_end() const { return p_ == end_; }
    [[noreturn]] static void corrupt();

private:
    const unsigned char* p_;
    const unsigned char* end_;
};

void put_varint(std::string& out, std::uint64_t v);
void put_svarint(std::string& out, std::int64_t v);
void put_svarint128(std::string& out, core::int128 v);

}  // namespace parscore::inspections::blob
