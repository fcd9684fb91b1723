#pragma once
// Logging from an operation to its request's logger, when it has one.
#include <spdlog/spdlog.h>

#include <utility>

#include "parscore/app/request.hpp"

namespace parscore::app {

template <class... Args>
void log_info(const Request& request, spdlog::format_string_t<Args...> format, Args&&... args) {
    if (request.log) request.log->info(format, std::forward<Args>(args)...);
}

template <class... Args>
void log_debug(const Request& request, spdlog::format_string_t<Args...> format, Args&&... args) {
    if (request.log) request.log->debug(format, std::forward<Args>(args)...);
}

}  // namespace parscore::app
