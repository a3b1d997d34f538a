// Tokens of an SQL scalar expression (from the one scanner, engine/sql/scanner.hpp), and the
// "token form": the tokens printed with normalised spacing and case, used for whatever the parser
// does not understand.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "strata/sql_grammar.hpp"

namespace strata::expr {

enum class TokenKind {
  Word,          // unquoted identifier or keyword; text is lower-cased (ASCII letters only)
  QuotedIdent,   // "…"; text is the name with "" undone
  String,        // '…' (with '' undone) or a dollar-quoted string; text is the value
  PrefixString,  // E'…', B'…', X'…', N'…', U&'…'; text is the spelling, prefix upper-cased
  Number,        // text lower-cased
  Param,         // $1
  Operator,      // symbolic operator; != is spelled <>
  Punct,         // ( ) [ ] , ; . : and :: (CockroachDB's ::: is spelled ::), @ (CockroachDB)
  Unterminated,  // an unclosed quote, dollar quote or comment: text is the rest of the input
  Other,         // any other byte
};

struct Token {
  TokenKind kind = TokenKind::Other;
  std::string text;
};

// One of PostgreSQL's operator characters: + - * / < > = ~ ! @ # % ^ & | ` ?
bool is_operator_char(char c);

// Never throws except std::bad_alloc; every byte of `sql` ends up in a token, a comment or whitespace.
std::vector<Token> lex(std::string_view sql, const SqlGrammar& grammar = {});

// The token form: keywords upper-case, names lower-case (quoted ones bare where that is safe), one
// space around binary operators and after commas, none inside brackets, around `::` and `.`, or
// between a function name and "(". Lexing the result gives the same tokens again.
std::string print_tokens(std::span<const Token> tokens);

}  // namespace strata::expr
