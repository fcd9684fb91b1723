#pragma once
// Review of an inspection: returning it to its team, commenting on it, attaching photos and
// documents, and reading an attachment back (docs/accounts.md, "Review" and "Attachments"). Each
// change is an event in the inspection's chain recorded by the request's actor.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/app/request.hpp"
#include "parscore/inspections/review.hpp"

namespace parscore::app {

/// What names the inspection: a whole id or a prefix of at least inspections::kMinIdPrefix
/// characters (shorter: BadRequest; unknown, or not readable by the account: Invalid).
struct InspectionRequest : StoreRequest {
    std::string id;
};

struct ReturnRequest : InspectionRequest {
    std::string comment;  // why it goes back (required)
};

struct CommentRequest : InspectionRequest {
    std::string text;
};

/// A change to one inspection: its whole id and the revision number the change took.
struct ReviewResult {
    std::string id;
    std::int64_t revision = 0;
};

/// Moves a submitted inspection to returned (ReturnOrLock). Another status is Invalid, naming it;
/// an empty, blank or too long comment is a BadRequest.
ReviewResult return_inspection(const ReturnRequest& request);
/// Adds a comment to an inspection of any status (Comment, on an inspection the actor may read).
ReviewResult comment(const CommentRequest& request);

/// A file sent as bytes (the server's uploads) rather than named by its path.
struct AttachmentUpload {
    std::string name;  // must be a safe file name (is_safe_file_name), else a BadRequest
    std::string bytes;
};

struct AttachRequest : InspectionRequest {
    std::vector<std::string> files;         // paths; each becomes one attachment named by its file name
    std::vector<AttachmentUpload> uploads;  // attached after `files`
};

/// Whether `name` is a safe file name for an attachment: UTF-8 of 1 to 255 bytes, no control
/// character, none of / \ : * ? " < > |, not starting with a dot nor ending with a dot or a space.
bool is_safe_file_name(std::string_view name);

struct AttachedFile {
    std::string path;  // as given
    inspections::AttachmentInfo info;
};

struct AttachResult {
    std::string id;
    std::vector<AttachedFile> files;  // in the order given (files, then uploads)
};

/// Attaches files to an inspection that is not locked (the recording row of its kind). A file
/// that is missing or unreadable is Io; one over inspections::kMaxAttachmentBytes (checked before
/// it is read) or not a JPEG, PNG, WebP or PDF by its content is Invalid. All or nothing.
AttachResult attach(const AttachRequest& request);

struct AttachmentRequest : InspectionRequest {
    /// Of an attachment of that inspection: its whole SHA-256, or a prefix of at least 8 hex digits.
    std::string sha256;
    /// Where the front end will write the bytes: refused (BadRequest) when it is the database or
    /// one of its side files.
    std::optional<std::string> out;
};

struct AttachmentResult {
    inspections::AttachmentInfo info;
    std::string bytes;
};

/// One attachment of an inspection the actor may read, with its bytes.
AttachmentResult read_attachment(const AttachmentRequest& request);

}  // namespace parscore::app
