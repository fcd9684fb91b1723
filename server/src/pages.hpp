#pragma once
// What the web application's pages share (docs/web.md): HTML answers with the pages' security
// policy, redirects, and the frame (navigation, the signed-in account) around each page.
#include <string>
#include <string_view>

#include "api_internal.hpp"
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
/// Where a signed-in account's work is: the ranking for those who read results, else its start page.
std::string landing_of(const Call& call);

std::vector<Api::Route> ranking_pages();  // page_ranking.cpp

}  // namespace parscore::server
