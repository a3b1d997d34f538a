// Splitting a migration file into statements, on the tokens of the one scanner
// (engine/sql/scanner.hpp).
//
// A statement ends at a semicolon outside every quoted or commented span and every BEGIN ATOMIC
// body: single-quoted strings
// ('it''s', and E'..\'..' with backslash escapes), quoted identifiers ("a;b"), dollar-quoted bodies
// ($$..$$, $tag$..$tag$), line comments (-- ..) and block comments, which nest (/* /* */ */).
// Comments and blank text between statements are not statements. A file whose last statement has
// no semicolon still yields it. An unterminated string, identifier, dollar quote or comment is an
// error naming the line where it began.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace strata::migrations {

struct Statement {
  std::string sql;  // the statement's text, trimmed, without its terminating semicolon
  int line = 0;     // the line (from 1) of its first character in the file
};

// Throws LoadError naming `file`, the line and column where an unterminated span began.
std::vector<Statement> split_statements(std::string_view text, const std::string& file);

// A directive comment anywhere in the file, on a line of its own: `-- strata:<name>`
// (for example `-- strata:no-transaction`).
bool has_directive(std::string_view text, std::string_view name);

// What follows each such directive on its line (trimmed; "" for a bare one), in file order:
// `-- strata:lossy drops column note` gives "drops column note" for "lossy".
std::vector<std::string> directive_values(std::string_view text, std::string_view name);

}  // namespace strata::migrations
