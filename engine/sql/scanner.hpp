// The one SQL scanner: every part of strata that reads SQL text (statement splitting, lint, the
// expression canonicaliser, the CockroachDB DDL parser, type names, the checks on fragments from a
// schema file) takes its tokens from here, so they agree on where a string, a quoted name, a
// dollar-quoted body or a comment begins and ends.
//
// The rules are PostgreSQL's lexical rules (scan.l): '…' with '' (and a continuation after
// whitespace holding a newline), E'…' with backslash escapes, B'…' X'…' N'…' U&'…', "…" with "",
// $tag$…$tag$, $1, nested /* */ comments, -- comments, operator runs cut before a comment and
// trimmed of a trailing + or - as PostgreSQL does; SqlGrammar::cockroach_lexicon adds CockroachDB's
// `:::` and `@`. A UTF-8 byte order mark at the start is skipped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "strata/sql_grammar.hpp"

namespace strata::sql {

enum class TokenKind {
  Word,          // unquoted identifier or keyword; text is lower-cased (ASCII letters only)
  QuotedIdent,   // "…"; text is the name with "" undone
  String,        // a literal: text is its value (see Token::prefix)
  Number,        // text as written
  Param,         // $1
  Operator,      // a run of operator characters, as written
  Punct,         // ( ) [ ] , ; . : :: and, with the CockroachDB lexicon, ::: and a lone @
  Comment,       // -- … or /* … */, only when ScanOptions::comments; text as written
  Unterminated,  // a quote, dollar quote or comment that never ends: it runs to the end of the input
  Other,         // any other byte (a lone $, a backslash…)
};

struct Token {
  TokenKind kind = TokenKind::Other;
  std::string text;
  std::size_t begin = 0;  // the token is bytes [begin, end) of the scanned text
  std::size_t end = 0;
  // String: 0 for '…', '$' for a dollar-quoted body, else the prefix letter upper-cased ('E', 'B',
  // 'X', 'N', 'U' for U&'…'). E'…' has its escapes undone; B X N U keep their body as written
  // (with '' undone). Unterminated: the opening character(s), e.g. "'", "\"", "/*", "$tag$".
  std::string prefix;
};

struct ScanOptions {
  SqlGrammar grammar;
  bool comments = false;  // keep comments as Comment tokens
};

// Never throws except std::bad_alloc: every byte of `sql` is in a token, a comment or whitespace.
std::vector<Token> scan(std::string_view sql, const ScanOptions& options = {});

// One of PostgreSQL's operator characters: + - * / < > = ~ ! @ # % ^ & | ` ?
bool is_operator_char(char c);

// 1-based line and column (in characters, not bytes) of byte `offset` in `text` (a byte order mark
// at its start takes no column).
struct LineColumn {
  int line = 1;
  int column = 1;
};
LineColumn line_column(std::string_view text, std::size_t offset);

// What an Unterminated token lacks, for messages: "a closing ' for the string", "a closing */ for
// the block comment (block comments nest)", …
std::string unterminated_what(const Token& token);

}  // namespace strata::sql
