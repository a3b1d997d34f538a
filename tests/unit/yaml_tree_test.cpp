// The YAML tree the loader walks, built from libyaml's events: kinds, texts, yaml-cpp's nulls and
// plainness, positions (the loader's messages name them), aliases, and what it refuses.
#include <string>

#include <gtest/gtest.h>

#include "engine/load/yaml_tree.hpp"

namespace strata::load {
namespace {

std::unique_ptr<YamlTree> parse(const std::string& text) {
  YamlProblem problem;
  auto tree = YamlTree::parse(text, problem);
  EXPECT_NE(tree, nullptr) << problem.message << " at " << problem.line << ":" << problem.column;
  return tree;
}

YamlProblem refused(const std::string& text) {
  YamlProblem problem;
  EXPECT_EQ(YamlTree::parse(text, problem), nullptr) << text;
  return problem;
}

TEST(YamlTree, MappingsSequencesAndScalarsKeepTheirPositions) {
  const auto tree = parse("a: 1\nb:\n  - x\n  - {c: 'd'}\n");
  ASSERT_NE(tree, nullptr);
  const YamlNode root = tree->root();
  ASSERT_TRUE(root.is_map());
  ASSERT_EQ(root.size(), 2u);
  EXPECT_EQ(root.key(0).scalar(), "a");
  EXPECT_EQ(root.value(0).scalar(), "1");
  EXPECT_EQ(root.value(0).line(), 1);
  EXPECT_EQ(root.value(0).column(), 4);
  const YamlNode list = root.find("b");
  ASSERT_TRUE(list.is_sequence());
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list.item(0).scalar(), "x");
  EXPECT_EQ(list.item(0).line(), 3);
  EXPECT_EQ(list.item(0).column(), 5);
  const YamlNode inner = list.item(1);
  ASSERT_TRUE(inner.is_map());
  EXPECT_EQ(inner.find("c").scalar(), "d");
  EXPECT_FALSE(inner.find("c").is_plain());
  EXPECT_TRUE(inner.key(0).is_plain());
  EXPECT_FALSE(root.find("missing"));
}

TEST(YamlTree, NullsAreYamlCppsNulls) {
  const auto tree = parse("a: ~\nb: null\nc: NULL\nd: 'null'\ne:\nf: !!str\n");
  ASSERT_NE(tree, nullptr);
  const YamlNode root = tree->root();
  EXPECT_TRUE(root.find("a").is_null());
  EXPECT_TRUE(root.find("b").is_null());
  EXPECT_TRUE(root.find("c").is_null());
  EXPECT_TRUE(root.find("d").is_scalar());
  EXPECT_EQ(root.find("d").scalar(), "null");
  EXPECT_TRUE(root.find("e").is_null());
  // An empty value sits where what follows it starts, as yaml-cpp placed it.
  EXPECT_EQ(root.find("e").line(), 6);
  EXPECT_EQ(root.find("e").column(), 1);
  EXPECT_TRUE(root.find("f").is_scalar());  // tagged: a string, not a null
}

TEST(YamlTree, AnEmptyTextIsANullDocument) {
  const auto tree = parse("# only a comment\n");
  ASSERT_NE(tree, nullptr);
  EXPECT_TRUE(tree->root().is_null());
}

TEST(YamlTree, AliasesShareTheAnchoredNode) {
  const auto tree = parse("a: &x [1, 2]\nb: *x\n");
  ASSERT_NE(tree, nullptr);
  const YamlNode b = tree->root().find("b");
  ASSERT_TRUE(b.is_sequence());
  EXPECT_EQ(b.size(), 2u);
  EXPECT_EQ(b.item(1).scalar(), "2");
}

TEST(YamlTree, ScalarsOutliveTheText) {
  std::string text = "name: \"caf\\u00e9\"\nnote: |\n  two\n  lines\n";
  const auto tree = parse(text);
  ASSERT_NE(tree, nullptr);
  text.assign(text.size(), 'x');
  EXPECT_EQ(tree->root().find("name").scalar(), "caf\xc3\xa9");
  EXPECT_EQ(tree->root().find("note").scalar(), "two\nlines\n");
}

TEST(YamlTree, RefusesBadYamlWithWhere) {
  const YamlProblem bad = refused("a: [b, c\n");
  EXPECT_FALSE(bad.second_document);
  EXPECT_FALSE(bad.message.empty());
  EXPECT_GE(bad.line, 1);

  const YamlProblem two = refused("a: 1\n---\nb: 2\n");
  EXPECT_TRUE(two.second_document);
  EXPECT_EQ(two.line, 2);
  EXPECT_EQ(two.message, "expected one YAML document per file");

  const YamlProblem alias = refused("a: *nowhere\n");
  EXPECT_FALSE(alias.second_document);
  EXPECT_EQ(alias.line, 1);
  EXPECT_EQ(alias.column, 4);
}

}  // namespace
}  // namespace strata::load
