#include "parscore/app/files.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "parscore/app/error.hpp"

namespace parscore::app {

namespace fs = std::filesystem;

namespace {

Error cannot_write(const std::string& path, const std::string& why) {
    if (why.empty()) return Error(ErrorKind::Io, core::T_("cannot write '{path}'", {{"path", path}}));
    return Error(ErrorKind::Io, core::T_("cannot write '{path}': {reason}", {{"path", path}, {"reason", why}}));
}

/// Gives `tmp` the permissions of the file it replaces, or those of any new file (0666 less the umask).
void copy_permissions(const fs::path& target, const fs::path& tmp) {
    std::error_code ec;
    const fs::file_status old = fs::status(target, ec);
    if (fs::exists(old)) {
        fs::permissions(tmp, old.permissions(), ec);
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        fs::permissions(tmp, static_cast<fs::perms>(0666 & ~mask), ec);
    }
}

}  // namespace

void write_file_atomically(const std::string& path, const std::function<void(const fs::path& tmp)>& write) {
    std::error_code ec;
    fs::path target = path;
    if (fs::is_symlink(fs::symlink_status(target, ec))) target = fs::weakly_canonical(target, ec);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::string name = (folder / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(name.data());
    if (fd < 0) throw cannot_write(path, std::strerror(errno));
    ::close(fd);
    const fs::path tmp = name;
    struct Remove {
        const fs::path& file;
        bool keep = false;
        ~Remove() {
            std::error_code ignored;
            if (!keep) fs::remove(file, ignored);
        }
    } cleanup{tmp};
    write(tmp);
    copy_permissions(target, tmp);
    if (::rename(tmp.c_str(), target.c_str()) != 0) throw cannot_write(path, std::strerror(errno));
    cleanup.keep = true;
}

void write_text_atomically(const std::string& path, const std::string& text) {
    write_file_atomically(path, [&](const fs::path& tmp) {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        if (!file) throw cannot_write(path, "");
        file << text;
        if (!file.flush()) throw cannot_write(path, "");
    });
}

}  // namespace parscore::app
