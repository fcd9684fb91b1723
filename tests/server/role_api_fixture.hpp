#pragma once
// Calling the API in-process as an account of each role (admin, office, author, inspector and
// agency, each with a bearer token so that no CSRF token is needed), and a digest of what a
// refused request must leave unchanged.
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "parscore/accounts/password.hpp"
#include "parscore/accounts/token.hpp"
#include "parscore/server/api.hpp"

namespace parscore::server::testing {

inline const std::string kRolePassword = "mật-khẩu-đủ-dài";
inline const std::vector<std::string> kRoles = {"admin", "office", "author", "inspector", "agency"};

class RoleClient {
public:
    /// Adds one account per role, logged in as the role's name (the agency scoped to `agency_unit`).
    RoleClient(std::filesystem::path db, const std::string& agency_unit) : db_(std::move(db)) {
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
        config.database = db_;
        config.origin = "http://127.0.0.1:8080";
        api_.emplace(config);
    }

    void exec(const std::string& sql) const {
        sqlite3* h = nullptr;
        ASSERT_EQ(sqlite3_open(db_.c_str(), &h), SQLITE_OK);
        char* error = nullptr;
        const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, &error);
        EXPECT_EQ(rc, SQLITE_OK) << sql << ": " << (error ? error : "");
        sqlite3_free(error);
        sqlite3_close(h);
    }

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
            "SELECT (SELECT count(*) || ':' || coalesce(group_concat(no || year || rulebook_sha256), '') FROM adoptions)"
            " || '|' || (SELECT count(*) FROM adoption_files)"
            " || '|' || (SELECT count(*) || ':' || coalesce(max(id), 0) FROM publications)"
            " || '|' || (SELECT count(*) || ':' || coalesce(max(hash), '') FROM audit)"
            " || '|' || (SELECT group_concat(login || password_hash || must_change || disabled, ',') FROM accounts)"
            " || '|' || (SELECT count(*) || ':' || count(ended_at) FROM sessions)"
            " || '|' || (SELECT count(*) FROM login_failures)");
    }

    /// The single text a query returns.
    std::string text(const std::string& sql) const { return first_text(db_, sql); }

    static std::string first_text(const std::filesystem::path& db, const std::string& sql) {
        sqlite3* h = nullptr;
        EXPECT_EQ(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
        sqlite3_stmt* s = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(h);
        std::string out;
        if (s && sqlite3_step(s) == SQLITE_ROW) {
            if (const unsigned char* t = sqlite3_column_text(s, 0)) out = reinterpret_cast<const char*>(t);
        }
        sqlite3_finalize(s);
        sqlite3_close(h);
        return out;
    }

private:
    std::filesystem::path db_;
    std::map<std::string, std::string> tokens_;
    std::optional<Api> api_;
};

inline nlohmann::json json_of(const HttpResponse& r) { return nlohmann::json::parse(r.body); }
inline std::string code_of(const HttpResponse& r) { return json_of(r)["error"]["code"].get<std::string>(); }

}  // namespace parscore::server::testing
