#include "engine/expr/node.hpp"

#include <algorithm>
#include <utility>

namespace strata::expr {

Level binary_level(std::string_view op) {
  if (op == "<" || op == ">" || op == "=" || op == "<=" || op == ">=" || op == "<>") return Level::Compare;
  if (op == "+" || op == "-") return Level::Add;
  if (op == "*" || op == "/" || op == "%" || op == "//") return Level::Mul;  // //: CockroachDB's floor division
  if (op == "^") return Level::Pow;
  return Level::Other;
}

Node make_node(Kind kind, std::vector<Node> children, std::string text) {
  Node node;
  node.kind = kind;
  node.children = std::move(children);
  node.text = std::move(text);
  seal(node);
  return node;
}

Node make_literal(LiteralKind literal, std::string text) {
  Node node;
  node.kind = Kind::Literal;
  node.literal = literal;
  node.text = std::move(text);
  return node;
}

void seal(Node& node) {
  int height = 0;
  for (const Node& child : node.children) height = std::max(height, child.height);
  node.height = height + 1;
  if (node.height > kMaxHeight) throw TooComplex{};
}

std::size_t count_nodes(const Node& node) {
  std::size_t count = 1;
  for (const Node& child : node.children) count += count_nodes(child);
  return count;
}

}  // namespace strata::expr
