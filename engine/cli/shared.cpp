#include "shared.hpp"

#include <fstream>

#include <CLI/CLI.hpp>

#include "parscore/core/utf8.hpp"
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

void print_warnings(Context& ctx, const std::vector<engine::Warning>& warnings) {
    for (const auto& w : warnings) ctx.err << "warning[" << w.code << "]: " << core::printable(w.message) << "\n";
}

void add_rules_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--rules", into, "Rulebook file")->required();
}

void add_year_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--year", into, "Evaluation year")->required();
}

void add_basis_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--basis", into, "Inspection kinds that count: all, self or inspected (default: all)")
        ->check(CLI::IsMember({"all", "self", "inspected"}));
}

void add_format_option(CLI::App* cmd, std::string& into, const std::vector<std::string>& formats) {
    std::string list;
    for (std::size_t i = 0; i < formats.size(); ++i) {
        list += (i == 0 ? "" : i + 1 == formats.size() ? " or " : ", ") + formats[i];
    }
    cmd->add_option("--format", into, "Output format: " + list + " (default: " + formats.front() + ")")
        ->check(CLI::IsMember(formats));
}

void add_out_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--out", into, "Write to FILE instead of stdout");
}

void add_category_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--category", into, "Only this category");
}

void add_bom_option(CLI::App* cmd, bool& into) {
    cmd->add_flag("--bom", into, "CSV: start with a UTF-8 byte-order mark");
}

int parse_year_option(const std::string& text) {
    int year = 0;
    bool digits = !text.empty() && text.size() <= 4 && text.find_first_not_of("0123456789") == std::string::npos;
    if (digits) year = std::stoi(text);
    if (!digits || year < 1) {
        throw CliError(kUsage, "--year: expected a year from 1 to 9999, found '" + core::sanitize_utf8(text) + "'");
    }
    return year;
}

}  // namespace parscore::cli
