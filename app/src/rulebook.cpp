#include "parscore/app/rulebook.hpp"

#include "parscore/rules/loader.hpp"

namespace parscore::app {

LoadedRulebook load_rulebook(const std::string& path) {
    auto problems = std::make_shared<Problems>();
    rules::LoadOutcome outcome = rules::load_rulebook(path, problems->sources, problems->diagnostics);
    if (outcome.io_failure)
        throw Error(ErrorKind::Io, core::T_("cannot read rulebook '{path}'", {{"path", path}}), problems);
    if (!outcome.rulebook || problems->diagnostics.has_errors()) {
        throw Error(ErrorKind::Invalid, core::T_("rulebook '{path}' has errors", {{"path", path}}), problems);
    }
    return LoadedRulebook{std::move(*outcome.rulebook), problems};
}

}  // namespace parscore::app
