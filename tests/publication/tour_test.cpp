// README's five-minute tour, run as written on a fresh demo database: every command succeeds, and
// the report made from `template` (filled in here, as a person would) is recorded into the year
// the tour then ranks, is listed by `inspections` and counts in the scores.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "cli_support.hpp"

namespace parscore::testing {
namespace {

struct TourStep {
    std::vector<std::string> args;  // after `parscore`
    std::string stdout_file;        // `> FILE`, or empty
};

/// The `parscore` commands of README's tour, with `$NAME` variables expanded; comments dropped.
std::vector<TourStep> tour_steps() {
    const std::string readme = read_file(kSourceDir / "README.md");
    const auto start = readme.find("```sh\n", readme.find("## A five-minute tour"));
    const auto end = readme.find("```\n", start + 6);
    std::istringstream lines(readme.substr(start + 6, end - start - 6));
    std::map<std::string, std::string> vars;
    std::vector<TourStep> steps;
    for (std::string line; std::getline(lines, line);) {
        line = line.substr(0, line.find('#'));
        std::istringstream words(line);
        std::vector<std::string> tokens;
        for (std::string w; words >> w;) {
            for (const auto& [name, value] : vars) {
                for (auto at = w.find("$" + name); at != std::string::npos; at = w.find("$" + name))
                    w.replace(at, name.size() + 1, value);
            }
            tokens.push_back(w);
        }
        if (tokens.size() == 1 && tokens[0].find('=') != std::string::npos) {
            vars[tokens[0].substr(0, tokens[0].find('='))] = tokens[0].substr(tokens[0].find('=') + 1);
        }
        if (tokens.empty() || tokens[0] != "parscore") continue;
        TourStep step;
        for (std::size_t i = 1; i < tokens.size(); ++i) {
            if (tokens[i] == ">" && i + 1 < tokens.size()) step.stdout_file = tokens[++i];
            else step.args.push_back(tokens[i]);
        }
        steps.push_back(std::move(step));
    }
    return steps;
}

/// A value of the type a template comment describes ("bool: true | false", "one of: a | b", …).
std::string value_for(const std::string& type) {
    if (type.rfind("bool", 0) == 0) return "true";
    if (type.rfind("int", 0) == 0) return "1";
    if (type.rfind("number", 0) == 0) return "1.5";
    if (type.rfind("percent", 0) == 0) return "50%";
    if (type.rfind("date", 0) == 0) return "2013-11-20";
    if (type.rfind("one of: ", 0) == 0) return type.substr(8, type.find(' ', 8) - 8);
    return "\"Đã kiểm tra\"";
}

/// Fills every empty value of a template, using the field types its comments give.
std::string fill_template(const std::string& text) {
    static const std::regex field_type(R"(^  #   (\w+) +(.*)$)");
    static const std::regex fact(R"(^  (\w+):( +)# a fact; (.*)$)");
    static const std::regex empty_field(R"((\w+): (?=,| \}))");
    std::map<std::string, std::string> types;  // of the current kind's fields
    std::istringstream lines(text);
    std::string out;
    for (std::string line; std::getline(lines, line);) {
        std::smatch m;
        if (std::regex_match(line, m, field_type)) {
            types[m[1]] = m[2];
        } else if (std::regex_match(line, m, fact)) {
            line = "  " + m[1].str() + ": " + value_for(m[3]);
        } else if (line.rfind("    - {", 0) == 0) {
            std::string filled;
            auto from = line.cbegin();
            for (std::sregex_iterator it(line.begin(), line.end(), empty_field), done; it != done; ++it) {
                filled.append(from, line.cbegin() + it->position());
                filled += (*it)[1].str() + ": " + value_for(types[(*it)[1]]);
                from = line.cbegin() + it->position() + it->length();
            }
            line = filled + std::string(from, line.cend());
        }
        out += line + "\n";
    }
    return out;
}

CliRun score_json(const ScratchDir& dir) {
    return parscore({"score", "--db", "parscore-demo.db", "--rules", kDemoRulebook.string(), "--year", "2013", "--unit",
                     "so-tu-phap", "--format", "json"},
                    dir.path());
}

TEST(Tour, RunsAsWrittenAndTheRecordedReportCounts) {
    ScratchDir dir;
    fs::create_directory_symlink(kSourceDir / "rules", dir / "rules");
    fs::create_directory_symlink(kSourceDir / "docs", dir / "docs");  // the yearly report's sample config
    const std::vector<TourStep> steps = tour_steps();
    ASSERT_GE(steps.size(), 10u);
    std::string before, recorded;
    for (const TourStep& step : steps) {
        if (step.args[0] == "record") before = score_json(dir).out;
        CliRun r = parscore(step.args, dir.path(), {{"PARSCORE_DB", ""}});
        ASSERT_EQ(r.code, 0) << "parscore " << step.args[0] << ":\n" << r.err;
        if (!step.stdout_file.empty()) write_file(dir / step.stdout_file, r.out);
        if (step.args[0] == "template") {
            const std::string filled = fill_template(read_file(dir / step.stdout_file));
            EXPECT_NE(filled.find("  year: 2013"), std::string::npos) << "the tour ranks 2013\n" << filled;
            write_file(dir / step.stdout_file, filled);
        }
        if (step.args[0] == "record") {
            ASSERT_EQ(r.out.size(), 37u) << r.out;
            recorded = r.out.substr(0, 36);
        }
        if (step.args[0] == "inspections") {
            EXPECT_NE(r.out.find(recorded + "  so-tu-phap  2013-11-20  2013  surprise"), std::string::npos) << r.out;
        }
    }
    ASSERT_FALSE(recorded.empty()) << "the tour records a report";
    EXPECT_NE(score_json(dir).out, before) << "the recorded report changes the unit's score";
    CliRun explain = parscore({"explain", "--db", "parscore-demo.db", "--rules", kDemoRulebook.string(), "--year",
                               "2013", "--unit", "so-tu-phap", "--format", "json"},
                              dir.path());
    EXPECT_NE(explain.out.find(recorded), std::string::npos) << "its records are behind the unit's points";
}

}  // namespace
}  // namespace parscore::testing
