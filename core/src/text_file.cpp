#include "parscore/core/text_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

#include "parscore/core/sha256.hpp"
#include "parscore/core/utf8.hpp"

namespace parscore::core {

namespace {

/// Closes the descriptor on every return path.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

ReadStatus status_for_open_error(int error) {
    switch (error) {
        case ENOENT:
        case ENOTDIR: return ReadStatus::NotFound;
        case EISDIR: return ReadStatus::IsDirectory;
        default: return ReadStatus::Unreadable;
    }
}

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

/// A UTF-16 or UTF-32 byte-order mark (UTF-32 LE begins like UTF-16 LE, so both are covered).
bool has_wide_bom(std::string_view bytes) {
    return starts_with(bytes, std::string_view("\xFF\xFE", 2)) || starts_with(bytes, std::string_view("\xFE\xFF", 2)) ||
           starts_with(bytes, std::string_view("\x00\x00\xFE\xFF", 4));
}

/// Reads at most `limit` bytes; a file that grows between fstat and read is still capped.
bool read_all(int fd, std::size_t limit, std::string& out) {
    char buffer[1 << 16];
    while (out.size() < limit) {
        const std::size_t want = std::min(sizeof buffer, limit - out.size());
        const ssize_t got = ::read(fd, buffer, want);
        if (got < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (got == 0) break;
        out.append(buffer, static_cast<std::size_t>(got));
    }
    return true;
}

}  // namespace

void normalize_text(std::string& text) {
    std::size_t from = starts_with(text, "\xEF\xBB\xBF") ? 3 : 0;
    std::size_t to = 0;
    for (; from < text.size(); ++from) {
        const char c = text[from];
        if (c == '\r' && from + 1 < text.size() && text[from + 1] == '\n') continue;
        text[to++] = c;
    }
    text.resize(to);
}

FileBytes read_file_bytes(const std::filesystem::path& path, std::size_t max_bytes) {
    FileBytes result;
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0) {
        result.status = status_for_open_error(errno);
        return result;
    }
    struct stat info {};
    if (::fstat(fd.get(), &info) != 0) {
        result.status = ReadStatus::Unreadable;
        return result;
    }
    if (S_ISDIR(info.st_mode)) {
        result.status = ReadStatus::IsDirectory;
        return result;
    }
    // The size is checked before reading so a huge file is never loaded; pipes report 0 and are
    // capped while reading instead.
    if (S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) > max_bytes) {
        result.status = ReadStatus::TooLarge;
        result.size = static_cast<std::size_t>(info.st_size);
        return result;
    }
    if (S_ISREG(info.st_mode)) result.bytes.reserve(static_cast<std::size_t>(info.st_size));
    const std::size_t cap = max_bytes == static_cast<std::size_t>(-1) ? max_bytes : max_bytes + 1;
    if (!read_all(fd.get(), cap, result.bytes)) {
        result.status = errno == EISDIR ? ReadStatus::IsDirectory : ReadStatus::Unreadable;
        result.bytes.clear();
        return result;
    }
    result.size = result.bytes.size();
    if (result.bytes.size() > max_bytes) {
        result.status = ReadStatus::TooLarge;
        result.bytes.clear();
    }
    return result;
}

TextFile read_text_file(const std::filesystem::path& path, std::size_t max_bytes) {
    FileBytes raw = read_file_bytes(path, max_bytes);
    if (raw.status != ReadStatus::Ok) {
        TextFile result;
        result.status = raw.status;
        result.size = raw.size;
        return result;
    }
    return decode_text(std::move(raw.bytes), max_bytes);
}

TextFile decode_text(std::string bytes, std::size_t max_bytes) {
    TextFile result;
    result.size = bytes.size();
    if (bytes.size() > max_bytes) {
        result.status = ReadStatus::TooLarge;
        return result;
    }
    result.raw_sha256 = sha256_hex(bytes);
    if (has_wide_bom(bytes)) {
        result.status = ReadStatus::Utf16;
        return result;
    }
    normalize_text(bytes);
    if (auto bad = find_invalid_utf8(bytes)) {
        result.status = ReadStatus::InvalidUtf8;
        result.bad_offset = *bad;
    }
    result.text = std::move(bytes);
    return result;
}

const char* describe(ReadStatus status) {
    switch (status) {
        case ReadStatus::Ok: return "ok";
        case ReadStatus::NotFound: return "no such file";
        case ReadStatus::IsDirectory: return "is a directory";
        case ReadStatus::Unreadable: return "cannot be read (permission denied or I/O error)";
        case ReadStatus::TooLarge: return "file is too large";
        case ReadStatus::InvalidUtf8: return "not valid UTF-8";
        case ReadStatus::Utf16: return "UTF-16 or UTF-32 text (save the file as UTF-8)";
    }
    return "unknown status";
}

Text describe_text(ReadStatus status) {
    switch (status) {
        case ReadStatus::Ok: return T_("ok");
        case ReadStatus::NotFound: return T_("no such file");
        case ReadStatus::IsDirectory: return T_("is a directory");
        case ReadStatus::Unreadable: return T_("cannot be read (permission denied or I/O error)");
        case ReadStatus::TooLarge: return T_("file is too large");
        case ReadStatus::InvalidUtf8: return T_("not valid UTF-8");
        case ReadStatus::Utf16: return T_("UTF-16 or UTF-32 text (save the file as UTF-8)");
    }
    return T_("unknown status");
}

}  // namespace parscore::core
