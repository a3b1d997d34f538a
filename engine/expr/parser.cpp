#include "engine/expr/parser.hpp"

#include <algorithm>
#include <utility>

#include "engine/expr/words.hpp"

namespace strata::expr {

namespace {

const Token kEnd{TokenKind::Other, ""};

// AND and OR chains are flattened: both are associative, NULLs included. A chain grows in place,
// so that a long one costs linear time.
Node make_bool(Kind kind, Node left, Node right) {
  Node node;
  const auto add = [&node](Node child) {
    node.height = std::max(node.height, child.height + 1);
    node.children.push_back(std::move(child));
  };
  if (left.kind == kind) {
    node = std::move(left);
  } else {
    node = make_node(kind);
    add(std::move(left));
  }
  if (right.kind == kind) {
    for (Node& child : right.children) add(std::move(child));
  } else {
    add(std::move(right));
  }
  if (node.height > kMaxHeight) throw TooComplex{};
  return node;
}

Node make_binary(std::string op, Node left, Node right) {
  std::vector<Node> children;
  children.push_back(std::move(left));
  children.push_back(std::move(right));
  return make_node(Kind::Binary, std::move(children), std::move(op));
}

// Operators PostgreSQL's grammar never takes as prefix operators.
bool binary_only(std::string_view op) {
  return op == "*" || op == "/" || op == "%" || op == "^" || op == "<" || op == ">" || op == "=" || op == "<=" ||
         op == ">=" || op == "<>";
}

}  // namespace

Parser::Parser(std::span<const Token> tokens) : tokens_(tokens), budget_(8 * tokens.size() + 1024) {}

Node Parser::parse() {
  if (tokens_.empty()) fail();
  Node node = expression(Level::Lowest);
  if (pos_ != tokens_.size()) fail();
  return node;
}

const Token& Parser::peek(std::size_t ahead) const {
  return pos_ + ahead < tokens_.size() ? tokens_[pos_ + ahead] : kEnd;
}

bool Parser::word(std::string_view text, std::size_t ahead) const {
  const Token& token = peek(ahead);
  return token.kind == TokenKind::Word && token.text == text;
}

bool Parser::punct(std::string_view text, std::size_t ahead) const {
  const Token& token = peek(ahead);
  return token.kind == TokenKind::Punct && token.text == text;
}

bool Parser::is_name(std::size_t ahead) const {
  const TokenKind kind = peek(ahead).kind;
  return kind == TokenKind::Word || kind == TokenKind::QuotedIdent;
}

void Parser::expect_word(std::string_view text) {
  if (!word(text)) fail();
  ++pos_;
}

void Parser::expect_punct(std::string_view text) {
  if (!punct(text)) fail();
  ++pos_;
}

std::vector<Node> Parser::expression_list() {
  std::vector<Node> items;
  items.push_back(expression(Level::Lowest));
  while (punct(",")) {
    ++pos_;
    items.push_back(expression(Level::Lowest));
  }
  return items;
}

void Parser::spend(std::size_t nodes) {
  if (nodes > budget_) throw TooComplex{};
  budget_ -= nodes;
}

Node Parser::expression(Level min_level) {
  DepthGuard guard(depth_);
  Node left = prefix();
  for (;;) {
    const Token& token = peek();
    if (token.kind == TokenKind::Word) {
      const std::string& w = token.text;
      if (w == "or" || w == "and") {
        const Level level = w == "or" ? Level::Or : Level::And;
        if (level < min_level) break;
        ++pos_;
        Node right = expression(above(level));
        left = make_bool(level == Level::Or ? Kind::Or : Kind::And, std::move(left), std::move(right));
        continue;
      }
      if (w == "is" || w == "isnull" || w == "notnull") {
        if (Level::Is < min_level) break;
        left = is_test(std::move(left));
        continue;
      }
      const bool negated = w == "not";
      const std::size_t k = negated ? 1 : 0;
      if (word("like", k) || word("ilike", k) || (word("similar", k) && word("to", k + 1)) || word("in", k) ||
          word("between", k)) {
        if (Level::Like < min_level) break;
        pos_ += k;
        left = like_family(std::move(left), negated);
        continue;
      }
      const bool at = w == "at" && ((word("time", 1) && word("zone", 2)) || word("local", 1));
      if ((at && Level::At >= min_level) || (w == "collate" && Level::Collate >= min_level)) {
        left = postfix_word(std::move(left), w);
        continue;
      }
      break;
    }
    if (token.kind == TokenKind::Operator) {
      const Level level = binary_level(token.text);
      if (level < min_level) break;
      std::string op = token.text;
      ++pos_;
      if ((word("any") || word("some") || word("all")) && punct("(", 1)) {
        left = any_all(std::move(left), std::move(op));
        continue;
      }
      Node right = expression(above(level));
      left = make_binary(std::move(op), std::move(left), std::move(right));
      continue;
    }
    if (punct("::") && Level::Cast >= min_level) {
      ++pos_;
      std::vector<Node> operand;
      operand.push_back(std::move(left));
      std::string type = type_name();
      left = make_node(Kind::Cast, std::move(operand), std::move(type));
      continue;
    }
    if (punct("[") && Level::Subscript >= min_level) {
      left = subscript(std::move(left));
      continue;
    }
    if (punct(".") && is_name(1) && Level::Field >= min_level) {
      std::vector<Node> base;
      base.push_back(std::move(left));
      left = make_node(Kind::Field, std::move(base), peek(1).text);
      pos_ += 2;
      continue;
    }
    break;
  }
  return left;
}

Node Parser::prefix() {
  if (word("not")) {
    ++pos_;
    std::vector<Node> operand;
    operand.push_back(expression(Level::Not));
    return make_node(Kind::Not, std::move(operand));
  }
  const Token& token = peek();
  if (token.kind != TokenKind::Operator) return primary();
  if (binary_only(token.text)) fail();
  std::string op = token.text;
  ++pos_;
  const bool sign = op == "-" || op == "+";
  std::vector<Node> operand;
  operand.push_back(expression(above(sign ? Level::Unary : Level::Other)));
  return make_node(Kind::Unary, std::move(operand), std::move(op));
}

Node Parser::is_test(Node left) {
  std::vector<Node> children;
  children.push_back(std::move(left));
  if (word("isnull") || word("notnull")) {
    const bool null = word("isnull");
    ++pos_;
    return make_node(Kind::IsTest, std::move(children), null ? "NULL" : "NOT NULL");
  }
  ++pos_;  // IS
  std::string text;
  if (word("not")) {
    text = "NOT ";
    ++pos_;
  }
  if (word("null") || word("true") || word("false") || word("unknown")) {
    text += upper_case(peek().text);
    ++pos_;
  } else if (word("distinct") && word("from", 1)) {
    text += "DISTINCT FROM";
    pos_ += 2;
    children.push_back(expression(above(Level::Is)));
  } else {
    fail();
  }
  return make_node(Kind::IsTest, std::move(children), std::move(text));
}

Node Parser::like_family(Node left, bool negated) {
  if (word("between")) return between(std::move(left), negated);
  if (word("in")) return in_list(std::move(left), negated);
  std::string text = word("similar") ? "SIMILAR TO" : upper_case(peek().text);
  pos_ += word("similar") ? 2 : 1;
  if (negated) text = "NOT " + text;
  std::vector<Node> children;
  children.push_back(std::move(left));
  children.push_back(expression(above(Level::Like)));
  if (word("escape")) {
    ++pos_;
    children.push_back(expression(above(Level::Like)));
  }
  return make_node(Kind::Like, std::move(children), std::move(text));
}

// PostgreSQL's own rewrite: a BETWEEN x AND y is a >= x AND a <= y; NOT BETWEEN is a < x OR a > y;
// SYMMETRIC also tries the bounds swapped.
Node Parser::between(Node left, bool negated) {
  ++pos_;
  bool symmetric = false;
  if (word("symmetric") || word("asymmetric")) {
    symmetric = word("symmetric");
    ++pos_;
  }
  Node low = expression(Level::Is);  // PostgreSQL's b_expr: anything but AND, OR and NOT
  expect_word("and");
  Node high = expression(above(Level::Like));
  spend((symmetric ? 4 : 2) * count_nodes(left) + (symmetric ? 2 : 1) * (count_nodes(low) + count_nodes(high)));
  auto range = [&](const Node& from, const Node& to) {
    if (negated) return make_bool(Kind::Or, make_binary("<", left, from), make_binary(">", left, to));
    return make_bool(Kind::And, make_binary(">=", left, from), make_binary("<=", left, to));
  };
  if (!symmetric) return range(low, high);
  return make_bool(negated ? Kind::And : Kind::Or, range(low, high), range(high, low));
}

Node Parser::in_list(Node left, bool negated) {
  ++pos_;
  if (!punct("(")) fail();
  Node node = make_node(Kind::InList);
  node.negated = negated;
  node.children.push_back(std::move(left));
  const std::size_t start = pos_;
  try {
    ++pos_;
    std::vector<Node> items = expression_list();
    expect_punct(")");
    for (Node& item : items) node.children.push_back(std::move(item));
  } catch (const ParseError&) {
    pos_ = start;
    skip_group();
    node.children.push_back(raw(start));
    node.raw_list = true;
  }
  seal(node);
  return node;
}

Node Parser::any_all(Node left, std::string op) {
  Node node = make_node(Kind::AnyAll, {}, std::move(op));
  node.all = word("all");
  ++pos_;
  node.children.push_back(std::move(left));
  node.children.push_back(parenthesized(node.raw_list));
  seal(node);
  return node;
}

Node Parser::subscript(Node base) {
  ++pos_;
  Node node = make_node(Kind::Subscript);
  node.children.push_back(std::move(base));
  node.children.push_back(punct(":") ? make_node(Kind::Empty) : expression(Level::Lowest));
  if (punct(":")) {
    ++pos_;
    node.slice = true;
    node.children.push_back(punct("]") ? make_node(Kind::Empty) : expression(Level::Lowest));
  } else if (node.children.back().kind == Kind::Empty) {
    fail();
  }
  expect_punct("]");
  seal(node);
  return node;
}

// x AT TIME ZONE z, x AT LOCAL, x COLLATE name.
Node Parser::postfix_word(Node left, std::string_view word_text) {
  std::vector<Node> children;
  children.push_back(std::move(left));
  if (word_text == "collate") {
    ++pos_;
    Node node = make_node(Kind::Collate, std::move(children));
    for (;;) {
      if (!is_name()) fail();
      node.names.push_back(peek().text);
      ++pos_;
      if (!punct(".") || !is_name(1)) break;
      ++pos_;
    }
    if (node.names.size() == 2 && node.names.front() == "pg_catalog") node.names.erase(node.names.begin());
    return node;
  }
  if (word("local", 1)) {
    pos_ += 2;
    return make_node(Kind::AtTimeZone, std::move(children));
  }
  pos_ += 3;
  children.push_back(expression(above(Level::At)));
  return make_node(Kind::AtTimeZone, std::move(children));
}

}  // namespace strata::expr
