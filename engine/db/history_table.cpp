#include "engine/db/history_table.hpp"

#include <fmt/format.h>

#include "engine/model/quote.hpp"
#include "strata/errors.hpp"

namespace strata {

namespace {

constexpr std::size_t kMaxIdentifier = 63;  // PostgreSQL's NAMEDATALEN - 1

bool valid_part(std::string_view part) {
  if (part.empty() || part.size() > kMaxIdentifier) return false;
  if (!((part[0] >= 'a' && part[0] <= 'z') || part[0] == '_')) return false;
  for (const char c : part) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) return false;
  }
  return !is_reserved_word(part);
}

}  // namespace

std::string HistoryTableName::sql() const {
  return quote_qualified(schema, name);
}

std::string HistoryTableName::display() const {
  return schema.empty() ? name : schema + "." + name;
}

bool HistoryTableName::names(const QualifiedName& table) const {
  return table.name == name && (schema.empty() || table.schema == schema);
}

std::optional<std::string> history_table_problem(std::string_view text) {
  const std::size_t dot = text.find('.');
  const std::string_view schema = dot == std::string_view::npos ? std::string_view() : text.substr(0, dot);
  const std::string_view name = dot == std::string_view::npos ? text : text.substr(dot + 1);
  if ((dot != std::string_view::npos && !valid_part(schema)) || !valid_part(name)) {
    return fmt::format(
        "'{}' cannot name the history table: expected a table name, optionally schema-qualified (ops.schema_history), "
        "of lower-case letters, digits, '_' and '$', starting with a letter or '_', at most {} bytes a part, and not "
        "an SQL keyword",
        text, kMaxIdentifier);
  }
  return std::nullopt;
}

HistoryTableName parse_history_table(std::string_view text) {
  if (auto problem = history_table_problem(text)) throw UsageError(*problem);
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) return {"", std::string(text)};
  return {std::string(text.substr(0, dot)), std::string(text.substr(dot + 1))};
}

}  // namespace strata
