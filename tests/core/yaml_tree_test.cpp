#include "parscore/core/yaml_tree.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace parscore::core {
namespace {

struct Parsed {
    SourceSet sources;
    FileId file = 0;
    Diagnostics diags;
    std::optional<YamlNode> root;

    const std::string& text() const { return sources.file(file).text(); }
    Location loc(std::uint32_t offset) const { return sources.file(file).location(offset); }
    std::string spanned(const Span& s) const { return text().substr(s.begin, s.end - s.begin); }
};

std::unique_ptr<Parsed> parse(std::string text) {
    auto p = std::make_unique<Parsed>();
    p->file = p->sources.add("t.yaml", std::move(text));
    p->root = parse_yaml(p->sources, p->file, p->diags);
    return p;
}

std::string repeat(std::string_view s, std::size_t n) {
    std::string out;
    out.reserve(s.size() * n);
    for (std::size_t i = 0; i < n; ++i) out += s;
    return out;
}

std::string nested_block_maps(int levels) {
    std::string text;
    for (int i = 0; i < levels; ++i) text += std::string(2 * i, ' ') + "k:\n";
    return text + std::string(2 * levels, ' ') + "v\n";
}

// ---- errors: code, exact line and column, fatal or not ----------------------------------------

struct ErrorCase {
    std::string name;
    std::string text;
    std::string code;
    std::uint32_t line;
    std::uint32_t column;
    bool fatal;
    std::string message_part;
    std::size_t errors = 1;  // in the whole file
};

void PrintTo(const ErrorCase& c, std::ostream* os) { *os << c.name; }

class YamlErrorTest : public ::testing::TestWithParam<ErrorCase> {};

TEST_P(YamlErrorTest, ReportsCodeAtPosition) {
    const ErrorCase& c = GetParam();
    const auto p = parse(c.text);
    ASSERT_FALSE(p->diags.empty());
    const Diagnostic& d = p->diags.items()[0];
    EXPECT_EQ(d.code, c.code) << d.message;
    EXPECT_EQ(d.severity, Severity::Error);
    ASSERT_TRUE(d.span.has_value());
    EXPECT_EQ(d.span->file, p->file);
    const Location loc = p->loc(d.span->begin);
    EXPECT_EQ(loc.line, c.line) << d.message;
    EXPECT_EQ(loc.column, c.column) << d.message;
    EXPECT_NE(d.message.find(c.message_part), std::string::npos) << d.message;
    EXPECT_EQ(p->root.has_value(), !c.fatal);
    EXPECT_EQ(p->diags.error_count(), c.errors);
    // Messages are lower-case English without a final period.
    EXPECT_FALSE(d.message.empty());
    EXPECT_NE(d.message.back(), '.');
}

const ErrorCase kErrorCases[] = {
    {"SyntaxUnclosedFlow", "a: [1, 2\nb: 3\n", "E001", 2, 2, true, "end of sequence flow not found"},
    {"UnclosedDoubleQuote", "a: \"x\nb: 1\n", "E001", 1, 4, true, "quoted string is not closed"},
    {"UnclosedSingleQuote", "a: [1]\nb: 'it''s\n", "E001", 2, 4, true, "quoted string is not closed"},
    {"SyntaxAfterUnicode", "t\u00EAn: [S\u1EDF,\nb\n", "E001", 3, 1, true, "end of sequence flow"},
    {"NulCharacter", std::string("a: 1\n\0", 6), "E001", 2, 1, true, "NUL"},
    {"Anchor", "a: &x 1\n", "E003", 1, 4, false, "anchors and aliases are not supported"},
    {"AnchorOnMap", "a: &x\n  b: 1\n", "E003", 1, 4, false, "anchors and aliases"},
    {"AnchorOnSequenceItem", "a:\n  - &x [1]\n", "E003", 2, 5, false, "anchors and aliases"},
    // The anchor is reported and read past; the alias, which has no node of its own, stops the file.
    {"AnchorBeforeAlias", "a: &x 1\nb: *x\n", "E003", 1, 4, true, "anchors and aliases", 2},
    {"AliasToUnknownAnchor", "a: 1\nb: *x\n", "E003", 2, 4, true, "anchors and aliases"},
    {"TagStr", "a: !!str 5\n", "E003", 1, 4, false, "tag '!!str' is not supported"},
    {"TagLocal", "a: !foo 5\n", "E003", 1, 4, false, "tag '!foo' is not supported"},
    {"TagNonSpecific", "a: ! 5\n", "E003", 1, 4, false, "tag '!' is not supported"},
    {"TagOnQuoted", "a: !!str \"5\"\n", "E003", 1, 4, false, "tag '!!str'"},
    {"TagOnFlowSequence", "a:\n  - !!seq [1]\n", "E003", 2, 5, false, "tag '!!seq'"},
    {"TagBeforeAnchor", "a: !t &x 1\n", "E003", 1, 4, false, "tag '!t'"},
    {"TagOnKey", "!!str a: 1\n", "E003", 1, 1, false, "tag '!!str'"},
    {"MergeKey", "base: {x: 1}\nm:\n  <<: {y: 2}\n  z: 3\n", "E003", 3, 3, false, "merge keys are not supported"},
    {"MergeKeyInFlowMap", "m: {z: 1, <<: {y: 2}}\n", "E003", 1, 11, false, "merge keys"},
    {"DuplicateKey", "id: 1\nname: x\nid: 2\n", "E002", 3, 1, false, "duplicate key 'id'"},
    {"DuplicateKeyNested", "a:\n  b: 1\n  c: 2\n  b: 3\n", "E002", 4, 3, false, "duplicate key 'b'"},
    {"DuplicateKeyDeep", "a:\n  - x: 1\n    y:\n      z: 1\n      z: 2\n", "E002", 5, 7, false, "duplicate key 'z'"},
    {"DuplicateKeyFlow", "m: {a: 1, b: 2, a: 3}\n", "E002", 1, 17, false, "duplicate key 'a'"},
    {"DuplicateQuotedAndPlain", "'x': 1\nx: 2\n", "E002", 2, 1, false, "duplicate key 'x'"},
    {"DuplicateAfterNfc", "S\u1EDF: 1\nSo\u031B\u0309: 2\n", "E002", 2, 1, false, "duplicate key"},
    {"DuplicateAfterUnicode", "t\u00EAn: 1\nk: {\u0111: 1, \u0111: 2}\n", "E002", 2, 11, false,
     "duplicate key '\u0111'"},
    {"KeySequence", "? [a, b]\n: 1\n", "E005", 1, 3, false, "must be a scalar, not a sequence"},
    {"KeyMap", "? {a: 1}\n: 2\n", "E005", 1, 3, false, "must be a scalar, not a map"},
    {"KeyFlowSequenceInline", "x: 1\n[a]: 1\n", "E005", 2, 1, false, "not a sequence"},
    {"KeyEmpty", ": 1\n", "E005", 1, 1, false, "must not be empty"},
    {"KeyEmptyAfterEntry", "a: 1\n: 2\n", "E005", 2, 1, false, "must not be empty"},
    {"KeyEmptyInFlowMap", "{: 1}\n", "E005", 1, 2, false, "must not be empty"},
    {"TwoDocuments", "a: 1\n---\nb: 2\n", "E006", 2, 1, true, "only one YAML document"},
    {"TrailingDocumentStart", "a: 1\n---\n", "E006", 2, 1, true, "only one YAML document"},
    {"TabBeforeKey", "a:\n\tb: 1\n", "E001", 2, 1, true, "tab character used for indentation"},
    {"TabBeforePlainValue", "a:\n\tb\n", "E001", 2, 1, true, "tab character"},
    {"TabAtFileStart", "\ta: 1\n", "E001", 1, 1, true, "tab character"},
    {"TabBeforeSecondKey", "a: 1\n\tb: 2\n", "E001", 2, 1, true, "tab character"},
    {"TabAfterSpace", "a:\n  - x\n \t- y\n", "E001", 3, 2, true, "tab character"},
    {"TabsBeforeNestedKey", "a:\n  b:\n\t\tc: 1\n", "E001", 3, 1, true, "tab character"},
    {"TabBeforeSequenceEntry", "- a\n\t- b\n", "E001", 2, 1, true, "tab character"},
    {"TabBeforeBlockEntryOfMap", "a:\n\t- 1\n", "E001", 2, 1, true, "tab character"},
    {"DepthFlow65", repeat("[", 65) + repeat("]", 65) + "\n", "E004", 1, 65, true, "more than 64 levels"},
    {"DepthBlockSequence65", repeat("- ", 65) + "x\n", "E004", 1, 129, true, "more than 64 levels"},
    {"DepthBlockMap65", nested_block_maps(65), "E004", 65, 129, true, "more than 64 levels"},
    {"DepthMixed", "a:\n  b: " + repeat("[", 63) + repeat("]", 63) + "\n", "E004", 2, 68, true, "64 levels"},
    {"DepthFlowMaps", repeat("{a: ", 65) + "1" + repeat("}", 65) + "\n", "E004", 1, 257, true, "64 levels"},
    {"Depth100000Brackets", repeat("[", 100000), "E004", 1, 65, true, "64 levels"},
    {"Depth100000BracketsAfterMaps", "a:\n  b: " + repeat("[", 100000) + "\n", "E004", 2, 68, true, "64 levels"},
    {"Depth100000FlowMaps", repeat("{a: ", 100000), "E004", 1, 257, true, "64 levels"},
    {"Depth100000BlockEntries", repeat("- ", 100000) + "x\n", "E004", 1, 129, true, "64 levels"},
    {"UnclosedFlowIsNotTooDeep", repeat("[", 40), "E001", 1, 41, true, "end of sequence flow not found"},
    {"UnclosedFlowMapsAreNotTooDeep", "x: " + repeat("{a: ", 40), "E001", 1, 164, true, "end of map flow not found"},
    {"Depth100000IndentedMaps", nested_block_maps(2000), "E004", 65, 129, true, "64 levels"},
};

INSTANTIATE_TEST_SUITE_P(Cases, YamlErrorTest, ::testing::ValuesIn(kErrorCases),
                         [](const auto& test) { return test.param.name; });

TEST(YamlTreeTest, EveryTagAndAnchorIsReportedAndTheNodesAreRead) {
    const auto p = parse("a: !!str 5\nb: &x [1]\nc: !t x\n");
    ASSERT_TRUE(p->root.has_value());
    ASSERT_EQ(p->diags.error_count(), 3u);
    EXPECT_EQ(p->loc(p->diags.items()[1].span->begin).line, 2u);
    EXPECT_EQ(p->loc(p->diags.items()[2].span->begin).line, 3u);
    EXPECT_EQ(p->root->entries.size(), 3u);
}

TEST(YamlTreeTest, DuplicateKeyHasNoteAtFirstDefinition) {
    const auto p = parse("a:\n  id: 1\n  id: 2\nid: 3\n");
    ASSERT_EQ(p->diags.size(), 1u);
    const Diagnostic& d = p->diags.items()[0];
    EXPECT_EQ(d.code, "E002");
    EXPECT_EQ(p->loc(d.span->begin).line, 3u);
    EXPECT_EQ(p->spanned(*d.span), "id");
    ASSERT_EQ(d.notes.size(), 1u);
    EXPECT_EQ(d.notes[0].message, "first defined here");
    ASSERT_TRUE(d.notes[0].span.has_value());
    EXPECT_EQ(p->loc(d.notes[0].span->begin).line, 2u);
    EXPECT_EQ(p->loc(d.notes[0].span->begin).column, 3u);
    // The later entry is dropped; the first stays.
    ASSERT_TRUE(p->root);
    const YamlNode* a = p->root->find("a");
    ASSERT_NE(a, nullptr);
    ASSERT_EQ(a->entries.size(), 1u);
    EXPECT_EQ(a->find("id")->value, "1");
}

TEST(YamlTreeTest, ReportsEveryNonFatalProblem) {
    const auto p = parse("a: 1\na: 2\nm:\n  <<: {x: 1}\n  k: 1\n  k: 2\n? [x]\n: 3\nz: ok\n");
    ASSERT_TRUE(p->root);
    ASSERT_EQ(p->diags.size(), 4u);
    EXPECT_EQ(p->diags.items()[0].code, "E002");
    EXPECT_EQ(p->diags.items()[1].code, "E003");
    EXPECT_EQ(p->diags.items()[2].code, "E002");
    EXPECT_EQ(p->diags.items()[3].code, "E005");
    EXPECT_EQ(p->root->entries.size(), 3u);  // a, m, z
    EXPECT_EQ(p->root->find("z")->value, "ok");
    EXPECT_EQ(p->root->find("m")->entries.size(), 1u);
}

TEST(YamlTreeTest, SixtyFourLevelsParse) {
    for (const std::string& text : {repeat("[", 64) + repeat("]", 64), repeat("- ", 64) + "x", nested_block_maps(64),
                                    "a:\n  b: " + repeat("[", 62) + repeat("]", 62)}) {
        const auto p = parse(text);
        EXPECT_TRUE(p->diags.empty()) << text.substr(0, 20);
        ASSERT_TRUE(p->root);
    }
    const auto p = parse(repeat("[", 64) + "x" + repeat("]", 64));
    const YamlNode* node = &*p->root;
    int depth = 0;
    while (node->is_sequence()) {
        ++depth;
        ASSERT_EQ(node->items.size(), 1u);
        node = &node->items[0];
    }
    EXPECT_EQ(depth, 64);
    EXPECT_EQ(node->value, "x");
}

TEST(YamlTreeTest, DeepTextInsideScalarsIsNotNesting) {
    // Brackets inside quotes, comments and block scalars must not count as nesting.
    const std::string deep = repeat("[", 100);
    const std::string text = "a: \"" + deep + "\"\nb: '" + deep + "'\n# " + deep + "\nc: |\n  " + deep + "\nd: x" +
                             deep + "\ne: [\"" + deep + "\", '" + deep + "']\n";
    const auto p = parse(text);
    EXPECT_TRUE(p->diags.empty());
    ASSERT_TRUE(p->root);
    EXPECT_EQ(p->root->find("c")->value, deep + "\n");
    EXPECT_EQ(p->root->find("d")->value, "x" + deep);
    EXPECT_EQ(p->root->find("e")->items[1].value, deep);
}

TEST(YamlTreeTest, BracketsInPlainContinuationLinesAreText) {
    // The depth pre-scan takes these for flow collections; the full parse must still win.
    const std::string text = "a: foo\n  " + repeat("[", 70) + "\nb: 1\n";
    const auto p = parse(text);
    EXPECT_TRUE(p->diags.empty());
    ASSERT_TRUE(p->root);
    EXPECT_EQ(p->root->find("a")->value, "foo " + repeat("[", 70));
    EXPECT_EQ(p->spanned(p->root->find("a")->span), "foo\n  " + repeat("[", 70));
    EXPECT_EQ(p->root->find("b")->value, "1");
}

TEST(YamlTreeTest, TabsOutsideIndentationAreFine) {
    for (const char* text :
         {"a:\t1\n", "a: [1,\n\t2]\n", "a: |\n  x\n  \ty\n", "- a\n-\tb\n", "a: \"x\n\ty\"\n", "a: 1\t# c\n"}) {
        const auto p = parse(text);
        EXPECT_TRUE(p->diags.empty()) << text;
        EXPECT_TRUE(p->root) << text;
    }
}

// ---- positions with multi-byte text -------------------------------------------------------------

TEST(YamlTreeTest, SpansAreByteOffsetsAfterMultiByteText) {
    const std::string text =
        "t\u00EAn: \"S\u1EDF T\u01B0 ph\u00E1p\"\nkey: V\u0129nh Ph\u00FAc\n"
        "list: [H\u00E0 N\u1ED9i, '\u0110\u00E0 N\u1EB5ng']\n";
    const auto p = parse(text);
    ASSERT_TRUE(p->diags.empty());
    ASSERT_TRUE(p->root);
    const YamlNode* name = p->root->find("t\u00EAn");
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->span.begin, text.find('"'));
    EXPECT_EQ(p->spanned(name->span), "\"S\u1EDF T\u01B0 ph\u00E1p\"");
    EXPECT_EQ(name->style, ScalarStyle::DoubleQuoted);
    EXPECT_EQ(p->loc(name->span.begin).column, 6u);
    EXPECT_EQ(p->loc(name->span.end).column, 18u);

    const YamlNode* key = p->root->find("key");
    EXPECT_EQ(p->spanned(key->span), "V\u0129nh Ph\u00FAc");
    EXPECT_EQ(p->loc(key->span.begin).line, 2u);
    EXPECT_EQ(p->loc(key->span.begin).column, 6u);

    const YamlNode* list = p->root->find("list");
    ASSERT_EQ(list->items.size(), 2u);
    EXPECT_EQ(p->spanned(list->items[0].span), "H\u00E0 N\u1ED9i");
    EXPECT_EQ(p->spanned(list->items[1].span), "'\u0110\u00E0 N\u1EB5ng'");
    EXPECT_EQ(p->loc(list->items[1].span.begin).column, 16u);
    EXPECT_EQ(list->items[1].value, "\u0110\u00E0 N\u1EB5ng");
    EXPECT_EQ(p->spanned(p->root->find_key("list")->span), "list");
}

// ---- scalar styles and span ends ----------------------------------------------------------------

struct ScalarCase {
    std::string name;
    std::string raw;      // written after "v: ", followed by "\nz: 1\n"
    std::string spanned;  // the text the span covers
    ScalarStyle style;
    std::string value;
};

void PrintTo(const ScalarCase& c, std::ostream* os) { *os << c.name; }

class YamlScalarTest : public ::testing::TestWithParam<ScalarCase> {};

TEST_P(YamlScalarTest, DetectsStyleAndSpan) {
    const ScalarCase& c = GetParam();
    const auto p = parse("v: " + c.raw + "\nz: 1\n");
    ASSERT_TRUE(p->diags.empty()) << p->diags.items()[0].message;
    ASSERT_TRUE(p->root);
    const YamlNode* v = p->root->find("v");
    ASSERT_NE(v, nullptr);
    EXPECT_TRUE(v->is_scalar());
    EXPECT_EQ(v->style, c.style);
    EXPECT_EQ(v->value, c.value);
    EXPECT_EQ(v->span.begin, 3u);
    EXPECT_EQ(p->spanned(v->span), c.spanned);
    EXPECT_EQ(p->root->find("z")->value, "1");
}

const ScalarCase kScalarCases[] = {
    {"Plain", "hello world", "hello world", ScalarStyle::Plain, "hello world"},
    {"PlainWithComment", "hello  # note", "hello", ScalarStyle::Plain, "hello"},
    {"PlainWithColonInside", "a:b", "a:b", ScalarStyle::Plain, "a:b"},
    {"PlainVietnamese", "S\u1EDF T\u01B0 ph\u00E1p", "S\u1EDF T\u01B0 ph\u00E1p", ScalarStyle::Plain,
     "S\u1EDF T\u01B0 ph\u00E1p"},
    {"PlainMultiLine", "one\n  two\n\n  three", "one\n  two\n\n  three", ScalarStyle::Plain, "one two\nthree"},
    {"PlainNumberLike", "001", "001", ScalarStyle::Plain, "001"},
    {"SingleQuoted", "'it''s'", "'it''s'", ScalarStyle::SingleQuoted, "it's"},
    {"SingleQuotedEmpty", "''", "''", ScalarStyle::SingleQuoted, ""},
    {"DoubleQuotedEscapes", "\"a\\\"b\\n\"", "\"a\\\"b\\n\"", ScalarStyle::DoubleQuoted, "a\"b\n"},
    {"DoubleQuotedMultiLine", "\"a\n  b\"", "\"a\n  b\"", ScalarStyle::DoubleQuoted, "a b"},
    {"DoubleQuotedWithComment", "\"x\" # c", "\"x\"", ScalarStyle::DoubleQuoted, "x"},
    {"Literal", "|\n  abc\n  def", "|\n  abc\n  def", ScalarStyle::Literal, "abc\ndef\n"},
    {"LiteralStrip", "|-\n  abc", "|-\n  abc", ScalarStyle::Literal, "abc"},
    {"LiteralHeaderComment", "| # note\n  x # kept", "| # note\n  x # kept", ScalarStyle::Literal, "x # kept\n"},
    {"LiteralIndentIndicator", "|2\n   x", "|2\n   x", ScalarStyle::Literal, " x\n"},
    {"LiteralEmpty", "|", "|", ScalarStyle::Literal, ""},
    {"LiteralEmptyStrip", "|-", "|-", ScalarStyle::Literal, ""},
    {"Folded", ">\n  x\n  y", ">\n  x\n  y", ScalarStyle::Folded, "x y\n"},
    {"FoldedKeep", ">+\n  x", ">+\n  x", ScalarStyle::Folded, "x\n"},
};

INSTANTIATE_TEST_SUITE_P(Cases, YamlScalarTest, ::testing::ValuesIn(kScalarCases),
                         [](const auto& test) { return test.param.name; });

// ---- nulls, empty values and collections --------------------------------------------------------

TEST(YamlTreeTest, EmptyValueIsNullAndNullWordsStayScalars) {
    const auto p = parse("a:\nb: ~\nc: null\nd: Null\ne: NULL\nf: \"null\"\ng: nullish\n");
    ASSERT_TRUE(p->diags.empty());
    ASSERT_TRUE(p->root);
    const YamlNode* a = p->root->find("a");
    EXPECT_TRUE(a->is_null());
    EXPECT_EQ(p->spanned(a->span), ":");
    for (auto [key, word] : {std::pair{"b", "~"}, {"c", "null"}, {"d", "Null"}, {"e", "NULL"}}) {
        const YamlNode* node = p->root->find(key);
        ASSERT_NE(node, nullptr) << key;
        EXPECT_TRUE(node->is_plain()) << key;
        EXPECT_EQ(node->value, word);
        EXPECT_EQ(p->spanned(node->span), word);
    }
    EXPECT_EQ(p->root->find("f")->style, ScalarStyle::DoubleQuoted);
    EXPECT_EQ(p->root->find("g")->value, "nullish");
}

TEST(YamlTreeTest, EmptySequenceItemsAreNull) {
    const auto p = parse("s:\n  -\n  - a\n  - null\n  -\nnull: x\n");
    ASSERT_TRUE(p->diags.empty());
    const YamlNode* s = p->root->find("s");
    ASSERT_EQ(s->items.size(), 4u);
    EXPECT_TRUE(s->items[0].is_null());
    EXPECT_EQ(p->loc(s->items[0].span.begin).line, 2u);
    EXPECT_EQ(p->spanned(s->items[0].span), "-");
    EXPECT_EQ(s->items[1].value, "a");
    EXPECT_TRUE(s->items[2].is_scalar());
    EXPECT_EQ(s->items[2].value, "null");
    // The last item is empty even though yaml-cpp marks it at the following key `null`.
    EXPECT_TRUE(s->items[3].is_null());
    EXPECT_EQ(p->loc(s->items[3].span.begin).line, 5u);
    const YamlNode* key = p->root->find_key("null");
    ASSERT_NE(key, nullptr);
    EXPECT_TRUE(key->is_plain());
    EXPECT_EQ(p->root->find("null")->value, "x");
}

TEST(YamlTreeTest, EmptyValueBeforeKeyNamedNull) {
    const auto p = parse("a:\nnull:\n~: 1\n");
    ASSERT_TRUE(p->diags.empty());
    ASSERT_EQ(p->root->entries.size(), 3u);
    EXPECT_TRUE(p->root->entries[0].second.is_null());
    EXPECT_EQ(p->root->entries[1].first.value, "null");
    EXPECT_TRUE(p->root->entries[1].second.is_null());
    EXPECT_EQ(p->root->entries[2].first.value, "~");
    EXPECT_EQ(p->root->entries[2].second.value, "1");
}

TEST(YamlTreeTest, FlowMapKeysWithoutValues) {
    const auto p = parse("m: {a, null}\n");
    ASSERT_TRUE(p->diags.empty());
    const YamlNode* m = p->root->find("m");
    ASSERT_EQ(m->entries.size(), 2u);
    EXPECT_EQ(m->entries[0].first.value, "a");
    EXPECT_TRUE(m->entries[0].second.is_null());
    EXPECT_EQ(m->entries[1].first.value, "null");
    EXPECT_TRUE(m->entries[1].second.is_null());
}

TEST(YamlTreeTest, EmptyAndCommentOnlyDocumentsAreNull) {
    for (const char* text : {"", "# only a comment\n", "---\n", "\n\n"}) {
        const auto p = parse(text);
        EXPECT_TRUE(p->diags.empty()) << text;
        ASSERT_TRUE(p->root) << text;
        EXPECT_TRUE(p->root->is_null()) << text;
    }
}

TEST(YamlTreeTest, RootScalars) {
    const auto p = parse("~\n");
    ASSERT_TRUE(p->root);
    EXPECT_TRUE(p->root->is_scalar());
    EXPECT_EQ(p->root->value, "~");
    const auto q = parse("--- hello\n...\n");
    EXPECT_TRUE(q->diags.empty());
    EXPECT_EQ(q->root->value, "hello");
}

TEST(YamlTreeTest, CollectionSpansStartAtTheirFirstCharacter) {
    const std::string text = "inspection:\n  unit: so-tu-phap\n  team: [\"A\", \"B\"]\nfindings:\n  - {code: TP-001}\n";
    const auto p = parse(text);
    ASSERT_TRUE(p->diags.empty());
    EXPECT_TRUE(p->root->is_map());
    EXPECT_EQ(p->root->span.begin, 0u);
    EXPECT_EQ(p->root->span.end, 1u);
    const YamlNode* inspection = p->root->find("inspection");
    EXPECT_EQ(inspection->span.begin, text.find("unit"));
    const YamlNode* team = inspection->find("team");
    EXPECT_TRUE(team->is_sequence());
    EXPECT_EQ(team->span.begin, text.find('['));
    EXPECT_EQ(team->span.end, team->span.begin + 1);
    const YamlNode* findings = p->root->find("findings");
    EXPECT_EQ(findings->span.begin, text.find("- {"));
    EXPECT_EQ(findings->items[0].span.begin, text.find('{'));
    EXPECT_EQ(findings->items[0].find("code")->value, "TP-001");
}

TEST(YamlTreeTest, EntriesKeepFileOrderAndFindWorks) {
    const auto p = parse("b: 1\na: 2\nc: [x]\n");
    ASSERT_TRUE(p->root);
    ASSERT_EQ(p->root->entries.size(), 3u);
    EXPECT_EQ(p->root->entries[0].first.value, "b");
    EXPECT_EQ(p->root->entries[1].first.value, "a");
    EXPECT_EQ(p->root->find("a")->value, "2");
    EXPECT_EQ(p->root->find("missing"), nullptr);
    EXPECT_EQ(p->root->find_key("missing"), nullptr);
    EXPECT_EQ(p->root->find_key("c")->span.begin, 10u);
    EXPECT_EQ(p->root->find("c")->items[0].value, "x");
    EXPECT_EQ(p->root->find("c")->find("x"), nullptr);  // not a map
}

TEST(YamlTreeTest, QuotedMergeKeyIsAnOrdinaryKey) {
    const auto p = parse("\"<<\": 1\n");
    EXPECT_TRUE(p->diags.empty());
    EXPECT_EQ(p->root->find("<<")->value, "1");
}

TEST(YamlTreeTest, SpecReportParses) {
    const std::string text =
        "inspection:\n"
        "  unit: so-tu-phap\n"
        "  date: 2013-10-15\n"
        "  year: 2013                      # optional\n"
        "  kind: surprise\n"
        "  team: [\"Nguy\u1EC5n V\u0103n A\", \"Tr\u1EA7n Th\u1ECB B\"]\n"
        "findings:\n"
        "  procedure:\n"
        "    - { code: TP-001, posted: true, one_stop: true, online_level: 2 }\n"
        "  violation:\n"
        "    - { kind: late, person: \"Ph\u1EA1m V\u0103n D\" }\n"
        "  website: true\n";
    const auto p = parse(text);
    ASSERT_TRUE(p->diags.empty());
    const YamlNode* inspection = p->root->find("inspection");
    EXPECT_EQ(inspection->find("year")->value, "2013");
    EXPECT_EQ(p->spanned(inspection->find("year")->span), "2013");
    EXPECT_EQ(inspection->find("team")->items[1].value, "Tr\u1EA7n Th\u1ECB B");
    const YamlNode& procedure = p->root->find("findings")->find("procedure")->items[0];
    EXPECT_EQ(procedure.find("online_level")->value, "2");
    const YamlNode* level = procedure.find("online_level");
    EXPECT_EQ(p->loc(level->span.begin).line, 9u);
    EXPECT_EQ(p->loc(level->span.begin).column, 67u);
}

}  // namespace
}  // namespace parscore::core
