#include "dialects/cockroachdb/ddl/context.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/expression.hpp"
#include "engine/model/quote.hpp"

namespace strata::cockroachdb {

namespace {

bool is_system_schema(const std::string& name) {
  return name == "public" || name == "pg_catalog" || name == "information_schema" || name == "crdb_internal" ||
         name == "pg_extension";
}

}  // namespace

std::string display(const QualifiedName& name) {
  return quote_qualified(name.schema, name.name);
}

Context::Context(Schema& schema, const ParseOptions& options)
    : schema_(schema), options_(options), database_(options.database) {
  if (database_.empty()) database_ = schema.database.name;
  if (!schema.database.name.empty()) databases_[schema.database.name] = schema.database;
  if (!database_.empty() && databases_.count(database_) == 0) {
    Database current = schema.database;  // settings read before the name was known
    current.name = database_;
    databases_[database_] = current;
  }
}

void Context::note(NoteKind kind, std::string message) {
  if (options_.notes != nullptr) options_.notes->push_back(ParseNote{kind, std::move(message)});
}

bool Context::is_known_schema(const std::string& name) const {
  return is_system_schema(name) ||
         std::find(schema_.schemas.begin(), schema_.schemas.end(), name) != schema_.schemas.end();
}

void Context::add_schema(const std::string& name) {
  if (is_system_schema(name) || is_known_schema(name)) return;
  schema_.schemas.insert(std::upper_bound(schema_.schemas.begin(), schema_.schemas.end(), name), name);
}

QualifiedName Context::resolve(const std::vector<std::string>& parts) {
  auto foreign = [&](const std::string& database) {
    if (!database_.empty() && database != database_) {
      note(NoteKind::CrossDatabase,
           fmt::format("{} is in database {}: read as {}", fmt::join(parts, "."), database,
                       fmt::join(std::vector<std::string>(parts.end() - 2, parts.end()), ".")));
    }
  };
  if (parts.size() == 1) return QualifiedName{"public", parts[0]};
  if (parts.size() == 3) {
    foreign(parts[0]);
    return QualifiedName{parts[1], parts[2]};
  }
  const std::string& first = parts[0];
  const bool other_database = databases_.count(first) > 0 ||
                              std::find(options_.other_databases.begin(), options_.other_databases.end(), first) !=
                                  options_.other_databases.end();
  if (!is_known_schema(first) && (first == database_ || other_database)) {
    if (first != database_)
      note(NoteKind::CrossDatabase,
           fmt::format("{}.{} is in database {}: read as public.{}", first, parts[1], first, parts[1]));
    return QualifiedName{"public", parts[1]};
  }
  return QualifiedName{first, parts[1]};
}

Table* Context::find_table(const QualifiedName& name) {
  for (auto& table : schema_.tables) {
    if (table.name == name) return &table;
  }
  return nullptr;
}

Table& Context::require_table(const QualifiedName& name, const Cursor& cursor) {
  Table* table = find_table(name);
  if (table == nullptr) cursor.fail_statement(fmt::format("table {} does not exist", display(name)));
  return *table;
}

Database* Context::find_database(const std::string& name) {
  const auto it = databases_.find(name);
  return it == databases_.end() ? nullptr : &it->second;
}

Database& Context::add_database(const std::string& name) {
  Database& database = databases_[name];
  database.name = name;
  return database;
}

void Context::use_database(const std::string& name) {
  database_ = name;
  if (databases_.count(name) == 0) add_database(name);
}

void Context::sync_database() {
  if (const Database* current = find_database(database_)) schema_.database = *current;
}

// ---- names

bool name_taken(const Table& table, std::string_view name) {
  if (table.primary_key && table.primary_key->name == name) return true;
  auto named = [&](const auto& items) {
    return std::any_of(items.begin(), items.end(), [&](const auto& item) { return item.name == name; });
  };
  return named(table.indexes) || named(table.uniques) || named(table.foreign_keys) || named(table.checks);
}

std::string free_name(const Table& table, const std::string& base) {
  std::string candidate = base;
  for (int suffix = 1; name_taken(table, candidate); ++suffix) candidate = base + std::to_string(suffix);
  return candidate;
}

std::string primary_key_name(const Table& table, NamingEra era) {
  return era == NamingEra::V21 ? "primary" : table.name.name + "_pkey";
}

std::string index_name(const Table& table, const std::vector<IndexKey>& keys, bool unique) {
  std::string name = table.name.name;
  int expressions = 0;
  for (const auto& key : keys) {
    if (!key.column.empty()) {
      name += "_" + key.column;
    } else {
      name += expressions == 0 ? std::string("_expr") : fmt::format("_expr{}", expressions);
      ++expressions;
    }
  }
  return free_name(table, name + (unique ? "_key" : "_idx"));
}

std::string foreign_key_name(const Table& table, const ForeignKey& foreign_key, NamingEra era) {
  if (era == NamingEra::V21) {
    const std::string first = foreign_key.columns.empty() ? std::string() : foreign_key.columns.front();
    return free_name(table, fmt::format("fk_{}_ref_{}", first, foreign_key.ref_table.name));
  }
  return free_name(table, fmt::format("{}_{}_fkey", table.name.name, fmt::join(foreign_key.columns, "_")));
}

std::string check_name(const Table& table, const std::string& expression) {
  std::string name = "check";
  for (const auto& referenced : referenced_names(expression)) {
    if (table.find_column(referenced) != nullptr) name += "_" + referenced;
  }
  return free_name(table, name);
}

std::string unique_without_index_name(const Table& table, const std::vector<std::string>& columns) {
  std::string name = "unique";
  for (const auto& column : columns) name += "_" + column;
  return free_name(table, name);
}

}  // namespace strata::cockroachdb
