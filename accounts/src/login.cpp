#include "parscore/accounts/login.hpp"

#include <array>

namespace parscore::accounts {

namespace {

constexpr std::size_t kMaxLogin = 64;

bool lower_or_digit(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

constexpr std::array<std::pair<Role, const char*>, 5> kRoles{{{Role::admin, "admin"},
                                                              {Role::office, "office"},
                                                              {Role::author, "author"},
                                                              {Role::inspector, "inspector"},
                                                              {Role::agency, "agency"}}};

}  // namespace

bool valid_login(std::string_view login) {
    if (login.empty() || login.size() > kMaxLogin || !lower_or_digit(login.front())) return false;
    for (char c : login) {
        if (!lower_or_digit(c) && c != '.' && c != '_' && c != '-') return false;
    }
    return true;
}

std::optional<Role> parse_role(std::string_view name) {
    for (const auto& [role, text] : kRoles) {
        if (name == text) return role;
    }
    return std::nullopt;
}

const char* role_name(Role role) {
    for (const auto& [r, text] : kRoles) {
        if (r == role) return text;
    }
    return "agency";
}

}  // namespace parscore::accounts
