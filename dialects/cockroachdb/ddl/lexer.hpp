// Tokens of CockroachDB DDL, with their byte offsets so that expressions can be cut out of the
// source exactly as written. They come from the one scanner (engine/sql/scanner.hpp) with
// CockroachDB's lexicon; this parser only groups operators and punctuation as symbols.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/sql/scanner.hpp"

namespace strata::cockroachdb {

enum class TokenKind {
  Word,         // unquoted identifier or keyword; text lower-cased (ASCII letters only)
  QuotedIdent,  // "…"; text is the name with "" undone
  String,       // '…', E'…', B'…', X'…', $tag$…$tag$; text is the value
  Number,       // digits, decimal point, exponent; text as written
  Symbol,       // punctuation ( ) [ ] , ; . @ :: ::: and operator runs (+, ->…); text as written
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

using sql::line_column;
using sql::LineColumn;

}  // namespace strata::cockroachdb
