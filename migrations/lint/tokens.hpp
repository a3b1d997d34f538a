// The tokens of one migration statement, with the small matching helpers the lint rules share.
// Keywords are compared lower-case; quoted identifiers keep their case and never match a keyword.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "engine/expr/lexer.hpp"

namespace strata::migrations::lint {

// A half-open range of token positions.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

class Tokens {
 public:
  explicit Tokens(std::string_view sql);

  std::size_t size() const { return tokens_.size(); }
  const expr::Token& operator[](std::size_t i) const { return tokens_[i]; }

  // Token i is the unquoted word `word`.
  bool is(std::size_t i, std::string_view word) const;
  // Tokens from i are the unquoted words `words`, in order.
  bool are(std::size_t i, std::initializer_list<std::string_view> words) const;
  // Token i is the punctuation `p` ("(", ",", ".").
  bool punct(std::size_t i, std::string_view p) const;
  // The first position in `span` where the words `words` start (at bracket depth 0 of the span
  // when `top_level`), or npos.
  std::size_t find(Span span, std::initializer_list<std::string_view> words, bool top_level = false) const;
  bool contains(Span span, std::initializer_list<std::string_view> words) const { return find(span, words) != npos; }

  // A name (word or quoted identifier) at i: its text, or empty.
  std::string name(std::size_t i) const;
  // A possibly qualified name a.b.c starting at i: the last part; `next` is set past it.
  std::string qualified_name(std::size_t i, std::size_t& next) const;
  // Skips IF [NOT] EXISTS at i.
  std::size_t skip_if_exists(std::size_t i) const;
  // The position just past the bracket group opening at i (or i when token i is not "(").
  std::size_t past_group(std::size_t i) const;
  // The items of the bracket group opening at i, split at its top-level commas.
  std::vector<Span> group_items(std::size_t i) const;
  // `span` split at its top-level commas.
  std::vector<Span> split_commas(Span span) const;
  // The first name of each item of the group at i: a column list such as (a, "B", c DESC).
  std::vector<std::string> column_list(std::size_t i) const;

  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

 private:
  std::vector<expr::Token> tokens_;
};

}  // namespace strata::migrations::lint
