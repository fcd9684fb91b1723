// Review events that are not status moves: comments and attachments (docs/store.md, "Review and
// attachments"), and reading an attachment's bytes.
#include <algorithm>

#include "parscore/core/sha256.hpp"
#include "parscore/core/utf8.hpp"
#include "store_impl.hpp"
#include "store_rows.hpp"

namespace parscore::inspections {

std::optional<core::Text> note_problem(std::string_view text) {
    if (!core::is_valid_utf8(text)) return core::T_("the text is not valid UTF-8");
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return core::T_("the text is empty");
    if (core::code_point_count(text) > kMaxNoteChars)
        return core::T_("the text is longer than {max} characters", {{"max", std::to_string(kMaxNoteChars)}});
    return std::nullopt;
}

std::string checked_note(std::string_view text, const core::Text& what) {
    if (auto problem = note_problem(text))
        refuse(core::T_("{what} cannot be stored: {problem}",
                        {core::part("what", what), core::part("problem", *problem)}));
    return std::string(text);
}

namespace {

/// Inside a write transaction: the chain of inspection `id`; refused when there is none.
Store::Impl::ChainHead require_chain(Store::Impl& impl, std::string_view id) {
    auto head = impl.chain_head(id);
    if (!head) refuse(core::T_("unknown inspection {id}", {quoted("id", id)}));
    return std::move(*head);
}

/// Refuses a file that cannot be attached to the inspection: a bad name, or bytes already
/// attached to it (stored or earlier in the same request).
void check_new_file(sql::Statement& attached, std::string_view id, const AttachmentFile& file, const std::string& sha,
                    const std::vector<std::string>& earlier) {
    if (file.name.empty() || file.name.size() > kMaxFileNameBytes || !core::is_valid_utf8(file.name))
        refuse(core::T_("attachment name {name} is empty, too long or not UTF-8", {quoted("name", file.name)}));
    attached.bind(1, id).bind(2, sha);
    const bool stored = attached.step();
    const std::string as = stored ? attached.text(0) : std::string();
    attached.reset();
    const core::TextArg named = quoted("file", file.name), inspection{"id", std::string(id)};
    if (stored && as != file.name) {
        refuse(core::T_("{file} is already attached to inspection {id} as {stored}",
                        {named, inspection, quoted("stored", as)}));
    }
    if (stored || std::find(earlier.begin(), earlier.end(), sha) != earlier.end())
        refuse(core::T_("{file} is already attached to inspection {id}", {named, inspection}));
}

}  // namespace

std::int64_t Store::comment(std::string_view id, const std::string& text, const std::string& who_given) {
    const std::string note = checked_note(text, core::T_("the comment"));
    const std::string who = who_or_user(who_given);
    return impl_->write([&] {
        Impl::ChainHead head = require_chain(*impl_, id);
        EventRow row;
        row.no = impl_->next_revision();
        row.inspection = std::string(id);
        row.event = "comment";
        row.recorded_by = who;
        row.recorded_at = utc_now();
        row.note = note;
        impl_->append_event(head, row);
        impl_->audit("comment", id, row.no);
        return row.no;
    });
}

std::vector<std::int64_t> Store::attach(std::string_view id, const std::vector<AttachmentFile>& files,
                                        const std::string& who_given) {
    const std::string who = who_or_user(who_given);
    return impl_->write([&] {
        Impl::ChainHead head = require_chain(*impl_, id);
        if (head.status == Status::Locked)
            refuse(core::T_("inspection {id} is locked; nothing can be attached to it", {{"id", std::string(id)}}));
        sql::Statement attached = impl_->db.prepare(
            "SELECT file_name FROM events WHERE inspection = ?1 AND event = 'attach' AND attachment = ?2 LIMIT 1");
        // Stored once by content: a file attached elsewhere before keeps its one copy.
        sql::Statement store = impl_->db.prepare(
            "INSERT OR IGNORE INTO attachments(sha256, media_type, size, body) VALUES (?, ?, ?, ?)");
        std::vector<std::string> shas;
        std::vector<std::int64_t> numbers;
        const std::string at = utc_now();
        for (const AttachmentFile& file : files) {
            const std::string sha = core::sha256_hex(file.bytes);
            check_new_file(attached, id, file, sha, shas);
            shas.push_back(sha);
            store.bind(1, sha).bind(2, mime_type(file.type)).bind(3, static_cast<std::int64_t>(file.bytes.size()));
            store.bind_blob(4, file.bytes);
            store.run();
            EventRow row;
            row.no = impl_->next_revision();
            row.inspection = std::string(id);
            row.event = "attach";
            row.recorded_by = who;
            row.recorded_at = at;
            row.attachment = sha;
            row.file_name = file.name;
            impl_->append_event(head, row);
            impl_->audit("attach", id, row.no);
            numbers.push_back(row.no);
        }
        return numbers;
    });
}

std::optional<AttachmentBody> Store::attachment(std::string_view sha256) const {
    if (impl_->schema < 4) return std::nullopt;
    sql::Statement s = impl_->db.prepare("SELECT sha256, media_type, body FROM attachments WHERE sha256 = ?");
    s.bind(1, sha256);
    if (!s.step()) return std::nullopt;
    return AttachmentBody{s.text(0), s.text(1), std::string(s.blob(2))};
}

}  // namespace parscore::inspections
