// The web application in a real browser: `parscore demo --serve` on a free port of this machine,
// driven by tests/web/pages.mjs (playwright-core with Debian's chromium, axe-core, html-validate;
// docs/web.md, "Tests"); and the standalone HTML reports the program writes, opened from disk by
// tests/web/reports.mjs with the same checkers. The scripts print every failure; these tests show them.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <utility>

#include "server/socket/serve_process.hpp"
#include "support/command.hpp"

namespace parscore::testing {
namespace {

/// The demo accounts' passwords as printed, as a JSON object.
std::string passwords(const std::string& out) {
    std::string json;
    const std::regex row("(^|\\n)(admin|office|author|inspector|agency) +[a-z]+ +[^ ]+ +([A-Za-z0-9]+)(?=\\n)");
    for (auto it = std::sregex_iterator(out.begin(), out.end(), row); it != std::sregex_iterator(); ++it)
        json += (json.empty() ? "{" : ", ") + std::string("\"") + (*it)[2].str() + "\": \"" + (*it)[3].str() + "\"";
    return json + "}";
}

/// A shell command's exit code and what it printed (stdout and stderr together).
CommandRun run(const std::string& command) { return run_command(command + " 2>&1"); }

TEST(Browser, ThePagesPassInChromiumWithAxeAndHtmlValidate) {
    ScratchDir dir("parscore-browser-test");
    ServeProcess demo({"demo", "--serve", "--listen", "127.0.0.1:0"}, dir.path());
    const std::uint16_t port = demo.port(std::chrono::seconds(120));
    ASSERT_NE(port, 0) << demo.err();
    const std::string accounts = passwords(demo.out());
    ASSERT_NE(accounts.find("\"agency\""), std::string::npos) << demo.out();
    // A unit whose name is markup: every page must show it as text (the script checks no dialog opens).
    const std::filesystem::path units = dir.path() / "markup-unit.csv";
    std::ofstream(units) << "id,name,category\nso-xay-dung,<img src=x onerror=alert(1)>,department\n";
    const std::string rename = std::string(PARSCORE_BIN) + " --db '" + (dir.path() / "parscore-demo.db").string() +
                               "' units import '" + units.string() + "' >/dev/null 2>&1";
    ASSERT_EQ(std::system(rename.c_str()), 0);
    // The offline scenario stops and restarts a server of its own on the demo's database.
    const std::string command =
        "PARSCORE_PASSWORDS='" + accounts + "' PARSCORE_BIN='" PARSCORE_BIN "' PARSCORE_DEMO_DB='" +
        (dir.path() / "parscore-demo.db").string() +
        "' node " PARSCORE_SOURCE_DIR "/tests/web/pages.mjs http://127.0.0.1:" + std::to_string(port) + " 2>&1";
    const CommandRun pages = run_command(command);
    EXPECT_EQ(pages.exit_code, 0) << pages.output;
    EXPECT_NE(pages.output.find("every check passed"), std::string::npos) << pages.output;
    demo.signal(SIGTERM);
    EXPECT_EQ(demo.wait_exit(std::chrono::seconds(15)), 0) << demo.err();
}

// The standalone files a user prints or mails (the ranking and the yearly report, in both
// languages), opened from disk by tests/web/reports.mjs: axe-core finds no WCAG 2.1 A/AA
// violation, html-validate's recommended rules find no error.
TEST(Browser, TheStandaloneReportsPassAxeAndHtmlValidate) {
    ScratchDir dir("parscore-reports-browser-test");
    const std::string bin = PARSCORE_BIN, db = (dir.path() / "demo.db").string();
    const auto [made, demo] = run("'" + bin + "' demo --db '" + db + "'");
    ASSERT_EQ(made, 0) << demo;
    std::string files;
    for (const char* command : {"rank", "report"}) {
        for (const char* lang : {"vi", "en"}) {
            const std::string file = (dir.path() / (std::string(command) + "-" + lang + ".html")).string();
            const auto [status, out] = run("'" + bin + "' " + command + " --db '" + db +
                                           "' --year 2013 --format html --lang " + lang + " --out '" + file + "'");
            EXPECT_EQ(status, 0) << command << " --lang " << lang << ": " << out;
            files += " '" + file + "'";
        }
    }
    const auto [status, output] = run("node " PARSCORE_SOURCE_DIR "/tests/web/reports.mjs" + files);
    EXPECT_EQ(status, 0) << output;
    EXPECT_NE(output.find("reports: every check passed"), std::string::npos) << output;
}

}  // namespace
}  // namespace parscore::testing
