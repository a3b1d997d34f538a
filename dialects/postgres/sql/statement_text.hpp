// The source text behind a parsed statement: positions (file:line:column) of the byte offsets the
// parse tree carries, and the exact text of the expressions in it (defaults, checks, generated
// columns, index keys and predicates), which strata keeps as SQL text as the YAML format does.
// The tree says where an expression starts; its tokens (strata's one scanner) say where it ends.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dialects/postgres/sql/pg_parser.hpp"
#include "engine/sql/scanner.hpp"
#include "strata/errors.hpp"

namespace strata::postgres::sql {

// Line starts of one file, for turning byte offsets into 1-based lines and columns (characters).
class LineIndex {
 public:
  LineIndex(std::string path, std::string_view text);
  SourcePosition at(std::size_t offset) const;
  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }

 private:
  std::string path_;
  std::string_view text_;
  std::vector<std::size_t> starts_;
};

class StatementText {
 public:
  StatementText(const LineIndex& file, const ParsedStatement& statement);

  const nlohmann::json& node() const { return statement_.node; }
  // The statement node's kind ("CreateStmt") and body.
  std::string kind() const;
  const nlohmann::json& body() const;

  SourcePosition start() const { return file_.at(statement_.begin); }
  SourcePosition position(std::size_t offset) const { return file_.at(offset); }
  // The position of a node's "location", or of the statement when it has none.
  SourcePosition at(const nlohmann::json& node) const;
  // The byte offset in the file of a tree location.
  std::size_t offset(int location) const { return statement_.base + static_cast<std::size_t>(location); }
  // The smallest "location" in a subtree, as a file offset (nullopt: none).
  std::optional<std::size_t> first_location(const nlohmann::json& node) const;

  // The whole statement as written, without its semicolon.
  std::string text() const {
    return std::string(file_.text().substr(statement_.begin, statement_.end - statement_.begin));
  }
  // The statement's first words, upper-cased, for messages ("CREATE FUNCTION", "GRANT").
  std::string head() const;
  // The statement's text, for messages (shortened when long).
  std::string excerpt() const;

  // Expressions, as written (comments dropped, blanks at the ends trimmed):
  // after the keyword that a constraint at `constraint_offset` opens with (DEFAULT), up to the end
  // of the element (a comma or closing parenthesis at its level) or `limit`, whichever is first;
  std::optional<std::string> expression_after_keyword(std::size_t constraint_offset, std::string_view keyword,
                                                      std::size_t limit) const;
  // inside the first parenthesis at or after `offset` (CHECK (…), GENERATED ALWAYS AS (…));
  std::optional<std::string> parenthesized_after(std::size_t offset) const;
  // starting at `offset` (parentheses just before it included) up to the end of the element;
  std::optional<std::string> expression_from(std::size_t offset) const;
  // the keys of an index: the text of each element of the first parenthesised list after `offset`,
  // and what follows the list's WHERE, if any.
  std::vector<std::string> list_elements_after(std::size_t offset, std::optional<std::string>* where) const;
  // An index key's expression from its element's text: `(a + b)` -> `a + b`, `lower(a) DESC` -> `lower(a)`.
  static std::string key_expression(std::string_view element);

  // Everything after the first `word` (lower case) outside parentheses at or after `offset`, to the
  // end of the statement: the query of CREATE VIEW v (…) WITH (…) AS query.
  std::optional<std::string> rest_after_word(std::size_t offset, std::string_view word) const;

  // The integer written after the option keyword at `offset` (INCREMENT BY -1, START WITH 5).
  // libpg_query 15-4.0 drops zero and negative integers from its JSON (pganalyze/libpg_query#243),
  // so numbers in options are read from the text instead.
  std::optional<long long> number_after(std::size_t offset) const;

  std::string text(std::size_t begin, std::size_t end) const;

 private:
  std::size_t token_at(std::size_t offset) const;  // index of the first token starting at or after offset
  std::size_t matching(std::size_t open) const;    // index of the token closing the one at `open`
  std::size_t element_end(std::size_t first, std::size_t limit) const;

  const LineIndex& file_;
  const ParsedStatement& statement_;
  std::vector<strata::sql::Token> tokens_;  // offsets in the file
};

}  // namespace strata::postgres::sql
