#pragma once
// The demo (docs/demo.md): a sample province built in a database of its own and ranked. Only an
// absent file or an earlier demo database is replaced, and a failed run leaves it as it was.
#include <cstddef>
#include <string>

#include "parscore/analyses/summary.hpp"
#include "parscore/app/request.hpp"
#include "parscore/app/rulebook.hpp"
#include "parscore/demo/demo.hpp"

namespace parscore::app {

/// Where the demo is built when the front end names no database. A default database of the
/// front end (the command line's $PARSCORE_DB) is never used, so the demo never lands in a real one.
inline constexpr const char* kDefaultDemoDatabase = "parscore-demo.db";

/// `database` is the file to build.
struct DemoRequest : StoreRequest {};

struct DemoResult {
    LoadedRulebook rulebook;
    /// The rulebook file read (rules/hoa-binh-2013/rulebook.yaml of an installed copy or of the
    /// source tree), or "" for the copy built into the program.
    std::string rulebook_path;
    engine::demo::DemoOutcome outcome;
    engine::Summary summary;  // of engine::demo::kYear
};

DemoResult demo(const DemoRequest& request);

/// The demo's rulebook as the demo loads it (see demo_rulebook.cpp): from disk when a copy is
/// there, else built into the program, so the demo works from any folder.
struct DemoRulebook {
    LoadedRulebook loaded;
    std::string path;  // "" for the built-in copy
};
DemoRulebook load_demo_rulebook();

/// The path under which the demo names its rulebook in the source tree.
std::string demo_rulebook_name();

}  // namespace parscore::app
