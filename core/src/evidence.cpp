#include "parscore/core/evidence.hpp"

namespace parscore::core {

Column::Type Column::type_for(FieldType t) {
    switch (t) {
        case FieldType::Bool: return Type::Bool;
        case FieldType::Int: return Type::Int;
        case FieldType::Number:
        case FieldType::Percent: return Type::Number;
        case FieldType::Date: return Type::Date;
        case FieldType::Text:
        case FieldType::Enum: return Type::Text;
    }
    return Type::Text;
}

void Column::reset(Type type, std::uint32_t rows) {
    type_ = type;
    rows_ = rows;
    bytes_.clear();
    ints_.clear();
    numbers_.clear();
    codes_.clear();
    dict_.clear();
    switch (type) {
        case Type::Bool: bytes_.assign(rows, kNoBool); break;
        case Type::Int:
        case Type::Date:
            bytes_.assign(rows, 0);
            ints_.assign(rows, 0);
            break;
        case Type::Number:
            bytes_.assign(rows, 0);
            numbers_.assign(rows, 0);
            break;
        case Type::Text: codes_.assign(rows, kNoText); break;
    }
}

void Column::set(std::uint32_t row, const Value& v) {
    using Tag = Value::Tag;
    switch (type_) {
        case Type::Bool: bytes_[row] = v.tag() == Tag::Bool ? static_cast<unsigned char>(v.as_bool()) : kNoBool; return;
        case Type::Int:
            bytes_[row] = v.tag() == Tag::Int;
            ints_[row] = bytes_[row] ? v.as_int() : 0;
            return;
        case Type::Date:
            bytes_[row] = v.tag() == Tag::Date;
            ints_[row] = bytes_[row] ? v.as_date().days : 0;
            return;
        case Type::Number:
            bytes_[row] = v.tag() == Tag::Number;
            numbers_[row] = bytes_[row] ? v.as_number().raw() : 0;
            return;
        case Type::Text: codes_[row] = v.tag() == Tag::Text ? add_text(v.as_text()) : kNoText; return;
    }
}

void Column::copy(std::uint32_t row, const Column& from, std::uint32_t from_row) {
    switch (type_) {
        case Type::Bool: bytes_[row] = from.bytes_[from_row]; return;
        case Type::Int:
        case Type::Date:
            bytes_[row] = from.bytes_[from_row];
            ints_[row] = from.ints_[from_row];
            return;
        case Type::Number:
            bytes_[row] = from.bytes_[from_row];
            numbers_[row] = from.numbers_[from_row];
            return;
        case Type::Text: {
            std::uint32_t code = from.codes_[from_row];
            codes_[row] = code == kNoText ? kNoText : add_text(from.dict_[code]);
            return;
        }
    }
}

void RecordTable::reset(const KindDef& kind, std::uint32_t n) {
    rows = n;
    columns.resize(kind.fields.size());
    for (std::size_t f = 0; f < kind.fields.size(); ++f) columns[f].reset(Column::type_for(kind.fields[f].type), n);
    origin.assign(n, 0);
}

}  // namespace parscore::core
