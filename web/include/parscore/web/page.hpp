#pragma once
// Rendering the web application's pages (docs/web.md): a template of web/templates inside the
// layout. Every {{value}} is HTML-escaped; {{{markup}}} is only for markup made here (an SVG
// chart, a rendered page). {{#t}}English text{{/t}} is the text in the page's language, from
// the same catalog as every other message (scripts/check-translations reads the templates too).
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parscore/i18n/language.hpp"

namespace parscore::web {

/// What a template shows: named texts, flags, objects and lists of objects. A name set twice
/// keeps the later value.
class Data {
public:
    void set(std::string name, std::string text);
    void set(std::string name, const char* text) { set(std::move(name), std::string(text)); }
    void set(std::string name, bool flag);
    void set(std::string name, Data object);
    void set(std::string name, std::vector<Data> list);

    struct Field;  // page.cpp
    const std::vector<std::shared_ptr<const Field>>& fields() const { return fields_; }

private:
    std::vector<std::shared_ptr<const Field>> fields_;
};
using List = std::vector<Data>;

/// A link of the navigation bar.
struct NavLink {
    std::string label, href;
    bool current = false;
};

/// What the layout shows around a page.
struct Frame {
    i18n::Language lang = i18n::Language::vi;
    std::string title;                   // in the page's language
    std::optional<std::string> account;  // the signed-in account's name; none: signed out
    std::string csrf_token;              // for the sign-out form
    std::vector<NavLink> nav;
};

/// templates/NAME.mustache with `data` and the `t` lambda; throws std::logic_error for a template
/// that does not exist or does not parse (a defect, found by the tests).
std::string render(std::string_view name, Data data, i18n::Language lang);

/// The whole page: templates/NAME.mustache inside templates/layout.mustache.
std::string render_page(std::string_view name, Data data, const Frame& frame);

}  // namespace parscore::web
