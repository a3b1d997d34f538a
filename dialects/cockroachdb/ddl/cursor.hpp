// A read position in the tokens of one DDL statement, with the small vocabulary the statement
// parsers share: keywords, names, numbers, parenthesised lists and expressions cut out as text.
// Every accessor past the last token sees the End token, so no read goes out of bounds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dialects/cockroachdb/ddl/lexer.hpp"

namespace strata::cockroachdb {

class Cursor {
 public:
  // `tokens`: the statement's tokens, without the ';' and without an End token; `source`: the
  // text the offsets point into.
  Cursor(std::string_view source, std::span<const Token> tokens);

  const Token& peek(std::size_t ahead = 0) const;
  const Token& next();  // consumes the current token (never past the end)
  bool at_end() const { return index_ >= tokens_.size(); }
  std::size_t index() const { return index_; }

  bool is_word(std::string_view word, std::size_t ahead = 0) const;
  bool is_words(std::initializer_list<std::string_view> words) const;  // the next tokens, in order
  bool accept(std::string_view word);
  bool accept_words(std::initializer_list<std::string_view> words);  // all or nothing
  void expect(std::string_view word);

  bool is_symbol(std::string_view symbol, std::size_t ahead = 0) const;
  bool accept_symbol(std::string_view symbol);
  void expect_symbol(std::string_view symbol);

  bool is_name(std::size_t ahead = 0) const;  // an unquoted word or a quoted identifier
  std::string expect_name(std::string_view what);
  // name[.name[.name]]: one to three parts.
  std::vector<std::string> expect_qualified_name(std::string_view what);
  // ( name, … ): at least one.
  std::vector<std::string> expect_name_list(std::string_view what);
  std::string expect_string(std::string_view what);
  // An integer with an optional sign; throws when it does not fit in 64 bits.
  std::int64_t expect_integer(std::string_view what);

  // The source text of an expression starting here and ending before the first token, outside
  // parentheses, brackets and CASE … END, that is ',' or ')' or the end, or for which `stop` is
  // true. At least one token. Text is cut from the source exactly (trimmed).
  std::string capture_expression(std::string_view what, const std::function<bool(const Cursor&)>& stop = {});
  // '(' … ')': the text between the parentheses.
  std::string capture_parenthesized(std::string_view what);
  // Skips '(' … ')' (balanced).
  void skip_parenthesized(std::string_view what);
  // The source text of tokens [from, to) as written.
  std::string text_between(std::size_t from, std::size_t to) const;
  // The text of the rest of the statement (consumes it).
  std::string rest();

  // Throws UsageError: "CockroachDB DDL, line L column C: expected <expected>, found <token> in
  // statement: <the statement, shortened>".
  [[noreturn]] void fail(std::string_view expected) const;
  // Throws UsageError about the statement as a whole (something that parsed but cannot apply).
  [[noreturn]] void fail_statement(std::string_view problem) const;

 private:
  std::string_view source_;
  std::span<const Token> tokens_;
  std::size_t index_ = 0;
  Token end_;
};

}  // namespace strata::cockroachdb
