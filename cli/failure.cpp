#include "failure.hpp"

#include "context.hpp"
#include "parscore/core/plural.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/inspections/store_error.hpp"

namespace parscore::cli {

int exit_code(app::ErrorKind kind) {
    switch (kind) {
        case app::ErrorKind::Invalid:
        case app::ErrorKind::Forbidden: return kInvalid;
        case app::ErrorKind::BadRequest: return kUsage;
        case app::ErrorKind::Io: return kIo;
        case app::ErrorKind::Internal: return kInternal;
    }
    return kInternal;
}

void print_diagnostics(std::ostream& err, const core::Diagnostics& diags, const core::SourceSet& sources) {
    if (diags.empty()) return;
    err << core::render_all(diags, sources);
    err << core::count_of(diags.error_count(), "error") << ", " << core::count_of(diags.warning_count(), "warning")
        << "\n";
}

int report_usage_error(std::ostream& err, const std::string& message, const std::string& command) {
    err << "parscore: error: " << core::printable(message) << " (see '" << command << " --help')\n";
    return kUsage;
}

namespace {

int report_line(std::ostream& err, int code, const std::string& message, const std::string& command) {
    if (code == kUsage) return report_usage_error(err, message, command);
    err << (code == kInternal ? "parscore: internal error: " : "parscore: error: ") << core::printable(message) << "\n";
    return code;
}

}  // namespace

int report_failure(const std::exception_ptr& failure, std::ostream& err, const std::string& command) {
    try {
        std::rethrow_exception(failure);
    } catch (const app::Error& e) {
        if (const app::Problems* problems = e.problems())
            print_diagnostics(err, problems->diagnostics, problems->sources);
        return report_line(err, exit_code(e.kind()), e.what(), command);
    } catch (const CliError& e) {
        return report_line(err, e.code, e.what(), command);
    } catch (const inspections::StoreError& e) {
        return report_line(err, e.exit_code(), e.what(), command);
    } catch (const std::exception& e) {
        return report_line(err, kInternal, e.what(), command);
    } catch (...) {
        return report_line(err, kInternal, "an exception of an unknown type", command);
    }
}

}  // namespace parscore::cli
