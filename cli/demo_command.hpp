#pragma once
// `parscore demo` (commands_demo.cpp), registered with publish and verify.
namespace CLI {
class App;
}

namespace parscore::cli {

struct Context;
void add_demo_command(CLI::App& app, Context& ctx);

}  // namespace parscore::cli
