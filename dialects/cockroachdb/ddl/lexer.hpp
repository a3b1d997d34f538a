// Tokens of CockroachDB DDL, with their byte offsets so that expressions can be cut out of the
// source exactly as written.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace strata::cockroachdb {

enum class TokenKind {
  Word,         // unquoted identifier or keyword; text lower-cased (ASCII letters only)
  QuotedIdent,  // "…"; text is the name with "" undone
  String,       // '…', E'…', B'…', X'…', $tag$…$tag$; text is the value (escapes undone for '…')
  Number,       // digits, decimal point, exponent; text as written
  Symbol,       // punctuation ( ) [ ] , ; . @ and operator runs (+, ->, ::, :::…); text as written
  End,          // end of input (one, last)
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;
  std::size_t begin = 0;  // byte offsets into the lexed text: [begin, end)
  std::size_t end = 0;
};

// The tokens of `sql`, ending with one End token; comments and whitespace are dropped.
// Throws UsageError (with line and column) for an unterminated quote, dollar quote or comment.
std::vector<Token> lex_ddl(std::string_view sql);

// 1-based line and column of byte `offset` in `text`.
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column(std::string_view text, std::size_t offset);

}  // namespace strata::cockroachdb
