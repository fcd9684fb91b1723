#include "pg_sql.hpp"

#include <algorithm>
#include <cstddef>
#include <map>

namespace parscore::inspections::pg {
namespace {

bool word_start(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (c & 0x80) != 0; }
bool word_char(char c) { return word_start(c) || (c >= '0' && c <= '9'); }
bool digit(char c) { return c >= '0' && c <= '9'; }

bool same_word(std::string_view word, std::string_view upper) {
    return word.size() == upper.size() && std::equal(word.begin(), word.end(), upper.begin(), [](char a, char b) {
               return (a >= 'a' && a <= 'z' ? static_cast<char>(a - 'a' + 'A') : a) == b;
           });
}

/// One pass over the statement: copies it to `out`, rewriting parameters, and notes where the
/// words that the INSERT OR IGNORE rewrite needs are.
class Rewriter {
public:
    explicit Rewriter(std::string_view sql) : in_(sql) { out_.reserve(sql.size() + 32); }

    std::string run(std::vector<std::string>* names) {
        while (i_ < in_.size()) step();
        if (ignore_) add_on_conflict();
        if (names) {
            names->assign(static_cast<std::size_t>(largest_), std::string());
            for (const auto& [name, number] : named_) (*names)[static_cast<std::size_t>(number - 1)] = name;
        }
        return std::move(out_);
    }

private:
    void step() {
        const char c = in_[i_];
        if (c == '\'' || c == '"') return copy_quoted(c);
        if (c == '-' && next_is('-')) return copy_until("\n", 2);
        if (c == '/' && next_is('*')) return copy_until("*/", 2);
        if (c == '$' && dollar_quote()) return;
        if (c == '?') return numbered();
        if (c == ':' && next_is(':')) return copy(2);  // a cast, x::bigint
        if (c == ':' && i_ + 1 < in_.size() && word_start(in_[i_ + 1])) return named();
        if (word_start(c)) return word();
        if (c == '(') ++depth_;
        if (c == ')') --depth_;
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ';') {
            last_token_end_ = out_.size() + 1;
            last_word_.clear();  // INSERT OR IGNORE is three words in a row
        }
        copy(1);
    }

    bool next_is(char c) const { return i_ + 1 < in_.size() && in_[i_ + 1] == c; }
    void copy(std::size_t n) {
        out_.append(in_.substr(i_, n));
        i_ += n;
    }
    void significant() { last_token_end_ = out_.size(); }

    /// '…' with '' inside, or "…" with "" inside; an unterminated one runs to the end.
    void copy_quoted(char quote) {
        std::size_t j = i_ + 1;
        while (j < in_.size()) {
            if (in_[j] == quote) {
                if (j + 1 < in_.size() && in_[j + 1] == quote) {
                    j += 2;
                    continue;
                }
                ++j;
                break;
            }
            ++j;
        }
        copy(j - i_);
        significant();
        last_word_.clear();
    }

    /// A comment: copied, but it separates words without being one.
    void copy_until(std::string_view end, std::size_t skip) {
        const std::size_t found = in_.find(end, i_ + skip);
        copy(found == std::string_view::npos ? in_.size() - i_ : found + end.size() - i_);
    }

    /// PostgreSQL's $tag$…$tag$ strings, which a statement written for both may hold.
    bool dollar_quote() {
        std::size_t j = i_ + 1;
        if (j < in_.size() && digit(in_[j])) return false;  // $1 is a parameter
        while (j < in_.size() && word_char(in_[j])) ++j;
        if (j >= in_.size() || in_[j] != '$') return false;
        const std::string_view tag = in_.substr(i_, j - i_ + 1);
        const std::size_t end = in_.find(tag, j + 1);
        copy(end == std::string_view::npos ? in_.size() - i_ : end + tag.size() - i_);
        significant();
        return true;
    }

    void numbered() {
        std::size_t j = i_ + 1;
        while (j < in_.size() && digit(in_[j])) ++j;
        long number = 0;
        if (j == i_ + 1) {
            number = ++largest_;
        } else {
            for (std::size_t k = i_ + 1; k < j && number < 1'000'000; ++k) number = number * 10 + (in_[k] - '0');
            largest_ = std::max(largest_, number);
        }
        emit_parameter(number, j);
    }

    void named() {
        std::size_t j = i_ + 1;
        while (j < in_.size() && (word_char(in_[j]) || in_[j] == '$')) ++j;
        const std::string name(in_.substr(i_, j - i_));
        auto [it, added] = named_.emplace(name, 0);
        if (added) it->second = ++largest_;
        emit_parameter(it->second, j);
    }

    void emit_parameter(long number, std::size_t end) {
        out_ += '$';
        out_ += std::to_string(number);
        i_ = end;
        significant();
        last_word_.clear();
    }

    /// INSERT OR IGNORE loses its OR IGNORE here; the ON CONFLICT clause is added at the end.
    void word() {
        std::size_t j = i_;
        while (j < in_.size() && word_char(in_[j])) ++j;
        const std::string_view w = in_.substr(i_, j - i_);
        if (!ignore_ && same_word(w, "IGNORE") && last_word_ == "OR" && before_last_ == "INSERT") {
            out_.resize(insert_end_);  // drops " OR IGNORE" and what separated them
            ignore_ = true;
            i_ = j;
            before_last_.clear();
            last_word_.clear();
            return;
        }
        if (same_word(w, "INSERT")) insert_end_ = out_.size() + w.size();
        if (same_word(w, "RETURNING") && depth_ == 0) returning_at_ = out_.size();
        before_last_ = last_word_;
        last_word_.assign(w);
        for (char& ch : last_word_) ch = (ch >= 'a' && ch <= 'z') ? static_cast<char>(ch - 'a' + 'A') : ch;
        copy(j - i_);
        significant();
    }

    void add_on_conflict() {
        if (returning_at_ != std::string::npos && returning_at_ > insert_end_) {
            out_.insert(returning_at_, "ON CONFLICT DO NOTHING ");
        } else {
            out_.insert(last_token_end_, " ON CONFLICT DO NOTHING");
        }
    }

    std::string_view in_;
    std::size_t i_ = 0;
    std::string out_;
    long largest_ = 0;
    std::map<std::string, long> named_;
    int depth_ = 0;
    std::string last_word_, before_last_;
    std::size_t insert_end_ = 0;
    std::size_t returning_at_ = std::string::npos;
    std::size_t last_token_end_ = 0;
    bool ignore_ = false;
};

/// The length of `IS NULL` or `IS NOT NULL` (any case, any spacing) at the start of `s`, or 0.
std::size_t null_test_at(std::string_view s) {
    std::size_t i = 0;
    const auto space = [&] {
        const std::size_t start = i;
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
        return i > start;
    };
    const auto keyword = [&](std::string_view upper) {
        if (i + upper.size() > s.size() || !same_word(s.substr(i, upper.size()), upper)) return false;
        if (i + upper.size() < s.size() && word_char(s[i + upper.size()])) return false;
        i += upper.size();
        return true;
    };
    if (!space() || !keyword("IS") || !space()) return 0;
    if (keyword("NOT") && !space()) return 0;
    return keyword("NULL") ? i : 0;
}

}  // namespace

std::string without_null_tests(std::string_view pg_sql, int number) {
    const std::string parameter = "$" + std::to_string(number);
    std::string out;
    std::size_t from = 0;
    for (std::size_t at = pg_sql.find(parameter); at != std::string_view::npos; at = pg_sql.find(parameter, at + 1)) {
        const std::size_t end = at + parameter.size();
        if (end < pg_sql.size() && digit(pg_sql[end])) continue;  // $12 is not $1
        if (null_test_at(pg_sql.substr(end)) == 0) continue;
        out.append(pg_sql.substr(from, at - from));
        out += "NULL";
        from = end;
    }
    out.append(pg_sql.substr(from));
    return out;
}

std::string to_postgres_sql(std::string_view sqlite_sql, std::vector<std::string>* names) {
    return Rewriter(sqlite_sql).run(names);
}

}  // namespace parscore::inspections::pg
