#include "help.hpp"

#include <CLI/CLI.hpp>
#include <cctype>
#include <regex>

#include "parscore/core/utf8.hpp"
#include "parscore/i18n/translate.hpp"

namespace parscore::cli {

namespace {

using i18n::Language;
using i18n::tr;

// One line of a help listing: the name padded to the column, then the description. CLI11 pads by
// bytes; a Vietnamese value type ("CHUỖI") needs its width on screen. ASCII reads as CLI11's.
std::string help_line(const std::string& name, const std::string& description, std::size_t column) {
    std::string out = "  " + name;
    const std::size_t width = core::display_width(out);
    if (width < column) out.append(column - width, ' ');
    if (!description.empty()) {
        if (width >= column) out += "\n" + std::string(column, ' ');
        for (char c : description) {
            out += c;
            if (c == '\n') out.append(column, ' ');
        }
    }
    return out + "\n";
}

// The words of a value's type as CLI11 writes them ("TEXT:{en,vi}", "INT:INT in [1 - 9999]").
std::string value_word(Language lang, const std::string& word) {
    if (word == "TEXT") return tr(lang, "TEXT");
    if (word == "INT") return tr(lang, "INT");
    if (word == "UINT") return tr(lang, "UINT");
    if (word == "FLOAT") return tr(lang, "FLOAT");
    if (word == "POSITIVE") return tr(lang, "POSITIVE");  // CLI::PositiveNumber
    if (word == "in") return i18n::trc(lang, "a value in a range", "in");
    return word;
}

std::string value_words(Language lang, const std::string& text) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t end = at;
        while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end]))) ++end;
        if (end == at) {
            out += text[at++];
            continue;
        }
        out += value_word(lang, text.substr(at, end - at));
        at = end;
    }
    return out;
}

class HelpFormatter : public CLI::Formatter {
public:
    explicit HelpFormatter(Language lang) : lang_(lang) {
        label("Usage", tr(lang, "Usage"));
        label("OPTIONS", tr(lang, "OPTIONS"));
        label("SUBCOMMAND", tr(lang, "SUBCOMMAND"));
        label("SUBCOMMANDS", tr(lang, "SUBCOMMANDS"));
        label("Positionals", tr(lang, "Positionals"));
        label("REQUIRED", tr(lang, "REQUIRED"));
        label("Needs", tr(lang, "Needs"));
        label("Excludes", tr(lang, "Excludes"));
        label("Env", tr(lang, "Env"));
    }
    Language language() const { return lang_; }

    std::string make_option_opts(const CLI::Option* opt) const override {
        return value_words(lang_, CLI::Formatter::make_option_opts(opt));
    }
    std::string make_option(const CLI::Option* opt, bool is_positional) const override {
        return help_line(make_option_name(opt, is_positional) + make_option_opts(opt), make_option_desc(opt),
                         get_column_width());
    }
    std::string make_subcommand(const CLI::App* sub) const override {
        return help_line(sub->get_display_name(true), sub->get_description(), get_column_width());
    }

private:
    Language lang_;
};

// CLI11 words its messages "A subcommand is required", "--year: Value 20x3 not in range …";
// ours read "parscore: error: a subcommand is required", "--year: value 20x3 …".
std::string lower_first(std::string text) {
    std::size_t at = text.rfind("--", 0) == 0 && text.find(": ") != std::string::npos ? text.find(": ") + 2 : 0;
    if (text.size() > at + 1 && std::isupper(static_cast<unsigned char>(text[at])) &&
        !std::isupper(static_cast<unsigned char>(text[at + 1]))) {
        text[at] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[at])));
    }
    return text;
}

bool matches(const std::string& text, const char* pattern, std::smatch& m) {
    return std::regex_match(text, m, std::regex(pattern));
}

std::string required_message(Language lang, const std::string& text) {
    std::smatch m;
    if (text == "A subcommand is required") return tr(lang, "a subcommand is required");
    if (matches(text, R"((\S+) is required)", m)) return tr(lang, "{name} is required", {{"name", m[1].str()}});
    return lower_first(text);
}

std::string validation_message(Language lang, const std::string& text) {
    std::smatch m;
    if (matches(text, R"((\S+): Value (.*) not in range (\S+) to (\S+))", m)) {
        return tr(lang, "{option}: value {value} not in range {min} to {max}",
                  {{"option", m[1].str()}, {"value", m[2].str()}, {"min", m[3].str()}, {"max", m[4].str()}});
    }
    if (matches(text, R"((\S+): (.*) not in (\{.*\}))", m))
        return tr(lang, "{option}: {value} not in {choices}",
                  {{"option", m[1].str()}, {"value", m[2].str()}, {"choices", m[3].str()}});
    return lower_first(text);
}

std::string conversion_message(Language lang, const std::string& text) {
    std::smatch m;
    if (matches(text, R"(Could not convert: (\S+) = (.*))", m))
        return tr(lang, "could not convert: {option} = {value}", {{"option", m[1].str()}, {"value", m[2].str()}});
    return lower_first(text);
}

std::string mismatch_message(Language lang, const std::string& text) {
    std::smatch m;
    if (matches(text, R"((\S+): (\d+) required (\S+) missing)", m))
        return tr(lang, "{option}: {n} required {type} missing",
                  {{"option", m[1].str()}, {"n", m[2].str()}, {"type", value_words(lang, m[3].str())}});
    if (matches(text, R"(Expected exactly (\d+) arguments to (\S+), got (\d+))", m)) {
        return tr(lang, "expected exactly {n} arguments to {option}, got {got}",
                  {{"n", m[1].str()}, {"option", m[2].str()}, {"got", m[3].str()}});
    }
    return lower_first(text);
}

std::string pair_message(Language lang, const std::string& text) {
    std::smatch m;
    if (matches(text, R"((\S+) excludes (\S+))", m))
        return tr(lang, "{a} excludes {b}", {{"a", m[1].str()}, {"b", m[2].str()}});
    if (matches(text, R"((\S+) requires (\S+))", m))
        return tr(lang, "{a} requires {b}", {{"a", m[1].str()}, {"b", m[2].str()}});
    return lower_first(text);
}

std::string extras_message(Language lang, const std::string& text) {
    std::smatch m;
    if (matches(text, R"(The following arguments? (?:was|were) not expected: (.*))", m))
        return tr(lang, "the following arguments were not expected: {arguments}", {{"arguments", m[1].str()}});
    return lower_first(text);
}

}  // namespace

void localize_help(CLI::App& app, Language lang) {
    app.formatter(std::make_shared<HelpFormatter>(lang));
    app.option_defaults()->group(tr(lang, "Options"));
    app.set_help_flag("-h,--help", tr(lang, "Print this help message and exit"));
    app.group(tr(lang, "Subcommands"));
}

Language help_language(const CLI::App& cmd) {
    const auto* formatter = dynamic_cast<const HelpFormatter*>(cmd.get_formatter().get());
    return formatter ? formatter->language() : Language::en;
}

std::string usage_message(const CLI::ParseError& error, Language lang) {
    const std::string text = error.what();
    if (lang == Language::en) return lower_first(text);
    if (dynamic_cast<const CLI::RequiredError*>(&error)) return required_message(lang, text);
    if (dynamic_cast<const CLI::ValidationError*>(&error)) return validation_message(lang, text);
    if (dynamic_cast<const CLI::ConversionError*>(&error)) return conversion_message(lang, text);
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) return mismatch_message(lang, text);
    if (dynamic_cast<const CLI::ExcludesError*>(&error) || dynamic_cast<const CLI::RequiresError*>(&error))
        return pair_message(lang, text);
    if (dynamic_cast<const CLI::ExtrasError*>(&error)) return extras_message(lang, text);
    return lower_first(text);
}

}  // namespace parscore::cli
