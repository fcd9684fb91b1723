// Replays inputs through a fuzz target without libFuzzer: the regression tests of the fuzzers.
// Arguments are files or folders (searched recursively); every input must return within
// PARSCORE_REPLAY_MAX_SECONDS (default 10) — a slower one is reported as a hang and fails the run.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    double max_seconds = 10;
    if (const char* env = std::getenv("PARSCORE_REPLAY_MAX_SECONDS")) max_seconds = std::atof(env);
    std::vector<fs::path> inputs;
    for (int i = 1; i < argc; ++i) {
        const fs::path arg = argv[i];
        if (fs::is_directory(arg)) {
            for (const auto& e : fs::recursive_directory_iterator(arg)) {
                if (e.is_regular_file()) inputs.push_back(e.path());
            }
        } else if (fs::is_regular_file(arg)) {
            inputs.push_back(arg);
        } else {
            std::fprintf(stderr, "no such input: %s\n", argv[i]);
            return 2;
        }
    }
    std::sort(inputs.begin(), inputs.end());
    int slow = 0;
    double slowest = 0;
    for (const fs::path& p : inputs) {
        std::ifstream in(p, std::ios::binary);
        const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const auto start = std::chrono::steady_clock::now();
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        slowest = std::max(slowest, seconds);
        if (seconds > max_seconds) {
            std::fprintf(stderr, "too slow (%.2f s > %.2f s): %s\n", seconds, max_seconds, p.c_str());
            ++slow;
        }
    }
    std::printf("replayed %zu inputs, slowest %.3f s\n", inputs.size(), slowest);
    return slow == 0 ? 0 : 1;
}
