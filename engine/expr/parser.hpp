// Parser of SQL scalar expressions into an expression tree, by precedence climbing with PostgreSQL's
// operator precedence. It already folds a few equivalent spellings: CAST(x AS t) and typed literals
// (date '…') become casts, type names are canonical, a BETWEEN becomes its two comparisons, (a, b)
// becomes ROW(a, b), a CASE without ELSE gets ELSE NULL. A parenthesised part it cannot read is kept
// as a Raw node in token form.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/expr/lexer.hpp"
#include "engine/expr/node.hpp"

namespace strata::expr {

class Parser {
 public:
  explicit Parser(std::span<const Token> tokens);

  // The whole token list as one expression. Throws ParseError or TooComplex.
  Node parse();

 private:
  // Operators (parser.cpp).
  Node expression(Level min_level);
  Node prefix();
  Node is_test(Node left);
  Node like_family(Node left, bool negated);
  Node between(Node left, bool negated);
  Node in_list(Node left, bool negated);
  Node any_all(Node left, std::string op);
  Node subscript(Node base);
  Node postfix_word(Node left, std::string_view word);

  // Operands (primary.cpp).
  Node primary();
  Node word_primary();
  Node name_primary();
  std::optional<Node> typed_literal();
  Node call(std::vector<std::string> names);
  Node group();
  Node keyword_call(std::string_view word);
  Node substring_call();
  Node trim_call();
  Node keyword_value();
  Node case_expression();
  Node array_brackets();
  // "(" expression ")", or, when that fails, the balanced group as a Raw node (raw = true).
  Node parenthesized(bool& raw);
  // Skips the balanced group starting at the "(" at pos_; throws ParseError when it never closes.
  void skip_group();
  // The tokens [start, pos_) as a Raw node.
  Node raw(std::size_t start) const;

  // Type names (cast_type.cpp): the canonical spelling of the type name at pos_.
  std::string type_name();
  bool type_word_like(std::size_t ahead) const;  // a word, or a quoted name that needs no quotes
  std::string type_keyword_base();               // double precision, char varying…, or empty
  std::vector<std::string> type_modifiers();     // (…) after the name, as written
  std::string interval_fields();                 // DAY TO SECOND(3)…
  int array_dimensions();                        // [] [n] or ARRAY

  const Token& peek(std::size_t ahead = 0) const;
  bool word(std::string_view text, std::size_t ahead = 0) const;  // an unquoted word
  bool punct(std::string_view text, std::size_t ahead = 0) const;
  bool is_name(std::size_t ahead = 0) const;  // a word or a quoted identifier
  void expect_word(std::string_view text);
  void expect_punct(std::string_view text);
  std::vector<Node> expression_list();
  // Accounts for `nodes` copied nodes; throws TooComplex when the budget runs out.
  void spend(std::size_t nodes);

  std::span<const Token> tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::size_t budget_ = 0;
};

// The parser's recursion guard: at most kMaxDepth nested expressions.
inline constexpr int kMaxDepth = 100;

class DepthGuard {
 public:
  explicit DepthGuard(int& depth) : depth_(depth) {
    if (depth_ >= kMaxDepth) throw TooComplex{};
    ++depth_;
  }
  ~DepthGuard() { --depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  int& depth_;
};

[[noreturn]] inline void fail() {
  throw ParseError{};
}

}  // namespace strata::expr
