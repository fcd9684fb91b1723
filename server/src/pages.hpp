#pragma once
// What the web application's pages share (docs/web.md): HTML answers with the pages' security
// policy, redirects, and the frame (navigation, the signed-in account) around each page.
#include <string>
#include <string_view>

#include "api_internal.hpp"
#include "parscore/app/permissions.hpp"
#include "parscore/web/page.hpp"

namespace parscore::server {

/// A rendered page: text/html, the pages' Content-Security-Policy (nothing from another origin, no
/// inline script or style), never stored by a cache.
HttpResponse html_response(int status, std::string body);
/// 303 See Other to a path of this server.
HttpResponse redirect(std::string location);
/// The frame of a page titled `title` for the caller.
web::Frame frame_of(const Call& call, std::string title);
/// templates/NAME inside the layout, answered with `status`.
HttpResponse page(const Call& call, int status, std::string_view name, web::Data data, std::string title);
/// Whether the caller's role may do `action` somewhere (its grant is not Denied).
bool may(const Call& call, app::Action action);
/// A form's field, "" when absent; ApiError 415 unless the body is an HTML form.
std::string field(const Call& call, std::string_view name);
/// A stored time ("2026-12-06T20:43:10.071562Z") as a person reads it, to the minute, in UTC:
/// "06/12/2026 20:43 UTC" in Vietnamese, "2026-12-06 20:43 UTC" in English; anything else as it is.
std::string time_text(i18n::Language lang, const std::string& stored);
/// A year given in a page's query (`?year=2024`); ApiError 400 unless it is a number from 1 to 9999.
int year_in_query(std::string_view text);
/// Where a signed-in account's work is: the ranking for those who read results, else its start page.
std::string landing_of(const Call& call);

std::vector<Api::Route> ranking_pages();      // page_ranking.cpp
std::vector<Api::Route> unit_pages();         // page_unit.cpp
std::vector<Api::Route> inspection_pages();   // page_inspection.cpp
std::vector<Api::Route> account_pages();      // page_accounts.cpp
std::vector<Api::Route> rulebook_pages();     // page_rulebooks.cpp
std::vector<Api::Route> publication_pages();  // page_publications.cpp
std::vector<Api::Route> analysis_pages();     // page_analyses.cpp
std::vector<Api::Route> audit_pages();        // page_audit.cpp
std::vector<Api::Route> record_pages();       // page_record.cpp

}  // namespace parscore::server
