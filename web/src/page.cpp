#include "parscore/web/page.hpp"

#include <kainjow/mustache.hpp>

#include <map>
#include <memory>
#include <stdexcept>
#include <variant>

#include "parscore/i18n/translate.hpp"
#include "parscore/web/assets.hpp"

namespace parscore::web {

struct Data::Field {
    std::string name;
    std::variant<std::string, bool, Data, List> value;
};

void Data::set(std::string name, std::string text) {
    fields_.push_back(std::make_shared<const Field>(Field{std::move(name), std::move(text)}));
}
void Data::set(std::string name, bool flag) {
    fields_.push_back(std::make_shared<const Field>(Field{std::move(name), flag}));
}
void Data::set(std::string name, Data object) {
    fields_.push_back(std::make_shared<const Field>(Field{std::move(name), std::move(object)}));
}
void Data::set(std::string name, List list) {
    fields_.push_back(std::make_shared<const Field>(Field{std::move(name), std::move(list)}));
}

namespace {

namespace mustache = kainjow::mustache;

/// Fills `out`, an object, with `data`. kainjow's set() and push_back() copy what they are given,
/// nested objects and lists whole, so each nested value is inserted empty and filled where it lies
/// (its address is stable: a map node, or the list's last element until the next push): a large
/// page (a national ranking) is then built once, not once per level of nesting.
void fill(const Data& data, mustache::data& out) {
    for (const auto& field : data.fields()) {
        std::visit(
            [&](const auto& v) {
                using T = std::decay_t<decltype(v)>;
                if constexpr (std::is_same_v<T, std::string> || std::is_same_v<T, bool>) {
                    out.set(field->name, mustache::data(v));
                } else if constexpr (std::is_same_v<T, Data>) {
                    out.set(field->name, mustache::data(mustache::data::type::object));
                    fill(v, const_cast<mustache::data&>(*out.get(field->name)));
                } else {
                    out.set(field->name, mustache::data(mustache::data::type::list));
                    auto& list = const_cast<mustache::data&>(*out.get(field->name));
                    for (const Data& item : v) {
                        list.push_back(mustache::data(mustache::data::type::object));
                        fill(item, const_cast<mustache::data&>(list.list_value().back()));
                    }
                }
            },
            field->value);
    }
}

mustache::data converted(const Data& data) {
    mustache::data out(mustache::data::type::object);
    fill(data, out);
    return out;
}

/// The compiled template. One compiled template must not render on two threads at once (it keeps
/// its last error in itself), so each thread compiles its own, once.
mustache::mustache& compiled(std::string_view name) {
    thread_local std::map<std::string, std::unique_ptr<mustache::mustache>, std::less<>> cache;
    if (const auto it = cache.find(name); it != cache.end()) return *it->second;
    const std::string path = "templates/" + std::string(name) + ".mustache";
    const std::optional<std::string_view> text = file(path);
    if (!text) throw std::logic_error("no template " + path);
    auto made = std::make_unique<mustache::mustache>(std::string(*text));
    if (!made->is_valid()) throw std::logic_error(path + ": " + made->error_message());
    return *cache.emplace(std::string(name), std::move(made)).first->second;
}

}  // namespace

std::string render(std::string_view name, Data data, i18n::Language lang) {
    data.set("lang", std::string(i18n::language_code(lang)));
    mustache::data view = converted(data);
    view.set("t", mustache::lambda{[lang](const std::string& text) { return i18n::tr(lang, text); }});
    mustache::mustache& tmpl = compiled(name);
    std::string out = tmpl.render(view);
    if (!tmpl.is_valid()) throw std::logic_error("templates/" + std::string(name) + ": " + tmpl.error_message());
    return out;
}

std::string render_page(std::string_view name, Data data, const Frame& frame) {
    Data layout;
    layout.set("content", render(name, std::move(data), frame.lang));
    layout.set("title", frame.title);
    layout.set("css", static_url("parscore.css"));
    layout.set("htmx", static_url("htmx.js"));
    if (frame.account) {
        Data who;
        who.set("name", *frame.account);
        who.set("csrf_token", frame.csrf_token);
        layout.set("account", who);
    }
    List nav;
    for (const NavLink& link : frame.nav) {
        Data item;
        item.set("label", link.label);
        item.set("href", link.href);
        item.set("current", link.current);
        nav.push_back(item);
    }
    layout.set("nav", nav);
    layout.set("has_nav", !frame.nav.empty());
    return render("layout", std::move(layout), frame.lang);
}

}  // namespace parscore::web
