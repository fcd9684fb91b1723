#pragma once
// The evidence of one unit laid out for evaluation: for each kind of a rulebook's evidence schema
// (by the schema's kind index), its records column by column, or its fact value. The evidence
// store fills it (already selected as docs/reference/scoring.md says and fitted to the declared
// types); the rule language reads it. Text values point into storage owned by whoever filled it.
//
// Columns are typed by the field's declared type, so a bool costs one byte and a text one index
// into a small dictionary: a whole country's records fit in memory and aggregates over a column
// run over tight arrays.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "parscore/core/schema.hpp"
#include "parscore/core/value.hpp"

namespace parscore::core {

/// Memory handed out from large blocks and released all at once with the arena: a loaded year's
/// columns take a few dozen allocations instead of several per column, and are freed as fast.
/// Blocks never move. Not thread-safe: one arena per thread.
class Arena {
public:
    /// Blocks of `block_bytes` (a larger request gets a block of its own size).
    explicit Arena(std::size_t block_bytes = 1u << 20) : block_bytes_(block_bytes) {}
    Arena(const Arena&) = delete;
    Arena& operator=(const Arena&) = delete;
    Arena(Arena&& other) noexcept { *this = std::move(other); }
    Arena& operator=(Arena&& other) noexcept;

    /// Room for `n` objects of a trivially copyable type, uninitialised.
    template <typename T> T* allocate(std::size_t n) {
        return static_cast<T*>(allocate_bytes(n * sizeof(T), alignof(T)));
    }
    /// A copy of `bytes` that lives as long as the arena.
    std::string_view copy(std::string_view bytes);
    /// Takes over `other`'s blocks: what it handed out now lives as long as this arena.
    void adopt(Arena&& other);

private:
    void* allocate_bytes(std::size_t bytes, std::size_t align);

    std::vector<std::unique_ptr<std::byte[]>> blocks_;
    std::byte* next_ = nullptr;
    std::size_t left_ = 0;
    std::size_t block_bytes_ = 1u << 20;
};

/// A fixed number of values of a trivially copyable type, in storage of its own or in an Arena
/// (like a Column's). A copy owns its values.
template <typename T> class ArenaArray {
public:
    ArenaArray() = default;
    ArenaArray(const ArenaArray& other) { *this = other; }
    ArenaArray& operator=(const ArenaArray& other) {
        if (this != &other) {
            own_.reset(other.size_ ? new T[other.size_] : nullptr);
            std::copy_n(other.data_, other.size_, own_.get());
            data_ = own_.get();
            size_ = other.size_;
        }
        return *this;
    }
    ArenaArray(ArenaArray&& other) noexcept { *this = std::move(other); }
    ArenaArray& operator=(ArenaArray&& other) noexcept {
        if (this != &other) {
            own_ = std::move(other.own_);
            data_ = other.data_;
            size_ = other.size_;
            other.data_ = nullptr;
            other.size_ = 0;
        }
        return *this;
    }

    /// `n` copies of `value`, in storage of its own.
    void assign(std::size_t n, T value) {
        own_.reset(n ? new T[n] : nullptr);
        data_ = own_.get();
        size_ = n;
        std::fill_n(data_, n, value);
    }
    /// The same in `arena`, which must outlive the array.
    void assign(std::size_t n, T value, Arena& arena) {
        own_.reset();
        data_ = n ? arena.allocate<T>(n) : nullptr;
        size_ = n;
        std::fill_n(data_, n, value);
    }

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    T* data() { return data_; }
    const T* data() const { return data_; }
    T* begin() { return data_; }
    T* end() { return data_ + size_; }
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }
    T& operator[](std::size_t i) { return data_[i]; }
    const T& operator[](std::size_t i) const { return data_[i]; }

private:
    T* data_ = nullptr;
    std::size_t size_ = 0;
    std::unique_ptr<T[]> own_;
};

/// The values of one field for the records of one kind of one unit.
class Column {
public:
    enum class Type : unsigned char { Bool, Int, Number, Date, Text };
    static constexpr unsigned char kNoBool = 2;           // a missing bool
    static constexpr std::uint32_t kNoText = 0xFFFFFFFF;  // a missing text

    static Type type_for(FieldType t);

    Column() = default;
    /// `rows` values, all missing.
    Column(Type type, std::uint32_t rows) { reset(type, rows); }
    /// A copy owns its values (even when the original's are in an arena); texts keep pointing at
    /// the same bytes.
    Column(const Column& other);
    Column& operator=(const Column& other);
    Column(Column&& other) noexcept;
    Column& operator=(Column&& other) noexcept;
    ~Column() = default;

    /// `rows` values, all missing, in storage of the column's own.
    void reset(Type type, std::uint32_t rows);
    /// The same with the values and the dictionary in `arena`, which must outlive the column.
    void reset(Type type, std::uint32_t rows, Arena& arena);

    Type type() const { return type_; }
    std::uint32_t size() const { return rows_; }

    Value get(std::uint32_t row) const {
        switch (type_) {
            case Type::Bool: return bytes_[row] == kNoBool ? Value::missing() : Value::boolean(bytes_[row] != 0);
            case Type::Int: return bytes_[row] ? Value::integer(ints_[row]) : Value::missing();
            case Type::Date:
                return bytes_[row] ? Value::date(Date{static_cast<std::int32_t>(ints_[row])}) : Value::missing();
            case Type::Number: return bytes_[row] ? Value::number(Decimal::from_raw(numbers_[row])) : Value::missing();
            case Type::Text: return codes_[row] == kNoText ? Value::missing() : Value::text(dict_[codes_[row]]);
        }
        return Value::missing();
    }

    /// Stores a value of the column's type, or missing (a value of another type is stored as
    /// missing). Text is added to the dictionary: it must outlive the column.
    void set(std::uint32_t row, const Value& v);
    /// Copies one value of a column of the same type (text keeps pointing at the same bytes).
    void copy(std::uint32_t row, const Column& from, std::uint32_t from_row);

    // Typed access for the loader and for fast aggregate paths.
    /// Bool: 0, 1 or kNoBool. Int/Date/Number: 1 where a value is present.
    const unsigned char* flags() const { return bytes_; }
    unsigned char* flags() { return bytes_; }
    const std::int64_t* ints() const { return ints_; }  // Int values, Date days
    std::int64_t* ints() { return ints_; }
    const int128* numbers() const { return numbers_; }  // raw decimals (value × 10^9)
    int128* numbers() { return numbers_; }
    const std::uint32_t* codes() const { return codes_; }  // Text: dictionary index or kNoText
    std::uint32_t* codes() { return codes_; }
    std::span<const std::string_view> dict() const { return {dict_, dict_size_}; }
    /// Adds a dictionary entry and returns its code.
    std::uint32_t add_text(std::string_view text) {
        if (dict_size_ == dict_capacity_) grow_dict(dict_size_ + 1);
        dict_[dict_size_] = text;
        return dict_size_++;
    }
    /// Makes room for `n` more dictionary entries (the loader knows a blob's entry count).
    void reserve_texts(std::uint32_t n) {
        if (dict_capacity_ - dict_size_ < n) grow_dict(dict_size_ + n);
    }

private:
    void allocate(Type type, std::uint32_t rows, Arena* arena);
    void grow_dict(std::uint32_t at_least);

    Type type_ = Type::Text;
    std::uint32_t rows_ = 0;
    // Views of the values, in own_ or in arena_.
    unsigned char* bytes_ = nullptr;
    std::int64_t* ints_ = nullptr;
    int128* numbers_ = nullptr;
    std::uint32_t* codes_ = nullptr;
    std::string_view* dict_ = nullptr;
    std::uint32_t dict_size_ = 0, dict_capacity_ = 0;
    Arena* arena_ = nullptr;
    std::unique_ptr<std::byte[]> own_;
    std::unique_ptr<std::string_view[]> own_dict_;
};

/// The records of one kind: one column per declared field.
struct RecordTable {
    std::uint32_t rows = 0;
    std::vector<Column> columns;       // in the kind's field order
    ArenaArray<std::uint32_t> origin;  // per row: the index of the inspection it came from

    /// `rows` records of `kind`, every value missing.
    void reset(const KindDef& kind, std::uint32_t rows);
    /// The same with the columns' values in `arena`, which must outlive the table.
    void reset(const KindDef& kind, std::uint32_t rows, Arena& arena);
    Value get(std::size_t field, std::uint32_t row) const { return columns[field].get(row); }
};

struct UnitEvidence {
    std::vector<RecordTable> tables;         // record kinds; empty tables for fact kinds
    std::vector<Value> facts;                // fact kinds; missing when not recorded
    std::vector<std::uint32_t> fact_origin;  // per fact kind: inspection index (when present)
    std::vector<unsigned char> checked;      // per kind: some counted inspection listed it

    /// Sized for a schema with `kinds` kinds, everything empty and missing.
    void reset(std::size_t kinds) {
        tables.assign(kinds, RecordTable{});
        facts.assign(kinds, Value::missing());
        fact_origin.assign(kinds, 0);
        checked.assign(kinds, 0);
    }
};

}  // namespace parscore::core
