#pragma once
// What the account commands (users, tokens) share.
#include <optional>
#include <string>
#include <vector>

#include "context.hpp"
#include "parscore/i18n/translate.hpp"

namespace CLI {
class App;
}

namespace parscore::cli::accounts {

/// A stored UTC time ("2026-12-06T13:51:12.123456Z") as tables show it, to the minute:
/// "2026-12-06 13:51" in English, "06/12/2026 13:51" in Vietnamese; "—" for none.
std::string time_text(i18n::Language lang, const std::optional<std::string>& time);

/// "yes" for true (translated), "" for false.
std::string yes_text(i18n::Language lang, bool value);

/// A JSON string, or null for none.
std::string json_or_null(const std::optional<std::string>& text);
/// JSON objects (one line each) as an array, one object per line.
std::string json_array(const std::vector<std::string>& objects);
/// A text table whose heads are `heads` in `lang`.
std::string table(i18n::Language lang, const std::vector<i18n::Message>& heads,
                  const std::vector<std::vector<std::string>>& rows);

void add_tokens_commands(CLI::App& app, Context& ctx);  // tokens add, list, revoke

}  // namespace parscore::cli::accounts
