// `parscore test --junit FILE`: the run as JUnit XML, the attributes CI servers read.
#include <cstdio>
#include <ctime>
#include <map>

#include "parscore/core/plural.hpp"
#include "parscore/core/render.hpp"
#include "parscore/rule_tests/rule_tests.hpp"

namespace parscore::engine {

namespace {

std::string xml(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '&': out += "&amp;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') continue;  // not allowed in XML 1.0
                out += c;
        }
    }
    return out;
}

std::string seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", s);
    return buf;
}

// JUnit's schema takes an ISO 8601 time without a zone; it is UTC.
std::string timestamp(std::chrono::system_clock::time_point t) {
    std::time_t time = std::chrono::system_clock::to_time_t(t);
    std::tm utc{};
    gmtime_r(&time, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &utc);
    return buf;
}

struct SuiteCounts {
    std::size_t tests = 0, failures = 0, errors = 0;
    double time = 0;
};

std::string suite_open(const std::string& name, const SuiteCounts& n, const std::string& when) {
    return "  <testsuite name=\"" + xml(name) + "\" tests=\"" + std::to_string(n.tests) + "\" failures=\"" +
           std::to_string(n.failures) + "\" errors=\"" + std::to_string(n.errors) + "\" skipped=\"0\" time=\"" +
           seconds(n.time) + "\" timestamp=\"" + when + "\">\n";
}

// The message attribute is what reporters show on one line; the element's text has everything.
std::string case_element(const CaseOutcome& c, const core::SourceSet& sources) {
    std::string out = "    <testcase classname=\"" + xml(c.file) + "\" name=\"" + xml(c.name) + "\" time=\"" +
                      seconds(c.seconds) + "\"";
    if (c.result == CaseOutcome::Result::Passed) return out + "/>\n";
    std::string message, details;
    for (const auto& d : c.differences) {
        std::string line = d.item + ": expected " + d.expected + ", got " + d.actual;
        message += (message.empty() ? "" : "; ") + line;
        details += line + "\n";
    }
    for (const core::Diagnostic& d : c.problems) message += (message.empty() ? "" : "; ") + d.message;
    details += core::render_all(c.problems, sources);
    const char* element = c.result == CaseOutcome::Result::Invalid ? "error" : "failure";
    const char* type = c.result == CaseOutcome::Result::Invalid ? "invalid case" : "unexpected results";
    return out + ">\n      <" + element + " message=\"" + xml(message) + "\" type=\"" + type + "\">" + xml(details) +
           "</" + element + ">\n    </testcase>\n";
}

}  // namespace

std::string junit_xml(const RuleTestRun& run, const core::SourceSet& sources) {
    const std::string when = timestamp(run.started);
    std::map<std::string, std::vector<const CaseOutcome*>> by_file;
    for (const CaseOutcome& c : run.cases) by_file[c.file].push_back(&c);
    SuiteCounts all;
    std::string suites;
    for (const auto& [file, cases] : by_file) {
        SuiteCounts n;
        std::string body;
        for (const CaseOutcome* c : cases) {
            ++n.tests;
            n.failures += c->result == CaseOutcome::Result::Failed ? 1 : 0;
            n.errors += c->result == CaseOutcome::Result::Invalid ? 1 : 0;
            n.time += c->seconds;
            body += case_element(*c, sources);
        }
        suites += suite_open(file, n, when) + body + "  </testsuite>\n";
        all.tests += n.tests, all.failures += n.failures, all.errors += n.errors, all.time += n.time;
    }
    if (run.failed_files > 0) {
        // One testcase carries every file's problems; the run's totals count each file.
        SuiteCounts n{1, 0, 1, 0};
        std::string text = core::render_all(run.diagnostics, sources);
        std::string message = core::count_of(run.failed_files, "test file") + " could not run";
        if (!run.diagnostics.empty()) message += ": " + run.diagnostics.items().front().message;
        suites += suite_open("files", n, when) +
                  "    <testcase classname=\"files\" name=\"test files\" time=\"0.000\">\n" +
                  "      <error message=\"" + xml(message) + "\" type=\"file errors\">" + xml(text) +
                  "</error>\n    </testcase>\n  </testsuite>\n";
        all.tests += n.tests, all.errors += n.errors;
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"parscore rule tests\" tests=\"" +
           std::to_string(all.tests) + "\" failures=\"" + std::to_string(all.failures) + "\" errors=\"" +
           std::to_string(all.errors) + "\" skipped=\"0\" time=\"" + seconds(all.time) + "\" timestamp=\"" + when +
           "\">\n" + suites + "</testsuites>\n";
}

}  // namespace parscore::engine
