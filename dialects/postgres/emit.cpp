// PostgreSQL DDL for each change. Work on tables that already hold rows is written to lock as
// little as it can: indexes are built CONCURRENTLY, foreign keys and checks are added NOT VALID
// and validated afterwards (which lets writes go on).
#include <fmt/format.h>

#include "dialects/postgres/object_sql.hpp"
#include "dialects/postgres/postgres_dialect.hpp"
#include "dialects/postgres/routines.hpp"
#include "engine/model/names.hpp"
#include "engine/model/quote.hpp"
#include "strata/errors.hpp"

namespace strata::postgres {

namespace {

std::string alter_table(const QualifiedName& table) {
  return "ALTER TABLE " + table_name_sql(table);
}

std::string alter_column(const QualifiedName& table, const std::string& column) {
  return alter_table(table) + " ALTER COLUMN " + quote_ident(column);
}

std::string index_name_sql(const QualifiedName& table, const std::string& index) {
  return table_name_sql(QualifiedName{table.schema, index});
}

// A constraint added to a table with rows: added without checking them (a brief lock), then
// validated while writes go on. One left NOT VALID by a validation that failed is not read back
// (introspection skips it), so it is replaced here.
std::vector<std::string> add_unvalidated(const QualifiedName& table, const std::string& name,
                                         const std::string& definition) {
  return {fmt::format("{} DROP CONSTRAINT IF EXISTS {}, ADD CONSTRAINT {} {} NOT VALID", alter_table(table),
                      quote_ident(name), quote_ident(name), definition),
          fmt::format("{} VALIDATE CONSTRAINT {}", alter_table(table), quote_ident(name))};
}

// SET NOT NULL without holding the table's ACCESS EXCLUSIVE lock for a full scan: a CHECK (c IS
// NOT NULL) is validated while writes go on, then SET NOT NULL trusts it, and it goes.
std::vector<std::string> set_not_null_sql(const QualifiedName& table, const std::string& column) {
  const std::string check = make_object_name(table.name, column, "strata_not_null");
  auto out = add_unvalidated(table, check, fmt::format("CHECK ({} IS NOT NULL)", quote_ident(column)));
  out.push_back(alter_column(table, column) + " SET NOT NULL");
  out.push_back(alter_table(table) + " DROP CONSTRAINT " + quote_ident(check));
  return out;
}

ChangeSql alter_column_sql(const AlterColumn& c) {
  std::vector<std::string> out;
  const std::string column = alter_column(c.table, c.to.name);
  if ((c.what & kColumnHidden) != 0) {
    throw PlanError(fmt::format("column {} of table {} changes visibility (NOT VISIBLE), which only CockroachDB has",
                                quote_ident(c.to.name), to_string(c.table)));
  }
  if ((c.what & kColumnOnUpdate) != 0) {
    throw PlanError(fmt::format("column {} of table {} changes its ON UPDATE expression, which only CockroachDB has",
                                quote_ident(c.to.name), to_string(c.table)));
  }
  if ((c.what & kColumnFamily) != 0) {
    throw PlanError(fmt::format("column {} of table {} changes its column family, which only CockroachDB has",
                                quote_ident(c.to.name), to_string(c.table)));
  }
  const bool retype = (c.what & (kColumnType | kColumnCollation)) != 0;
  bool default_done = false;
  if (retype) {
    // The old default may not convert to the new type: take it off, convert, set the new one.
    if (c.from.default_expr) out.push_back(column + " DROP DEFAULT");
    std::string sql = column + " TYPE " + c.to.type;
    if (c.to.collation) sql += " COLLATE " + quote_ident(*c.to.collation);
    sql += " USING " + quote_ident(c.to.name) + "::" + c.to.type;
    out.push_back(sql);
    if (c.to.default_expr) out.push_back(column + " SET DEFAULT " + *c.to.default_expr);
    default_done = true;
  }
  if ((c.what & kColumnDefault) != 0 && !default_done) {
    out.push_back(c.to.default_expr ? column + " SET DEFAULT " + *c.to.default_expr : column + " DROP DEFAULT");
  }
  if ((c.what & kColumnIdentity) != 0) {
    for (auto& statement : identity_change_sql(c, column)) out.push_back(std::move(statement));
  }
  if ((c.what & kColumnNullability) != 0 && c.to.nullable) out.push_back(column + " DROP NOT NULL");
  if ((c.what & kColumnNullability) != 0 && !c.to.nullable) {
    if (retype) {
      out.push_back(column + " SET NOT NULL");  // the rewrite reads every row anyway
    } else {
      for (auto& statement : set_not_null_sql(c.table, c.to.name)) out.push_back(std::move(statement));
      return {out, false};
    }
  }
  return {out};
}

std::vector<std::string> recreate_enum_sql(const RecreateEnum& c) {
  const std::string old_name = make_object_name(c.to.name.name, "", "strata_old");
  std::vector<std::string> out;
  out.push_back(fmt::format("ALTER TYPE {} RENAME TO {}", table_name_sql(c.from.name), quote_ident(old_name)));
  out.push_back(create_enum_sql(c.to));
  const std::string type = table_name_sql(c.to.name);
  // One ALTER TABLE per table, so that a table with several such columns is rewritten once.
  for (std::size_t i = 0; i < c.uses.size();) {
    const QualifiedName& table = c.uses[i].table;
    std::vector<std::string> actions;
    for (; i < c.uses.size() && c.uses[i].table == table; ++i) {
      const auto& use = c.uses[i];
      const std::string column = "ALTER COLUMN " + quote_ident(use.column);
      const char* array = use.array ? "[]" : "";
      if (use.had_default) actions.push_back(column + " DROP DEFAULT");
      actions.push_back(fmt::format("{} TYPE {}{} USING {}::text{}::{}{}", column, type, array, quote_ident(use.column),
                                    array, type, array));
      if (use.default_expr) actions.push_back(column + " SET DEFAULT " + *use.default_expr);
    }
    out.push_back(fmt::format("{} {}", alter_table(table), fmt::join(actions, ",\n  ")));
  }
  out.push_back("DROP TYPE " + table_name_sql(QualifiedName{c.from.name.schema, old_name}));
  return out;
}

// Refuses what PostgreSQL 15 has no column for, before any SQL is sent.
void check_column(const Column& column, const QualifiedName& table) {
  if (column.hidden) {
    throw PlanError(fmt::format("column {} of table {} is hidden (NOT VISIBLE), which only CockroachDB has",
                                quote_ident(column.name), to_string(table)));
  }
  if (column.on_update) {
    throw PlanError(
        fmt::format("column {} of table {} has an ON UPDATE expression, which only CockroachDB has "
                    "(a trigger does it on PostgreSQL)",
                    quote_ident(column.name), to_string(table)));
  }
  if (column.family == kDefaultFamily) {  // the loader's, for a column naming none beside others that do
    throw PlanError(fmt::format(
        "table {} names column families, which only CockroachDB has (PostgreSQL stores a row's columns together)",
        to_string(table)));
  }
  if (!column.family.empty()) {
    throw PlanError(
        fmt::format("column {} of table {} is in column family {}; column families are CockroachDB's "
                    "(PostgreSQL stores a row's columns together)",
                    quote_ident(column.name), to_string(table), quote_ident(column.family)));
  }
  if (column.generated && column.generated->kind == GeneratedKind::Virtual) {
    throw PlanError(
        fmt::format("column {} of table {} is a virtual computed column; PostgreSQL 15 has only stored "
                    "ones (set `stored: true`)",
                    quote_ident(column.name), to_string(table)));
  }
}

[[noreturn]] void not_visible_index(const QualifiedName& table, const std::string& index) {
  throw PlanError(
      fmt::format("index {} of table {} is not (fully) visible, which only CockroachDB has (an index "
                  "PostgreSQL has is one its planner may use)",
                  quote_ident(index), to_string(table)));
}

void check_primary_key(const PrimaryKey& key, const QualifiedName& table) {
  if (key.shard_buckets) {
    throw PlanError(fmt::format("primary key {} of table {} is hash-sharded, which only CockroachDB has",
                                quote_ident(key.name), to_string(table)));
  }
}

void check_unique(const UniqueConstraint& unique, const QualifiedName& table) {
  if (unique.without_index) {
    throw PlanError(
        fmt::format("unique constraint {} of table {} is WITHOUT INDEX, which only CockroachDB has (PostgreSQL "
                    "enforces a unique constraint with its index)",
                    quote_ident(unique.name), to_string(table)));
  }
}

[[noreturn]] void ttl_refused(const QualifiedName& table) {
  throw PlanError(
      fmt::format("table {} has a row-level TTL, which only CockroachDB has (on PostgreSQL a scheduled DELETE "
                  "or dropping old partitions does it)",
                  to_string(table)));
}

[[noreturn]] void multi_region_only(std::string_view what) {
  throw PlanError(
      fmt::format("the declared schema {}, which needs a multi-region CockroachDB; PostgreSQL has no "
                  "regions or table localities (remove them from the schema to use PostgreSQL)",
                  what));
}

struct Emit {
  ChangeSql operator()(const CreateSchema& c) const { return {{create_schema_sql(c.name)}}; }
  ChangeSql operator()(const CreateExtension& c) const { return {{create_extension_sql(c.extension)}}; }
  ChangeSql operator()(const DropExtension& c) const { return {{"DROP EXTENSION " + quote_ident(c.extension.name)}}; }
  ChangeSql operator()(const AlterExtension& c) const { return {alter_extension_sql(c)}; }
  ChangeSql operator()(const CreateView& c) const {
    return {{fmt::format("CREATE {}VIEW {} AS {}", c.view.materialized ? "MATERIALIZED " : "",
                         table_name_sql(c.view.name), c.view.query)}};
  }
  ChangeSql operator()(const DropView& c) const {
    return {{fmt::format("DROP {}VIEW {}", c.view.materialized ? "MATERIALIZED " : "", table_name_sql(c.view.name))}};
  }
  ChangeSql operator()(const ReplaceView& c) const {
    return {{fmt::format("CREATE OR REPLACE VIEW {} AS {}", table_name_sql(c.to.name), c.to.query)}};
  }
  ChangeSql operator()(const CreateRoutine& c) const { return {{as_statement(c.routine.definition)}}; }
  ChangeSql operator()(const ReplaceRoutine& c) const { return {{as_statement(or_replace(c.to.definition))}}; }
  ChangeSql operator()(const DropRoutine& c) const {
    return {{fmt::format("DROP {} {}({})", c.routine.procedure ? "PROCEDURE" : "FUNCTION",
                         table_name_sql(c.routine.name), c.routine.arguments)}};
  }
  ChangeSql operator()(const CreateTrigger& c) const { return {{as_statement(c.trigger.definition)}}; }
  ChangeSql operator()(const DropTrigger& c) const {
    return {{fmt::format("DROP TRIGGER {} ON {}", quote_ident(c.trigger.name), table_name_sql(c.trigger.table))}};
  }
  ChangeSql operator()(const CreateEnum& c) const { return {{create_enum_sql(c.value)}}; }
  ChangeSql operator()(const DropEnum& c) const { return {{"DROP TYPE " + table_name_sql(c.value.name)}}; }
  ChangeSql operator()(const AddEnumValue& c) const {
    std::string sql = fmt::format("ALTER TYPE {} ADD VALUE {}", table_name_sql(c.name), quote_literal(c.value));
    if (!c.before.empty()) sql += " BEFORE " + quote_literal(c.before);
    return {{sql}, false};
  }
  ChangeSql operator()(const RecreateEnum& c) const { return {recreate_enum_sql(c)}; }
  ChangeSql operator()(const CreateSequence& c) const { return {{create_sequence_sql(c.sequence)}}; }
  ChangeSql operator()(const DropSequence& c) const { return {{"DROP SEQUENCE " + table_name_sql(c.sequence.name)}}; }
  ChangeSql operator()(const AlterSequence& c) const {
    const Sequence& s = c.to;
    if (c.disown && c.from == c.to) return {{"ALTER SEQUENCE " + table_name_sql(s.name) + " OWNED BY NONE"}};
    return {{fmt::format("ALTER SEQUENCE {} AS {} INCREMENT BY {} MINVALUE {} MAXVALUE {} START WITH {} CACHE {} {}{}",
                         table_name_sql(s.name), s.type, s.increment, s.min_value, s.max_value, s.start, s.cache,
                         s.cycle ? "CYCLE" : "NO CYCLE", c.disown ? " OWNED BY NONE" : "")}};
  }
  ChangeSql operator()(const CreateTable& c) const {
    if (c.table.locality) multi_region_only("gives table " + to_string(c.table.name) + " a locality");
    // A column declared in a family of its own is the one to name (the loader put the others in "primary").
    for (const auto& column : c.table.columns) {
      if (!column.family.empty() && column.family != kDefaultFamily) check_column(column, c.table.name);
    }
    for (const auto& column : c.table.columns) check_column(column, c.table.name);
    if (c.table.primary_key) check_primary_key(*c.table.primary_key, c.table.name);
    if (!c.table.ttl.empty()) ttl_refused(c.table.name);
    for (const auto& unique : c.table.uniques) check_unique(unique, c.table.name);
    return {{create_table_sql(c.table)}};
  }
  ChangeSql operator()(const DropTable& c) const { return {{"DROP TABLE " + table_name_sql(c.table.name)}}; }
  ChangeSql operator()(const RenameTable& c) const {
    return {{fmt::format("{} RENAME TO {}", alter_table(c.from), quote_ident(c.to.name))}};
  }
  ChangeSql operator()(const AddColumn& c) const {
    check_column(c.column, c.table);
    return {{alter_table(c.table) + " ADD COLUMN " + column_definition_sql(c.column)}};
  }
  ChangeSql operator()(const DropColumn& c) const {
    return {{alter_table(c.table) + " DROP COLUMN " + quote_ident(c.column.name)}};
  }
  ChangeSql operator()(const RenameColumn& c) const {
    return {{fmt::format("{} RENAME COLUMN {} TO {}", alter_table(c.table), quote_ident(c.from), quote_ident(c.to))}};
  }
  ChangeSql operator()(const AlterColumn& c) const { return alter_column_sql(c); }
  ChangeSql operator()(const SetPrimaryKey& c) const {
    if (!c.to) return {{alter_table(c.table) + " DROP CONSTRAINT " + quote_ident(c.from->name)}};
    check_primary_key(*c.to, c.table);
    // The new key's index is built without blocking writes; then one statement drops the old key
    // and makes the index the new one (a brief lock).
    const std::string index = make_object_name(c.to->name, "", "strata_new");
    std::string swap = alter_table(c.table);
    if (c.from) swap += " DROP CONSTRAINT " + quote_ident(c.from->name) + ",";
    swap += fmt::format(" ADD CONSTRAINT {} PRIMARY KEY USING INDEX {}", quote_ident(c.to->name), quote_ident(index));
    return {{"DROP INDEX CONCURRENTLY IF EXISTS " + index_name_sql(c.table, index),
             fmt::format("CREATE UNIQUE INDEX CONCURRENTLY {} ON {} ({})", quote_ident(index), table_name_sql(c.table),
                         column_list_sql(c.to->columns)),
             swap},
            false};
  }
  ChangeSql operator()(const CreateIndex& c) const {
    if (c.index.shard_buckets) {
      throw PlanError(fmt::format("index {} of table {} is hash-sharded, which only CockroachDB has",
                                  quote_ident(c.index.name), to_string(c.table)));
    }
    if (c.index.visibility < 1.0) not_visible_index(c.table, c.index.name);
    Table table;
    table.name = c.table;
    std::string sql = create_index_sql(table, c.index);
    if (c.table_is_new) return {{sql}};
    // On a table with rows: build without blocking writes. A build that failed half way leaves an
    // invalid index of that name behind (introspection does not report it), so clear it first.
    sql.insert(sql.find("INDEX ") + 6, "CONCURRENTLY ");
    return {{"DROP INDEX CONCURRENTLY IF EXISTS " + index_name_sql(c.table, c.index.name), sql}, false};
  }
  ChangeSql operator()(const DropIndex& c) const {
    return {{"DROP INDEX CONCURRENTLY " + index_name_sql(c.table, c.index.name)}, false};
  }
  ChangeSql operator()(const SetIndexVisibility& c) const { not_visible_index(c.table, c.index); }
  ChangeSql operator()(const RenameIndex& c) const {
    return {{fmt::format("ALTER INDEX {} RENAME TO {}", index_name_sql(c.table, c.from), quote_ident(c.to))}};
  }
  ChangeSql operator()(const AddUnique& c) const {
    // The index is built without blocking writes, then becomes the constraint (a brief lock). A
    // build that failed half way leaves an invalid index of that name behind: cleared first.
    check_unique(c.unique, c.table);
    const std::string name = quote_ident(c.unique.name);
    return {{"DROP INDEX CONCURRENTLY IF EXISTS " + index_name_sql(c.table, c.unique.name),
             fmt::format("CREATE UNIQUE INDEX CONCURRENTLY {} ON {} ({})", name, table_name_sql(c.table),
                         column_list_sql(c.unique.columns)),
             fmt::format("{} ADD CONSTRAINT {} UNIQUE USING INDEX {}", alter_table(c.table), name, name)},
            false};
  }
  ChangeSql operator()(const DropUnique& c) const {
    return {{alter_table(c.table) + " DROP CONSTRAINT " + quote_ident(c.unique.name)}};
  }
  ChangeSql operator()(const AddForeignKey& c) const {
    if (c.table_is_new) {
      Table table;
      table.name = c.table;
      return {{add_foreign_key_sql(table, c.foreign_key)}};
    }
    return {add_unvalidated(c.table, c.foreign_key.name, foreign_key_definition_sql(c.foreign_key)), false};
  }
  ChangeSql operator()(const DropForeignKey& c) const {
    return {{alter_table(c.table) + " DROP CONSTRAINT " + quote_ident(c.foreign_key.name)}};
  }
  ChangeSql operator()(const AddCheck& c) const {
    return {add_unvalidated(c.table, c.check.name, "CHECK (" + c.check.expression + ")"), false};
  }
  ChangeSql operator()(const DropCheck& c) const {
    return {{alter_table(c.table) + " DROP CONSTRAINT " + quote_ident(c.check.name)}};
  }
  ChangeSql operator()(const AddRegion& c) const { multi_region_only("adds region " + quote_ident(c.region)); }
  ChangeSql operator()(const DropRegion& c) const { multi_region_only("drops region " + quote_ident(c.region)); }
  ChangeSql operator()(const SetPrimaryRegion& c) const {
    multi_region_only("sets the primary region " + quote_ident(c.to));
  }
  ChangeSql operator()(const SetSurvivalGoal&) const { multi_region_only("sets a survival goal"); }
  ChangeSql operator()(const SetLocality& c) const {
    multi_region_only("gives table " + to_string(c.table) + " a locality");
  }
  ChangeSql operator()(const SetTableTtl& c) const { ttl_refused(c.table); }
  ChangeSql operator()(const SetComment& c) const { return {{comment_sql(c, index_name_sql(c.table, c.object))}}; }
};

}  // namespace

ChangeSql PostgresDialect::emit(const Change& change) const {
  return std::visit(Emit{}, change);
}

}  // namespace strata::postgres
