// Type names in casts: PostgreSQL's and CockroachDB's spellings, folded to one canonical form;
// and date/time literals in the form the server prints them.
#include <charconv>
#include <chrono>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "engine/expr/parser.hpp"
#include "engine/expr/rewrite.hpp"
#include "engine/expr/words.hpp"
#include "engine/model/type_name.hpp"

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

// Reads `count` digits at `at` into `value`.
bool digits(std::string_view text, std::size_t& at, std::size_t count, int& value) {
  if (at + count > text.size()) return false;
  value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    const char c = text[at + i];
    if (c < '0' || c > '9') return false;
    value = value * 10 + (c - '0');
  }
  at += count;
  return true;
}

bool skip(std::string_view text, std::size_t& at, char c) {
  if (at >= text.size() || text[at] != c) return false;
  ++at;
  return true;
}

// HH:MM[:SS[.fraction]] at `at`: the time of day in microseconds.
bool time_of_day(std::string_view text, std::size_t& at, std::int64_t& micros) {
  int hour = 0, minute = 0, second = 0;
  if (!digits(text, at, 2, hour) || !skip(text, at, ':') || !digits(text, at, 2, minute)) return false;
  std::int64_t fraction = 0;
  if (skip(text, at, ':')) {
    if (!digits(text, at, 2, second)) return false;
    if (skip(text, at, '.')) {
      int places = 0;
      for (; at < text.size() && text[at] >= '0' && text[at] <= '9'; ++at, ++places) {
        if (places >= 6) return false;  // the server rounds past microseconds
        fraction = fraction * 10 + (text[at] - '0');
      }
      if (places == 0) return false;
      for (; places < 6; ++places) fraction *= 10;
    }
  }
  if (hour > 23 || minute > 59 || second > 59) return false;
  micros = ((hour * 60 + minute) * 60 + second) * std::int64_t{1000000} + fraction;
  return true;
}

std::string time_text(std::int64_t micros) {
  std::string out =
      fmt::format("{:02}:{:02}:{:02}", micros / 3600000000, micros / 60000000 % 60, micros / 1000000 % 60);
  if (const std::int64_t fraction = micros % 1000000; fraction != 0) {
    std::string digits = fmt::format("{:06}", fraction);
    while (digits.back() == '0') digits.pop_back();
    out += "." + digits;
  }
  return out;
}

}  // namespace

std::optional<std::string> datetime_literal(std::string_view text, std::string_view type) {
  using namespace std::chrono;
  std::size_t at = 0;
  std::int64_t micros = 0;
  if (type == "time") {
    if (!time_of_day(text, at, micros) || at != text.size()) return std::nullopt;
    return time_text(micros);
  }
  if (type != "date" && type != "timestamp" && type != "timestamptz") return std::nullopt;
  int y = 0, m = 0, d = 0;
  // Month and day may have one digit ('2020-1-2').
  auto one_or_two = [&](int& value) { return digits(text, at, 2, value) || digits(text, at, 1, value); };
  if (!digits(text, at, 4, y) || !skip(text, at, '-') || !one_or_two(m) || !skip(text, at, '-') || !one_or_two(d)) {
    return std::nullopt;
  }
  const year_month_day day{year{y}, month{static_cast<unsigned>(m)}, std::chrono::day{static_cast<unsigned>(d)}};
  if (!day.ok()) return std::nullopt;
  if (at < text.size() && (text[at] == ' ' || text[at] == 'T')) {
    ++at;
    if (!time_of_day(text, at, micros)) return std::nullopt;
  }
  std::int64_t offset = 0;  // seconds east of UTC
  if (skip(text, at, 'Z')) {
  } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
    const int sign = text[at++] == '-' ? -1 : 1;
    int hours = 0, minutes = 0;
    if (!digits(text, at, 2, hours)) return std::nullopt;
    if (skip(text, at, ':') && !digits(text, at, 2, minutes)) return std::nullopt;
    offset = std::int64_t{sign} * (std::int64_t{hours} * 3600 + std::int64_t{minutes} * 60);
  }
  if (at != text.size()) return std::nullopt;
  if (type == "date") return fmt::format("{:04}-{:02}-{:02}", y, m, d);
  if (type == "timestamp") return fmt::format("{:04}-{:02}-{:02} {}", y, m, d, time_text(micros));
  // timestamptz: the instant, printed in UTC (a text without an offset is read as UTC).
  const auto instant = sys_days{day} + microseconds{micros} - seconds{offset};
  const auto midnight = floor<days>(instant);
  const year_month_day utc{midnight};
  if (utc.year() < year{1} || utc.year() > year{9999}) return std::nullopt;
  return fmt::format("{:04}-{:02}-{:02} {}+00", static_cast<int>(utc.year()), static_cast<unsigned>(utc.month()),
                     static_cast<unsigned>(utc.day()),
                     time_text(duration_cast<microseconds>(instant - midnight).count()));
}

bool Parser::type_word_like(std::size_t ahead) const {
  const Token& token = peek(ahead);
  return token.kind == TokenKind::Word ||
         (token.kind == TokenKind::QuotedIdent && is_plain_name(token.text) && !is_keyword(token.text));
}

std::string Parser::type_keyword_base() {
  if (!type_word_like(0)) return {};
  std::string base;
  const std::string first = peek().text;
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
  return base;
}

std::vector<std::string> Parser::type_modifiers() {
  std::vector<std::string> modifiers;
  if (!punct("(")) return modifiers;
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
  return modifiers;
}

std::string Parser::interval_fields() {
  std::string fields;
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
  return fields;
}

int Parser::array_dimensions() {
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
  return dims;
}

std::string Parser::type_name() {
  if (!is_name() || (peek().kind == TokenKind::Word && is_reserved_keyword(peek().text))) fail();
  std::string base = type_keyword_base();  // a built-in type spelled with keywords
  std::vector<Part> parts;
  if (base.empty()) {
    for (;;) {
      parts.push_back(Part{peek().text, type_word_like(0)});
      ++pos_;
      if (!punct(".") || !is_name(1)) break;
      ++pos_;
    }
  }
  std::vector<std::string> modifiers = type_modifiers();  // qualified_name may drop them (STRING(n)…)
  const std::string fields = base == "interval" ? interval_fields() : "";
  if ((base == "time" || base == "timestamp") && (word("with") || word("without")) && word("time", 1) &&
      word("zone", 2)) {
    if (word("with")) base += "tz";
    pos_ += 3;
  }
  const int dims = array_dimensions();

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
