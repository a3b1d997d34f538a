// Type names in casts: PostgreSQL's and CockroachDB's spellings, folded to one canonical form.
#include <charconv>
#include <string_view>
#include <utility>

#include "engine/type_name.hpp"
#include "expression_parser.hpp"
#include "expression_words.hpp"

namespace strata::expr {

namespace {

constexpr std::string_view kIntervalFields[] = {"year", "month", "day", "hour", "minute", "second", "to"};

struct Part {
  std::string name;
  bool word_like;  // spelled (or spellable) without quotes
};

// The canonical spelling of a one-word type name.
std::string single_name(const std::string& name, std::vector<std::string>& modifiers) {
  if (name == "float") {  // float(p): real up to 24 bits of precision, double precision beyond
    int precision = 53;
    if (!modifiers.empty()) {
      const std::string& m = modifiers.front();
      std::from_chars(m.data(), m.data() + m.size(), precision);
    }
    modifiers.clear();
    return precision <= 24 ? "real" : "double precision";
  }
  if (name == "string" && !modifiers.empty()) return "varchar";  // CockroachDB's STRING(n)
  // Casts are read with PostgreSQL's meaning of INT (CockroachDB's INT8 is a known limit).
  return builtin_type(name, IntWidth::Four).value_or(name);
}

std::string qualified_name(std::vector<Part> parts, std::vector<std::string>& modifiers) {
  // public.t and CockroachDB's db.public.t are t; pg_catalog.int4 is int4
  if (parts.size() == 3 && parts[1].name == "public") {
    parts.erase(parts.begin(), parts.begin() + 2);
  } else if (parts.size() == 2 && (parts[0].name == "public" || parts[0].name == "pg_catalog")) {
    parts.erase(parts.begin());
  }
  if (parts.size() == 1 && parts[0].word_like) return single_name(parts[0].name, modifiers);
  std::string out;
  for (const Part& part : parts) {
    if (!out.empty()) out += '.';
    out += part.word_like ? part.name : double_quoted(part.name);
  }
  return out;
}

}  // namespace

std::string Parser::type_name() {
  const auto word_like = [this](std::size_t ahead) {
    const Token& token = peek(ahead);
    return token.kind == TokenKind::Word ||
           (token.kind == TokenKind::QuotedIdent && is_plain_name(token.text) && !is_keyword(token.text));
  };
  if (!is_name() || (peek().kind == TokenKind::Word && is_reserved_keyword(peek().text))) fail();

  std::string base;  // a built-in type spelled with keywords
  const std::string first = peek().text;
  if (word_like(0)) {
    if (first == "double" && word("precision", 1)) {
      base = "double precision";
      pos_ += 2;
    } else if (first == "national" && (word("character", 1) || word("char", 1))) {
      base = "char";
      pos_ += 2;
    } else if (first == "character" || first == "char" || first == "nchar" || first == "bit" || first == "time" ||
               first == "timestamp" || first == "interval") {
      base = first == "bit" || first == "time" || first == "timestamp" || first == "interval" ? first : "char";
      ++pos_;
    }
    if ((base == "char" || base == "bit") && word("varying")) {
      base = base == "char" ? "varchar" : "varbit";
      ++pos_;
    }
  }
  std::vector<Part> parts;
  if (base.empty()) {
    for (;;) {
      parts.push_back(Part{peek().text, word_like(0)});
      ++pos_;
      if (!punct(".") || !is_name(1)) break;
      ++pos_;
    }
  }

  std::vector<std::string> modifiers;
  if (punct("(")) {
    ++pos_;
    for (;;) {
      const Token& token = peek();
      const bool negative = token.kind == TokenKind::Operator && token.text == "-" && peek(1).kind == TokenKind::Number;
      if (negative) {
        modifiers.push_back("-" + peek(1).text);
        ++pos_;
      } else if (token.kind == TokenKind::Number || token.kind == TokenKind::Word) {
        modifiers.push_back(token.text);
      } else if (token.kind == TokenKind::String) {
        modifiers.push_back(quote_string(token.text));
      } else {
        fail();
      }
      ++pos_;
      if (punct(")")) break;
      expect_punct(",");
    }
    ++pos_;
  }

  std::string fields;  // interval day to second(3)
  if (base == "interval") {
    while (peek().kind == TokenKind::Word) {
      bool field = false;
      for (const std::string_view f : kIntervalFields) field = field || peek().text == f;
      if (!field) break;
      fields += (fields.empty() ? "" : " ") + peek().text;
      ++pos_;
    }
    if (fields.ends_with("second") && punct("(") && peek(1).kind == TokenKind::Number && punct(")", 2)) {
      fields += "(" + peek(1).text + ")";
      pos_ += 3;
    }
  }
  if ((base == "time" || base == "timestamp") && (word("with") || word("without")) && word("time", 1) &&
      word("zone", 2)) {
    if (word("with")) base += "tz";
    pos_ += 3;
  }

  int dims = 0;
  while (punct("[") || (dims == 0 && word("array"))) {
    if (word("array")) ++pos_;
    if (punct("[")) {
      ++pos_;
      if (peek().kind == TokenKind::Number) ++pos_;
      expect_punct("]");
    }
    ++dims;
  }

  std::string out = base.empty() ? qualified_name(std::move(parts), modifiers) : base;
  if (!modifiers.empty()) {
    out += '(';
    for (std::size_t i = 0; i < modifiers.size(); ++i) out += (i > 0 ? "," : "") + modifiers[i];
    out += ')';
  }
  if (!fields.empty()) out += " " + fields;
  for (int i = 0; i < dims; ++i) out += "[]";
  return out;
}

}  // namespace strata::expr
