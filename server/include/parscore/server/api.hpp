#pragma once
// The JSON API under /api/v1 (docs/server.md): routes to the operations layer, with sessions,
// bearer tokens, CSRF and Origin checks, and errors as {"error": {"code", "message"}}. It adds
// HTTP to the operations and nothing else: every permission is the operations' (app::Access).
// One Api serves many threads at once: handle() is const and opens the database per request.
#include <filesystem>
#include <functional>
#include <string>

#include "parscore/app/sessions.hpp"
#include "parscore/server/http.hpp"

namespace parscore::server {

struct ApiConfig {
    std::filesystem::path database;
    bool tls = false;    // cookies get Secure and the __Host- prefix
    std::string origin;  // "https://host:port": a request whose Origin differs is refused
    app::SessionPolicy policy;
    std::function<app::Clock::time_point()> now = [] { return app::Clock::now(); };
};

class Api {
public:
    explicit Api(ApiConfig config);
    HttpResponse handle(const HttpRequest& request) const;

    /// The session cookie's name: "__Host-parscore" under TLS, else "parscore".
    std::string cookie_name() const;

    struct Caller;
    struct Route;

private:
    ApiConfig config_;
};

}  // namespace parscore::server
