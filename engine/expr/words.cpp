#include "engine/expr/words.hpp"

#include <string_view>
#include <unordered_set>

namespace strata::expr {

namespace {

using WordSet = std::unordered_set<std::string_view>;

// The words of `list`, separated by single spaces; the views point into the literal.
WordSet words_of(std::string_view list) {
  WordSet words;
  while (!list.empty()) {
    const std::size_t space = list.find(' ');
    words.insert(list.substr(0, space));
    list.remove_prefix(space == std::string_view::npos ? list.size() : space + 1);
  }
  return words;
}

// PostgreSQL 16 RESERVED keywords, plus the TYPE_FUNC_NAME keywords that act as operators.
const WordSet& reserved_words() {
  static const WordSet words = words_of(
      "all analyse analyze and any array as asc asymmetric both case cast check collate column constraint create "
      "current_catalog current_date current_role current_time current_timestamp current_user default deferrable "
      "desc distinct do else end except false fetch for foreign from grant group having in initially intersect "
      "into lateral leading limit localtime localtimestamp not null offset on only or order placing primary "
      "references returning select session_user some symmetric system_user table then to trailing true union "
      "unique user using variadic when where window with "
      "ilike is isnull like notnull similar");
  return words;
}

// The remaining TYPE_FUNC_NAME and COL_NAME keywords: quoted as names, though some may stand bare.
const WordSet& other_keywords() {
  static const WordSet words = words_of(
      "authorization binary collation concurrently cross current_schema freeze full inner join left natural "
      "outer overlaps right tablesample verbose "
      "between bigint bit boolean char character coalesce dec decimal exists extract float greatest grouping "
      "inout int integer interval json json_array json_arrayagg json_exists json_object json_objectagg "
      "json_query json_scalar json_serialize json_table json_value least merge_action national nchar none "
      "normalize nullif numeric out overlay position precision real row setof smallint substring time timestamp "
      "treat trim values varchar xmlattributes xmlconcat xmlelement xmlexists xmlforest xmlnamespaces xmlparse "
      "xmlpi xmlroot xmlserialize xmltable");
  return words;
}

const WordSet& upper_words() {
  static const WordSet words = words_of(
      "all and any array as asc asymmetric at between both by case cast check coalesce collate constraint "
      "current_catalog current_date current_role current_schema current_time current_timestamp current_user "
      "default desc distinct else end escape except exists extract false filter for from greatest group having "
      "ilike in intersect is isnull key leading least like limit local localtime localtimestamp not notnull null "
      "nullif nulls offset on operator or order over overlay partition placing position primary references row "
      "select session_user similar some substring symmetric system_user table then time to trailing trim true "
      "union unique unknown user using values when where window with within without zone");
  return words;
}

const WordSet& call_words() {
  static const WordSet words = words_of(
      "array cast coalesce current_catalog current_date current_role current_schema current_time "
      "current_timestamp current_user extract greatest least localtime localtimestamp nullif overlay position row "
      "session_user substring system_user time trim user");
  return words;
}

const WordSet& value_words() {
  static const WordSet words = words_of(
      "current_catalog current_date current_role current_schema current_time current_timestamp current_user end "
      "false localtime localtimestamp null session_user system_user true unknown user");
  return words;
}

// Unreserved words the parser looks for in some position (AT TIME ZONE, LIKE … ESCAPE, IS UNKNOWN,
// type names, interval fields): a quoted one stays quoted in the token form.
const WordSet& context_words() {
  static const WordSet words =
      words_of("at day double escape hour local minute month second unknown varying without year zone");
  return words;
}

}  // namespace

bool is_reserved_keyword(std::string_view word) {
  return reserved_words().count(word) != 0;
}

bool is_keyword(std::string_view word) {
  return reserved_words().count(word) != 0 || other_keywords().count(word) != 0;
}

bool is_plain_name(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    const bool ok = (c >= 'a' && c <= 'z') || c == '_' || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

std::string quote_name(std::string_view name) {
  return is_plain_name(name) && !is_keyword(name) ? std::string(name) : double_quoted(name);
}

std::string double_quoted(std::string_view name) {
  std::string out = "\"";
  for (const char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string quote_string(std::string_view value) {
  std::string out = "'";
  for (const char c : value) {
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '\'';
  return out;
}

std::string upper_case(std::string_view word) {
  std::string out(word);
  for (char& c : out) c = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
  return out;
}

bool is_upper_word(std::string_view word) {
  return upper_words().count(word) != 0;
}

bool is_call_word(std::string_view word) {
  return call_words().count(word) != 0;
}

bool is_value_word(std::string_view word) {
  return value_words().count(word) != 0;
}

bool is_bare_in_token_form(std::string_view name) {
  return is_plain_name(name) && !is_keyword(name) && !is_upper_word(name) && context_words().count(name) == 0;
}

}  // namespace strata::expr
