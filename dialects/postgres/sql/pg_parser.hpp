// PostgreSQL's own parser, libpg_query (Debian's libpg-query-dev, PostgreSQL 15's grammar), behind
// one call: a file's text in, its statements as parse trees out, or the parser's complaints with
// the byte offset each points at.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace strata::postgres::sql {

struct ParsedStatement {
  nlohmann::json node;    // {"CreateStmt": {...}}: the statement node of libpg_query's JSON tree
  std::size_t base = 0;   // the tree's "location" fields count bytes from this offset of the file
  std::size_t begin = 0;  // the statement's first token (comments and blanks before it skipped)
  std::size_t end = 0;    // one past its last byte, before its semicolon
};

struct ParseFailure {
  std::size_t offset = 0;  // byte offset in the file the parser points at
  std::string message;     // the parser's message, e.g. `syntax error at or near "TABLEE"`
};

struct ParsedFile {
  std::vector<ParsedStatement> statements;
  std::vector<ParseFailure> failures;  // one per statement the parser refused
};

// Parses a whole file. When the file does not parse, it is split at semicolons by strata's
// scanner and each piece is parsed on its own, so every bad statement is reported and the good ones are
// still read. Never throws for bad input.
ParsedFile parse_file(std::string_view text);

}  // namespace strata::postgres::sql
