#include "shared.hpp"

#include <cstdlib>

#include <fstream>

#include <CLI/CLI.hpp>

#include "help.hpp"
#include "parscore/app/error.hpp"
#include "parscore/app/files.hpp"
#include "parscore/core/utf8.hpp"
#include "parscore/i18n/translate.hpp"
#include "parscore/output/display.hpp"

namespace parscore::cli {

void write_output(Context& ctx, const std::string& out_path, const std::string& text) {
    write_output_stream(ctx, out_path, [&](std::ostream& os) { os << text; });
}

void write_output_stream(Context& ctx, const std::string& out_path, const std::function<void(std::ostream&)>& write) {
    if (out_path.empty()) {
        write(ctx.out);
        return;
    }
    app::write_file_atomically(out_path, [&](const std::filesystem::path& tmp) {
        std::ofstream file(tmp, std::ios::binary | std::ios::trunc);
        if (!file) throw app::Error(app::ErrorKind::Io, core::T_("cannot write '{path}'", {{"path", out_path}}));
        write(file);
        if (!file.flush())
            throw app::Error(app::ErrorKind::Io, core::T_("cannot write '{path}'", {{"path", out_path}}));
    });
}

void print_warnings(Context& ctx, const std::vector<engine::Warning>& warnings) {
    for (const auto& w : warnings)
        ctx.err << "warning[" << w.code << "]: " << core::printable(engine::display::message(ctx.lang, w)) << "\n";
}

void add_rules_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--rules", into,
                    i18n::tr(help_language(*cmd), "Rulebook file (default: the one adopted for the year)"));
}

void add_year_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--year", into, i18n::tr(help_language(*cmd), "Evaluation year"))->required();
}

void add_basis_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--basis", into,
                    i18n::tr(help_language(*cmd), "Inspection kinds that count: all, self or inspected (default: all)"))
        ->check(CLI::IsMember({"all", "self", "inspected"}));
}

void add_format_option(CLI::App* cmd, app::Format& into, const std::vector<app::Format>& formats,
                       const std::string& help) {
    const i18n::Language lang = help_language(*cmd);
    const std::vector<std::string> names = app::format_names(formats);
    std::string list = names.back();
    if (names.size() > 1) {
        std::string first;
        for (std::size_t i = 0; i + 1 < names.size(); ++i) first += (i == 0 ? "" : ", ") + names[i];
        list = i18n::tr(lang, "{first} or {last}", {{"first", first}, {"last", names.back()}});
    }
    into = formats.front();
    cmd->add_option_function<std::string>(
           "--format", [&into](const std::string& name) { into = *app::parse_format(name); },
           help.empty() ? i18n::tr(lang, "Output format: {formats} (default: {default})",
                                   {{"formats", list}, {"default", names.front()}})
                        : help)
        ->check(CLI::IsMember(names));
}

i18n::Language default_language() {
    const char* env = std::getenv("PARSCORE_LANG");
    return i18n::parse_language(env ? env : "").value_or(i18n::Language::en);
}

i18n::Language preferred_language(const std::vector<std::string>& args) {
    i18n::Language lang = default_language();
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view a = args[i];
        std::optional<std::string_view> value;
        if (a == "--lang" && i + 1 < args.size()) value = args[i + 1];
        if (a.starts_with("--lang=")) value = a.substr(7);
        if (value && (*value == "en" || *value == "vi")) lang = *i18n::parse_language(*value);
    }
    return lang;
}

CLI::Option* add_lang_option(CLI::App* cmd, i18n::Language& into) {
    return cmd
        ->add_option_function<std::string>(
            "--lang", [&into](const std::string& code) { into = *i18n::parse_language(code); },
            i18n::tr(help_language(*cmd),
                     "Language of what a person reads: en or vi (default: $PARSCORE_LANG, else en)"))
        ->check(CLI::IsMember({"en", "vi"}));
}

void add_out_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--out", into, i18n::tr(help_language(*cmd), "Write to FILE instead of stdout"));
}

void add_category_option(CLI::App* cmd, std::string& into) {
    cmd->add_option("--category", into, i18n::tr(help_language(*cmd), "Only this category"));
}

void add_bom_option(CLI::App* cmd, bool& into) {
    cmd->add_flag("--bom", into, i18n::tr(help_language(*cmd), "CSV: start with a UTF-8 byte-order mark"));
}

void add_threads_option(CLI::App* cmd, unsigned& into, const std::string& what) {
    const i18n::Language lang = help_language(*cmd);
    cmd->add_option("--threads", into,
                    what == "Scoring" ? i18n::tr(lang, "Scoring threads (default: all cores)")
                                      : i18n::tr(lang, "Evaluation threads (default: all cores)"));
}

int parse_year_option(const std::string& text) {
    int year = 0;
    bool digits = !text.empty() && text.size() <= 4 && text.find_first_not_of("0123456789") == std::string::npos;
    if (digits) year = std::stoi(text);
    if (!digits || year < 1) {
        throw CliError(kUsage, core::T_("--year: expected a year from 1 to 9999, found '{value}'",
                                        {{"value", core::sanitize_utf8(text)}}));
    }
    return year;
}

engine::Basis parse_basis_option(const std::string& text) { return *engine::parse_basis(text); }

std::optional<std::string> given(const std::string& text) {
    if (text.empty()) return std::nullopt;
    return text;
}

}  // namespace parscore::cli
