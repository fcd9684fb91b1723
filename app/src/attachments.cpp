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

/// A file to attach, read only when its size allows: Io when it cannot be read, Invalid when it is
/// too large or not one of the four types (told by its content, never its name).
ins::AttachmentFile read_attachment_file(const std::string& path) {
    const core::TextArg file{"file", "'" + core::sanitize_utf8(path) + "'"};
    core::FileBytes raw = core::read_file_bytes(path, ins::kMaxAttachmentBytes);
    if (raw.status == core::ReadStatus::TooLarge) {
        throw Error(ErrorKind::Invalid, core::T_("{file} has {size} bytes; an attachment has at most {max} (10 MiB)",
                                                 {file,
                                                  {"size", std::to_string(raw.size)},
                                                  {"max", std::to_string(ins::kMaxAttachmentBytes)}}));
    }
    if (raw.status != core::ReadStatus::Ok) {
        throw Error(ErrorKind::Io,
                    core::T_("cannot read {path}: {reason}", {{"path", "'" + core::sanitize_utf8(path) + "'"},
                                                              core::part("reason", core::describe_text(raw.status))}));
    }
    const std::optional<ins::MediaType> type = ins::sniff_media_type(raw.bytes);
    if (!type) {
        throw Error(ErrorKind::Invalid,
                    core::T_("{file} is not a JPEG, PNG, WebP or PDF file (its content is what counts, not its name)",
                             {file}));
    }
    std::string name = core::to_nfc(core::sanitize_utf8(std::filesystem::path(path).filename().string()));
    if (name.size() > ins::kMaxFileNameBytes) {
        name.resize(ins::kMaxFileNameBytes);
        while (!core::is_valid_utf8(name)) name.pop_back();  // never half a character
    }
    return ins::AttachmentFile{std::move(name), *type, std::move(raw.bytes)};
}

/// The attachment of `detail` whose SHA-256 is or starts with `sha256`; Invalid when none or
/// several are.
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
    if (!found) throw Error(ErrorKind::Invalid, core::T_("inspection {id} has no attachment '{sha256}'", {id, named}));
    return *found;
}

}  // namespace

AttachResult attach(const AttachRequest& request) {
    AttachResult result;
    translating_store_errors([&] {
        ins::Store store = open_store(request, ins::OpenMode::Existing);
        const Access access = Access::of(request, store);
        if (!access.allows(Action::RecordInspection)) access.require(Action::RecordSelf);
        if (request.files.empty()) throw Error(ErrorKind::BadRequest, core::T_("expected files to attach, found none"));
        const ins::InspectionDetail detail = require_inspection(store, access, request.id,
                                                                [](const ins::InspectionSummary& s) {
                                                                    return Access::recording_action(s.kind);
                                                                });
        std::vector<ins::AttachmentFile> files;
        for (const std::string& path : request.files) files.push_back(read_attachment_file(path));
        const std::vector<std::int64_t> numbers = store.attach(detail.summary.id, files, request.actor.name);
        const ins::InspectionDetail after = *store.inspection(detail.summary.id);
        result.id = detail.summary.id;
        for (std::size_t i = 0; i < files.size(); ++i) {
            auto info = std::find_if(after.attachments.begin(), after.attachments.end(),
                                     [&](const ins::AttachmentInfo& a) { return a.no == numbers[i]; });
            result.files.push_back(AttachedFile{request.files[i], *info});
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
