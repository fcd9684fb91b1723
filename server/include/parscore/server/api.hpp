#pragma once
// The JSON API under /api/v1 (docs/server.md): routes to the operations layer, with sessions,
// bearer tokens, CSRF and Origin checks, and errors as {"error": {"code", "message"}}. It adds
// HTTP to the operations and nothing else: every permission is the operations' (app::Access).
// One Api serves many threads at once: handle() is const and opens the database per request;
// the results it keeps between requests are guarded by their cache.
#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "parscore/app/results_cache.hpp"
#include "parscore/app/sessions.hpp"
#include "parscore/server/http.hpp"

namespace parscore::server {

struct ApiConfig {
    std::filesystem::path database;
    /// Connections to `database` kept open between requests; made by Api when none is given.
    std::shared_ptr<const inspections::StorePool> stores;
    bool tls = false;    // cookies get Secure and the __Host- prefix
    std::string origin;  // "https://host:port": a request whose Origin differs is refused
    /// The yearly report's config (issuer, signer, recipients), read at each download; none: the
    /// report leaves those places blank.
    std::optional<std::filesystem::path> report_config;
    app::SessionPolicy policy;
    std::function<app::Clock::time_point()> now = [] { return app::Clock::now(); };
};

/// The largest body a route accepts unless it says otherwise, and an attachment's.
inline constexpr std::size_t kBodyLimit = 16u << 20;
inline constexpr std::size_t kAttachmentLimit = 10u << 20;

class Api {
public:
    explicit Api(ApiConfig config);
    HttpResponse handle(const HttpRequest& request) const;

    /// The largest body the route at that method and path accepts (kBodyLimit for an unknown
    /// route), so that the listener stops reading a body before it is over (413).
    std::size_t body_limit(std::string_view method, std::string_view path) const;

    /// The session cookie's name: "__Host-parscore" under TLS, else "parscore".
    std::string cookie_name() const;

    /// The years' results kept between requests (docs/results-cache.md), shared by copies of this Api.
    app::ResultsCache& results() const { return *results_; }

    struct Caller;
    struct Route;

private:
    ApiConfig config_;
    std::shared_ptr<app::ResultsCache> results_ = std::make_shared<app::ResultsCache>();
};

}  // namespace parscore::server
