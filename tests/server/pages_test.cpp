// The web application's pages in-process (docs/web.md): signing in through the form and where each
// role lands, the ranking page cut to the account's scope, the password a generated account must
// change first, signing out with the form's CSRF token, the not-found page, the static files, the
// pages' security policy, a unit's name holding markup shown as text, and what an amendment
// changed in an inspection's history.
#include <cctype>
#include <fstream>
#include <regex>

#include "parscore/accounts/token.hpp"
#include "parscore/app/units.hpp"
#include "role_api_fixture.hpp"
#include "scratch.hpp"

namespace parscore::server::testing {
namespace {

using namespace parscore::testing;

class PagesTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        scratch_ = new Scratch;
        database_ = new TestDatabase(scratch_->path(), "demo.db");
        build_demo(database_->location());
        client_ = new RoleClient(*database_, "so-tu-phap");
        // Markup in a stored name must reach a page as text.
        client_->exec("UPDATE units SET name = '<img src=x onerror=alert(1)>' WHERE id = 'so-xay-dung'");
    }
    static void TearDownTestSuite() {
        delete client_;
        delete database_;
        delete scratch_;
    }

    struct Browser {
        std::string cookie;  // "parscore=…"
        std::string lang = "en";
    };

    static HttpResponse get(const Browser& b, const std::string& path,
                            std::vector<std::pair<std::string, std::string>> query = {}) {
        std::map<std::string, std::string> headers{{"accept-language", b.lang}};
        if (!b.cookie.empty()) headers["cookie"] = b.cookie;
        return client_->send("", "GET", path, "", headers, std::move(query));
    }

    static HttpResponse post_form(const Browser& b, const std::string& path, const std::string& body,
                                  std::map<std::string, std::string> extra = {}) {
        std::map<std::string, std::string> headers{{"content-type", "application/x-www-form-urlencoded"},
                                                   {"accept-language", b.lang}};
        if (!b.cookie.empty()) headers["cookie"] = b.cookie;
        for (auto& [k, v] : extra) headers[k] = v;
        return client_->send("", "POST", path, body, headers);
    }

    static std::string cookie_of(const HttpResponse& r) {
        const std::string set(r.header("set-cookie").value_or(""));
        return set.substr(0, set.find(';'));
    }

    static Browser signed_in(const std::string& login, const std::string& next = "") {
        Browser b;
        const HttpResponse r = post_form(b, "/sign-in",
                                         "login=" + login + "&password=" + kRolePassword + "&next=" + next);
        EXPECT_EQ(r.status, 303) << r.body;
        b.cookie = cookie_of(r);
        return b;
    }

    /// The CSRF token a page's forms carry.
    static std::string csrf_in(const HttpResponse& page) {
        std::smatch m;
        const std::regex field("name=\"csrf_token\" value=\"([^\"]+)\"");
        return std::regex_search(page.body, m, field) ? m[1].str() : "";
    }

    static Scratch* scratch_;
    static TestDatabase* database_;
    static RoleClient* client_;
};

Scratch* PagesTest::scratch_ = nullptr;
TestDatabase* PagesTest::database_ = nullptr;
RoleClient* PagesTest::client_ = nullptr;

TEST_F(PagesTest, APageSendsABrowserWithoutASessionToSignInAndBack) {
    const HttpResponse r = get({}, "/years/2013/ranking");
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(r.header("location"), "/sign-in?next=/years/2013/ranking");
    EXPECT_EQ(get({}, "/").header("location"), "/sign-in");
    const HttpResponse form = get({}, "/sign-in", {{"next", "/years/2013/ranking"}});
    ASSERT_EQ(form.status, 200);
    EXPECT_EQ(form.header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(form.body.find("value=\"/years/2013/ranking\""), std::string::npos);
    const Browser office = signed_in("office", "/years/2013/ranking");
    const HttpResponse in = post_form({}, "/sign-in",
                                      "login=office&password=" + kRolePassword + "&next=%2Fyears%2F2013%2Franking");
    EXPECT_EQ(in.header("location"), "/years/2013/ranking");
    EXPECT_NE(in.header("set-cookie")->find("HttpOnly; SameSite=Lax"), std::string::npos);
    EXPECT_EQ(get(office, "/years/2013/ranking").status, 200);
}

TEST_F(PagesTest, SignInRefusesAWrongPasswordAnotherSiteAndAForeignNext) {
    const HttpResponse wrong = post_form({}, "/sign-in", "login=office&password=nope");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_NE(wrong.body.find("wrong login or password"), std::string::npos);
    EXPECT_NE(wrong.body.find("value=\"office\""), std::string::npos) << "the login stays filled in";
    EXPECT_FALSE(wrong.header("set-cookie"));
    const HttpResponse foreign = post_form({}, "/sign-in", "login=office&password=" + kRolePassword,
                                           {{"origin", "https://evil.example"}});
    EXPECT_EQ(foreign.status, 403);
    EXPECT_FALSE(foreign.header("set-cookie"));
    for (const char* next : {"//evil.example/", "https://evil.example/", "/\\evil.example"}) {
        const HttpResponse r = post_form({}, "/sign-in", "login=office&password=" + kRolePassword + "&next=" + next);
        EXPECT_EQ(r.header("location"), "/") << next;
    }
}

TEST_F(PagesTest, EachRoleLandsWhereItsWorkIs) {
    for (const auto& [login, where] : std::vector<std::pair<std::string, std::string>>{{"office", "/ranking"},
                                                                                       {"admin", "/ranking"},
                                                                                       {"author", "/ranking"},
                                                                                       {"agency", "/ranking"},
                                                                                       {"inspector", "/inspections"}}) {
        EXPECT_EQ(get(signed_in(login), "/").header("location"), where) << login;
    }
    EXPECT_EQ(get(signed_in("office"), "/ranking").header("location"), "/years/2013/ranking");
    EXPECT_EQ(get(signed_in("inspector"), "/years/2013/ranking").status, 403);
}

TEST_F(PagesTest, TheRankingShowsEachCategoryWithBandsChartAndDownloads) {
    const HttpResponse r = get(signed_in("office"), "/years/2013/ranking");
    ASSERT_EQ(r.status, 200) << r.body;
    for (const char* part : {"<h1>Ranking 2013</h1>", "class=\"band band-", "<svg class=\"chart\"",
                             "href=\"/api/v1/years/2013/report.xlsx\"", "Sở Tư pháp", "<th scope=\"col\">Rank</th>",
                             "href=\"/api/v1/years/2013/yearly-report.pdf\""}) {
        EXPECT_NE(r.body.find(part), std::string::npos) << part;
    }
    EXPECT_EQ(std::count(r.body.begin(), r.body.end(), '<') - std::count(r.body.begin(), r.body.end(), '>'), 0);
    // The pages' policy: only this origin, no inline script or style.
    const std::string policy(r.header("content-security-policy").value_or(""));
    EXPECT_NE(policy.find("default-src 'self'"), std::string::npos) << policy;
    EXPECT_EQ(policy.find("unsafe-inline"), std::string::npos) << policy;
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << policy;
    // A form then carries its true Origin (under no-referrer a browser sends "null").
    EXPECT_EQ(r.header("referrer-policy"), "same-origin");
    EXPECT_EQ(r.body.find("style="), std::string::npos);
    EXPECT_EQ(r.body.find("<script>"), std::string::npos);
}

TEST_F(PagesTest, MarkupInAStoredNameIsShownAsText) {
    const HttpResponse r = get(signed_in("office"), "/years/2013/ranking");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.body.find("<img src=x"), std::string::npos);
    EXPECT_NE(r.body.find("&lt;img src=x onerror=alert(1)&gt;"), std::string::npos);
}

TEST_F(PagesTest, AnAgencySeesOnlyItsUnit) {
    const Browser agency = signed_in("agency");
    const HttpResponse r = get(agency, "/years/2013/ranking");
    ASSERT_EQ(r.status, 200);
    EXPECT_NE(r.body.find("Sở Tư pháp"), std::string::npos);
    EXPECT_EQ(r.body.find("Sở Tài chính"), std::string::npos);
    EXPECT_EQ(r.body.find("Huyện"), std::string::npos);
    // The province's yearly report is not an agency's to draft.
    EXPECT_EQ(r.body.find("yearly-report"), std::string::npos);
}

TEST_F(PagesTest, TheNotFoundPageIsHtmlAndTellsNothing) {
    const HttpResponse r = get(signed_in("office"), "/no/such/page");
    EXPECT_EQ(r.status, 404);
    EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
    EXPECT_NE(r.body.find("<h1>Not found</h1>"), std::string::npos);
    EXPECT_EQ(client_->send("", "GET", "/api/v1/nothing").header("content-type"), "application/json; charset=utf-8");
}

TEST_F(PagesTest, SigningOutNeedsTheFormsCsrfToken) {
    const Browser office = signed_in("office");
    const HttpResponse ranking = get(office, "/years/2013/ranking");
    const std::string csrf = csrf_in(ranking);
    ASSERT_FALSE(csrf.empty());
    EXPECT_EQ(post_form(office, "/sign-out", "csrf_token=wrong").status, 403);
    EXPECT_EQ(get(office, "/years/2013/ranking").status, 200) << "still signed in";
    const HttpResponse out = post_form(office, "/sign-out", "csrf_token=" + csrf);
    EXPECT_EQ(out.status, 303);
    EXPECT_EQ(out.header("location"), "/sign-in");
    EXPECT_NE(out.header("set-cookie")->find("Max-Age=0"), std::string::npos);
    EXPECT_EQ(get(office, "/years/2013/ranking").status, 303);
}

TEST_F(PagesTest, AGeneratedPasswordIsChangedFirst) {
    client_->exec("UPDATE accounts SET must_change = 1 WHERE login = 'author'");
    Browser author;
    const HttpResponse in = post_form(author, "/sign-in", "login=author&password=" + kRolePassword);
    EXPECT_EQ(in.header("location"), "/password");
    author.cookie = cookie_of(in);
    EXPECT_EQ(get(author, "/years/2013/ranking").header("location"), "/password");
    const HttpResponse form = get(author, "/password");
    ASSERT_EQ(form.status, 200);
    const std::string csrf = csrf_in(form);
    const std::string fresh = "một-mật-khẩu-mới-dài";
    const HttpResponse differ = post_form(author, "/password",
                                          "csrf_token=" + csrf + "&current=" + kRolePassword + "&new=" + fresh +
                                              "&repeat=other-password-here");
    EXPECT_EQ(differ.status, 422);
    const HttpResponse changed = post_form(author, "/password",
                                           "csrf_token=" + csrf + "&current=" + kRolePassword + "&new=" + fresh +
                                               "&repeat=" + fresh);
    ASSERT_EQ(changed.status, 303) << changed.body;
    author.cookie = cookie_of(changed);
    EXPECT_EQ(get(author, "/years/2013/ranking").status, 200);
    client_->exec(
        "UPDATE accounts SET must_change = 0, password_hash = (SELECT password_hash FROM accounts WHERE "
        "login = 'office') WHERE login = 'author'");
}

TEST_F(PagesTest, AUnitPageExplainsEachCriterionDownToTheInspections) {
    const Browser office = signed_in("office");
    const HttpResponse ranking = get(office, "/years/2013/ranking");
    EXPECT_NE(ranking.body.find("href=\"/years/2013/units/so-tu-phap\""), std::string::npos);
    const HttpResponse unit = get(office, "/years/2013/units/so-tu-phap");
    ASSERT_EQ(unit.status, 200) << unit.body;
    EXPECT_NE(unit.body.find("<h1>Sở Tư pháp</h1>"), std::string::npos);
    EXPECT_NE(unit.body.find("<details>"), std::string::npos);
    EXPECT_NE(unit.body.find("href=\"/inspections/"), std::string::npos);
    EXPECT_NE(unit.body.find("<th scope=\"row\"><a href=\"/years/2013/units/so-tu-phap\">2013</a></th>"),
              std::string::npos);
    // An agency reads its own unit, and another's address is the not-found page.
    const Browser agency = signed_in("agency");
    EXPECT_EQ(get(agency, "/years/2013/units/so-tu-phap").status, 200);
    const HttpResponse other = get(agency, "/years/2013/units/so-tai-chinh");
    EXPECT_EQ(other.status, 404);
    EXPECT_EQ(other.body.find("Sở Tài chính"), std::string::npos);
    EXPECT_EQ(get(office, "/years/2013/units/no-such-unit").status, 404);
}

TEST_F(PagesTest, AnInspectionIsReturnedWithACommentShownAsText) {
    const Browser office = signed_in("office");
    const HttpResponse unit = get(office, "/years/2013/units/so-noi-vu");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(unit.body, m, std::regex("<li><a href=\"(/inspections/[0-9a-f-]{36})\">")));
    const std::string path = m[1].str();
    const HttpResponse before = get(office, path);
    ASSERT_EQ(before.status, 200) << before.body;
    ASSERT_NE(before.body.find("action=\"" + path + "/return\""), std::string::npos) << "office may return it";
    const std::string csrf = csrf_in(before);
    EXPECT_EQ(post_form(office, path + "/return", "comment=x").status, 403) << "without the token";
    const HttpResponse returned = post_form(office, path + "/return",
                                            "csrf_token=" + csrf + "&comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
    ASSERT_EQ(returned.status, 303) << returned.body;
    EXPECT_EQ(returned.header("location"), path);
    const HttpResponse after = get(office, path);
    EXPECT_EQ(after.body.find("<script>alert(1)</script>"), std::string::npos);
    EXPECT_NE(after.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
    EXPECT_EQ(after.body.find("action=\"" + path + "/return\""), std::string::npos) << "returned: nothing to return";
    // The inspector sees no review action; an agency does not see another unit's inspection at all.
    const HttpResponse seen = get(signed_in("inspector"), path);
    EXPECT_EQ(seen.status, 200);
    EXPECT_EQ(seen.body.find("/lock\""), std::string::npos);
    EXPECT_EQ(get(signed_in("agency"), path).status, 404);
}

TEST_F(PagesTest, TheInspectionsAreListedAndFiltered) {
    const Browser inspector = signed_in("inspector");
    const HttpResponse all = get(inspector, "/inspections");
    ASSERT_EQ(all.status, 200) << all.body;
    const auto rows = [](const HttpResponse& r) {
        static const std::regex row("<tr><td><a href=");
        return std::distance(std::sregex_iterator(r.body.begin(), r.body.end(), row), std::sregex_iterator());
    };
    EXPECT_GT(rows(all), 30);
    const HttpResponse one = get(inspector, "/inspections", {{"unit", "so-tu-phap"}, {"kind", "self"}});
    ASSERT_EQ(one.status, 200);
    EXPECT_GE(rows(one), 1);
    EXPECT_LT(rows(one), rows(all));
    EXPECT_NE(one.body.find("<option value=\"so-tu-phap\" selected>"), std::string::npos);
    EXPECT_EQ(get(inspector, "/inspections", {{"year", "twenty"}}).status, 400);
    const HttpResponse unknown = get(inspector, "/inspections", {{"unit", "no-such-unit"}});
    EXPECT_GE(unknown.status, 400);
    EXPECT_EQ(unknown.header("content-type"), "text/html; charset=utf-8");
    // An agency lists its own unit's inspections only.
    const HttpResponse agency = get(signed_in("agency"), "/inspections");
    EXPECT_EQ(agency.body.find("Sở Tài chính</td>"), std::string::npos);
}

TEST_F(PagesTest, AnAdminAddsAnAccountWhoseFirstSignInChangesItsPassword) {
    const Browser admin = signed_in("admin");
    EXPECT_EQ(get(signed_in("office"), "/accounts").status, 403);
    const HttpResponse list = get(admin, "/accounts");
    ASSERT_EQ(list.status, 200) << list.body;
    const std::string csrf = csrf_in(list);
    const HttpResponse added = post_form(admin, "/accounts",
                                         "csrf_token=" + csrf +
                                             "&login=lan&name=L%C3%AA+Lan&role=inspector&scope=&lang=vi");
    ASSERT_EQ(added.status, 200) << added.body;
    std::smatch m;
    ASSERT_TRUE(std::regex_search(added.body, m, std::regex("<span class=\"code secret\">([^<]+)</span>")));
    const std::string password = m[1].str();
    EXPECT_EQ(get(admin, "/accounts").body.find(password), std::string::npos) << "shown once";
    Browser lan;
    const HttpResponse first = post_form(lan, "/sign-in", "login=lan&password=" + password);
    EXPECT_EQ(first.header("location"), "/password");
    // A login taken or malformed is refused on the page, and nothing is added.
    const HttpResponse again = post_form(admin, "/accounts",
                                         "csrf_token=" + csrf + "&login=lan&role=inspector&lang=vi");
    EXPECT_EQ(again.status, 422);
    EXPECT_NE(again.body.find("class=\"error\""), std::string::npos);
    // Disabled, it cannot sign in.
    EXPECT_EQ(post_form(admin, "/accounts/lan", "csrf_token=" + csrf + "&do=disable").status, 303);
    EXPECT_EQ(post_form(lan, "/sign-in", "login=lan&password=" + password).status, 401);
    EXPECT_EQ(post_form(admin, "/accounts/lan", "csrf_token=wrong&do=enable").status, 403);
}

/// A form field's value, percent-encoded.
std::string encoded(const std::string& text) {
    std::string out;
    for (const unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            static const char* hex = "0123456789ABCDEF";
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

TEST_F(PagesTest, AnAuthorChecksAndComparesADraftAndTheOfficeAdoptsIt) {
    std::ifstream in(std::string(PARSCORE_SOURCE_DIR) + "/rules/hoa-binh-2013/rulebook.yaml");
    const std::string adopted((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_GT(adopted.size(), 1000u);
    const Browser author = signed_in("author");
    const HttpResponse page = get(author, "/rulebooks");
    ASSERT_EQ(page.status, 200) << page.body;
    EXPECT_EQ(page.body.find("formaction=\"/rulebooks/adopt\""), std::string::npos) << "an author may not adopt";
    const std::string csrf = csrf_in(page);
    // An unknown key in place of line 17: shown at that line.
    std::string broken = adopted;
    std::size_t at = 0;
    for (int line = 1; line < 17; ++line) at = broken.find('\n', at) + 1;
    broken.insert(at, "colour: red\n");
    const HttpResponse checked = post_form(author, "/rulebooks/check",
                                           "csrf_token=" + csrf + "&year=2013&rulebook=" + encoded(broken));
    EXPECT_EQ(checked.status, 422);
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(checked.body, m, std::regex("<li class=\"flagged\"><span class=\"code\">([^<]*)</span>")))
        << checked.body.substr(0, 3000);
    EXPECT_EQ(m[1].str(), "colour: red");
    EXPECT_NE(checked.body.find("line 17, column 1: E203"), std::string::npos);
    // Fixed, compared with the adopted one: the same rulebook changes nothing.
    const HttpResponse compared = post_form(author, "/rulebooks/compare",
                                            "csrf_token=" + csrf + "&year=2013&rulebook=" + encoded(adopted));
    ASSERT_EQ(compared.status, 200) << compared.body.substr(0, 3000);
    EXPECT_NE(compared.body.find("0 of "), std::string::npos);
    EXPECT_EQ(
        post_form(author, "/rulebooks/adopt", "csrf_token=" + csrf + "&year=2013&rulebook=" + encoded(adopted)).status,
        403);
    const Browser office = signed_in("office");
    const HttpResponse office_page = get(office, "/rulebooks");
    EXPECT_NE(office_page.body.find("formaction=\"/rulebooks/adopt\""), std::string::npos);
    const HttpResponse adopted_again = post_form(office, "/rulebooks/adopt",
                                                 "csrf_token=" + csrf_in(office_page) +
                                                     "&year=2013&rulebook=" + encoded(adopted));
    ASSERT_EQ(adopted_again.status, 200) << adopted_again.body.substr(0, 3000);
    EXPECT_NE(adopted_again.body.find("already the one in force for 2013"), std::string::npos);
}

TEST_F(PagesTest, TheOfficePublishesAYearAfterConfirmingIt) {
    const Browser office = signed_in("office");
    const HttpResponse list = get(office, "/publications");
    ASSERT_EQ(list.status, 200) << list.body;
    const std::string csrf = csrf_in(list);
    const std::string before = client_->text("SELECT count(*) FROM publications");
    const HttpResponse asked = post_form(office, "/publications", "csrf_token=" + csrf + "&year=2013");
    EXPECT_EQ(asked.status, 200);
    EXPECT_NE(asked.body.find("name=\"confirmed\" value=\"yes\""), std::string::npos);
    EXPECT_EQ(client_->text("SELECT count(*) FROM publications"), before) << "not before it is confirmed";
    const HttpResponse published = post_form(office, "/publications",
                                             "csrf_token=" + csrf + "&year=2013&confirmed=yes");
    ASSERT_EQ(published.status, 200) << published.body.substr(0, 2000);
    EXPECT_NE(published.body.find("Published as publication"), std::string::npos);
    EXPECT_EQ(client_->text("SELECT count(*) FROM publications"), std::to_string(std::stoi(before) + 1));
    const HttpResponse again = post_form(office, "/publications", "csrf_token=" + csrf + "&year=2013&confirmed=yes");
    EXPECT_NE(again.body.find("already holds these results"), std::string::npos);
    const Browser author = signed_in("author");
    EXPECT_EQ(get(author, "/publications").body.find("action=\"/publications\""), std::string::npos);
    EXPECT_EQ(post_form(author, "/publications",
                        "csrf_token=" + csrf_in(get(author, "/publications")) + "&year=2013&confirmed=yes")
                  .status,
              403);
}

TEST_F(PagesTest, TheSummaryAndTheGapOfAYear) {
    const Browser office = signed_in("office");
    const HttpResponse ranking = get(office, "/years/2013/ranking");
    EXPECT_NE(ranking.body.find("href=\"/years/2013/summary\""), std::string::npos);
    const HttpResponse summary = get(office, "/years/2013/summary");
    ASSERT_EQ(summary.status, 200) << summary.body.substr(0, 2000);
    EXPECT_NE(summary.body.find("/19</td>"), std::string::npos) << "a yes/no indicator over the 19 departments";
    const HttpResponse gap = get(office, "/years/2013/gap");
    ASSERT_EQ(gap.status, 200) << gap.body.substr(0, 2000);
    EXPECT_NE(gap.body.find("Sở Tư pháp"), std::string::npos);
    // Province-wide figures: not for an agency, whose ranking page does not offer them.
    const Browser agency = signed_in("agency");
    EXPECT_EQ(get(agency, "/years/2013/ranking").body.find("/years/2013/summary"), std::string::npos);
    EXPECT_EQ(get(agency, "/years/2013/summary").status, 403);
}

TEST_F(PagesTest, TheAuditLogIsAnAdminsAndFiltersByAccount) {
    const Browser admin = signed_in("admin");
    const HttpResponse all = get(admin, "/audit");
    ASSERT_EQ(all.status, 200) << all.body.substr(0, 2000);
    const HttpResponse office_only = get(admin, "/audit", {{"user", "office"}});
    ASSERT_EQ(office_only.status, 200);
    EXPECT_EQ(office_only.body.find("<td>admin</td>"), std::string::npos);
    EXPECT_EQ(get(signed_in("office"), "/audit").status, 403);
    EXPECT_EQ(get(admin, "/audit", {{"since", "not-a-day"}}).status, 400);
}

TEST_F(PagesTest, StaticFilesAreServedByTheirFingerprint) {
    const HttpResponse page = get({}, "/sign-in");
    std::smatch m;
    ASSERT_TRUE(std::regex_search(page.body, m, std::regex("href=\"(/static/parscore\\.[0-9a-f]{10}\\.css)\"")));
    const HttpResponse css = get({}, m[1].str());
    EXPECT_EQ(css.status, 200);
    EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
    EXPECT_EQ(css.header("cache-control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(get({}, "/static/parscore.0000000000.css").status, 404);
    EXPECT_EQ(get({}, "/static/parscore.css").status, 404);
}

TEST_F(PagesTest, PagesFollowTheBrowsersLanguageAndTheAccounts) {
    Browser anonymous;
    anonymous.lang = "vi";
    const HttpResponse vi = get(anonymous, "/sign-in");
    EXPECT_NE(vi.body.find("<html lang=\"vi\">"), std::string::npos);
    EXPECT_NE(vi.body.find("Đăng nhập"), std::string::npos);
    client_->exec("UPDATE accounts SET lang = 'vi' WHERE login = 'admin'");
    const HttpResponse ranking = get(signed_in("admin"), "/years/2013/ranking");
    EXPECT_NE(ranking.body.find("Xếp hạng năm 2013"), std::string::npos);
    client_->exec("UPDATE accounts SET lang = 'en' WHERE login = 'admin'");
}

TEST_F(PagesTest, AnAmendmentShowsWhatItChangedOnThePageAndInTheJson) {
    using nlohmann::json;
    // A scheduled inspection amended through the API: one more inspector in the team, and its
    // first procedure no longer posted.
    std::string id;
    for (const json& i : json_of(client_->send("office", "GET", "/api/v1/inspections", "", {},
                                               {{"unit", "so-van-hoa"}, {"year", "2013"}}))) {
        if (i["kind"] == "scheduled") id = i["id"];
    }
    ASSERT_FALSE(id.empty());
    const std::string api = "/api/v1/inspections/" + id;
    const json shown = json_of(client_->send("office", "GET", api));
    json report = {{"inspection", shown}, {"findings", shown["findings"]}};
    for (const char* other : {"id", "year", "status", "revision", "findings", "history", "comments", "attachments"})
        report["inspection"].erase(other);
    report["inspection"]["team"].push_back("Trần Đức Anh");
    json& procedure = report["findings"]["procedure"][0];
    ASSERT_EQ(procedure["posted"], true);
    procedure["posted"] = false;
    const HttpResponse amended = client_->send("office", "POST", api + "/amend",
                                               json{{"report", report}, {"reason", "recount"}}.dump());
    ASSERT_EQ(amended.status, 200) << amended.body;

    const json history = json_of(client_->send("office", "GET", api))["history"];
    EXPECT_FALSE(history.front().contains("changes")) << "the first revision changed nothing";
    json expected = json::parse(R"([
        {"change": "team", "old": null, "new": null},
        {"change": "record_changed", "kind": "procedure", "key": {"code": null},
         "fields": [{"field": "posted", "old": true, "new": false}]}])");
    expected[0]["old"] = shown["team"];
    expected[0]["new"] = report["inspection"]["team"];
    expected[1]["key"]["code"] = procedure["code"];
    EXPECT_EQ(history.back()["changes"], expected);
    EXPECT_EQ(history.back()["reason"], "recount");

    std::string team;
    for (const json& member : shown["team"]) team += (team.empty() ? "" : ", ") + member.get<std::string>();
    const std::string code = procedure["code"];
    const HttpResponse page = get(signed_in("office"), "/inspections/" + id);
    ASSERT_EQ(page.status, 200) << page.body;
    for (const std::string& line : {"<li>team: " + team + " → " + team + ", Trần Đức Anh</li>",
                                    "<li>procedure, record with code " + code + ": posted: true → false</li>"}) {
        EXPECT_NE(page.body.find(line), std::string::npos) << line;
    }
    client_->exec("UPDATE accounts SET lang = 'vi' WHERE login = 'office'");
    const HttpResponse vi = get(signed_in("office"), "/inspections/" + id);
    client_->exec("UPDATE accounts SET lang = 'en' WHERE login = 'office'");
    for (const std::string& line : {"<li>đoàn kiểm tra: " + team + " → " + team + ", Trần Đức Anh</li>",
                                    "<li>procedure, bản ghi có code " + code + ": posted: true → false</li>"}) {
        EXPECT_NE(vi.body.find(line), std::string::npos) << line;
    }
}

/// The recording form without JavaScript: multipart posts, a row added by the server, the
/// report's error beside its input with what was typed kept, then recorded with its photo.
TEST_F(PagesTest, TheRecordingFormWorksWithoutJavaScript) {
    const Browser b = signed_in("inspector");
    const HttpResponse form = get(b, "/record");
    ASSERT_EQ(form.status, 200) << form.body;
    for (const char* input : {"name=\"rec.procedure.0.code\"", "name=\"none.violation\"", "name=\"fact.one_stop_desk\"",
                              "type=\"date\"", "name=\"photo\"", "enctype=\"multipart/form-data\""})
        EXPECT_NE(form.body.find(input), std::string::npos) << input;
    const std::string csrf = csrf_in(form);
    std::smatch id;
    ASSERT_TRUE(std::regex_search(form.body, id, std::regex("name=\"client_id\" value=\"([0-9a-f-]{36})\"")));
    const auto post = [&](std::vector<std::pair<std::string, std::string>> fields, const std::string& photo = "") {
        std::string body;
        fields.emplace_back("csrf_token", csrf);
        fields.emplace_back("client_id", id[1].str());
        fields.emplace_back("year", "2013");
        for (const auto& [name, value] : fields)
            body += "--XyZ\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
        if (!photo.empty())
            body +=
                "--XyZ\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"desk.png\"\r\n"
                "Content-Type: image/png\r\n\r\n" +
                photo + "\r\n";
        return post_form(b, "/record", body + "--XyZ--\r\n", {{"content-type", "multipart/form-data; boundary=XyZ"}});
    };
    std::vector<std::pair<std::string, std::string>> report = {{"unit", "so-tu-phap"},
                                                               {"date", "2013-10-20"},
                                                               {"kind", "surprise"},
                                                               {"rows.procedure", "1"},
                                                               {"rec.procedure.0.code", "TP-777"},
                                                               {"rec.procedure.0.posted", "true"},
                                                               {"rec.procedure.0.inter_agency", "applied"},
                                                               {"rec.procedure.0.online_level", "3"}};
    auto with = [&](std::vector<std::pair<std::string, std::string>> more) {
        auto all = report;
        for (auto& m : more) all.push_back(m);
        return all;
    };
    const HttpResponse added = post(with({{"add", "procedure"}}));
    EXPECT_EQ(added.status, 200);
    EXPECT_NE(added.body.find("name=\"rec.procedure.1.code\""), std::string::npos);
    EXPECT_NE(added.body.find("value=\"TP-777\""), std::string::npos) << "what was typed is kept";
    // The same code twice: the error is beside the second row's code, nothing is stored.
    const HttpResponse refused = post(with({{"rows.procedure", "2"},
                                            {"rec.procedure.1.code", "TP-777"},
                                            {"rec.procedure.1.inter_agency", "applied"},
                                            {"rec.procedure.1.online_level", "0"},
                                            {"status", "submitted"}}));
    EXPECT_EQ(refused.status, 422);
    EXPECT_NE(refused.body.find(
                  "name=\"rec.procedure.1.code\" data-type=\"text\" value=\"TP-777\" autocomplete=\"off\" "
                  "aria-invalid=\"true\" aria-describedby=\"f-rec-procedure-1-code-error\""),
              std::string::npos)
        << refused.body;
    EXPECT_NE(refused.body.find("href=\"#f-rec-procedure-1-code\""), std::string::npos);
    // Only that input is marked, and nothing on the empty form.
    EXPECT_EQ(refused.body.find("aria-invalid"), refused.body.rfind("aria-invalid"));
    EXPECT_EQ(form.body.find("aria-invalid"), std::string::npos);
    // A file that is not a photo is refused before anything is stored.
    const HttpResponse not_photo = post(with({{"status", "submitted"}}), "<svg onload=alert(1)>");
    EXPECT_EQ(not_photo.status, 422);
    EXPECT_NE(not_photo.body.find("id=\"f-photo-error\""), std::string::npos);
    const std::string png("\x89PNG\r\n\x1a\n0000", 12);
    const HttpResponse stored = post(with({{"status", "submitted"}}), png);
    ASSERT_EQ(stored.status, 303) << stored.body;
    const std::string at(stored.header("location").value_or(""));
    ASSERT_TRUE(at.starts_with("/inspections/"));
    const HttpResponse shown = get(b, at);
    EXPECT_NE(shown.body.find("desk.png"), std::string::npos);
    EXPECT_NE(shown.body.find("TP-777"), std::string::npos);
    // The same form sent again (a double click) stores nothing more: its client id is kept.
    const HttpResponse again = post(with({{"status", "submitted"}}), png);
    EXPECT_EQ(again.header("location").value_or(""), at);
}

/// An inspection recorded through the form, amended through the same form filled with its
/// findings: the reason is asked for, and the history says what changed.
TEST_F(PagesTest, AnInspectionIsAmendedThroughTheFormFilledWithItsFindings) {
    const Browser b = signed_in("inspector");
    const HttpResponse form = get(b, "/record");
    const std::string csrf = csrf_in(form);
    const auto multipart = [&](const std::vector<std::pair<std::string, std::string>>& fields) {
        std::string body;
        for (const auto& [name, value] : fields)
            body += "--B\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n";
        return body + "--B\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + csrf + "\r\n--B--\r\n";
    };
    const std::map<std::string, std::string> type{{"content-type", "multipart/form-data; boundary=B"}};
    const HttpResponse recorded = post_form(b, "/record",
                                            multipart({{"year", "2013"},
                                                       {"unit", "so-noi-vu"},
                                                       {"date", "2013-11-02"},
                                                       {"kind", "surprise"},
                                                       {"rows.violation", "1"},
                                                       {"rec.violation.0.kind", "late"},
                                                       {"rec.violation.0.person", "Lê Văn E"},
                                                       {"fact.one_stop_desk", "true"},
                                                       {"status", "submitted"}}),
                                            type);
    ASSERT_EQ(recorded.status, 303) << recorded.body;
    const std::string at(recorded.header("location").value_or(""));
    const HttpResponse amend = get(b, at + "/amend");
    ASSERT_EQ(amend.status, 200) << amend.body;
    EXPECT_NE(amend.body.find("value=\"Lê Văn E\""), std::string::npos);
    EXPECT_NE(amend.body.find("<option value=\"true\" selected>"), std::string::npos);
    EXPECT_NE(amend.body.find("name=\"reason\""), std::string::npos);
    const std::vector<std::pair<std::string, std::string>> changed = {{"year", "2013"},
                                                                      {"unit", "so-noi-vu"},
                                                                      {"date", "2013-11-02"},
                                                                      {"kind", "surprise"},
                                                                      {"rows.violation", "1"},
                                                                      {"rec.violation.0.kind", "asleep"},
                                                                      {"rec.violation.0.person", "Lê Văn E"},
                                                                      {"fact.one_stop_desk", "true"}};
    const HttpResponse no_reason = post_form(b, at + "/amend", multipart(changed), type);
    EXPECT_EQ(no_reason.status, 422);
    EXPECT_NE(no_reason.body.find("id=\"f-reason-error\""), std::string::npos);
    auto with_reason = changed;
    with_reason.emplace_back("reason", "Nhầm loại vi phạm");
    const HttpResponse saved = post_form(b, at + "/amend", multipart(with_reason), type);
    ASSERT_EQ(saved.status, 303) << saved.body;
    EXPECT_EQ(saved.header("location").value_or(""), at);
    const HttpResponse shown = get(b, at);
    EXPECT_NE(shown.body.find("Nhầm loại vi phạm"), std::string::npos);
    EXPECT_NE(shown.body.find("late"), std::string::npos);
    EXPECT_NE(shown.body.find("asleep"), std::string::npos);
}

/// Who may record through the form: the operations decide, the form only offers what they allow.
TEST_F(PagesTest, TheRecordingFormFollowsThePermissions) {
    EXPECT_EQ(get(signed_in("author"), "/record").status, 403) << "an author records nothing";
    const Browser agency = signed_in("agency");
    const HttpResponse form = get(agency, "/record");
    ASSERT_EQ(form.status, 200);
    EXPECT_NE(form.body.find("<option value=\"self\" selected>"), std::string::npos);
    EXPECT_EQ(form.body.find("value=\"surprise\""), std::string::npos) << "an agency inspects no one";
    EXPECT_EQ(form.body.find("value=\"so-xay-dung\""), std::string::npos) << "another unit is not offered";
    const std::string csrf = csrf_in(form);
    const auto post = [&](const std::string& unit, const std::string& kind) {
        const std::string body = "csrf_token=" + csrf + "&year=2013&unit=" + unit + "&date=2013-12-03&kind=" + kind +
                                 "&fact.one_stop_desk=true&status=submitted";
        return post_form(agency, "/record", body);
    };
    // Another unit, or a kind it may not record, is refused, whatever the form offered.
    EXPECT_NE(post("so-xay-dung", "self").status, 303);
    EXPECT_NE(post("so-tu-phap", "surprise").status, 303);
    const HttpResponse own = post("so-tu-phap", "self");
    ASSERT_EQ(own.status, 303) << own.body;
    // An inspector may not amend what another account recorded: the amendment is refused and
    // the inspection keeps its one revision.
    const std::string at(own.header("location").value_or(""));
    const std::string before = client_->send("office", "GET", "/api/v1" + at).body;
    const Browser inspector = signed_in("inspector");
    const std::string token = csrf_in(get(inspector, "/inspections"));
    const HttpResponse amended =
        post_form(inspector, at + "/amend",
                  "csrf_token=" + token +
                      "&year=2013&unit=so-tu-phap&date=2013-12-03&kind=self&fact.one_stop_desk=false"
                      "&reason=sai");
    EXPECT_EQ(amended.status, 403) << amended.body;
    EXPECT_EQ(client_->send("office", "GET", "/api/v1" + at).body, before);
}

/// A country's ranking: one category at a time, a hundred units a page.
TEST(PagesAtScale, AByCountryRankingIsShownACategoryAndAPageAtATime) {
    Scratch scratch;
    const TestDatabase database(scratch.path(), "big.db");
    build_demo(database.location());
    std::string csv = "id,name,category\n";
    for (int i = 0; i < 500; ++i) csv += "xa-" + std::to_string(i) + ",Xã số " + std::to_string(i) + ",department\n";
    std::ofstream(scratch / "units.csv") << csv;
    app::UnitsImportRequest import;
    import.database = database.location();
    import.file = (scratch / "units.csv").string();
    ASSERT_TRUE(app::import_units(import).outcome);
    const RoleClient client(database, "so-tu-phap");
    const HttpResponse first = client.send("office", "GET", "/years/2013/ranking");
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_NE(first.body.find("class=\"tabs\""), std::string::npos);
    EXPECT_NE(first.body.find("class=\"pager\""), std::string::npos);
    EXPECT_NE(first.body.find("units 1–100 of 519"), std::string::npos);
    EXPECT_NE(first.body.find("href=\"/years/2013/ranking?category=department&amp;from=100\" rel=\"next\""),
              std::string::npos);
    EXPECT_EQ(first.body.find("rel=\"prev\""), std::string::npos);
    const HttpResponse last = client.send("office", "GET", "/years/2013/ranking", "", {},
                                          {{"category", "department"}, {"from", "450"}});
    EXPECT_NE(last.body.find("units 401–500 of 519"), std::string::npos) << "a page starts at a multiple of 100";
    EXPECT_NE(last.body.find("from=300\" rel=\"prev\""), std::string::npos);
    const HttpResponse districts = client.send("office", "GET", "/years/2013/ranking", "", {},
                                               {{"category", "district"}, {"from", "999"}});
    ASSERT_EQ(districts.status, 200);
    EXPECT_NE(districts.body.find("id=\"category-district\""), std::string::npos);
    EXPECT_EQ(districts.body.find("id=\"category-department\""), std::string::npos);
    // The inspections' filter and the recording form ask for a unit's id rather than offering
    // hundreds to choose from.
    const HttpResponse list = client.send("office", "GET", "/inspections");
    EXPECT_NE(list.body.find("<input type=\"text\" id=\"f-unit\""), std::string::npos);
    const HttpResponse form = client.send("office", "GET", "/record");
    EXPECT_NE(form.body.find("<input type=\"text\" id=\"f-unit\" name=\"unit\""), std::string::npos);
}

}  // namespace
}  // namespace parscore::server::testing
