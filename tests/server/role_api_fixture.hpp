#pragma once
// Calling the API in-process as an account of each role (admin, office, author, inspector and
// agency, each with a bearer token so that no CSRF token is needed), and a digest of what a
// refused request must leave unchanged.
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "parscore/accounts/password.hpp"
#include "parscore/accounts/token.hpp"
#include "parscore/server/api.hpp"
#include "support/test_database.hpp"

namespace parscore::server::testing {

inline const std::string kRolePassword = "mật-khẩu-đủ-dài";
inline const std::vector<std::string> kRoles = {"admin", "office", "author", "inspector", "agency"};

class RoleClient {
public:
    /// Adds one account per role, logged in as the role's name (the agency scoped to `agency_unit`).
    RoleClient(const parscore::testing::TestDatabase& database, const std::string& agency_unit) : database_(database) {
        static const std::string hash = accounts::hash_password(kRolePassword);
        for (const std::string& role : kRoles) {
            const std::string scope = role == "agency" ? "'" + agency_unit + "'" : "NULL";
            exec("INSERT INTO accounts VALUES ('" + role + "', '" + role + "', '" + role + "', " + scope + ", 'en', '" +
                 hash + "', 0, 0, 't', 't', NULL)");
            const accounts::NewToken token = accounts::generate_token();
            exec("INSERT INTO tokens(login, name, hash, created_at) VALUES ('" + role + "', 'test', '" + token.hash +
                 "', 't')");
            tokens_[role] = token.secret;
        }
        ApiConfig config;
        config.database = database_.location();
        config.origin = "http://127.0.0.1:8080";
        api_.emplace(config);
    }

    /// Runs statements behind the API's back (accounts made, rows changed).
    void exec(const std::string& sql) const { database_.exec(sql); }

    /// `role` "" sends no credentials.
    HttpResponse send(const std::string& role, std::string method, std::string path, std::string body = "",
                      std::map<std::string, std::string> headers = {},
                      std::vector<std::pair<std::string, std::string>> query = {}) const {
        HttpRequest r;
        r.method = std::move(method);
        r.path = std::move(path);
        r.body = std::move(body);
        r.headers = std::move(headers);
        r.query = std::move(query);
        r.client_address = "10.0.0.9";
        if (!role.empty()) r.headers["authorization"] = "Bearer " + tokens_.at(role);
        if (!r.body.empty() && !r.headers.count("content-type")) r.headers["content-type"] = "application/json";
        return api_->handle(r);
    }

    const Api& api() const { return *api_; }

    /// Everything a change through these routes could touch (not a token's last use, which any
    /// authenticated request notes).
    std::string state() const {
        return text(
            "SELECT (SELECT count(*) || ':' || coalesce(group_concat(CAST(no AS TEXT) || year || rulebook_sha256), '')"
            " FROM (SELECT * FROM adoptions ORDER BY no) AS a)"
            " || '|' || (SELECT count(*) FROM adoption_files)"
            " || '|' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM publications)"
            " || '|' || (SELECT count(*) || ':' || coalesce(max(hash), '') FROM audit)"
            " || '|' || (SELECT group_concat(login || password_hash || must_change || disabled, ',')"
            " FROM (SELECT * FROM accounts ORDER BY login) AS a)"
            " || '|' || (SELECT count(*) || ':' || count(ended_at) FROM sessions)"
            " || '|' || (SELECT count(*) FROM login_failures)");
    }

    /// The single text a query returns.
    std::string text(const std::string& sql) const { return database_.text(sql); }

private:
    const parscore::testing::TestDatabase& database_;
    std::map<std::string, std::string> tokens_;
    std::optional<Api> api_;
};

inline nlohmann::json json_of(const HttpResponse& r) { return nlohmann::json::parse(r.body); }
inline std::string code_of(const HttpResponse& r) { return json_of(r)["error"]["code"].get<std::string>(); }

}  // namespace parscore::server::testing
