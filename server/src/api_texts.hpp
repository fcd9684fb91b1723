#pragma once
// What the rulebook and publication routes share: answers whose JSON the operations layer has
// rendered already (the bytes the command line prints), and a year from the path.
#include <string>

#include "api_internal.hpp"
#include "parscore/core/text.hpp"

namespace parscore::server {

/// `text` (JSON rendered by the operations layer, as the command line prints it) as the answer.
inline HttpResponse json_text_response(int status, std::string text) {
    HttpResponse r;
    r.status = status;
    r.set_header("Content-Type", "application/json; charset=utf-8");
    r.set_header("Cache-Control", "no-store");
    r.body = std::move(text);
    return r;
}

/// The path's {year}: 1 to 9999 in digits; 400 otherwise.
inline int year_param(const Call& call) {
    const std::string& text = call.param("year");
    const bool digits = !text.empty() && text.size() <= 4 && text.find_first_not_of("0123456789") == std::string::npos;
    const int year = digits ? std::stoi(text) : 0;
    if (year < 1) throw ApiError{400, "bad_request", core::T_("the year in the path must be a number from 1 to 9999")};
    return year;
}

}  // namespace parscore::server
