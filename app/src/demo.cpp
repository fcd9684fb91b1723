#include "parscore/app/demo.hpp"

#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "log.hpp"
#include "parscore/app/adoption.hpp"
#include "parscore/app/store.hpp"
#include "parscore/inspections/store.hpp"

namespace parscore::app {

namespace {

namespace fs = std::filesystem;
namespace demo_data = engine::demo;

void remove_database_files(const fs::path& path) {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path.string() + suffix, ec);
}

/// Refuses (Invalid) anything at `path` that the demo did not make; Io when it cannot be read.
void check_replaceable(const fs::path& path) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status)) return;
    const std::string shown = "'" + path.string() + "'";
    if (!fs::is_regular_file(status)) {
        throw Error(ErrorKind::Invalid, core::T_("{path} is not an earlier demo database; the demo replaces only "
                                                 "those. Choose another --db PATH.",
                                                 {{"path", shown}}));
    }
    try {
        inspections::Store store = inspections::Store::open(path, inspections::OpenMode::Existing);
        if (!demo_data::is_demo_database(store)) {
            throw Error(ErrorKind::Invalid,
                        core::T_("{path} is not an earlier demo database; the demo replaces only those. It holds "
                                 "units or inspections the demo did not record; choose another --db PATH.",
                                 {{"path", shown}}));
        }
    } catch (const inspections::StoreError& e) {
        using Kind = inspections::StoreError::Kind;
        if (e.kind() == Kind::NotParscore || e.kind() == Kind::NewerSchema) {
            throw Error(ErrorKind::Invalid,
                        core::T_("{path} is not an earlier demo database; the demo replaces only those. {reason}",
                                 {{"path", shown}, core::part("reason", e.text())}));
        }
        throw to_error(e);
    }
}

void check_writable_folder(const fs::path& path) {
    std::error_code ec;
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec)) {
        throw Error(ErrorKind::Io, core::T_("cannot write '{path}': no folder '{folder}'",
                                            {{"path", path.string()}, {"folder", folder.string()}}));
    }
    if (::access(folder.c_str(), W_OK) != 0) {
        throw Error(ErrorKind::Io, core::T_("cannot write '{path}': the folder '{folder}' is not writable",
                                            {{"path", path.string()}, {"folder", folder.string()}}));
    }
}

/// Fills the database at `building` and scores it; removes it when that fails.
void build_into(const fs::path& building, DemoResult& result) {
    try {
        inspections::Store store = inspections::Store::open(building, inspections::OpenMode::Create);
        result.outcome = demo_data::build(store, result.rulebook.rulebook);
        // The rulebook is in force for both years, so every command on the demo works without
        // --rules. Adopted last, so the numbers of what the demo recorded stay as they were.
        for (const int year : {demo_data::kPreviousYear, demo_data::kYear})
            store.adopt(adoption_of(result.rulebook.rulebook, year, std::string(demo_data::kRecorder)));
        engine::EvaluationRequest request;
        request.year = demo_data::kYear;
        result.summary = engine::summarize(result.rulebook.rulebook, store, request);
    } catch (const inspections::StoreError& e) {
        if (!inspections::is_postgres_uri(building.string())) remove_database_files(building);
        throw to_error(e);
    } catch (const std::runtime_error& e) {
        if (!inspections::is_postgres_uri(building.string())) remove_database_files(building);
        throw Error(ErrorKind::Invalid, e.what());
    }
}

}  // namespace

/// The demo on PostgreSQL: into an empty database only (a database server's data is not replaced).
DemoResult demo_on_server(const DemoRequest& request, DemoResult result) {
    try {
        {
            inspections::Store probe = inspections::Store::open(request.database, inspections::OpenMode::Create);
            if (probe.unit_count() > 0 || probe.last_revision() > 0) {
                throw Error(ErrorKind::Invalid, core::T_("database '{path}' is not empty: the demo fills an empty one",
                                                         {{"path", inspections::shown_database(request.database)}}));
            }
        }
        build_into(request.database, result);
    } catch (const inspections::StoreError& e) {
        throw to_error(e);
    }
    return result;
}

DemoResult demo(const DemoRequest& request) {
    const fs::path& path = request.database;
    if (inspections::is_postgres_uri(path.string())) {
        DemoRulebook rb = load_demo_rulebook();
        return demo_on_server(request, DemoResult{std::move(rb.loaded), rb.path, {}, {}});
    }
    check_replaceable(path);
    check_writable_folder(path);
    const auto start = std::chrono::steady_clock::now();
    DemoRulebook rb = load_demo_rulebook();
    DemoResult result{std::move(rb.loaded), rb.path, {}, {}};
    log_info(request, "demo rulebook loaded from {}",
             result.rulebook_path.empty() ? "the built-in copy" : result.rulebook_path);

    // Built under a temporary name beside the target and renamed over it at the end, so a failed
    // run leaves the earlier demo database as it was.
    const fs::path building = path.string() + ".building-" + std::to_string(::getpid());
    remove_database_files(building);
    build_into(building, result);
    // The store is closed: its write-ahead log is folded into the file. A stale log of the file
    // being replaced must not be applied to the new one.
    std::error_code ec;
    for (const char* suffix : {"-wal", "-shm"}) fs::remove(path.string() + suffix, ec);
    fs::rename(building, path, ec);
    if (ec) {
        remove_database_files(building);
        throw Error(ErrorKind::Io,
                    core::T_("cannot write '{path}': {reason}", {{"path", path.string()}, {"reason", ec.message()}}));
    }
    log_info(request, "demo database built in {:.1f} ms",
             std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
    return result;
}

}  // namespace parscore::app
