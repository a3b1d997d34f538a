// Operands of an expression: literals, names, calls, parenthesised groups and the SQL-standard
// special forms (CAST, CASE, ARRAY[…], EXTRACT, SUBSTRING, POSITION, TRIM, OVERLAY, COALESCE…).
#include <utility>

#include "engine/expr/parser.hpp"
#include "engine/expr/words.hpp"

namespace strata::expr {

namespace {

// SQL value keywords (PostgreSQL's SQLValueFunction), written without parentheses.
bool is_keyword_value(std::string_view w) {
  return w == "current_timestamp" || w == "current_time" || w == "localtimestamp" || w == "localtime" ||
         w == "current_date" || w == "current_user" || w == "session_user" || w == "current_role" || w == "user" ||
         w == "current_catalog" || w == "current_schema" || w == "system_user";
}

bool takes_precision(std::string_view w) {
  return w == "current_timestamp" || w == "current_time" || w == "localtimestamp" || w == "localtime";
}

// Keywords followed by "(" that are not plain function calls.
bool is_keyword_call(std::string_view w) {
  return w == "cast" || w == "coalesce" || w == "nullif" || w == "greatest" || w == "least" || w == "row" ||
         w == "extract" || w == "substring" || w == "position" || w == "trim" || w == "overlay";
}

std::string lower_case(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return out;
}

Node plain_call(std::string name, std::vector<Node> args) {
  Node node = make_node(Kind::Call, std::move(args));
  node.names.push_back(std::move(name));
  return node;
}

}  // namespace

Node Parser::primary() {
  const Token& token = peek();
  switch (token.kind) {
    case TokenKind::Number:
      ++pos_;
      return make_literal(LiteralKind::Number, token.text);
    case TokenKind::String:
      ++pos_;
      return make_literal(LiteralKind::String, token.text);
    case TokenKind::PrefixString:
      ++pos_;
      return make_literal(LiteralKind::Verbatim, token.text);
    case TokenKind::Param:
      ++pos_;
      return make_node(Kind::Param, {}, token.text);
    case TokenKind::Word:
      return word_primary();
    case TokenKind::QuotedIdent:
      return name_primary();
    default:
      if (punct("(")) return group();
      fail();
  }
}

Node Parser::word_primary() {
  const std::string& w = peek().text;
  if (w == "null" || w == "true" || w == "false") {
    ++pos_;
    const LiteralKind kind = w == "null" ? LiteralKind::Null : w == "true" ? LiteralKind::True : LiteralKind::False;
    return make_literal(kind, upper_case(w));
  }
  if (w == "case") return case_expression();
  if (w == "array" && punct("[", 1)) {
    ++pos_;
    return array_brackets();
  }
  if ((w == "array" || w == "exists") && punct("(", 1)) {  // subqueries: kept as tokens
    const std::size_t start = pos_++;
    skip_group();
    return raw(start);
  }
  if (is_keyword_call(w) && punct("(", 1)) {
    const std::size_t start = pos_;
    try {
      return keyword_call(w);
    } catch (const ParseError&) {
      pos_ = start + 1;
      skip_group();
      return raw(start);
    }
  }
  if (is_keyword_value(w)) return keyword_value();
  if (is_reserved_keyword(w)) fail();
  return name_primary();
}

Node Parser::name_primary() {
  if (std::optional<Node> literal = typed_literal()) return std::move(*literal);
  const std::size_t start = pos_;
  std::vector<std::string> names{peek().text};
  ++pos_;
  while (punct(".") && is_name(1)) {
    names.push_back(peek(1).text);
    pos_ += 2;
  }
  if (!punct("(")) {
    Node node = make_node(Kind::Column);
    node.names = std::move(names);
    return node;
  }
  const std::size_t open = pos_;
  try {
    return call(std::move(names));
  } catch (const ParseError&) {
    pos_ = open;
    skip_group();
    return raw(start);
  }
}

// `type 'string'`, PostgreSQL's other spelling of 'string'::type.
std::optional<Node> Parser::typed_literal() {
  // Cheap look-ahead first: a string must follow a short run of the tokens a type name is made of.
  std::size_t ahead = 0;
  for (;; ++ahead) {
    const Token& token = peek(ahead);
    const bool type_token = token.kind == TokenKind::Word || token.kind == TokenKind::QuotedIdent ||
                            token.kind == TokenKind::Number || token.kind == TokenKind::Punct ||
                            (token.kind == TokenKind::Operator && token.text == "-");
    if (!type_token || ahead == 16) break;
  }
  const TokenKind next = peek(ahead).kind;
  if (next != TokenKind::String && next != TokenKind::PrefixString) return std::nullopt;
  const std::size_t start = pos_;
  try {
    std::string type = type_name();
    const Token& token = peek();
    if (token.kind == TokenKind::String || token.kind == TokenKind::PrefixString) {
      ++pos_;
      std::vector<Node> operand;
      const LiteralKind kind = token.kind == TokenKind::String ? LiteralKind::String : LiteralKind::Verbatim;
      operand.push_back(make_literal(kind, token.text));
      return make_node(Kind::Cast, std::move(operand), std::move(type));
    }
  } catch (const ParseError&) {
  }
  pos_ = start;
  return std::nullopt;
}

Node Parser::call(std::vector<std::string> names) {
  expect_punct("(");
  Node node = make_node(Kind::Call);
  node.names = std::move(names);
  if (punct(")")) {
    ++pos_;
    return node;
  }
  if (peek().kind == TokenKind::Operator && peek().text == "*" && punct(")", 1)) {
    node.star = true;
    pos_ += 2;
    return node;
  }
  if (word("distinct") || word("all")) {
    node.distinct = word("distinct");
    ++pos_;
  }
  node.children = expression_list();
  expect_punct(")");
  seal(node);
  return node;
}

// ( expression ), or ( a, b ) meaning ROW(a, b); anything else in parentheses is kept as tokens.
Node Parser::group() {
  const std::size_t start = pos_;
  try {
    ++pos_;
    std::vector<Node> items = expression_list();
    expect_punct(")");
    if (items.size() == 1) return std::move(items.front());
    return make_node(Kind::Special, std::move(items), "ROW");
  } catch (const ParseError&) {
    pos_ = start;
    skip_group();
    return raw(start);
  }
}

Node Parser::parenthesized(bool& raw_group) {
  const std::size_t start = pos_;
  try {
    ++pos_;
    Node inner = expression(Level::Lowest);
    expect_punct(")");
    raw_group = false;
    return inner;
  } catch (const ParseError&) {
    pos_ = start;
    skip_group();
    raw_group = true;
    return raw(start);
  }
}

void Parser::skip_group() {
  int depth = 0;
  do {
    if (pos_ >= tokens_.size()) fail();
    if (punct("(")) {
      ++depth;
    } else if (punct(")")) {
      --depth;
    }
    ++pos_;
  } while (depth > 0);
}

Node Parser::raw(std::size_t start) const {
  return make_node(Kind::Raw, {}, print_tokens(tokens_.subspan(start, pos_ - start)));
}

Node Parser::keyword_call(std::string_view word_text) {
  const std::string name(word_text);
  pos_ += 2;  // the keyword and "("
  if (name == "substring") return substring_call();
  if (name == "trim") return trim_call();
  std::vector<Node> children;
  if (name == "cast") {
    children.push_back(expression(Level::Lowest));
    expect_word("as");
    std::string type = type_name();
    expect_punct(")");
    return make_node(Kind::Cast, std::move(children), std::move(type));
  }
  if (name == "extract") {  // EXTRACT(field FROM source); the field may be a word or a string
    const Token& field = peek();
    std::string text = field.kind == TokenKind::String ? lower_case(field.text) : field.text;
    if (field.kind == TokenKind::Word ||
        ((field.kind == TokenKind::QuotedIdent || field.kind == TokenKind::String) && is_plain_name(text))) {
      ++pos_;
    } else if (field.kind == TokenKind::String) {
      text = quote_string(field.text);
      ++pos_;
    } else {
      fail();
    }
    expect_word("from");
    children.push_back(expression(Level::Lowest));
    expect_punct(")");
    return make_node(Kind::Extract, std::move(children), std::move(text));
  }
  if (name == "position") {  // POSITION(needle IN haystack)
    children.push_back(expression(Level::Other));
    expect_word("in");
    children.push_back(expression(Level::Lowest));
    expect_punct(")");
    return make_node(Kind::Position, std::move(children));
  }
  if (!punct(")")) children = expression_list();
  if (name == "overlay" && children.size() == 1 && word("placing")) {  // OVERLAY(s PLACING r FROM a [FOR b])
    ++pos_;
    children.push_back(expression(Level::Lowest));
    expect_word("from");
    children.push_back(expression(Level::Lowest));
    if (word("for")) {
      ++pos_;
      children.push_back(expression(Level::Lowest));
    }
    expect_punct(")");
    return make_node(Kind::Overlay, std::move(children));
  }
  expect_punct(")");
  if (name == "overlay") return plain_call(name, std::move(children));
  return make_node(Kind::Special, std::move(children), upper_case(name));
}

// SUBSTRING(s FROM a FOR b), (s FOR b FROM a), (s FOR b), (s, a, b) or (s SIMILAR p ESCAPE e).
Node Parser::substring_call() {
  std::vector<Node> children;
  children.push_back(expression(Level::Lowest));
  std::string text;
  if (punct(",")) {
    while (punct(",")) {
      ++pos_;
      children.push_back(expression(Level::Lowest));
    }
  } else if (word("from")) {
    ++pos_;
    children.push_back(expression(Level::Lowest));
    if (word("for")) {
      ++pos_;
      children.push_back(expression(Level::Lowest));
    }
  } else if (word("for")) {
    ++pos_;
    Node length = expression(Level::Lowest);
    if (word("from")) {
      ++pos_;
      children.push_back(expression(Level::Lowest));
    } else {
      children.push_back(make_literal(LiteralKind::Number, "1"));
    }
    children.push_back(std::move(length));
  } else if (word("similar")) {
    ++pos_;
    children.push_back(expression(Level::Lowest));
    expect_word("escape");
    children.push_back(expression(Level::Lowest));
    text = "SIMILAR";
  }
  expect_punct(")");
  if (text.empty() && (children.size() < 2 || children.size() > 3)) return plain_call("substring", std::move(children));
  return make_node(Kind::Substring, std::move(children), std::move(text));
}

// TRIM([BOTH|LEADING|TRAILING] [characters] FROM source), or TRIM(source[, characters]).
Node Parser::trim_call() {
  std::string direction = "BOTH";
  if (word("both") || word("leading") || word("trailing")) {
    direction = upper_case(peek().text);
    ++pos_;
  }
  std::vector<Node> children;  // [source(, characters)]
  if (word("from")) {
    ++pos_;
    children.push_back(expression(Level::Lowest));
  } else {
    Node first = expression(Level::Lowest);
    if (word("from")) {
      ++pos_;
      children.push_back(expression(Level::Lowest));
      children.push_back(std::move(first));
    } else if (punct(",")) {
      ++pos_;
      children.push_back(std::move(first));
      children.push_back(expression(Level::Lowest));
    } else {
      children.push_back(std::move(first));
    }
  }
  expect_punct(")");
  return make_node(Kind::Trim, std::move(children), std::move(direction));
}

Node Parser::keyword_value() {
  Node node = make_node(Kind::KeywordValue, {}, peek().text);
  ++pos_;
  if (punct("(") && punct(")", 1)) {  // CockroachDB prints current_timestamp()
    pos_ += 2;
  } else if (punct("(") && takes_precision(node.text) && peek(1).kind == TokenKind::Number && punct(")", 2)) {
    node.children.push_back(make_literal(LiteralKind::Number, peek(1).text));
    pos_ += 3;
    seal(node);
  }
  return node;
}

Node Parser::case_expression() {
  ++pos_;
  Node node = make_node(Kind::Case);
  if (!word("when")) {
    node.children.push_back(expression(Level::Lowest));
    node.has_operand = true;
  }
  if (!word("when")) fail();
  while (word("when")) {
    ++pos_;
    node.children.push_back(expression(Level::Lowest));
    expect_word("then");
    node.children.push_back(expression(Level::Lowest));
  }
  if (word("else")) {
    ++pos_;
    node.children.push_back(expression(Level::Lowest));
  } else {  // PostgreSQL prints the implicit ELSE NULL
    node.children.push_back(make_literal(LiteralKind::Null, "NULL"));
  }
  expect_word("end");
  seal(node);
  return node;
}

Node Parser::array_brackets() {
  DepthGuard guard(depth_);
  expect_punct("[");
  Node node = make_node(Kind::Array);
  if (!punct("]")) {
    for (;;) {
      node.children.push_back(punct("[") ? array_brackets() : expression(Level::Lowest));
      if (!punct(",")) break;
      ++pos_;
    }
  }
  expect_punct("]");
  seal(node);
  return node;
}

}  // namespace strata::expr
