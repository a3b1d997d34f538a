#include "dialects/cockroachdb/object_sql.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "dialects/postgres/object_sql.hpp"
#include "engine/model/quote.hpp"
#include "engine/model/row_ttl.hpp"
#include "engine/model/visibility.hpp"

namespace strata::cockroachdb {

std::string region_sql(const std::string& region) {
  std::string out = "\"";
  for (char c : region) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string locality_sql(const std::optional<Locality>& locality) {
  if (!locality) return "LOCALITY REGIONAL BY TABLE IN PRIMARY REGION";
  switch (locality->kind) {
    case LocalityKind::Global:
      return "LOCALITY GLOBAL";
    case LocalityKind::RegionalByTable:
      return locality->region.empty() ? "LOCALITY REGIONAL BY TABLE IN PRIMARY REGION"
                                      : "LOCALITY REGIONAL BY TABLE IN " + region_sql(locality->region);
    case LocalityKind::RegionalByRow:
      return locality->column.empty() ? "LOCALITY REGIONAL BY ROW"
                                      : "LOCALITY REGIONAL BY ROW AS " + quote_ident(locality->column);
  }
  return "";
}

std::string type_sql(const std::string& type) {
  if (type == "integer" || type.starts_with("integer[")) return "int4" + type.substr(7);
  return type;
}

std::string create_sequence_sql(const Sequence& s) {
  // No CYCLE: CockroachDB has no cycling sequences (the emitter refuses them).
  return fmt::format("CREATE SEQUENCE {} AS {} INCREMENT BY {} MINVALUE {} MAXVALUE {} START WITH {} CACHE {}",
                     postgres::table_name_sql(s.name), type_sql(s.type), s.increment, s.min_value, s.max_value, s.start,
                     s.cache);
}

std::string column_definition_sql(const Column& column) {
  std::string out = quote_ident(column.name) + " " + type_sql(column.type);
  if (column.collation) out += " COLLATE " + quote_ident(*column.collation);
  if (column.generated) {
    out += fmt::format(" AS ({}) {}", column.generated->expression,
                       column.generated->kind == GeneratedKind::Stored ? "STORED" : "VIRTUAL");
  }
  if (column.default_expr) out += " DEFAULT " + *column.default_expr;
  if (column.on_update) out += " ON UPDATE " + *column.on_update;
  if (column.identity) out += " " + postgres::identity_sql(*column.identity);
  out += column.nullable ? " NULL" : " NOT NULL";
  if (column.hidden) out += " NOT VISIBLE";
  return out;
}

std::string hash_sharded_sql(int buckets) {
  return fmt::format(" USING HASH WITH (bucket_count = {})", buckets);
}

std::string primary_key_constraint_sql(const PrimaryKey& key) {
  std::string out = postgres::primary_key_constraint_sql(key);
  if (key.shard_buckets) out += hash_sharded_sql(*key.shard_buckets);
  return out;
}

std::string unique_constraint_sql(const UniqueConstraint& unique) {
  if (!unique.without_index) return postgres::unique_constraint_sql(unique);
  std::string out = fmt::format("CONSTRAINT {} UNIQUE WITHOUT INDEX ({})", quote_ident(unique.name),
                                postgres::column_list_sql(unique.columns));
  if (unique.where) out += " WHERE " + *unique.where;
  return out;
}

std::string ttl_parameter(std::string_view setting) {
  return "ttl_" + std::string(setting);
}

std::string ttl_parameters_sql(const std::map<std::string, std::string>& ttl, const std::vector<std::string>& names) {
  std::vector<std::string> chosen = names;
  if (chosen.empty()) {
    for (const auto& setting : ttl_settings()) {
      if (ttl.count(std::string(setting.name)) > 0) chosen.emplace_back(setting.name);
    }
  }
  std::vector<std::string> parts;
  for (const auto& name : chosen) {
    const std::string& value = ttl.at(name);
    const TtlSetting* setting = find_ttl_setting(name);
    const bool bare =
        setting != nullptr && (setting->value == TtlValue::Integer || setting->value == TtlValue::Boolean);
    parts.push_back(fmt::format("{} = {}", ttl_parameter(name), bare ? value : quote_literal(value)));
  }
  return fmt::format("{}", fmt::join(parts, ", "));
}

// FAMILY f (a, b) for each family the columns name, in the order of their first columns, except
// that the family of the primary key comes first: family 0 holds every row's sentinel and is kept
// when its last column is dropped, so it should hold the columns that stay. A column in none is
// not stored (virtual), or the table has CockroachDB's one default family.
std::vector<std::string> family_elements_sql(const Table& table) {
  const auto is_virtual = [](const Column& c) { return c.generated && c.generated->kind == GeneratedKind::Virtual; };
  if (std::all_of(table.columns.begin(), table.columns.end(), [](const Column& c) { return c.family.empty(); })) {
    return {};
  }
  // A stored column naming none beside others that do is in "primary" (the loader's rule).
  const auto family_of = [&](const Column& c) { return c.family.empty() ? std::string(kDefaultFamily) : c.family; };
  std::vector<std::pair<std::string, std::vector<std::string>>> families;
  for (const auto& column : table.columns) {
    if (is_virtual(column)) continue;
    const std::string family = family_of(column);
    auto it = std::find_if(families.begin(), families.end(), [&](const auto& f) { return f.first == family; });
    if (it == families.end()) it = families.insert(families.end(), {family, {}});
    it->second.push_back(column.name);
  }
  const Column* key = table.primary_key && !table.primary_key->columns.empty()
                          ? table.find_column(table.primary_key->columns.front())
                          : nullptr;
  if (key != nullptr) {
    auto first =
        std::find_if(families.begin(), families.end(), [&](const auto& f) { return f.first == family_of(*key); });
    if (first != families.end()) std::rotate(families.begin(), first, first + 1);
  }
  std::vector<std::string> out;
  for (const auto& [name, columns] : families) {
    out.push_back(fmt::format("FAMILY {} ({})", quote_ident(name), postgres::column_list_sql(columns)));
  }
  return out;
}

std::string add_column_sql(const Column& column) {
  std::string out = column_definition_sql(column);
  // IF NOT EXISTS: the family may be new, or gone with the last column it held (a computed column
  // dropped and added again), or there.
  if (!column.family.empty()) out += " CREATE IF NOT EXISTS FAMILY " + quote_ident(column.family);
  return out;
}

std::string create_table_sql(const Table& table) {
  std::string out = postgres::create_table_sql(
      table, {column_definition_sql, primary_key_constraint_sql, unique_constraint_sql, family_elements_sql});
  if (!table.ttl.empty()) out += " WITH (" + ttl_parameters_sql(table.ttl, {}) + ")";
  if (table.locality) out += " " + locality_sql(table.locality);
  return out;
}

std::string visibility_sql(double visibility) {
  if (visibility >= 1.0) return "VISIBLE";
  if (visibility <= 0.0) return "NOT VISIBLE";
  return "VISIBILITY " + visibility_text(visibility);
}

std::string create_index_sql(const QualifiedName& table, const Index& index) {
  std::string keys;
  for (const auto& key : index.keys) keys += (keys.empty() ? "" : ", ") + postgres::index_key_sql(key);
  // INVERTED and VECTOR are words of CREATE INDEX; any other method is a USING.
  const std::string_view kind = index.method == "gin" ? "INVERTED " : index.method == "vector" ? "VECTOR " : "";
  std::string out = fmt::format("CREATE {}{}INDEX {} ON {}", index.unique ? "UNIQUE " : "", kind,
                                quote_ident(index.name), postgres::table_name_sql(table));
  if (index.method != "btree" && index.method != "gin" && index.method != "vector") {
    out += " USING " + quote_ident(index.method);
  }
  out += " (" + keys + ")";
  if (index.shard_buckets) out += hash_sharded_sql(*index.shard_buckets);
  if (!index.include.empty()) out += " STORING (" + postgres::column_list_sql(index.include) + ")";
  if (index.where) out += " WHERE " + *index.where;
  if (index.visibility < 1.0) out += " " + visibility_sql(index.visibility);
  return out;
}

}  // namespace strata::cockroachdb
