#include "shared.hpp"

#include <fstream>

#include "parscore/rules/loader.hpp"

namespace parscore::cli {

rules::Rulebook load_rules(const std::string& path, Context& ctx, core::SourceSet& sources) {
    core::Diagnostics diags;
    rules::LoadOutcome outcome = rules::load_rulebook(path, sources, diags);
    if (outcome.io_failure) {
        ctx.print_diagnostics(diags, sources);
        throw CliError(kIo, "cannot read rulebook '" + path + "'");
    }
    if (!outcome.rulebook || diags.has_errors()) {
        ctx.print_diagnostics(diags, sources);
        throw CliError(kInvalid, "rulebook '" + path + "' has errors");
    }
    return std::move(*outcome.rulebook);
}

void write_output(Context& ctx, const std::string& out_path, const std::string& text) {
    write_output_stream(ctx, out_path, [&](std::ostream& os) { os << text; });
}

void write_output_stream(Context& ctx, const std::string& out_path, const std::function<void(std::ostream&)>& write) {
    if (out_path.empty()) {
        write(ctx.out);
        return;
    }
    std::ofstream file(out_path, std::ios::binary | std::ios::trunc);
    if (!file) throw CliError(kIo, "cannot write '" + out_path + "'");
    write(file);
    if (!file.flush()) throw CliError(kIo, "cannot write '" + out_path + "'");
}

int parse_year_option(const std::string& text) {
    int year = 0;
    bool digits = !text.empty() && text.size() <= 4 && text.find_first_not_of("0123456789") == std::string::npos;
    if (digits) year = std::stoi(text);
    if (!digits || year < 1) throw CliError(kUsage, "--year must be a year from 1 to 9999, not '" + text + "'");
    return year;
}

}  // namespace parscore::cli
