#include "strata/schema.hpp"

#include <algorithm>
#include <ostream>
#include <tuple>

#include <fmt/format.h>

#include "engine/model/quote.hpp"

namespace strata {

namespace {

template <typename T>
void sort_by_name(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) { return a.name < b.name; });
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) {
    if (!out.empty()) out += ", ";
    out += quote_ident(name);
  }
  return out;
}

std::string describe_key(const IndexKey& key) {
  std::string out = key.column.empty() ? "(" + key.expression + ")" : quote_ident(key.column);
  if (!key.opclass.empty()) out += " " + key.opclass;
  if (key.order == SortOrder::Desc) out += " DESC";
  if (key.nulls == NullsOrder::First) out += " NULLS FIRST";
  if (key.nulls == NullsOrder::Last) out += " NULLS LAST";
  return out;
}

// "  index name using method (keys) …\n": one line of describe() for an index of a table or view.
std::string describe_index(const Index& index) {
  std::string keys;
  for (const auto& key : index.keys) keys += (keys.empty() ? "" : ", ") + describe_key(key);
  std::string out = fmt::format("  {}index {} using {} ({})", index.unique ? "unique " : "", quote_ident(index.name),
                                index.method, keys);
  if (!index.include.empty()) out += " include (" + join_names(index.include) + ")";
  if (index.shard_buckets) out += fmt::format(" hash-sharded {}", *index.shard_buckets);
  if (index.where) out += " where " + *index.where;
  return out + "\n";
}

}  // namespace

const Column* Table::find_column(const std::string& column_name) const {
  for (const auto& column : columns) {
    if (column.name == column_name) return &column;
  }
  return nullptr;
}

const Table* Schema::find_table(const QualifiedName& table_name) const {
  for (const auto& table : tables) {
    if (table.name == table_name) return &table;
  }
  return nullptr;
}

const Enum* Schema::find_enum(const QualifiedName& enum_name) const {
  for (const auto& e : enums) {
    if (e.name == enum_name) return &e;
  }
  return nullptr;
}

void Schema::sort() {
  std::sort(database.regions.begin(), database.regions.end());
  std::sort(schemas.begin(), schemas.end());
  schemas.erase(std::unique(schemas.begin(), schemas.end()), schemas.end());
  sort_by_name(extensions);
  sort_by_name(enums);
  sort_by_name(sequences);
  sort_by_name(tables);
  sort_by_name(views);
  for (auto& view : views) sort_by_name(view.indexes);
  std::sort(routines.begin(), routines.end(), [](const Routine& a, const Routine& b) {
    return std::tie(a.identity, a.definition) < std::tie(b.identity, b.definition);
  });
  std::sort(triggers.begin(), triggers.end(), [](const Trigger& a, const Trigger& b) {
    return std::tie(a.table, a.name, a.definition) < std::tie(b.table, b.name, b.definition);
  });
  for (auto& table : tables) {
    sort_by_name(table.indexes);
    sort_by_name(table.uniques);
    sort_by_name(table.foreign_keys);
    sort_by_name(table.checks);
  }
  std::sort(comments.begin(), comments.end());
}

std::string to_string(const QualifiedName& name) {
  return quote_ident(name.schema) + "." + quote_ident(name.name);
}

std::string_view to_string(ReferentialAction action) {
  switch (action) {
    case ReferentialAction::NoAction:
      return "no action";
    case ReferentialAction::Restrict:
      return "restrict";
    case ReferentialAction::Cascade:
      return "cascade";
    case ReferentialAction::SetNull:
      return "set null";
    case ReferentialAction::SetDefault:
      return "set default";
  }
  return "no action";
}

std::string_view to_string(SurvivalGoal goal) {
  return goal == SurvivalGoal::Region ? "region" : "zone";
}

std::string_view to_string(LocalityKind kind) {
  switch (kind) {
    case LocalityKind::Global:
      return "global";
    case LocalityKind::RegionalByTable:
      return "regional_by_table";
    case LocalityKind::RegionalByRow:
      return "regional_by_row";
  }
  return "regional_by_table";
}

std::string_view to_string(CommentOn on) {
  switch (on) {
    case CommentOn::Table:
      return "table";
    case CommentOn::Column:
      return "column";
    case CommentOn::Index:
      return "index";
    case CommentOn::Constraint:
      return "constraint";
    case CommentOn::View:
      return "view";
    case CommentOn::MaterializedView:
      return "materialized view";
    case CommentOn::Type:
      return "type";
  }
  return "table";
}

std::string describe(const Comment& comment) {
  if (comment.object.empty()) return fmt::format("comment on {} {}", to_string(comment.on), to_string(comment.table));
  return fmt::format("comment on {} {} of table {}", to_string(comment.on), quote_ident(comment.object),
                     to_string(comment.table));
}

std::string describe(const Table& table) {
  std::string out = fmt::format("table {}\n", to_string(table.name));
  for (const auto& c : table.columns) {
    out += fmt::format("  column {} {}{}", quote_ident(c.name), c.type, c.nullable ? " null" : " not null");
    if (c.default_expr) out += " default " + *c.default_expr;
    if (c.on_update) out += " on update " + *c.on_update;
    if (c.generated) {
      out += fmt::format(" generated ({}) {}", c.generated->expression,
                         c.generated->kind == GeneratedKind::Stored ? "stored" : "virtual");
    }
    if (c.identity) out += c.identity == IdentityKind::Always ? " identity always" : " identity by default";
    if (c.hidden) out += " hidden";
    if (c.collation) out += " collate " + quote_ident(*c.collation);
    if (!c.family.empty()) out += " family " + quote_ident(c.family);
    out += "\n";
  }
  if (table.primary_key) {
    out += fmt::format("  primary key {} ({})", quote_ident(table.primary_key->name),
                       join_names(table.primary_key->columns));
    if (table.primary_key->shard_buckets) out += fmt::format(" hash-sharded {}", *table.primary_key->shard_buckets);
    out += "\n";
  }
  for (const auto& index : table.indexes) out += describe_index(index);
  for (const auto& u : table.uniques) {
    out += fmt::format("  unique {} ({}){}", quote_ident(u.name), join_names(u.columns),
                       u.without_index ? " without index" : "");
    if (u.where) out += " where " + *u.where;
    out += "\n";
  }
  for (const auto& fk : table.foreign_keys) {
    out += fmt::format("  foreign key {} ({}) references {} ({}){} on delete {} on update {}{}\n", quote_ident(fk.name),
                       join_names(fk.columns), to_string(fk.ref_table), join_names(fk.ref_columns),
                       fk.match_full ? " match full" : "", to_string(fk.on_delete), to_string(fk.on_update),
                       fk.deferrable ? (fk.initially_deferred ? " deferrable initially deferred" : " deferrable") : "");
  }
  for (const auto& check : table.checks) {
    out += fmt::format("  check {} ({})\n", quote_ident(check.name), check.expression);
  }
  for (const auto& [setting, value] : table.ttl) out += fmt::format("  ttl {} {}\n", setting, value);
  if (table.locality) {
    out += fmt::format("  locality {}", to_string(table.locality->kind));
    if (!table.locality->region.empty()) out += " in " + quote_ident(table.locality->region);
    if (!table.locality->column.empty()) out += " as " + quote_ident(table.locality->column);
    out += "\n";
  }
  return out;
}

std::string describe(const Schema& schema) {
  std::string out;
  const auto& db = schema.database;
  if (!db.name.empty()) out += fmt::format("database {}\n", quote_ident(db.name));
  if (!db.primary_region.empty()) out += fmt::format("  primary region {}\n", db.primary_region);
  if (!db.regions.empty()) out += fmt::format("  regions {}\n", fmt::join(db.regions, ", "));
  if (db.survival_goal) out += fmt::format("  survive {} failure\n", to_string(*db.survival_goal));
  for (const auto& name : schema.schemas) out += fmt::format("schema {}\n", quote_ident(name));
  for (const auto& e : schema.extensions) {
    out += fmt::format("extension {} in schema {}{}\n", quote_ident(e.name), quote_ident(e.schema),
                       e.version.empty() ? "" : " version " + quote_literal(e.version));
  }
  for (const auto& e : schema.enums) {
    out += fmt::format("enum {} ({})\n", to_string(e.name), fmt::join(e.values, ", "));
  }
  for (const auto& s : schema.sequences) {
    out += fmt::format("sequence {} as {} start {} increment {} min {} max {} cache {}{}\n", to_string(s.name), s.type,
                       s.start, s.increment, s.min_value, s.max_value, s.cache, s.cycle ? " cycle" : "");
  }
  for (const auto& table : schema.tables) out += describe(table);
  for (const auto& v : schema.views) {
    out += fmt::format("{}view {} as {}\n", v.materialized ? "materialized " : "", to_string(v.name), v.query);
    for (const auto& index : v.indexes) out += describe_index(index);
  }
  for (const auto& r : schema.routines) out += fmt::format("{} {}\n", r.identity, r.compared);
  for (const auto& t : schema.triggers) {
    out += fmt::format("trigger {} on {}: {}\n", quote_ident(t.name), to_string(t.table), t.compared);
  }
  for (const auto& c : schema.comments) out += fmt::format("{}: {}\n", describe(c), quote_literal(c.text));
  return out;
}

std::ostream& operator<<(std::ostream& out, const Schema& schema) {
  return out << describe(schema);
}
std::ostream& operator<<(std::ostream& out, const Table& table) {
  return out << describe(table);
}

}  // namespace strata
