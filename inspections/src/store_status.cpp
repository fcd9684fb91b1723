// Writing status events: submitting and locking inspections, one by one or a whole year.
#include <algorithm>

#include "chain.hpp"
#include "store_impl.hpp"
#include "store_rows.hpp"

namespace parscore::inspections {

namespace {

/// The status as a sentence names it, translatable ("draft", "nháp").
core::Text status_text(Status s) {
    switch (s) {
        case Status::Submitted: return core::T_("submitted");
        case Status::Locked: return core::T_("locked");
        case Status::Returned: return core::T_("returned");
        case Status::Draft: break;
    }
    return core::T_("draft");
}

/// Inside a write transaction: appends `event` to the chain of inspection `id` as change `no`.
void add_event(Store::Impl& impl, const std::string& id, const char* event, Status required, Status result,
               std::int64_t no, const std::string& who, const std::string& at) {
    auto head = impl.chain_head(id);
    if (!head) refuse(core::T_("unknown inspection {id}", {quoted("id", id)}));
    if (head->status != required) {
        refuse(core::T_("inspection {id} is {status}; only a {required} inspection can become {result}",
                        {{"id", id},
                         core::part("status", status_text(head->status)),
                         core::part("required", status_text(required)),
                         core::part("result", status_text(result))}));
    }
    chain::EventContent e;
    e.inspection = id;
    e.seq = head->last_seq + 1;
    e.prev_hash = head->last_hash;
    e.event = event;
    e.recorded_by = who;
    e.recorded_at = at;
    const EventRow row{no, id, e.seq, event, who, at, head->last_hash, chain::event_hash(e)};
    sql::Statement s = impl.db.prepare(EventRow::insert_sql());
    row.bind(s);
    s.run();
    impl.audit(event, id, no);
}

/// Moves every inspection named (by id or unique prefix) in one transaction; returns their full
/// ids, each once, in the order given.
std::vector<std::string> move_all(Store& store, Store::Impl& impl, const std::vector<std::string>& names,
                                  const char* event, Status required, Status result, const std::string& who) {
    return impl.write([&] {
        std::vector<std::string> ids;
        for (const std::string& name : names) {
            std::string id = store.resolve_inspection(name).value_or(name);
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
        }
        std::int64_t no = impl.next_revision();
        const std::string at = utc_now();
        for (const std::string& id : ids) add_event(impl, id, event, required, result, no++, who, at);
        return ids;
    });
}

}  // namespace

std::optional<std::string> Store::resolve_inspection(std::string_view name) const {
    sql::Statement exact = impl_->db.prepare("SELECT id FROM inspections WHERE id = ?");
    exact.bind(1, name);
    if (exact.step()) return exact.text(0);
    if (name.size() < kMinIdPrefix) return std::nullopt;
    // Ids are lower-case hex digits and dashes, all below '~': the ids starting with the prefix
    // are exactly those in [prefix, prefix + "~").
    sql::Statement s = impl_->db.prepare(
        "SELECT id FROM inspections WHERE id >= ?1 AND id < ?1 || '~' ORDER BY id LIMIT 3");
    s.bind(1, name);
    std::vector<std::string> found;
    while (s.step()) found.push_back(s.text(0));
    if (found.empty()) return std::nullopt;
    if (found.size() > 1) {
        const core::TextArg prefix = quoted("prefix", name), first{"first", found[0]}, second{"second", found[1]};
        refuse(found.size() > 2
                   ? core::T_("inspection id prefix {prefix} is ambiguous: it starts {first}, {second} and more; give "
                              "more of the id",
                              {prefix, first, second})
                   : core::T_("inspection id prefix {prefix} is ambiguous: it starts {first}, {second}; give more of "
                              "the id",
                              {prefix, first, second}));
    }
    return found.front();
}

std::vector<std::string> Store::submit(const std::vector<std::string>& ids, const std::string& who) {
    return move_all(*this, *impl_, ids, "submit", Status::Draft, Status::Submitted, who_or_user(who));
}

std::vector<std::string> Store::lock(const std::vector<std::string>& ids, const std::string& who) {
    return move_all(*this, *impl_, ids, "lock", Status::Submitted, Status::Locked, who_or_user(who));
}

void Store::submit(std::string_view id, const std::string& who) { submit(std::vector{std::string(id)}, who); }
void Store::lock(std::string_view id, const std::string& who) { lock(std::vector{std::string(id)}, who); }

std::vector<std::string> Store::lock_year(int year, const std::optional<std::string>& unit,
                                          const std::string& who_given) {
    const std::string who = who_or_user(who_given);
    return impl_->write([&] {
        // Submitted (first status or a submit event), not locked, latest revision in the year.
        sql::Statement s = impl_->db.prepare(
            "SELECT i.id FROM inspections i JOIN revisions r ON r.inspection = i.id "
            "WHERE r.seq = (SELECT max(seq) FROM revisions WHERE inspection = i.id) AND r.eval_year = ?1 "
            " AND (?2 IS NULL OR i.unit = ?2) "
            " AND NOT EXISTS (SELECT 1 FROM events WHERE inspection = i.id AND event = 'lock') "
            " AND (i.status = 'submitted' OR EXISTS (SELECT 1 FROM events WHERE inspection = i.id AND event = 'submit')) "
            "ORDER BY i.stamp, i.id");
        s.bind(1, year).bind(2, unit);
        std::vector<std::string> ids;
        while (s.step()) ids.push_back(s.text(0));
        std::int64_t no = impl_->next_revision();
        const std::string at = utc_now();
        for (const std::string& id : ids)
            add_event(*impl_, id, "lock", Status::Submitted, Status::Locked, no++, who, at);
        return ids;
    });
}

}  // namespace parscore::inspections
