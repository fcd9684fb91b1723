#pragma once
// A fresh folder under the system's temporary folder for one test, removed with everything in it
// when the object goes. Its name carries a random number and the process id, so tests running in
// parallel never share one.
#include <unistd.h>

#include <filesystem>
#include <random>
#include <string>

namespace parscore::testing {

class ScratchDir {
public:
    explicit ScratchDir(const std::string& prefix = "parscore-test") {
        std::random_device rd;
        path_ = std::filesystem::temp_directory_path() /
                (prefix + "-" + std::to_string(rd()) + "-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path_);
    }
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace parscore::testing
