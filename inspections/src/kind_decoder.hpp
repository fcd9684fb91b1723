#pragma once
// Decoding findings blobs (findings_blob.hpp) of one kind of a rulebook's evidence schema
// straight into typed record columns: values that do not fit the declared type or enum stay
// missing and are counted, as are records lacking a declared field (the W306 warning).
#include <cstdint>
#include <string_view>
#include <vector>

#include "findings_blob.hpp"
#include "parscore/core/evidence.hpp"
#include "parscore/core/schema.hpp"

namespace parscore::inspections {

class KindDecoder {
public:
    /// Counts go to not_fitting[f] and lacking[f], one per field of the kind.
    KindDecoder(const core::KindDef& kind, std::uint64_t* not_fitting, std::uint64_t* lacking)
        : kind_(kind), not_fitting_(not_fitting), lacking_(lacking), seen_(kind.fields.size()) {}

    /// Writes the blob's `expected` records into rows [offset, offset + expected) of `table`
    /// (already sized). A blob holding another count than its row says is damaged: trusting it
    /// would write past the table.
    void decode(std::string_view data, std::uint32_t expected, core::RecordTable& table, std::uint32_t offset);

private:
    /// Where one column's values go: rows [offset, offset + n) of `out`, fitted to `field`; with
    /// `out` null they are only skipped. `bad` counts the values that do not fit.
    struct Target {
        const core::FieldDef* field;
        core::Column* out;
        std::uint32_t offset;
        std::uint64_t n;
        std::uint64_t bad = 0;
        core::FieldType type() const { return field ? field->type : core::FieldType::Text; }
        void put(std::uint64_t r, bool fits, const core::Value& v) {
            if (!out) return;
            if (fits) {
                out->set(offset + static_cast<std::uint32_t>(r), v);
            } else {
                ++bad;
            }
        }
    };

    void column(blob::ByteReader& in, char encoding, Target& t);
    void bools(blob::ByteReader& in, Target& t);
    void texts(blob::ByteReader& in, Target& t);
    void mixed(blob::ByteReader& in, Target& t);

    const core::KindDef& kind_;
    std::uint64_t* not_fitting_;
    std::uint64_t* lacking_;
    std::vector<unsigned char> seen_;
    std::vector<std::uint32_t> codes_;  // the current text column's entries as column codes
};

}  // namespace parscore::inspections
