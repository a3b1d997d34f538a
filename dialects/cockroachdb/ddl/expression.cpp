#include "dialects/cockroachdb/ddl/expression.hpp"

#include <algorithm>
#include <optional>

#include "dialects/cockroachdb/ddl/lexer.hpp"
#include "engine/model/quote.hpp"
#include "strata/errors.hpp"

namespace strata::cockroachdb {

namespace {

// A dotted chain of names used as a value: `a`, `t.a`, `db.s.t.a` (not followed by '(').
struct Reference {
  std::size_t first = 0;  // token indexes, inclusive
  std::size_t last = 0;
  std::vector<std::string> parts;
};

std::optional<std::vector<Token>> tokens_of(std::string_view expression) {
  try {
    return lex_ddl(expression);
  } catch (const Error&) {
    return std::nullopt;
  }
}

bool is_name(const Token& token) {
  return token.kind == TokenKind::Word || token.kind == TokenKind::QuotedIdent;
}

bool is_symbol(const Token& token, std::string_view text) {
  return token.kind == TokenKind::Symbol && token.text == text;
}

// Every column reference of the token list, in order.
std::vector<Reference> references(const std::vector<Token>& tokens) {
  std::vector<Reference> out;
  std::size_t i = 0;
  while (i < tokens.size()) {
    if (!is_name(tokens[i])) {
      ++i;
      continue;
    }
    Reference reference{i, i, {tokens[i].text}};
    while (reference.last + 2 < tokens.size() && is_symbol(tokens[reference.last + 1], ".") &&
           is_name(tokens[reference.last + 2])) {
      reference.last += 2;
      reference.parts.push_back(tokens[reference.last].text);
    }
    const bool after_cast = i > 0 && (is_symbol(tokens[i - 1], "::") || is_symbol(tokens[i - 1], ":::"));
    const bool after_dot = i > 0 && is_symbol(tokens[i - 1], ".");
    const bool call = reference.last + 1 < tokens.size() && is_symbol(tokens[reference.last + 1], "(");
    // A word directly before a string is a typed literal (DATE '2020-01-01'), not a column.
    const bool typed_literal =
        reference.last + 1 < tokens.size() && tokens[reference.last + 1].kind == TokenKind::String;
    if (!after_cast && !after_dot && !call && !typed_literal) out.push_back(reference);
    i = reference.last + 1;
  }
  return out;
}

// Rebuilds `expression`, replacing the text of references for which `replace` gives a value.
template <typename Replace>
std::string rewrite(std::string_view expression, Replace replace) {
  const auto tokens = tokens_of(expression);
  if (!tokens) return std::string(expression);
  std::string out;
  std::size_t copied = 0;
  for (const Reference& reference : references(*tokens)) {
    const std::optional<std::string> replacement = replace(reference);
    if (!replacement) continue;
    const std::size_t begin = (*tokens)[reference.first].begin;
    out.append(expression.substr(copied, begin - copied));
    out += *replacement;
    copied = (*tokens)[reference.last].end;
  }
  out.append(expression.substr(copied));
  return out;
}

}  // namespace

std::vector<std::string> referenced_names(std::string_view expression) {
  std::vector<std::string> names;
  const auto tokens = tokens_of(expression);
  if (!tokens) return names;
  for (const Reference& reference : references(*tokens)) {
    const std::string& name = reference.parts.back();
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return names;
}

bool references_column(std::string_view expression, const std::string& column) {
  const auto names = referenced_names(expression);
  return std::find(names.begin(), names.end(), column) != names.end();
}

std::string dequalify_columns(std::string_view expression, const QualifiedName& table) {
  return rewrite(expression, [&](const Reference& reference) -> std::optional<std::string> {
    const auto& parts = reference.parts;
    if (parts.size() < 2 || parts[parts.size() - 2] != table.name) return std::nullopt;
    if (parts.size() == 4 && parts[1] != table.schema) return std::nullopt;  // db.schema.table.column
    return quote_ident(parts.back());
  });
}

std::string resolve_int_casts(std::string_view expression) {
  const auto tokens = tokens_of(expression);
  if (!tokens) return std::string(expression);
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = 1; i < tokens->size(); ++i) {
    const Token& token = (*tokens)[i];
    const Token& before = (*tokens)[i - 1];
    const bool cast =
        is_symbol(before, "::") || is_symbol(before, ":::") || (before.kind == TokenKind::Word && before.text == "as");
    if (!cast || token.kind != TokenKind::Word || (token.text != "int" && token.text != "integer")) continue;
    out.append(expression.substr(copied, token.begin - copied));
    out += "INT8";
    copied = token.end;
  }
  out.append(expression.substr(copied));
  return out;
}

std::string stored_expression(std::string_view expression, const QualifiedName& table) {
  return resolve_int_casts(dequalify_columns(expression, table));
}

std::string rename_column_references(std::string_view expression, const std::string& from, const std::string& to) {
  return rewrite(expression, [&](const Reference& reference) -> std::optional<std::string> {
    if (reference.parts.size() != 1 || reference.parts.front() != from) return std::nullopt;
    return quote_ident(to);
  });
}

}  // namespace strata::cockroachdb
