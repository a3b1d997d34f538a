#include "dialects/postgres/sql/statement_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace strata::postgres::sql {

namespace {

using nlohmann::json;
using strata::sql::Token;
using strata::sql::TokenKind;

bool is_punct(const Token& token, std::string_view text) {
  return token.kind == TokenKind::Punct && token.text == text;
}

bool opens(const Token& token) {
  return is_punct(token, "(") || is_punct(token, "[");
}

bool closes(const Token& token) {
  return is_punct(token, ")") || is_punct(token, "]");
}

bool is_word(const Token& token, std::string_view word) {
  return token.kind == TokenKind::Word && token.text == word;
}

void min_location(const json& node, std::optional<std::size_t>& out) {
  if (node.is_object()) {
    for (const auto& [key, value] : node.items()) {
      if (key == "location" && value.is_number_integer() && value.get<long long>() >= 0) {
        const auto at = static_cast<std::size_t>(value.get<long long>());
        if (!out || at < *out) out = at;
      } else if (value.is_structured()) {
        min_location(value, out);
      }
    }
  } else if (node.is_array()) {
    for (const auto& item : node) min_location(item, out);
  }
}

std::string trim(std::string text) {
  const auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!text.empty() && blank(text.back())) text.pop_back();
  std::size_t start = 0;
  while (start < text.size() && blank(text[start])) ++start;
  return text.substr(start);
}

}  // namespace

LineIndex::LineIndex(std::string path, std::string_view text) : path_(std::move(path)), text_(text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

SourcePosition LineIndex::at(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<int>(it - starts_.begin());
  std::size_t from = starts_[static_cast<std::size_t>(line - 1)];
  if (line == 1 && text_.starts_with("\xEF\xBB\xBF") && offset >= 3) from = 3;
  int column = 1;
  for (std::size_t i = from; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return {path_, line, column};
}

StatementText::StatementText(const LineIndex& file, const ParsedStatement& statement)
    : file_(file), statement_(statement) {
  const std::string_view body = file.text().substr(statement.begin, statement.end - statement.begin);
  tokens_ = strata::sql::scan(body);
  for (auto& token : tokens_) {
    token.begin += statement.begin;
    token.end += statement.begin;
  }
}

std::string StatementText::kind() const {
  return statement_.node.is_object() && !statement_.node.empty() ? statement_.node.begin().key() : std::string();
}

const json& StatementText::body() const {
  return statement_.node.begin().value();
}

SourcePosition StatementText::at(const json& node) const {
  if (node.is_object() && node.contains("location") && node["location"].get<long long>() >= 0) {
    return file_.at(offset(node["location"].get<int>()));
  }
  return start();
}

std::optional<std::size_t> StatementText::first_location(const json& node) const {
  std::optional<std::size_t> out;
  min_location(node, out);
  if (out) *out += statement_.base;
  return out;
}

std::string StatementText::head() const {
  // The statement's keyword, and for CREATE, ALTER, DROP and COMMENT the kind of object.
  static const std::vector<std::string_view> kTakesObject = {"create", "alter", "drop", "comment"};
  static const std::vector<std::string_view> kModifiers = {"or",        "replace",  "unique",       "temp",
                                                           "temporary", "unlogged", "materialized", "recursive",
                                                           "global",    "local",    "trusted",      "procedural"};
  std::string out;
  bool object = false;
  for (const auto& token : tokens_) {
    if (token.kind != TokenKind::Word) break;
    std::string word = token.text;
    std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return std::toupper(c); });
    out += (out.empty() ? "" : " ") + word;
    if (out.size() == word.size()) {
      object = std::find(kTakesObject.begin(), kTakesObject.end(), token.text) != kTakesObject.end();
      if (!object) break;
    } else if (std::find(kModifiers.begin(), kModifiers.end(), token.text) == kModifiers.end()) {
      break;
    }
  }
  return out.empty() ? "this statement" : out;
}

std::string StatementText::excerpt() const {
  std::string out;
  for (const auto& token : tokens_) {
    const std::string piece(file_.text().substr(token.begin, token.end - token.begin));
    if (out.size() + piece.size() > 70) return out + " …";
    out += (out.empty() ? "" : " ") + piece;
  }
  return out;
}

std::string StatementText::text(std::size_t begin, std::size_t end) const {
  if (end <= begin) return "";
  const std::string_view source = file_.text().substr(begin, end - begin);
  std::string out;
  std::size_t copied = 0;
  for (const auto& token : strata::sql::scan(source, {{}, true})) {
    if (token.kind != TokenKind::Comment) continue;
    out.append(source.substr(copied, token.begin - copied));
    out += ' ';
    copied = token.end;
  }
  out.append(source.substr(copied));
  return trim(std::move(out));
}

std::size_t StatementText::token_at(std::size_t offset) const {
  const auto it = std::lower_bound(tokens_.begin(), tokens_.end(), offset,
                                   [](const Token& token, std::size_t at) { return token.begin < at; });
  return static_cast<std::size_t>(it - tokens_.begin());
}

std::size_t StatementText::matching(std::size_t open) const {
  int depth = 0;
  for (std::size_t i = open; i < tokens_.size(); ++i) {
    if (opens(tokens_[i])) ++depth;
    if (closes(tokens_[i]) && --depth == 0) return i;
  }
  return tokens_.size();
}

std::size_t StatementText::element_end(std::size_t first, std::size_t limit) const {
  int depth = 0;
  std::size_t end = first < tokens_.size() ? tokens_[first].begin : statement_.end;
  for (std::size_t i = first; i < tokens_.size(); ++i) {
    const Token& token = tokens_[i];
    if (token.begin >= limit || is_punct(token, ";")) break;
    if (depth == 0 && (is_punct(token, ",") || closes(token))) break;
    if (opens(token)) ++depth;
    if (closes(token)) --depth;
    end = token.end;
  }
  return end;
}

std::optional<std::string> StatementText::expression_after_keyword(std::size_t constraint_offset,
                                                                   std::string_view keyword, std::size_t limit) const {
  std::size_t i = token_at(constraint_offset);
  if (i < tokens_.size() && is_word(tokens_[i], "constraint")) i += 2;
  while (i < tokens_.size() && !is_word(tokens_[i], keyword)) ++i;
  if (i + 1 >= tokens_.size()) return std::nullopt;
  const std::size_t start = tokens_[i + 1].begin;
  return text(start, element_end(i + 1, limit));
}

std::optional<std::string> StatementText::parenthesized_after(std::size_t offset) const {
  std::size_t i = token_at(offset);
  while (i < tokens_.size() && !is_punct(tokens_[i], "(")) ++i;
  const std::size_t close = matching(i);
  if (close >= tokens_.size()) return std::nullopt;
  return text(tokens_[i].end, tokens_[close].begin);
}

std::optional<std::string> StatementText::rest_after_word(std::size_t offset, std::string_view word) const {
  for (std::size_t i = token_at(offset); i < tokens_.size(); ++i) {
    if (is_punct(tokens_[i], "(")) {
      i = matching(i);
      continue;
    }
    if (tokens_[i].kind == strata::sql::TokenKind::Word && tokens_[i].text == word && i + 1 < tokens_.size()) {
      return text(tokens_[i + 1].begin, statement_.end);
    }
  }
  return std::nullopt;
}

std::optional<std::string> StatementText::expression_from(std::size_t offset) const {
  std::size_t i = token_at(offset);
  if (i >= tokens_.size()) return std::nullopt;
  while (i > 0 && is_punct(tokens_[i - 1], "(")) --i;
  return text(tokens_[i].begin, element_end(i, statement_.end));
}

std::vector<std::string> StatementText::list_elements_after(std::size_t offset,
                                                            std::optional<std::string>* where) const {
  std::vector<std::string> out;
  std::size_t i = token_at(offset);
  while (i < tokens_.size() && !is_punct(tokens_[i], "(")) ++i;
  const std::size_t close = matching(i);
  if (close >= tokens_.size()) return out;
  std::size_t first = i + 1;
  while (first < close) {
    const std::size_t end = element_end(first, statement_.end);
    out.push_back(text(tokens_[first].begin, end));
    std::size_t next = token_at(end);
    while (next < close && !is_punct(tokens_[next], ",")) ++next;
    first = next + 1;
  }
  if (where != nullptr) {
    int depth = 0;
    for (std::size_t j = close + 1; j < tokens_.size(); ++j) {
      if (opens(tokens_[j])) ++depth;
      if (closes(tokens_[j])) --depth;
      if (depth == 0 && is_word(tokens_[j], "where") && j + 1 < tokens_.size()) {
        *where = text(tokens_[j + 1].begin, statement_.end);
        break;
      }
    }
  }
  return out;
}

std::string StatementText::key_expression(std::string_view element) {
  const auto tokens = strata::sql::scan(element);
  if (tokens.empty()) return std::string(element);
  std::size_t open = 0;
  while (open < tokens.size() && !is_punct(tokens[open], "(")) ++open;
  int depth = 0;
  std::size_t close = open;
  for (; close < tokens.size(); ++close) {
    if (opens(tokens[close])) ++depth;
    if (closes(tokens[close]) && --depth == 0) break;
  }
  if (close >= tokens.size()) return trim(std::string(element));
  if (open == 0) return trim(std::string(element.substr(tokens[0].end, tokens[close].begin - tokens[0].end)));
  return trim(std::string(element.substr(0, tokens[close].end)));
}

std::optional<long long> StatementText::number_after(std::size_t offset) const {
  std::size_t i = token_at(offset);
  while (i < tokens_.size() && tokens_[i].kind == TokenKind::Word) ++i;
  bool negative = false;
  if (i < tokens_.size() && tokens_[i].kind == TokenKind::Operator &&
      (tokens_[i].text == "-" || tokens_[i].text == "+")) {
    negative = tokens_[i].text == "-";
    ++i;
  }
  if (i >= tokens_.size() || tokens_[i].kind != TokenKind::Number) return std::nullopt;
  const std::string& digits = tokens_[i].text;
  unsigned long long magnitude = 0;
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), magnitude);
  if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
  constexpr unsigned long long kMax = 9223372036854775807ULL;
  if (negative) {
    if (magnitude > kMax + 1) return std::nullopt;
    return magnitude == kMax + 1 ? INT64_MIN : -static_cast<long long>(magnitude);
  }
  if (magnitude > kMax) return std::nullopt;
  return static_cast<long long>(magnitude);
}

}  // namespace strata::postgres::sql
