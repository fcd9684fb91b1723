// score/rank --format json (docs/reference/outputs.md).
#include <algorithm>
#include <mutex>

#include "parscore/core/parallel.hpp"
#include "parscore/output/json_writer.hpp"
#include "parscore/reports/report.hpp"

namespace parscore::engine {

namespace {

void optional_decimal(JsonWriter& w, std::string_view key, const std::optional<Decimal>& d) {
    if (d) {
        w.field(key, *d);
    } else {
        w.null_field(key);
    }
}

void measure(JsonWriter& w, const Measure& m) {
    w.key("measure");
    switch (m.kind) {
        case Measure::Kind::Null: w.null(); break;
        case Measure::Kind::Bool: w.value(m.boolean); break;
        case Measure::Kind::Number: w.value(m.number); break;
        case Measure::Kind::Text:
        case Measure::Kind::Date: w.value(m.text); break;
    }
}

void adjustments(JsonWriter& w, std::string_view key, const std::vector<rules::Adjustment>& defs,
                 const std::vector<AdjustmentResult>& results) {
    w.key(key).begin_array();
    for (std::size_t i = 0; i < defs.size() && i < results.size(); ++i) {
        w.begin_object().field("id", defs[i].id).field("points", results[i].points);
        if (results[i].missing) w.field("status", "missing");
        w.end_object();
    }
    w.end_array();
}

void unit(JsonWriter& w, const rules::Rulebook& rb, const UnitResult& u) {
    auto band_id = [&](int b) { return rb.bands[static_cast<std::size_t>(b)].id; };
    w.begin_object();
    w.field("unit", u.id).field("name", u.name).field("category", u.category);
    w.field("status", u.complete ? "complete" : "incomplete");
    optional_decimal(w, "points", u.points);
    w.field("max", u.max);
    optional_decimal(w, "total", u.total);
    if (u.complete) {
        w.field("band", band_id(u.band));
    } else {
        w.null_field("band");
    }
    if (u.rank) w.field("rank", *u.rank);
    else w.null_field("rank");
    if (u.rank_change) w.field("rank_change", *u.rank_change);
    else w.null_field("rank_change");
    optional_decimal(w, "total_change", u.total_change);

    w.key("groups").begin_array();
    for (std::size_t g = 0; g < rb.groups.size() && g < u.groups.size(); ++g) {
        w.begin_object().field("id", rb.groups[g].id);
        optional_decimal(w, "points", u.groups[g].points);
        w.field("max", u.groups[g].max).end_object();
    }
    w.end_array();

    w.key("criteria").begin_array();
    std::size_t i = 0;
    for (const rules::Group& g : rb.groups) {
        for (const rules::Criterion& c : g.criteria) {
            if (i >= u.criteria.size()) break;
            const CriterionResult& cr = u.criteria[i++];
            w.begin_object().field("id", c.id);
            optional_decimal(w, "points", cr.points);
            w.field("max", c.max).field("status", status_name(cr.status));
            measure(w, cr.measure);
            w.end_object();
        }
    }
    w.end_array();

    adjustments(w, "deductions", rb.deductions, u.deductions);
    adjustments(w, "bonuses", rb.bonuses, u.bonuses);
    w.field("deduct", u.deduct).field("bonus", u.bonus);

    w.key("caps").begin_array();
    for (const CapResult& cap : u.caps) {
        const rules::BandCap& def = rb.band_caps[cap.cap];
        w.begin_object().field("id", def.id).field("at_most", def.at_most).field("applied", cap.applied).end_object();
    }
    w.end_array();

    if (u.complete && u.band != u.band_after_caps) {
        w.key("quota")
            .begin_object()
            .field("band", band_id(u.band_after_caps))
            .field("moved_to", band_id(u.band))
            .end_object();
    } else {
        w.null_field("quota");
    }
    write_warnings(w, u.warnings);
    if (u.complete) w.null_field("reason");
    else w.field("reason", u.reason);
    w.end_object();
}

}  // namespace

std::string render_json_head(const Evaluation& evaluation) {
    std::string text;
    JsonWriter w(text);
    w.begin_object();
    w.key("rulebook")
        .begin_object()
        .field("id", evaluation.rulebook_id)
        .field("version", evaluation.rulebook_version)
        .field("sha256", evaluation.rulebook_sha256)
        .end_object();
    const char* basis = evaluation.basis == Basis::Self        ? "self"
                        : evaluation.basis == Basis::Inspected ? "inspected"
                                                               : "all";
    w.field("year", evaluation.year).field("basis", basis);
    if (!evaluation.evidence_sha256.empty()) w.field("evidence_sha256", evaluation.evidence_sha256);
    write_warnings(w, evaluation.warnings);
    w.key("units").begin_array();
    return text;
}

void append_unit_json(std::string& out, const rules::Rulebook& rulebook, const UnitResult& result) {
    JsonWriter w = JsonWriter::inside_array(out, 2, 2, false);
    unit(w, rulebook, result);
}

std::string render_json_tail(bool has_units) {
    std::string text;
    JsonWriter w = JsonWriter::inside_array(text, 2, 2, has_units);
    w.end_array();
    w.end_object();
    text += '\n';
    return text;
}

void write_json(const rules::Rulebook& rulebook, const Evaluation& evaluation,
                const std::function<void(std::string_view)>& sink) {
    sink(render_json_head(evaluation));

    // Units are written in blocks, each by a writer continuing inside the array, on up to as
    // many threads as cores. A thread takes the next block from a shared counter, renders it,
    // and hands every block that is ready, in order, to `sink`: the bytes do not depend on the
    // thread count, a thread that gets less of a busy machine's time renders fewer blocks, and
    // buffers are reused, so only a few blocks' text is held at a time.
    const std::vector<UnitResult>& units = evaluation.units;
    constexpr std::size_t kBlock = 256;
    const std::size_t blocks = (units.size() + kBlock - 1) / kBlock;
    std::mutex mutex;  // guards everything below
    std::vector<std::string> rendered(blocks);
    std::vector<unsigned char> ready(blocks, 0);
    std::vector<std::string> spare;
    std::size_t next_write = 0;
    bool sink_failed = false;  // after a failed write nothing more is written
    core::parallel_blocks(blocks, 1, core::hardware_workers(), [&](unsigned, std::size_t b, std::size_t) {
        std::string buffer;
        {
            std::lock_guard lock(mutex);
            if (!spare.empty()) {
                buffer = std::move(spare.back());
                spare.pop_back();
            }
        }
        JsonWriter bw = JsonWriter::inside_array(buffer, 2, 2, b > 0);
        for (std::size_t i = b * kBlock; i < std::min(units.size(), (b + 1) * kBlock); ++i)
            unit(bw, rulebook, units[i]);
        std::lock_guard lock(mutex);
        rendered[b] = std::move(buffer);
        ready[b] = 1;
        for (; !sink_failed && next_write < blocks && ready[next_write]; ++next_write) {
            try {
                sink(rendered[next_write]);
            } catch (...) {
                sink_failed = true;
                throw;
            }
            rendered[next_write].clear();
            spare.push_back(std::move(rendered[next_write]));
        }
    });

    sink(render_json_tail(!units.empty()));
}

std::string render_json(const rules::Rulebook& rulebook, const Evaluation& evaluation) {
    std::string out;
    out.reserve(evaluation.units.size() * 1400 + 4096);
    write_json(rulebook, evaluation, [&](std::string_view piece) { out.append(piece); });
    return out;
}

}  // namespace parscore::engine
