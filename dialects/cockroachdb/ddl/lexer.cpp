#include "dialects/cockroachdb/ddl/lexer.hpp"

#include <fmt/format.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "strata/errors.hpp"

namespace strata::cockroachdb {

namespace {

TokenKind kind_of(sql::TokenKind kind) {
  switch (kind) {
    case sql::TokenKind::Word:
      return TokenKind::Word;
    case sql::TokenKind::QuotedIdent:
      return TokenKind::QuotedIdent;
    case sql::TokenKind::String:
      return TokenKind::String;
    case sql::TokenKind::Number:
      return TokenKind::Number;
    default:
      return TokenKind::Symbol;  // Param, Operator, Punct, Other
  }
}

std::string_view what_is_unterminated(const sql::Token& token) {
  if (token.prefix == "/*") return "a /* comment";
  if (token.prefix == "\"") return "a quoted identifier";
  if (token.prefix.starts_with("$")) return "a dollar-quoted string";
  return "a string";
}

}  // namespace

std::vector<Token> lex_ddl(std::string_view sql) {
  std::vector<Token> out;
  for (auto& token : sql::scan(sql, sql::ScanOptions{CockroachDialect::kGrammar, false})) {
    if (token.kind == sql::TokenKind::Unterminated) {
      const LineColumn at = line_column(sql, token.begin);
      throw UsageError(fmt::format("CockroachDB DDL, line {} column {}: {} is not terminated", at.line, at.column,
                                   what_is_unterminated(token)));
    }
    out.push_back(Token{kind_of(token.kind), std::move(token.text), token.begin, token.end});
  }
  out.push_back(Token{TokenKind::End, "", sql.size(), sql.size()});
  return out;
}

}  // namespace strata::cockroachdb
