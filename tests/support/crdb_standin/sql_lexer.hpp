// A small SQL tokenizer and statement splitter for the stand-in: enough of CockroachDB's lexical
// rules to find keywords, names, literals and placeholders in what strata sends.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace strata::standin {

enum class TokenKind {
  Word,         // an unquoted name or keyword; `text` as written, `name` folded to lower case
  QuotedName,   // "Name"; `name` without the quotes
  String,       // 'text' or e'text'; `name` holds the value
  Number,       // 12, 1.5
  Param,        // $1; `number` holds 1
  Operator,     // = <> != < <= > >= + - * / || ~ ...
  Cast,         // ::
  Punctuation,  // ( ) [ ] , . ;
};

struct Token {
  TokenKind kind = TokenKind::Word;
  std::string text;  // as written
  std::string name;  // see TokenKind
  int number = 0;

  // An unquoted word equal to `upper_word` whatever its case.
  bool is(std::string_view upper_word) const;
  bool is_punct(char c) const { return kind == TokenKind::Punctuation && text.size() == 1 && text[0] == c; }
  bool is_op(std::string_view op) const { return kind == TokenKind::Operator && text == op; }
  // A name: an unquoted word or a quoted name.
  bool is_name() const { return kind == TokenKind::Word || kind == TokenKind::QuotedName; }
};

struct SyntaxError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws SyntaxError on an unterminated string, quoted name or comment.
std::vector<Token> tokenize(std::string_view sql);

// The statements of a simple-query string: split at ';' outside quotes and comments, each
// trimmed, empty ones dropped.
std::vector<std::string> split_statements(std::string_view sql);

std::string to_upper(std::string_view text);
std::string to_lower(std::string_view text);

}  // namespace strata::standin
