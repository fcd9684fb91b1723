#include "parscore/core/text.hpp"

namespace parscore::core {

std::string fill_placeholders(std::string_view text, const TextArg* args, std::size_t arg_count, const TextArg* count) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        std::size_t close = text[i] == '{' ? text.find('}', i + 1) : std::string_view::npos;
        if (close != std::string_view::npos) {
            std::string_view name = text.substr(i + 1, close - i - 1);
            const TextArg* found = count && count->name == name ? count : nullptr;
            for (std::size_t a = 0; a < arg_count; ++a) {
                if (args[a].name == name) found = &args[a];
            }
            if (found) {
                out += found->value;
                i = close + 1;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

std::string Text::english() const {
    if (!translatable) return id;
    if (plural.empty()) return fill_placeholders(id, args.data(), args.size());
    const TextArg n{"n", std::to_string(count)};
    return fill_placeholders(count == 1 ? id : plural, args.data(), args.size(), &n);
}

Text T_(std::string_view id, std::initializer_list<TextArg> args) {
    return Text{std::string(id), {}, 0, std::vector<TextArg>(args), true};
}

Text TN_(std::string_view singular, std::string_view plural, std::uint64_t n, std::initializer_list<TextArg> args) {
    return Text{std::string(singular), std::string(plural), n, std::vector<TextArg>(args), true};
}

Text verbatim(std::string text) { return Text{std::move(text), {}, 0, {}, false}; }

TextArg part(std::string name, Text text) {
    std::string english = text.english();
    return TextArg{std::move(name), std::move(english), std::make_shared<const Text>(std::move(text))};
}

}  // namespace parscore::core
