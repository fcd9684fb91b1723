// Writing status events: submitting, returning and locking inspections, one by one or a whole year.
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

/// A status move: the event, the statuses it leaves and the one it reaches.
struct Move {
    const char* event;
    std::vector<Status> from;
    Status to;
};

const Move kSubmit{"submit", {Status::Draft, Status::Returned}, Status::Submitted};
const Move kLock{"lock", {Status::Submitted}, Status::Locked};
const Move kReturn{"return", {Status::Submitted}, Status::Returned};

/// The statuses a move leaves, as a refusal names them ("draft or returned").
core::Text from_text(const Move& move) {
    if (move.from.size() == 1) return status_text(move.from.front());
    return core::T_("{first} or {second}",
                    {core::part("first", status_text(move.from[0])), core::part("second", status_text(move.from[1]))});
}

/// Inside a write transaction: checks and appends status move `move` of inspection `id` as change
/// `no` (a return's with its reason); refused when the inspection is unknown or not in a status it leaves.
void add_status_event(Store::Impl& impl, const std::string& id, const Move& move, std::int64_t no,
                      const std::string& who, const std::string& at, std::optional<std::string> note = {}) {
    auto head = impl.chain_head(id);
    if (!head) refuse(core::T_("unknown inspection {id}", {quoted("id", id)}));
    if (std::find(move.from.begin(), move.from.end(), head->status) == move.from.end()) {
        refuse(core::T_("inspection {id} is {status}; only a {required} inspection can become {result}",
                        {{"id", id},
                         core::part("status", status_text(head->status)),
                         core::part("required", from_text(move)),
                         core::part("result", status_text(move.to))}));
    }
    EventRow row;
    row.no = no;
    row.inspection = id;
    row.event = move.event;
    row.recorded_by = who;
    row.recorded_at = at;
    row.note = std::move(note);
    impl.append_event(*head, row);
    impl.audit(move.event, id, no);
}

/// Moves every inspection named (by id or unique prefix) in one transaction; returns their full
/// ids, each once, in the order given.
std::vector<std::string> move_all(Store& store, Store::Impl& impl, const std::vector<std::string>& names,
                                  const Move& move, const std::string& who) {
    return impl.write([&] {
        std::vector<std::string> ids;
        for (const std::string& name : names) {
            std::string id = store.resolve_inspection(name).value_or(name);
            if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
        }
        std::int64_t no = impl.next_revision();
        const std::string at = utc_now();
        for (const std::string& id : ids) add_status_event(impl, id, move, no++, who, at);
        return ids;
    });
}

}  // namespace

void Store::Impl::append_event(ChainHead& head, EventRow& row) {
    row.seq = head.last_seq + 1;
    row.prev_hash = head.last_hash;
    row.hash = chain::event_hash(row.content());
    sql::Statement s = db.prepare(EventRow::insert_sql());
    row.bind(s);
    s.run();
    head.last_seq = row.seq;
    head.last_hash = row.hash;
}

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
    return move_all(*this, *impl_, ids, kSubmit, who_or_user(who));
}

std::vector<std::string> Store::lock(const std::vector<std::string>& ids, const std::string& who) {
    return move_all(*this, *impl_, ids, kLock, who_or_user(who));
}

std::int64_t Store::return_inspection(std::string_view id, const std::string& note, const std::string& who_given) {
    const std::string text = checked_note(note, core::T_("the reason for returning"));
    const std::string who = who_or_user(who_given);
    return impl_->write([&] {
        const std::int64_t no = impl_->next_revision();
        add_status_event(*impl_, std::string(id), kReturn, no, who, utc_now(), text);
        return no;
    });
}

void Store::submit(std::string_view id, const std::string& who) { submit(std::vector{std::string(id)}, who); }
void Store::lock(std::string_view id, const std::string& who) { lock(std::vector{std::string(id)}, who); }

std::vector<std::string> Store::lock_year(int year, const std::optional<std::string>& unit,
                                          const std::string& who_given) {
    const std::string who = who_or_user(who_given);
    return impl_->write([&] {
        // Submitted (by its last status event, else its first status), latest revision in the year.
        sql::Statement s = impl_->db.prepare(
            "SELECT i.id FROM inspections i JOIN revisions r ON r.inspection = i.id "
            "WHERE r.seq = (SELECT max(seq) FROM revisions WHERE inspection = i.id) AND r.eval_year = ?1 "
            " AND (?2 IS NULL OR i.unit = ?2) "
            " AND coalesce(" PARSCORE_LAST_STATUS_EVENT
            ", i.status) IN ('submit', 'submitted') "
            "ORDER BY i.stamp, i.id");
        s.bind(1, year).bind(2, unit);
        std::vector<std::string> ids;
        while (s.step()) ids.push_back(s.text(0));
        std::int64_t no = impl_->next_revision();
        const std::string at = utc_now();
        for (const std::string& id : ids) add_status_event(*impl_, id, kLock, no++, who, at);
        return ids;
    });
}

}  // namespace parscore::inspections
