#include "migrations/lint/tokens.hpp"

namespace strata::migrations::lint {

using expr::TokenKind;

Tokens::Tokens(std::string_view sql) : tokens_(expr::lex(sql)) {}

bool Tokens::is(std::size_t i, std::string_view word) const {
  return i < tokens_.size() && tokens_[i].kind == TokenKind::Word && tokens_[i].text == word;
}

bool Tokens::are(std::size_t i, std::initializer_list<std::string_view> words) const {
  for (const auto word : words) {
    if (!is(i++, word)) return false;
  }
  return true;
}

bool Tokens::punct(std::size_t i, std::string_view p) const {
  return i < tokens_.size() && tokens_[i].kind == TokenKind::Punct && tokens_[i].text == p;
}

std::size_t Tokens::find(Span span, std::initializer_list<std::string_view> words, bool top_level) const {
  int depth = 0;
  for (std::size_t i = span.begin; i < span.end && i < tokens_.size(); ++i) {
    if (punct(i, "(") || punct(i, "[")) ++depth;
    if (punct(i, ")") || punct(i, "]")) --depth;
    if ((!top_level || depth == 0) && are(i, words)) return i;
  }
  return npos;
}

std::string Tokens::name(std::size_t i) const {
  if (i >= tokens_.size()) return {};
  const auto kind = tokens_[i].kind;
  return kind == TokenKind::Word || kind == TokenKind::QuotedIdent ? tokens_[i].text : std::string();
}

std::string Tokens::qualified_name(std::size_t i, std::size_t& next) const {
  std::string last = name(i);
  next = last.empty() ? i : i + 1;
  while (punct(next, ".") && !name(next + 1).empty()) {
    last = name(next + 1);
    next += 2;
  }
  return last;
}

std::size_t Tokens::skip_if_exists(std::size_t i) const {
  if (are(i, {"if", "not", "exists"})) return i + 3;
  if (are(i, {"if", "exists"})) return i + 2;
  return i;
}

std::size_t Tokens::past_group(std::size_t i) const {
  if (!punct(i, "(")) return i;
  int depth = 0;
  for (; i < tokens_.size(); ++i) {
    if (punct(i, "(") || punct(i, "[")) ++depth;
    if ((punct(i, ")") || punct(i, "]")) && --depth == 0) return i + 1;
  }
  return tokens_.size();
}

std::vector<Span> Tokens::split_commas(Span span) const {
  std::vector<Span> items;
  int depth = 0;
  std::size_t start = span.begin;
  for (std::size_t i = span.begin; i < span.end; ++i) {
    if (punct(i, "(") || punct(i, "[")) ++depth;
    if (punct(i, ")") || punct(i, "]")) --depth;
    if (depth == 0 && punct(i, ",")) {
      items.push_back({start, i});
      start = i + 1;
    }
  }
  if (start < span.end) items.push_back({start, span.end});
  return items;
}

std::vector<Span> Tokens::group_items(std::size_t i) const {
  if (!punct(i, "(")) return {};
  const std::size_t end = past_group(i);
  return split_commas({i + 1, end > i + 1 && punct(end - 1, ")") ? end - 1 : end});
}

std::vector<std::string> Tokens::column_list(std::size_t i) const {
  std::vector<std::string> columns;
  for (const Span item : group_items(i)) columns.push_back(name(item.begin));
  return columns;
}

}  // namespace strata::migrations::lint
