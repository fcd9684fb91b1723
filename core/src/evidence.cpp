#include "parscore/core/evidence.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

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

Arena& Arena::operator=(Arena&& other) noexcept {
    if (this != &other) {
        blocks_ = std::move(other.blocks_);
        next_ = std::exchange(other.next_, nullptr);
        left_ = std::exchange(other.left_, 0);
        block_bytes_ = other.block_bytes_;
        other.blocks_.clear();
    }
    return *this;
}

std::string_view Arena::copy(std::string_view bytes) {
    if (bytes.empty()) return {};
    char* at = allocate<char>(bytes.size());
    std::memcpy(at, bytes.data(), bytes.size());
    return {at, bytes.size()};
}

void Arena::adopt(Arena&& other) {
    // Only ownership moves: allocation goes on in this arena's current block.
    for (auto& block : other.blocks_) blocks_.push_back(std::move(block));
    other.blocks_.clear();
    other.next_ = nullptr;
    other.left_ = 0;
}

void* Arena::allocate_bytes(std::size_t bytes, std::size_t align) {
    std::size_t pad = left_ ? (align - reinterpret_cast<std::uintptr_t>(next_) % align) % align : 0;
    if (bytes + pad > left_) {
        // Blocks come from operator new[], aligned for any fundamental type (int128 included);
        // not value-initialised: callers fill what they take.
        const std::size_t size = std::max(block_bytes_, bytes);
        blocks_.emplace_back(new std::byte[size]);
        next_ = blocks_.back().get();
        left_ = size;
        pad = 0;
    }
    std::byte* at = next_ + pad;
    next_ = at + bytes;
    left_ -= bytes + pad;
    return at;
}

namespace {

// One block holds a column's values, then its flags: [values][flags], values aligned first.
std::size_t value_bytes(Column::Type type, std::uint32_t rows) {
    switch (type) {
        case Column::Type::Bool: return 0;
        case Column::Type::Int:
        case Column::Type::Date: return rows * sizeof(std::int64_t);
        case Column::Type::Number: return rows * sizeof(int128);
        case Column::Type::Text: return rows * sizeof(std::uint32_t);
    }
    return 0;
}

std::size_t flag_bytes(Column::Type type, std::uint32_t rows) { return type == Column::Type::Text ? 0 : rows; }

}  // namespace

void Column::allocate(Type type, std::uint32_t rows, Arena* arena) {
    type_ = type;
    rows_ = rows;
    bytes_ = nullptr;
    ints_ = nullptr;
    numbers_ = nullptr;
    codes_ = nullptr;
    dict_size_ = 0;
    // An own dictionary buffer is kept for reuse; anything else starts afresh.
    if (arena || !own_dict_) {
        own_dict_.reset();
        dict_ = nullptr;
        dict_capacity_ = 0;
    }
    if (arena) own_.reset();
    arena_ = arena;
    if (rows == 0) return;
    const std::size_t values = value_bytes(type, rows), total = values + flag_bytes(type, rows);
    std::byte* block = nullptr;
    if (arena) {
        block = type == Type::Number ? reinterpret_cast<std::byte*>(arena->allocate<int128>((total + 15) / 16))
                                     : reinterpret_cast<std::byte*>(arena->allocate<std::int64_t>((total + 7) / 8));
    } else {
        own_.reset(new std::byte[total]);
        block = own_.get();
    }
    switch (type) {
        case Type::Bool:
            bytes_ = reinterpret_cast<unsigned char*>(block);
            std::fill_n(bytes_, rows, kNoBool);
            break;
        case Type::Int:
        case Type::Date:
            ints_ = reinterpret_cast<std::int64_t*>(block);
            bytes_ = reinterpret_cast<unsigned char*>(block + values);
            std::fill_n(ints_, rows, 0);
            std::fill_n(bytes_, rows, 0);
            break;
        case Type::Number:
            numbers_ = reinterpret_cast<int128*>(block);
            bytes_ = reinterpret_cast<unsigned char*>(block + values);
            std::fill_n(numbers_, rows, 0);
            std::fill_n(bytes_, rows, 0);
            break;
        case Type::Text:
            codes_ = reinterpret_cast<std::uint32_t*>(block);
            std::fill_n(codes_, rows, kNoText);
            break;
    }
}

void Column::reset(Type type, std::uint32_t rows) {
    own_.reset();
    allocate(type, rows, nullptr);
}

void Column::reset(Type type, std::uint32_t rows, Arena& arena) { allocate(type, rows, &arena); }

void Column::grow_dict(std::uint32_t at_least) {
    const std::uint32_t capacity = std::max<std::uint32_t>({at_least, dict_capacity_ * 2, 4});
    std::string_view* grown = nullptr;
    std::unique_ptr<std::string_view[]> owned;
    if (arena_) {
        grown = arena_->allocate<std::string_view>(capacity);
    } else {
        owned.reset(new std::string_view[capacity]);
        grown = owned.get();
    }
    std::copy_n(dict_, dict_size_, grown);
    dict_ = grown;
    dict_capacity_ = capacity;
    if (!arena_) own_dict_ = std::move(owned);
}

Column::Column(const Column& other) { *this = other; }

Column& Column::operator=(const Column& other) {
    if (this == &other) return *this;
    own_.reset();
    own_dict_.reset();
    dict_ = nullptr;
    dict_capacity_ = 0;
    allocate(other.type_, other.rows_, nullptr);
    if (rows_) {
        const std::size_t values = value_bytes(type_, rows_), flags = flag_bytes(type_, rows_);
        const std::byte* from = other.type_ == Type::Bool     ? reinterpret_cast<const std::byte*>(other.bytes_)
                                : other.type_ == Type::Text   ? reinterpret_cast<const std::byte*>(other.codes_)
                                : other.type_ == Type::Number ? reinterpret_cast<const std::byte*>(other.numbers_)
                                                              : reinterpret_cast<const std::byte*>(other.ints_);
        std::copy_n(from, values ? values : flags, own_.get());
        if (values && flags) std::copy_n(reinterpret_cast<const std::byte*>(other.bytes_), flags, own_.get() + values);
    }
    if (other.dict_size_) {
        grow_dict(other.dict_size_);
        std::copy_n(other.dict_, other.dict_size_, dict_);
        dict_size_ = other.dict_size_;
    }
    return *this;
}

Column::Column(Column&& other) noexcept { *this = std::move(other); }

Column& Column::operator=(Column&& other) noexcept {
    if (this == &other) return *this;
    type_ = other.type_;
    rows_ = other.rows_;
    bytes_ = other.bytes_;
    ints_ = other.ints_;
    numbers_ = other.numbers_;
    codes_ = other.codes_;
    dict_ = other.dict_;
    dict_size_ = other.dict_size_;
    dict_capacity_ = other.dict_capacity_;
    arena_ = other.arena_;
    own_ = std::move(other.own_);
    own_dict_ = std::move(other.own_dict_);
    // The moved-from column is empty (its storage, if its own, moved with the pointers).
    other.rows_ = 0;
    other.bytes_ = nullptr;
    other.ints_ = nullptr;
    other.numbers_ = nullptr;
    other.codes_ = nullptr;
    other.dict_ = nullptr;
    other.dict_size_ = other.dict_capacity_ = 0;
    other.arena_ = nullptr;
    return *this;
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

void RecordTable::reset(const KindDef& kind, std::uint32_t n, Arena& arena) {
    rows = n;
    columns.resize(kind.fields.size());
    for (std::size_t f = 0; f < kind.fields.size(); ++f)
        columns[f].reset(Column::type_for(kind.fields[f].type), n, arena);
    origin.assign(n, 0, arena);
}

}  // namespace parscore::core
