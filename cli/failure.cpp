#include "failure.hpp"

#include "context.hpp"
#include "parscore/core/render.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/inspections/store_error.hpp"

namespace parscore::cli {

int exit_code(app::ErrorKind kind) {
    switch (kind) {
        case app::ErrorKind::Invalid:
        case app::ErrorKind::NotFound:
        case app::ErrorKind::Forbidden: return kInvalid;
        case app::ErrorKind::BadRequest: return kUsage;
        case app::ErrorKind::Io: return kIo;
        case app::ErrorKind::Internal: return kInternal;
    }
    return kInternal;
}

void print_diagnostics(std::ostream& err, const core::Diagnostics& diags, const core::SourceSet& sources,
                       i18n::Language lang) {
    if (diags.empty()) return;
    err << core::render_all(diags, sources, i18n::localizer(lang));
    err << i18n::trn(lang, "{n} error", "{n} errors", diags.error_count()) << ", "
        << i18n::trn(lang, "{n} warning", "{n} warnings", diags.warning_count()) << "\n";
}

int report_usage_error(std::ostream& err, const std::string& message, const std::string& command, i18n::Language lang) {
    err << "parscore: error: "
        << i18n::tr(lang, "{message} (see '{command} --help')",
                    {{"message", core::printable(message)}, {"command", command}})
        << "\n";
    return kUsage;
}

namespace {

int report_line(std::ostream& err, int code, const core::Text& message, const std::string& command,
                i18n::Language lang) {
    if (code == kUsage) return report_usage_error(err, i18n::localize(lang, message), command, lang);
    err << (code == kInternal ? "parscore: internal error: " : "parscore: error: ")
        << core::printable(i18n::localize(lang, message)) << "\n";
    return code;
}

}  // namespace

int report_failure(const std::exception_ptr& failure, std::ostream& err, const std::string& command,
                   i18n::Language lang) {
    try {
        std::rethrow_exception(failure);
    } catch (const app::Error& e) {
        if (const app::Problems* problems = e.problems())
            print_diagnostics(err, problems->diagnostics, problems->sources, lang);
        return report_line(err, exit_code(e.kind()), e.text(), command, lang);
    } catch (const CliError& e) {
        return report_line(err, e.code, e.text(), command, lang);
    } catch (const inspections::StoreError& e) {
        return report_line(err, e.exit_code(), e.text(), command, lang);
    } catch (const std::exception& e) {
        return report_line(err, kInternal, core::verbatim(e.what()), command, lang);
    } catch (...) {
        return report_line(err, kInternal, core::T_("an exception of an unknown type"), command, lang);
    }
}

}  // namespace parscore::cli
