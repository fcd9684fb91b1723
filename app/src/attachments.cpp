// Attaching files to an inspection and reading one back (docs/accounts.md, "Attachments").
#include <algorithm>
#include <filesystem>

#include "parscore/app/access.hpp"
#include "parscore/app/outputs.hpp"
#include "parscore/app/review.hpp"
#include "parscore/app/store.hpp"
#include "parscore/core/text_file.hpp"
#include "parscore/core/utf8.hpp"
#include "review_access.hpp"

namespace parscore::app {

namespace ins = parscore::inspections;

namespace {

Error too_large(const core::TextArg& file, std::size_t size) {
    return Error(ErrorKind::Invalid,
                 core::T_("{file} has {size} bytes; an attachment has at most {max} (10 MiB)",
                          {file, {"size", std::to_string(size)}, {"max", std::to_string(ins::kMaxAttachmentBytes)}}));
}

/// A file's bytes as an attachment named `name`: Invalid when they are too many or not one of the
/// four types (told by the content, never the name).
ins::AttachmentFile checked_attachment(const core::TextArg& file, const std::string& name, std::string bytes) {
    if (bytes.size() > ins::kMaxAttachmentBytes) throw too_large(file, bytes.size());
    const std::optional<ins::MediaType> type = ins::sniff_media_type(bytes);
    if (!type) {
        throw Error(ErrorKind::Invalid,
                    core::T_("{file} is not a JPEG, PNG, WebP or PDF file (its content is what counts, not its name)",
                             {file}));
    }
    std::string stored = core::to_nfc(core::sanitize_utf8(name));
    if (stored.size() > ins::kMaxFileNameBytes) {
        stored.resize(ins::kMaxFileNameBytes);
        while (!core::is_valid_utf8(stored)) stored.pop_back();  // never half a character
    }
    return ins::AttachmentFile{std::move(stored), *type, std::move(bytes)};
}

/// A file to attach, read only when its size allows: Io when it cannot be read, Invalid when it is
/// too large or not one of the four types.
ins::AttachmentFile read_attachment_file(const std::string& path) {
    const core::TextArg file{"file", "'" + core::sanitize_utf8(path) + "'"};
    core::FileBytes raw = core::read_file_bytes(path, ins::kMaxAttachmentBytes);
    if (raw.status == core::ReadStatus::TooLarge) throw too_large(file, raw.size);
    if (raw.status != core::ReadStatus::Ok) {
        throw Error(ErrorKind::Io,
                    core::T_("cannot read {path}: {reason}", {{"path", "'" + core::sanitize_utf8(path) + "'"},
                                                              core::part("reason", core::describe_text(raw.status))}));
    }
    return checked_attachment(file, std::filesystem::path(path).filename().string(), std::move(raw.bytes));
}

/// An upload's name, checked before the database is opened.
void check_upload_names(const std::vector<AttachmentUpload>& uploads) {
    for (const AttachmentUpload& u : uploads) {
        if (!is_safe_file_name(u.name)) {
            throw Error(ErrorKind::BadRequest,
                        core::T_("'{name}' is not a safe file name for an attachment (no folders, control characters "
                                 "or any of \\ : * ? \" < > |; at most 255 bytes)",
                                 {{"name", core::printable(std::string_view(u.name).substr(0, 80))}}));
        }
    }
}

/// The attachment of `detail` whose SHA-256 is or starts with `sha256`; NotFound when none is,
/// Invalid when several are.
const ins::AttachmentInfo& find_attachment(const ins::InspectionDetail& detail, const std::string& sha256) {
    const core::TextArg named{"sha256", core::sanitize_utf8(sha256)}, id{"id", detail.summary.id};
    if (sha256.size() < 8) {
        throw Error(ErrorKind::BadRequest,
                    core::T_("attachment '{sha256}' is too short: give its SHA-256 or its first 8 digits or more",
                             {named}));
    }
    const ins::AttachmentInfo* found = nullptr;
    for (const ins::AttachmentInfo& a : detail.attachments) {
        if (!a.sha256.starts_with(sha256) || (found && found->sha256 == a.sha256)) continue;
        if (found) throw Error(ErrorKind::Invalid, core::T_("attachment prefix '{sha256}' is ambiguous", {named}));
        found = &a;
    }
    if (!found) throw Error(ErrorKind::NotFound, core::T_("inspection {id} has no attachment '{sha256}'", {id, named}));
    return *found;
}

}  // namespace

bool is_safe_file_name(std::string_view name) {
    if (name.empty() || name.size() > ins::kMaxFileNameBytes || !core::is_valid_utf8(name)) return false;
    if (name.front() == '.' || name.back() == '.' || name.back() == ' ') return false;
    for (std::size_t i = 0; i < name.size(); ++i) {
        const auto c = static_cast<unsigned char>(name[i]);
        if (c < 0x20 || c == 0x7F ||
            std::string_view("/\\:*?\"<>|").find(static_cast<char>(c)) != std::string_view::npos)
            return false;
        // U+0080–U+009F, the C1 controls, are C2 80 – C2 9F in UTF-8.
        if (c == 0xC2 && i + 1 < name.size() && static_cast<unsigned char>(name[i + 1]) <= 0x9F) return false;
    }
    return true;
}

AttachResult attach(const AttachRequest& request) {
    AttachResult result;
    check_upload_names(request.uploads);
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::Existing);
        const Access access = Access::of(request, store);
        if (!access.allows(Action::RecordInspection)) access.require(Action::RecordSelf);
        if (request.files.empty() && request.uploads.empty())
            throw Error(ErrorKind::BadRequest, core::T_("expected files to attach, found none"));
        const ins::InspectionDetail detail = require_inspection(store, access, request.id,
                                                                [](const ins::InspectionSummary& s) {
                                                                    return Access::recording_action(s.kind);
                                                                });
        std::vector<ins::AttachmentFile> files;
        std::vector<std::string> names = request.files;
        for (const std::string& path : request.files) files.push_back(read_attachment_file(path));
        for (const AttachmentUpload& u : request.uploads) {
            files.push_back(checked_attachment({"file", "'" + u.name + "'"}, u.name, u.bytes));
            names.push_back(u.name);
        }
        const std::vector<std::int64_t> numbers = store.attach(detail.summary.id, files, request.actor.name);
        const ins::InspectionDetail after = *store.inspection(detail.summary.id);
        result.id = detail.summary.id;
        for (std::size_t i = 0; i < files.size(); ++i) {
            auto info = std::find_if(after.attachments.begin(), after.attachments.end(),
                                     [&](const ins::AttachmentInfo& a) { return a.no == numbers[i]; });
            result.files.push_back(AttachedFile{names[i], *info});
        }
    });
    return result;
}

AttachmentResult read_attachment(const AttachmentRequest& request) {
    std::optional<AttachmentResult> result;
    refuse_output_over_inputs("--out", request.out, {}, &request.database);
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::ReadOnly);
        const Access access = Access::of(request, store);
        access.require(Action::ReadInspections);
        const ins::InspectionDetail detail = require_inspection(store, access, request.id,
                                                                [](const ins::InspectionSummary&) {
                                                                    return Action::ReadInspections;
                                                                });
        const ins::AttachmentInfo& info = find_attachment(detail, request.sha256);
        std::optional<ins::AttachmentBody> body = store.attachment(info.sha256);
        if (!body) {
            throw Error(ErrorKind::Invalid, core::T_("attachment {sha256} is missing from the database (run verify)",
                                                     {{"sha256", info.sha256}}));
        }
        result = AttachmentResult{info, std::move(body->bytes)};
    });
    return std::move(*result);
}

}  // namespace parscore::app
