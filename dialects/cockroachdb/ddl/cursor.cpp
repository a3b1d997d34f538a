#include "dialects/cockroachdb/ddl/cursor.hpp"

#include <charconv>

#include <fmt/format.h>

#include "strata/errors.hpp"

namespace strata::cockroachdb {

namespace {

// `text` on one line (whitespace runs become one space), cut after about `limit` bytes on a
// character boundary.
std::string shorten(std::string_view text, std::size_t limit) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = !out.empty();
      ++i;
      continue;
    }
    std::size_t length = 1;  // one UTF-8 character
    while (i + length < text.size() && (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) ++length;
    if (out.size() + length > limit) {
      out += "…";
      break;
    }
    if (space) out += ' ';
    space = false;
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::End:
      return "the end of the statement";
    case TokenKind::String:
      return fmt::format("the string '{}'", shorten(token.text, 40));
    case TokenKind::QuotedIdent:
      return fmt::format("\"{}\"", shorten(token.text, 40));
    default:
      return fmt::format("'{}'", shorten(token.text, 40));
  }
}

}  // namespace

Cursor::Cursor(std::string_view source, std::span<const Token> tokens) : source_(source), tokens_(tokens) {
  const std::size_t end = tokens.empty() ? 0 : tokens.back().end;
  end_ = Token{TokenKind::End, "", end, end};
}

const Token& Cursor::peek(std::size_t ahead) const {
  return index_ + ahead < tokens_.size() ? tokens_[index_ + ahead] : end_;
}

const Token& Cursor::next() {
  const Token& token = peek();
  if (index_ < tokens_.size()) ++index_;
  return token;
}

bool Cursor::is_word(std::string_view word, std::size_t ahead) const {
  const Token& token = peek(ahead);
  return token.kind == TokenKind::Word && token.text == word;
}

bool Cursor::is_words(std::initializer_list<std::string_view> words) const {
  std::size_t ahead = 0;
  for (const auto word : words) {
    if (!is_word(word, ahead++)) return false;
  }
  return true;
}

bool Cursor::accept(std::string_view word) {
  if (!is_word(word)) return false;
  next();
  return true;
}

bool Cursor::accept_words(std::initializer_list<std::string_view> words) {
  if (!is_words(words)) return false;
  index_ += words.size();
  return true;
}

void Cursor::expect(std::string_view word) {
  if (!accept(word)) fail(fmt::format("'{}'", word));
}

bool Cursor::is_symbol(std::string_view symbol, std::size_t ahead) const {
  const Token& token = peek(ahead);
  return token.kind == TokenKind::Symbol && token.text == symbol;
}

bool Cursor::accept_symbol(std::string_view symbol) {
  if (!is_symbol(symbol)) return false;
  next();
  return true;
}

void Cursor::expect_symbol(std::string_view symbol) {
  if (!accept_symbol(symbol)) fail(fmt::format("'{}'", symbol));
}

bool Cursor::is_name(std::size_t ahead) const {
  const Token& token = peek(ahead);
  return token.kind == TokenKind::Word || token.kind == TokenKind::QuotedIdent;
}

std::string Cursor::expect_name(std::string_view what) {
  if (!is_name()) fail(what);
  if (peek().kind == TokenKind::QuotedIdent && peek().text.empty()) fail(fmt::format("{} (a non-empty name)", what));
  return next().text;
}

std::vector<std::string> Cursor::expect_qualified_name(std::string_view what) {
  std::vector<std::string> parts{expect_name(what)};
  while (accept_symbol(".")) {
    if (parts.size() == 3) fail(fmt::format("{} of at most three parts (database.schema.name)", what));
    parts.push_back(expect_name(what));
  }
  return parts;
}

std::vector<std::string> Cursor::expect_name_list(std::string_view what) {
  expect_symbol("(");
  std::vector<std::string> names;
  do {
    names.push_back(expect_name(what));
  } while (accept_symbol(","));
  expect_symbol(")");
  return names;
}

std::string Cursor::expect_string(std::string_view what) {
  if (peek().kind != TokenKind::String) fail(what);
  return next().text;
}

std::int64_t Cursor::expect_integer(std::string_view what) {
  bool negative = false;
  if (is_symbol("-") || is_symbol("+")) negative = next().text == "-";
  if (peek().kind != TokenKind::Number) fail(what);
  const std::string digits = (negative ? "-" : "") + peek().text;
  std::int64_t value = 0;
  const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (result.ec != std::errc() || result.ptr != digits.data() + digits.size()) {
    fail(fmt::format("{} (a whole number between -9223372036854775808 and 9223372036854775807)", what));
  }
  next();
  return value;
}

std::string Cursor::capture_expression(std::string_view what, const std::function<bool(const Cursor&)>& stop) {
  const std::size_t start = index_;
  int depth = 0;
  while (!at_end()) {
    const Token& token = peek();
    if (depth == 0) {
      if (token.kind == TokenKind::Symbol && (token.text == "," || token.text == ")")) break;
      if (index_ > start && stop && stop(*this)) break;
    }
    if (token.kind == TokenKind::Symbol && (token.text == "(" || token.text == "[")) {
      ++depth;
    } else if (token.kind == TokenKind::Symbol && (token.text == ")" || token.text == "]")) {
      --depth;
      if (depth < 0) fail("balanced brackets");
    } else if (token.kind == TokenKind::Word && token.text == "case") {
      ++depth;
    } else if (token.kind == TokenKind::Word && token.text == "end" && depth > 0) {
      --depth;
    }
    next();
  }
  if (depth != 0) fail(fmt::format("the end of {} (a closing parenthesis)", what));
  if (index_ == start) fail(what);
  return text_between(start, index_);
}

std::string Cursor::capture_parenthesized(std::string_view what) {
  expect_symbol("(");
  const std::size_t start = index_;
  int depth = 1;
  while (!at_end()) {
    const Token& token = peek();
    if (token.kind == TokenKind::Symbol && (token.text == "(" || token.text == "[")) ++depth;
    if (token.kind == TokenKind::Symbol && (token.text == ")" || token.text == "]")) --depth;
    if (depth == 0) break;
    next();
  }
  if (!is_symbol(")")) fail(fmt::format("')' closing {}", what));
  if (index_ == start) fail(what);
  std::string text = text_between(start, index_);
  next();
  return text;
}

void Cursor::skip_parenthesized(std::string_view what) {
  expect_symbol("(");
  int depth = 1;
  while (!at_end() && depth > 0) {
    const Token& token = next();
    if (token.kind == TokenKind::Symbol && (token.text == "(" || token.text == "[")) ++depth;
    if (token.kind == TokenKind::Symbol && (token.text == ")" || token.text == "]")) --depth;
  }
  if (depth != 0) fail(fmt::format("')' closing {}", what));
}

std::string Cursor::text_between(std::size_t from, std::size_t to) const {
  if (from >= to || from >= tokens_.size()) return {};
  const std::size_t last = (to > tokens_.size() ? tokens_.size() : to) - 1;
  return std::string(source_.substr(tokens_[from].begin, tokens_[last].end - tokens_[from].begin));
}

std::string Cursor::rest() {
  const std::size_t start = index_;
  index_ = tokens_.size();
  return text_between(start, index_);
}

void Cursor::fail(std::string_view expected) const {
  const LineColumn at = line_column(source_, peek().begin);
  throw UsageError(fmt::format("CockroachDB DDL, line {} column {}: expected {}, found {} in statement: {}", at.line,
                               at.column, expected, describe(peek()), shorten(text_between(0, tokens_.size()), 120)));
}

void Cursor::fail_statement(std::string_view problem) const {
  const std::size_t begin = tokens_.empty() ? 0 : tokens_.front().begin;
  const LineColumn at = line_column(source_, begin);
  throw UsageError(fmt::format("CockroachDB DDL, line {} column {}: {} in statement: {}", at.line, at.column, problem,
                               shorten(text_between(0, tokens_.size()), 120)));
}

}  // namespace strata::cockroachdb
