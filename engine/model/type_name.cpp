#include "engine/model/type_name.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

#include <fmt/format.h>

#include "engine/model/quote.hpp"
#include "engine/sql/scanner.hpp"

namespace strata {

namespace {

struct Alias {
  std::string_view spelling;
  std::string_view canonical;
  int max_modifiers;
};

// Every spelling of a built-in type, as PostgreSQL's format_type and CockroachDB's SHOW CREATE
// print them or as people write them. `int`/`integer` are handled apart (IntWidth).
constexpr Alias kAliases[] = {
    {"smallint", "smallint", 0},
    {"int2", "smallint", 0},
    {"int4", "integer", 0},
    {"bigint", "bigint", 0},
    {"int8", "bigint", 0},
    {"int64", "bigint", 0},
    {"real", "real", 0},
    {"float4", "real", 0},
    {"double precision", "double precision", 0},
    {"float8", "double precision", 0},
    {"numeric", "numeric", 2},
    {"decimal", "numeric", 2},
    {"dec", "numeric", 2},
    {"text", "text", 0},
    {"string", "text", 0},
    {"varchar", "varchar", 1},
    {"character varying", "varchar", 1},
    {"char", "char", 1},
    {"character", "char", 1},
    {"bpchar", "char", 1},
    {"boolean", "boolean", 0},
    {"bool", "boolean", 0},
    {"bytea", "bytea", 0},
    {"bytes", "bytea", 0},
    {"date", "date", 0},
    {"time", "time", 1},
    {"time without time zone", "time", 1},
    {"timetz", "timetz", 1},
    {"time with time zone", "timetz", 1},
    {"timestamp", "timestamp", 1},
    {"timestamp without time zone", "timestamp", 1},
    {"timestamptz", "timestamptz", 1},
    {"timestamp with time zone", "timestamptz", 1},
    {"interval", "interval", 1},
    {"uuid", "uuid", 0},
    {"json", "json", 0},
    {"jsonb", "jsonb", 0},
    {"inet", "inet", 0},
    {"cidr", "cidr", 0},
    {"macaddr", "macaddr", 0},
    {"macaddr8", "macaddr8", 0},
    {"bit", "bit", 1},
    {"varbit", "varbit", 1},
    {"bit varying", "varbit", 1},
    {"tsvector", "tsvector", 0},
    {"tsquery", "tsquery", 0},
    {"xml", "xml", 0},
    {"money", "money", 0},
    {"oid", "oid", 0},
    {"regclass", "regclass", 0},
    {"name", "name", 0},
    {"point", "point", 0},
    {"line", "line", 0},
    {"lseg", "lseg", 0},
    {"box", "box", 0},
    {"path", "path", 0},
    {"polygon", "polygon", 0},
    {"circle", "circle", 0},
    {"int4range", "int4range", 0},
    {"int8range", "int8range", 0},
    {"numrange", "numrange", 0},
    {"tsrange", "tsrange", 0},
    {"tstzrange", "tstzrange", 0},
    {"daterange", "daterange", 0},
    {"geometry", "geometry", 0},
    {"geography", "geography", 0},
    {"vector", "vector", 1},
    {"citext", "citext", 0},
};

enum class TokenKind { Word, Quoted, Number, Symbol };

struct Token {
  TokenKind kind;
  std::string text;
};

bool is_type_symbol(const sql::Token& token) {
  return token.kind == sql::TokenKind::Punct && token.text.size() == 1 &&
         std::string_view("(),.[]").find(token.text[0]) != std::string_view::npos;
}

bool is_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// The tokens of a type name, from the one scanner: words, quoted names, digits and ( ) , . [ ].
bool tokenize(std::string_view text, std::vector<Token>& tokens, std::string* error) {
  for (auto& token : sql::scan(text)) {
    if (token.kind == sql::TokenKind::Word) {
      tokens.push_back({TokenKind::Word, std::move(token.text)});
    } else if (token.kind == sql::TokenKind::QuotedIdent) {
      if (token.text.empty()) {
        *error = "a non-empty quoted name";
        return false;
      }
      tokens.push_back({TokenKind::Quoted, std::move(token.text)});
    } else if (token.kind == sql::TokenKind::Number && is_digits(token.text)) {
      tokens.push_back({TokenKind::Number, std::move(token.text)});
    } else if (is_type_symbol(token)) {
      tokens.push_back({TokenKind::Symbol, std::move(token.text)});
    } else if (token.kind == sql::TokenKind::Unterminated && token.prefix == "\"") {
      *error = "a closing double quote";
      return false;
    } else {
      *error = fmt::format("a type name, not the character '{}'", text[token.begin]);
      return false;
    }
  }
  return true;
}

const Alias* find_alias(std::string_view spelling) {
  for (const Alias& alias : kAliases) {
    if (alias.spelling == spelling) return &alias;
  }
  return nullptr;
}

bool is_symbol(const std::vector<Token>& tokens, std::size_t i, char symbol) {
  return i < tokens.size() && tokens[i].kind == TokenKind::Symbol && tokens[i].text[0] == symbol;
}

}  // namespace

std::optional<std::string> builtin_type(std::string_view spelling, IntWidth int_width) {
  if (spelling == "int" || spelling == "integer") {
    return int_width == IntWidth::Four ? "integer" : int_width == IntWidth::Eight ? "bigint" : "int";
  }
  if (spelling == "float") return "double precision";
  if (const Alias* alias = find_alias(spelling)) return std::string(alias->canonical);
  return std::nullopt;
}

std::string canonical_model_type(std::string_view text, IntWidth int_width) {
  const bool undecided = text == "int" || text.starts_with("int[");
  auto type = parse_type_name(text, undecided ? int_width : IntWidth::Four, nullptr);
  return type ? to_string(*type) : std::string(text);
}

bool is_serial_type(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char ch) { return std::tolower(ch); });
  return lower == "serial" || lower == "bigserial" || lower == "smallserial" || lower == "serial2" ||
         lower == "serial4" || lower == "serial8";
}

std::optional<TypeName> parse_type_name(std::string_view text, IntWidth int_width, std::string* error) {
  std::string scratch;
  if (error == nullptr) error = &scratch;
  std::vector<Token> tokens;
  if (!tokenize(text, tokens, error)) return std::nullopt;
  if (tokens.empty()) {
    *error = "a type name";
    return std::nullopt;
  }
  TypeName type;
  std::size_t i = 0;
  std::vector<std::string> words;
  bool modifiers_read = false;
  auto read_modifiers = [&]() -> bool {
    ++i;  // '('
    for (;;) {
      if (i >= tokens.size() || tokens[i].kind != TokenKind::Number) {
        *error = "a number in the type's parentheses";
        return false;
      }
      std::int64_t value = 0;
      const auto& digits = tokens[i].text;
      const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (result.ec != std::errc() || value > 1'000'000'000) {
        *error = "a type modifier below 1000000000";
        return false;
      }
      type.modifiers.push_back(value);
      ++i;
      if (is_symbol(tokens, i, ',')) {
        ++i;
        continue;
      }
      if (is_symbol(tokens, i, ')')) {
        ++i;
        modifiers_read = true;
        return true;
      }
      *error = "',' or ')' after a type modifier";
      return false;
    }
  };

  if (tokens[0].kind == TokenKind::Word) {
    // Built-in: words, optional (modifiers), optional further words (WITH TIME ZONE).
    while (i < tokens.size() && tokens[i].kind == TokenKind::Word && tokens[i].text != "array") {
      words.push_back(tokens[i++].text);
    }
    if (is_symbol(tokens, i, '(') && !read_modifiers()) return std::nullopt;
    while (i < tokens.size() && tokens[i].kind == TokenKind::Word && tokens[i].text != "array") {
      words.push_back(tokens[i++].text);
    }
    std::string spelling;
    for (const auto& word : words) spelling += (spelling.empty() ? "" : " ") + word;
    const Alias* alias = find_alias(spelling);
    if (spelling == "int" || spelling == "integer" || spelling == "int4") {
      type.builtin = true;
      type.name = spelling == "int4" || int_width == IntWidth::Four ? "integer"
                  : int_width == IntWidth::Eight                    ? "bigint"
                                                                    : "int";
      if (!type.modifiers.empty()) {
        *error = "no parentheses after an integer type";
        return std::nullopt;
      }
    } else if (spelling == "float" && type.modifiers.size() == 1) {
      const auto bits = type.modifiers[0];
      if (bits < 1 || bits > 53) {
        *error = "a float precision between 1 and 53";
        return std::nullopt;
      }
      type.builtin = true;
      type.name = bits <= 24 ? "real" : "double precision";
      type.modifiers.clear();
    } else if (spelling == "float" && type.modifiers.empty()) {
      type.builtin = true;
      type.name = "double precision";
    } else if (alias != nullptr) {
      type.builtin = true;
      type.name = std::string(alias->canonical);
      if (static_cast<int>(type.modifiers.size()) > alias->max_modifiers) {
        *error = alias->max_modifiers == 0 ? fmt::format("no parentheses after {}", alias->canonical)
                                           : fmt::format("at most {} number(s) in parentheses after {}",
                                                         alias->max_modifiers, alias->canonical);
        return std::nullopt;
      }
      if (type.name == "char" && type.modifiers.empty()) type.modifiers.push_back(1);
      for (auto m : type.modifiers) {
        if (m < (type.name == "numeric" || type.name.starts_with("time") || type.name == "interval" ? 0 : 1)) {
          *error = fmt::format("a positive length for {}", type.name);
          return std::nullopt;
        }
      }
    } else if (words.size() == 1 && !modifiers_read) {
      // An unqualified user-defined type (an enum, say): resolved later against the schema.
      type.schema = "public";
      type.name = words[0];
    } else if (!words.empty() && words.size() == 1) {
      *error = fmt::format("a known type, not {}", spelling);
      return std::nullopt;
    } else {
      *error = fmt::format("a known type, not '{}'", spelling);
      return std::nullopt;
    }
  }
  if (!type.builtin && type.name.empty()) {
    // A user-defined type: [database.]schema.name parts, quoted or not.
    std::vector<std::string> parts;
    for (;;) {
      if (i >= tokens.size() || (tokens[i].kind != TokenKind::Word && tokens[i].kind != TokenKind::Quoted)) {
        *error = "a type name";
        return std::nullopt;
      }
      parts.push_back(tokens[i++].text);
      if (!is_symbol(tokens, i, '.')) break;
      ++i;
    }
    if (parts.size() > 3) {
      *error = "at most database.schema.type";
      return std::nullopt;
    }
    type.name = parts.back();
    type.schema = parts.size() >= 2 ? parts[parts.size() - 2] : "public";
  } else if (!type.builtin) {
    // Unqualified user type read above; a qualified one continues with '.'.
    if (is_symbol(tokens, i, '.')) {
      std::vector<std::string> parts{type.name};
      while (is_symbol(tokens, i, '.')) {
        ++i;
        if (i >= tokens.size() || (tokens[i].kind != TokenKind::Word && tokens[i].kind != TokenKind::Quoted)) {
          *error = "a name after '.'";
          return std::nullopt;
        }
        parts.push_back(tokens[i++].text);
      }
      if (parts.size() > 3) {
        *error = "at most database.schema.type";
        return std::nullopt;
      }
      type.name = parts.back();
      type.schema = parts[parts.size() - 2];
    }
  }
  // Array suffixes: [] or [n], repeated, or the word ARRAY.
  while (i < tokens.size()) {
    if (is_symbol(tokens, i, '[')) {
      ++i;
      if (i < tokens.size() && tokens[i].kind == TokenKind::Number) ++i;
      if (!is_symbol(tokens, i, ']')) {
        *error = "']' after '['";
        return std::nullopt;
      }
      ++i;
      ++type.array_dims;
    } else if (tokens[i].kind == TokenKind::Word && tokens[i].text == "array" && type.array_dims == 0) {
      ++i;
      ++type.array_dims;
    } else {
      *error = fmt::format("the end of the type, not '{}'", tokens[i].text);
      return std::nullopt;
    }
  }
  if (type.array_dims > 6) {
    *error = "at most 6 array dimensions";
    return std::nullopt;
  }
  // PostgreSQL keeps one array level in the catalog whatever was declared.
  if (type.array_dims > 1) type.array_dims = 1;
  return type;
}

std::string to_string(const TypeName& type) {
  std::string out;
  if (type.builtin) {
    out = type.name;
  } else {
    out = type.schema.empty() || type.schema == "public" ? quote_ident(type.name)
                                                         : quote_qualified(type.schema, type.name);
  }
  if (!type.modifiers.empty()) out += fmt::format("({})", fmt::join(type.modifiers, ","));
  for (int d = 0; d < type.array_dims; ++d) out += "[]";
  return out;
}

std::string canonical_type(std::string_view text, IntWidth int_width) {
  std::string error;
  const auto type = parse_type_name(text, int_width, &error);
  return type ? to_string(*type) : std::string(text);
}

}  // namespace strata
