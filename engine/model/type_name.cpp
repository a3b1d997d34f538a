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

namespace {

// Reads one type name from its tokens; a problem is thrown as what was expected instead.
class TypeParser {
 public:
  struct Expected {
    std::string what;
  };

  TypeParser(const std::vector<Token>& tokens, IntWidth int_width) : tokens_(tokens), int_width_(int_width) {}

  TypeName parse() {
    if (tokens_.empty()) throw Expected{"a type name"};
    if (tokens_[0].kind == TokenKind::Word) builtin_or_bare_name();
    if (!type_.builtin) qualified_name();
    array_suffixes();
    return type_;
  }

 private:
  bool word_here() const {
    return i_ < tokens_.size() && tokens_[i_].kind == TokenKind::Word && tokens_[i_].text != "array";
  }
  bool name_here() const {
    return i_ < tokens_.size() && (tokens_[i_].kind == TokenKind::Word || tokens_[i_].kind == TokenKind::Quoted);
  }

  // (n [, n]): the numbers in the type's parentheses.
  void modifiers() {
    ++i_;  // '('
    for (;;) {
      if (i_ >= tokens_.size() || tokens_[i_].kind != TokenKind::Number) {
        throw Expected{"a number in the type's parentheses"};
      }
      std::int64_t value = 0;
      const auto& digits = tokens_[i_].text;
      const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value);
      if (result.ec != std::errc() || value > 1'000'000'000) throw Expected{"a type modifier below 1000000000"};
      type_.modifiers.push_back(value);
      ++i_;
      if (is_symbol(tokens_, i_, ',')) {
        ++i_;
      } else if (is_symbol(tokens_, i_, ')')) {
        ++i_;
        modifiers_read_ = true;
        return;
      } else {
        throw Expected{"',' or ')' after a type modifier"};
      }
    }
  }

  // Built-in: words, optional (modifiers), optional further words (WITH TIME ZONE); or the bare
  // name of a user-defined type.
  void builtin_or_bare_name() {
    std::vector<std::string> words;
    while (word_here()) words.push_back(tokens_[i_++].text);
    if (is_symbol(tokens_, i_, '(')) modifiers();
    while (word_here()) words.push_back(tokens_[i_++].text);
    std::string spelling;
    for (const auto& word : words) spelling += (spelling.empty() ? "" : " ") + word;
    if (builtin(spelling)) return;
    if (words.size() != 1 || modifiers_read_) {
      throw Expected{words.size() == 1 ? fmt::format("a known type, not {}", spelling)
                                       : fmt::format("a known type, not '{}'", spelling)};
    }
    // An unqualified user-defined type (an enum, say): resolved later against the schema.
    type_.schema = "public";
    type_.name = words[0];
  }

  // The built-in type `spelling` names, with its modifiers checked; false when it names none.
  bool builtin(const std::string& spelling) {
    if (spelling == "int" || spelling == "integer" || spelling == "int4") {
      if (!type_.modifiers.empty()) throw Expected{"no parentheses after an integer type"};
      type_.name = spelling == "int4" || int_width_ == IntWidth::Four ? "integer"
                   : int_width_ == IntWidth::Eight                    ? "bigint"
                                                                      : "int";
    } else if (spelling == "float") {
      if (type_.modifiers.size() > 1) return false;
      const auto bits = type_.modifiers.empty() ? 53 : type_.modifiers[0];
      if (bits < 1 || bits > 53) throw Expected{"a float precision between 1 and 53"};
      type_.name = bits <= 24 ? "real" : "double precision";
      type_.modifiers.clear();
    } else if (const Alias* alias = find_alias(spelling)) {
      type_.name = std::string(alias->canonical);
      check_modifiers(*alias);
    } else {
      return false;
    }
    type_.builtin = true;
    return true;
  }

  void check_modifiers(const Alias& alias) {
    if (static_cast<int>(type_.modifiers.size()) > alias.max_modifiers) {
      throw Expected{alias.max_modifiers == 0 ? fmt::format("no parentheses after {}", alias.canonical)
                                              : fmt::format("at most {} number(s) in parentheses after {}",
                                                            alias.max_modifiers, alias.canonical)};
    }
    if (type_.name == "char" && type_.modifiers.empty()) type_.modifiers.push_back(1);
    const bool zero_allowed = type_.name == "numeric" || type_.name.starts_with("time") || type_.name == "interval";
    for (auto m : type_.modifiers) {
      if (m < (zero_allowed ? 0 : 1)) throw Expected{fmt::format("a positive length for {}", type_.name)};
    }
  }

  // A user-defined type: [database.]schema.name, quoted or not (continuing a bare name read as a
  // word already, or from the start when it began with a quoted name).
  void qualified_name() {
    std::vector<std::string> parts;
    if (!type_.name.empty()) {
      if (!is_symbol(tokens_, i_, '.')) return;
      parts.push_back(type_.name);
      ++i_;
    }
    for (;;) {
      if (!name_here()) throw Expected{parts.empty() ? "a type name" : "a name after '.'"};
      parts.push_back(tokens_[i_++].text);
      if (!is_symbol(tokens_, i_, '.')) break;
      ++i_;
    }
    if (parts.size() > 3) throw Expected{"at most database.schema.type"};
    type_.name = parts.back();
    type_.schema = parts.size() >= 2 ? parts[parts.size() - 2] : "public";
  }

  // [] or [n], repeated, or the word ARRAY. PostgreSQL keeps one array level in the catalog
  // whatever was declared.
  void array_suffixes() {
    while (i_ < tokens_.size()) {
      if (is_symbol(tokens_, i_, '[')) {
        ++i_;
        if (i_ < tokens_.size() && tokens_[i_].kind == TokenKind::Number) ++i_;
        if (!is_symbol(tokens_, i_, ']')) throw Expected{"']' after '['"};
        ++i_;
        ++type_.array_dims;
      } else if (tokens_[i_].kind == TokenKind::Word && tokens_[i_].text == "array" && type_.array_dims == 0) {
        ++i_;
        ++type_.array_dims;
      } else {
        throw Expected{fmt::format("the end of the type, not '{}'", tokens_[i_].text)};
      }
    }
    if (type_.array_dims > 6) throw Expected{"at most 6 array dimensions"};
    if (type_.array_dims > 1) type_.array_dims = 1;
  }

  const std::vector<Token>& tokens_;
  IntWidth int_width_;
  TypeName type_;
  std::size_t i_ = 0;
  bool modifiers_read_ = false;
};

}  // namespace

std::optional<TypeName> parse_type_name(std::string_view text, IntWidth int_width, std::string* error) {
  std::string scratch;
  if (error == nullptr) error = &scratch;
  std::vector<Token> tokens;
  if (!tokenize(text, tokens, error)) return std::nullopt;
  try {
    return TypeParser(tokens, int_width).parse();
  } catch (const TypeParser::Expected& expected) {
    *error = expected.what;
    return std::nullopt;
  }
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
