// The YAML reader: the fast path builds exactly the tree libyaml's events build, or leaves the
// text to libyaml. Checked on every YAML file of the repository, on hand-picked shapes, and on
// thousands of mutations of them (a fixed seed, so a failure repeats).
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include <gtest/gtest.h>

#include "engine/load/yaml_tree.hpp"
#include "strata/load.hpp"
#include "support/yaml_compare.hpp"

namespace strata::load {
namespace {

namespace fs = std::filesystem;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> repository_yaml() {
  std::vector<std::string> texts;
  for (const char* folder : {"tests", "examples", "docs"}) {
    const fs::path root = fs::path(STRATA_SOURCE_DIR) / folder;
    if (!fs::exists(root)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml")) texts.push_back(read(entry.path()));
    }
  }
  return texts;
}

// "" when the fast reader gives up or agrees with libyaml; else what differs.
std::string disagreement(const std::string& text) {
  const auto fast = YamlTree::parse_fast(text);
  if (!fast) return "";
  YamlProblem problem;
  const auto slow = YamlTree::parse_libyaml(text, problem);
  if (!slow) return "the fast reader accepted what libyaml refuses: " + problem.message;
  return test::yaml_difference(fast->root(), slow->root());
}

const char* const kShapes[] = {
    "",
    "# only a comment\n",
    "a: 1\n",
    "a: 1",
    "a:\n",
    "a:",
    "a:\nb: 2\n",
    "a:\n  b:\n  c: 3\n",
    "a:\n  b:\n# c\n\nd:\n",
    "a:\n- 1\n- 2\nb: 3\n",
    "a:\n  - 1\n  - {x: y}\n",
    "- a\n- b: c\n  d: e\n- [1, 2]\n",
    "a: {b: c, d: [e, f], g: {}}\n",
    "a: [ ]\nb: { }\n",
    "a: 'it''s'\nb: \"q\\\"x\\u00e9\\n\"\n",
    "a: b # comment\nc: d#e\n",
    "a  : b\n\"q k\": v\n'r k': w\n",
    "a: -1\nb: ~\nc: null\nd: NULL\ne: Null\nf: 'null'\n",
    "a: x:y\nb: status <> 'closed'\nc: now()\n",
    "  a: 1\n  b: 2\n",
    "a:\n    b: 1\n    c:\n      - d\n",
    "a: b: c\n",
    "a: [b, c\n",
    "a: {b: c, }\n",
    "a: 1\n b: 2\n",
    "a: plain\n  continued\n",
    "- - a\n",
    "a: &x 1\nb: *x\n",
    "a: !!str 1\n",
    "a: |\n  text\n",
    "---\na: 1\n",
    "a: 1\n---\nb: 2\n",
    "a:\tb\n",
    "a: caf\xc3\xa9\n",
    "? a\n: b\n",
    "[a, b]\n",
    "a: {b: [c, {d: e}]}\n",
    "a: [b, 'c, d', \"e]\"]\n",
};

TEST(YamlTree, FastReaderAgreesWithLibyamlOnChosenShapes) {
  for (const char* shape : kShapes) EXPECT_EQ(disagreement(shape), "") << "for:\n" << shape;
}

TEST(YamlTree, FastReaderAgreesWithLibyamlOnTheRepositorysFiles) {
  const auto texts = repository_yaml();
  ASSERT_GE(texts.size(), 20u);
  for (const auto& text : texts) EXPECT_EQ(disagreement(text), "") << "for:\n" << text;
}

TEST(YamlTree, FastReaderAgreesWithLibyamlOnMutations) {
  const auto texts = repository_yaml();
  std::mt19937 random(20261206);
  const std::string alphabet = " :-#'\"{}[],\n\\&*!|>?%@`~ab1.";
  int accepted = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string text = texts[random() % texts.size()];
    if (text.empty()) continue;
    for (int edits = 1 + static_cast<int>(random() % 3); edits > 0; --edits) {
      const std::size_t at = random() % text.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 3) {
        case 0:
          text.insert(at, 1, c);
          break;
        case 1:
          text.erase(at, 1);
          break;
        default:
          text[at] = c;
          break;
      }
      if (text.empty()) break;
    }
    const std::string difference = disagreement(text);
    ASSERT_EQ(difference, "") << "for:\n" << text;
    if (YamlTree::parse_fast(text)) ++accepted;
  }
  // The mutations must exercise the fast reader, not only its giving up.
  EXPECT_GT(accepted, 3000);
}

TEST(YamlTree, FastReaderReadsWhatStrataWrites) {
  Schema schema;
  Table table;
  table.name = {"sales", "orders"};
  Column id;
  id.name = "id";
  id.type = "bigint";
  id.identity = IdentityKind::ByDefault;
  Column note;
  note.name = "note: \"quoted\" # not a comment";
  note.type = "text";
  note.nullable = true;
  note.default_expr = "'it''s'::text";
  table.columns = {id, note};
  table.primary_key = PrimaryKey{"orders_pkey", {"id"}};
  table.checks = {{"orders_id_check", "id > 0"}};
  schema.tables.push_back(table);
  schema.schemas = {"sales"};
  const std::string yaml = to_yaml(schema);
  EXPECT_NE(YamlTree::parse_fast(yaml), nullptr) << yaml;
  EXPECT_EQ(disagreement(yaml), "");
  for (const auto& entry : fs::directory_iterator(fs::path(STRATA_SOURCE_DIR) / "examples")) {
    if (!entry.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(entry.path())) {
      if (file.path().extension() == ".yaml") {
        EXPECT_NE(YamlTree::parse_fast(read(file.path())), nullptr) << file.path();
      }
    }
  }
}

}  // namespace
}  // namespace strata::load
