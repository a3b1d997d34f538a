#include "dialects/postgres/sql/pg_parser.hpp"

#include <memory>

#include <pg_query.h>

#include "engine/sql/scanner.hpp"

namespace strata::postgres::sql {

namespace {

using nlohmann::json;

// The offset of the first token at or after `from` (skipping blanks and comments), before `end`.
std::size_t first_token(std::string_view text, std::size_t from, std::size_t end) {
  for (const auto& token : strata::sql::scan(text.substr(from, end - from))) return from + token.begin;
  return from;
}

// Where a statement's text really ends: libpg_query's length runs to the semicolon; trailing
// blanks and comments are not the statement's.
std::size_t last_token_end(std::string_view text, std::size_t from, std::size_t end) {
  std::size_t out = from;
  for (const auto& token : strata::sql::scan(text.substr(from, end - from))) {
    if (token.kind != strata::sql::TokenKind::Punct || token.text != ";") out = from + token.end;
  }
  return out;
}

// libpg_query's cursor position counts characters from 1 (PostgreSQL's errposition); the file
// is UTF-8, so walk it.
std::size_t byte_offset(std::string_view text, int cursor) {
  std::size_t offset = 0;
  for (int chars = 1; chars < cursor && offset < text.size(); ++chars) {
    ++offset;
    while (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) == 0x80) ++offset;
  }
  return offset;
}

struct ParseResult {
  json tree;
  bool ok = false;
  std::size_t error_offset = 0;
  std::string message;
};

ParseResult parse_text(std::string_view text) {
  const std::string input(text);  // NUL-terminated for the C API
  PgQueryParseResult result = pg_query_parse(input.c_str());
  std::unique_ptr<PgQueryParseResult, void (*)(PgQueryParseResult*)> guard(
      &result, [](PgQueryParseResult* r) { pg_query_free_parse_result(*r); });
  ParseResult out;
  if (result.error != nullptr) {
    out.message = result.error->message != nullptr ? result.error->message : "the parser refused this text";
    out.error_offset = result.error->cursorpos > 0 ? byte_offset(text, result.error->cursorpos) : 0;
    return out;
  }
  out.tree = json::parse(result.parse_tree);
  out.ok = true;
  return out;
}

void add_statements(const json& tree, std::string_view file, std::size_t base, std::size_t limit, ParsedFile& out) {
  if (!tree.contains("stmts")) return;
  for (const auto& raw : tree["stmts"]) {
    const std::size_t location = base + raw.value("stmt_location", 0);
    const int length = raw.value("stmt_len", 0);
    const std::size_t end = length == 0 ? limit : location + static_cast<std::size_t>(length);
    ParsedStatement statement;
    statement.node = raw["stmt"];
    statement.base = base;
    statement.begin = first_token(file, location, end);
    statement.end = last_token_end(file, statement.begin, end);
    out.statements.push_back(std::move(statement));
  }
}

// Splits at the semicolons strata's scanner finds outside quotes, dollar quotes and comments, and
// parses each piece: every statement the grammar refuses is reported, the others are read.
void parse_piece_by_piece(std::string_view file, ParsedFile& out) {
  std::size_t start = 0;
  const auto pieces = strata::sql::scan(file);
  for (std::size_t i = 0; i <= pieces.size(); ++i) {
    const bool end = i == pieces.size();
    if (!end && !(pieces[i].kind == strata::sql::TokenKind::Punct && pieces[i].text == ";")) continue;
    const std::size_t stop = end ? file.size() : pieces[i].end;
    const std::string_view text = file.substr(start, stop - start);
    if (!strata::sql::scan(text).empty()) {
      const ParseResult piece = parse_text(text);
      if (piece.ok) {
        add_statements(piece.tree, file, start, stop, out);
      } else {
        out.failures.push_back({start + piece.error_offset, piece.message});
      }
    }
    start = stop;
  }
}

}  // namespace

ParsedFile parse_file(std::string_view text) {
  ParsedFile out;
  const ParseResult whole = parse_text(text);
  if (whole.ok) {
    add_statements(whole.tree, text, 0, text.size(), out);
  } else {
    parse_piece_by_piece(text, out);
    if (out.failures.empty()) out.failures.push_back({whole.error_offset, whole.message});
  }
  return out;
}

}  // namespace strata::postgres::sql
