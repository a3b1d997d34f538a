// Statement forms of the catalogue ("forms": pattern -> facts) and matching a statement to one.
//
// A pattern is a sequence of space-separated elements:
//   KEYWORD       an unquoted word, any case (upper-case letters, digits and '_' in the pattern)
//   name          a name, possibly qualified: a.b, "A".b, t@i
//   string        a string literal
//   number        a number, possibly signed
//   value         a string, number, name or signed number (SET values)
//   ...           any tokens (none or more) with balanced parentheses
//   ( ) , = * ;   that punctuation or operator
//   [ x y ]       x y, or nothing
//   { x | y z }   x, or y z
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "support/crdb_standin/sql_lexer.hpp"

namespace strata::standin {

class FormPattern {
 public:
  // Throws std::invalid_argument saying what is wrong with `pattern`.
  explicit FormPattern(std::string_view pattern);
  ~FormPattern();
  FormPattern(FormPattern&&) noexcept;
  FormPattern& operator=(FormPattern&&) noexcept;

  // Whether the pattern matches all of `tokens`.
  bool matches(const std::vector<Token>& tokens) const;

  struct Node;

 private:
  std::unique_ptr<Node> root_;
};

}  // namespace strata::standin
