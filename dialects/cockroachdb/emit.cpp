// CockroachDB DDL for each change. Every statement runs in its own implicit transaction
// (CockroachDB runs schema changes as jobs and limits DDL inside explicit transactions), so every
// step is non-transactional; the executor waits for each statement's jobs.
#include <algorithm>

#include <fmt/format.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/column_type_change.hpp"
#include "dialects/cockroachdb/object_sql.hpp"
#include "dialects/postgres/object_sql.hpp"
#include "engine/model/quote.hpp"
#include "strata/errors.hpp"

namespace strata::cockroachdb {

namespace {

using postgres::column_list_sql;
using postgres::table_name_sql;

std::string alter_table(const QualifiedName& table) {
  return "ALTER TABLE " + table_name_sql(table);
}
std::string alter_column(const QualifiedName& table, const std::string& column) {
  return alter_table(table) + " ALTER COLUMN " + quote_ident(column);
}

ChangeSql statements(std::vector<std::string> sql) {
  return ChangeSql{std::move(sql), false};
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

// A column of a table that names no family is in CockroachDB's default one.
std::string family_name(const std::string& family) {
  return "family " + quote_ident(family.empty() ? std::string(kDefaultFamily) : family);
}

// No statement moves a column to another family or renames a family (logic_test/family@0de26b72
// exercises none; research/objects.md §4).
[[noreturn]] void family_move_refused(const AlterColumn& c) {
  throw PlanError(fmt::format(
      "column {} of table {} is in {} on the server and in {} in the declared schema, and CockroachDB cannot "
      "move a column to another family: declare the family the server has (strata inspect prints it), or "
      "copy the data into a new table",
      quote_ident(c.to.name), to_string(c.table), family_name(c.from.family), family_name(c.to.family)));
}

struct Emit {
  const CockroachDialect& dialect;

  // Refuses, before any SQL is sent, a statement form the server's release does not have
  // (releases.hpp): strata never sends what the release catalogue does not show for it.
  void require(Feature feature) const {
    if (has(dialect.version(), feature)) return;
    const FeatureFact& f = fact(feature);
    throw PlanError(fmt::format("this plan needs {}, which CockroachDB has from {}; the server is {}", f.name,
                                to_string(f.since), to_string(dialect.version())));
  }
  void require_index(const Index& index) const {
    if (index.shard_buckets) require(Feature::HashShardedIndex);
    if (index.method == "vector") require(Feature::VectorIndex);
  }
  void require_sequence() const { require(Feature::SequenceAsType); }
  // UNIQUE WITHOUT INDEX is refused unless the session allows it, in every supported release
  // ("unique constraints without an index are not yet supported", logic_test/unique@0404c5e2).
  void allow_unique_without_index(std::vector<std::string>& out) const {
    require(Feature::UniqueWithoutIndex);
    out.emplace_back("SET experimental_enable_unique_without_index_constraints = true");
  }

  std::string alter_database() const {
    if (dialect.database().empty()) {
      throw PlanError("a multi-region change needs the database's name: connect to it, or pass --database NAME");
    }
    return "ALTER DATABASE " + quote_ident(dialect.database());
  }

  ChangeSql operator()(const CreateSchema& c) const { return statements({postgres::create_schema_sql(c.name)}); }
  ChangeSql operator()(const CreateView& c) const { refuse_view(c.view.name); }
  ChangeSql operator()(const DropView& c) const { refuse_view(c.view.name); }
  ChangeSql operator()(const ReplaceView& c) const { refuse_view(c.to.name); }
  ChangeSql operator()(const CreateRoutine&) const { refuse_routines(); }
  ChangeSql operator()(const ReplaceRoutine&) const { refuse_routines(); }
  ChangeSql operator()(const DropRoutine&) const { refuse_routines(); }
  ChangeSql operator()(const CreateTrigger&) const { refuse_routines(); }
  ChangeSql operator()(const DropTrigger&) const { refuse_routines(); }
  ChangeSql operator()(const CreateExtension& c) const { refuse_extension(c.extension.name); }
  ChangeSql operator()(const DropExtension& c) const { refuse_extension(c.extension.name); }
  ChangeSql operator()(const AlterExtension& c) const { refuse_extension(c.to.name); }
  ChangeSql operator()(const CreateEnum& c) const { return statements({postgres::create_enum_sql(c.value)}); }
  ChangeSql operator()(const DropEnum& c) const { return statements({"DROP TYPE " + table_name_sql(c.value.name)}); }
  ChangeSql operator()(const AddEnumValue& c) const {
    std::string sql = fmt::format("ALTER TYPE {} ADD VALUE {}", table_name_sql(c.name), quote_literal(c.value));
    if (!c.before.empty()) sql += " BEFORE " + quote_literal(c.before);
    return statements({sql});
  }
  ChangeSql operator()(const RecreateEnum& c) const {
    // CockroachDB drops values in place (ALTER TYPE … DROP VALUE, which fails while a row uses
    // the value); it cannot reorder them.
    std::vector<std::string> kept;
    for (const auto& value : c.from.values) {
      if (contains(c.to.values, value)) kept.push_back(value);
    }
    std::vector<std::string> order;
    for (const auto& value : c.to.values) {
      if (contains(c.from.values, value)) order.push_back(value);
    }
    if (kept != order) {
      throw PlanError(
          fmt::format("enum {} changes the order of existing values, which CockroachDB cannot do; "
                      "add new values where they belong instead",
                      to_string(c.to.name)));
    }
    std::vector<std::string> out;
    for (std::size_t i = 0; i < c.to.values.size(); ++i) {
      const auto& value = c.to.values[i];
      if (contains(c.from.values, value)) continue;
      std::string sql = fmt::format("ALTER TYPE {} ADD VALUE {}", table_name_sql(c.to.name), quote_literal(value));
      for (std::size_t j = i + 1; j < c.to.values.size(); ++j) {
        if (contains(c.from.values, c.to.values[j])) {
          sql += " BEFORE " + quote_literal(c.to.values[j]);
          break;
        }
      }
      out.push_back(sql);
    }
    for (const auto& value : c.from.values) {
      if (!contains(c.to.values, value)) {
        require(Feature::EnumDropValue);
        out.push_back(fmt::format("ALTER TYPE {} DROP VALUE {}", table_name_sql(c.to.name), quote_literal(value)));
      }
    }
    return statements(out);
  }
  ChangeSql operator()(const CreateSequence& c) const {
    if (c.sequence.cycle) {
      throw PlanError(
          fmt::format("sequence {} cycles, which CockroachDB does not support", to_string(c.sequence.name)));
    }
    require_sequence();
    return statements({create_sequence_sql(c.sequence)});
  }
  ChangeSql operator()(const DropSequence& c) const {
    return statements({"DROP SEQUENCE " + table_name_sql(c.sequence.name)});
  }
  ChangeSql operator()(const AlterSequence& c) const {
    const Sequence& s = c.to;
    if (c.disown && c.from == c.to) return statements({"ALTER SEQUENCE " + table_name_sql(s.name) + " OWNED BY NONE"});
    if (s.cycle)
      throw PlanError(fmt::format("sequence {} cycles, which CockroachDB does not support", to_string(s.name)));
    require_sequence();
    return statements(
        {fmt::format("ALTER SEQUENCE {} AS {} INCREMENT BY {} MINVALUE {} MAXVALUE {} START WITH {} CACHE {}{}",
                     table_name_sql(s.name), type_sql(s.type), s.increment, s.min_value, s.max_value, s.start, s.cache,
                     c.disown ? " OWNED BY NONE" : "")});
  }
  ChangeSql operator()(const CreateTable& c) const {
    for (const auto& index : c.table.indexes) require_index(index);
    if (c.table.primary_key && c.table.primary_key->shard_buckets) require(Feature::HashShardedIndex);
    if (!c.table.ttl.empty()) require(Feature::RowLevelTtl);
    std::vector<std::string> out;
    if (std::any_of(c.table.uniques.begin(), c.table.uniques.end(),
                    [](const UniqueConstraint& u) { return u.without_index; })) {
      allow_unique_without_index(out);
    }
    out.push_back(create_table_sql(c.table));
    return statements(out);
  }
  ChangeSql operator()(const DropTable& c) const { return statements({"DROP TABLE " + table_name_sql(c.table.name)}); }
  ChangeSql operator()(const RenameTable& c) const {
    return statements({fmt::format("{} RENAME TO {}", alter_table(c.from), quote_ident(c.to.name))});
  }
  ChangeSql operator()(const AddColumn& c) const {
    return statements({alter_table(c.table) + " ADD COLUMN " + add_column_sql(c.column)});
  }
  ChangeSql operator()(const DropColumn& c) const {
    return statements({alter_table(c.table) + " DROP COLUMN " + quote_ident(c.column.name)});
  }
  ChangeSql operator()(const RenameColumn& c) const {
    return statements(
        {fmt::format("{} RENAME COLUMN {} TO {}", alter_table(c.table), quote_ident(c.from), quote_ident(c.to))});
  }
  ChangeSql operator()(const AlterColumn& c) const {
    if ((c.what & kColumnFamily) != 0) family_move_refused(c);
    std::vector<std::string> out;
    const std::string column = alter_column(c.table, c.to.name);
    if ((c.what & (kColumnType | kColumnCollation)) != 0) {
      if (c.from.default_expr) out.push_back(column + " DROP DEFAULT");
      std::string sql = column + " SET DATA TYPE " + type_sql(c.to.type);
      if (c.to.collation) sql += " COLLATE " + quote_ident(*c.to.collation);
      if (!converts_in_place(c.from.type, c.to.type)) {
        // "ALTER COLUMN TYPE from … to … is only supported experimentally" without it.
        out.emplace_back("SET enable_experimental_alter_column_type_general = true");
      }
      // Only where no assignment cast exists: USING always backfills the column.
      if (needs_using(c.from.type, c.to.type)) sql += " USING " + quote_ident(c.to.name) + "::" + type_sql(c.to.type);
      out.push_back(sql);
      if (c.to.default_expr) out.push_back(column + " SET DEFAULT " + *c.to.default_expr);
    } else if ((c.what & kColumnDefault) != 0) {
      out.push_back(c.to.default_expr ? column + " SET DEFAULT " + *c.to.default_expr : column + " DROP DEFAULT");
    }
    if ((c.what & kColumnIdentity) != 0) {
      require(Feature::IdentityColumnChanges);
      for (auto& statement : postgres::identity_change_sql(c, column)) out.push_back(std::move(statement));
    }
    if ((c.what & kColumnNullability) != 0)
      out.push_back(column + (c.to.nullable ? " DROP NOT NULL" : " SET NOT NULL"));
    if ((c.what & kColumnHidden) != 0) out.push_back(column + (c.to.hidden ? " SET NOT VISIBLE" : " SET VISIBLE"));
    if ((c.what & kColumnOnUpdate) != 0) {
      out.push_back(c.to.on_update ? column + " SET ON UPDATE " + *c.to.on_update : column + " DROP ON UPDATE");
    }
    return statements(out);
  }
  ChangeSql operator()(const SetPrimaryKey& c) const {
    if (!c.to) {
      throw PlanError(
          fmt::format("table {} would lose its primary key; CockroachDB tables always have one (it would "
                      "add a hidden rowid key): declare the key the table should have",
                      to_string(c.table)));
    }
    if (c.to->shard_buckets) require(Feature::HashShardedIndex);
    if (c.from) {
      // ALTER PRIMARY KEY would keep the old key as a UNIQUE secondary index, which the target
      // does not declare (and the next plan would drop); DROP + ADD CONSTRAINT in one statement
      // swaps the key without it.
      return statements({fmt::format("{} DROP CONSTRAINT {}, ADD {}", alter_table(c.table), quote_ident(c.from->name),
                                     primary_key_constraint_sql(*c.to))});
    }
    // The hidden rowid key: replaced, not kept as an index.
    std::string sql =
        fmt::format("{} ALTER PRIMARY KEY USING COLUMNS ({})", alter_table(c.table), column_list_sql(c.to->columns));
    if (c.to->shard_buckets) sql += hash_sharded_sql(*c.to->shard_buckets);
    return statements({sql});
  }
  ChangeSql operator()(const CreateIndex& c) const {
    require_index(c.index);
    return statements({create_index_sql(c.table, c.index)});
  }
  ChangeSql operator()(const DropIndex& c) const {
    // A unique index made by a UNIQUE constraint refuses a plain DROP INDEX ("index … is in use as
    // unique constraint"); the catalog does not say which unique indexes those are, so every
    // unique index is dropped with CASCADE (which would also drop a foreign key that needs it,
    // one the target no longer declares or could not keep anyway).
    return statements({fmt::format("DROP INDEX {}@{}{}", table_name_sql(c.table), quote_ident(c.index.name),
                                   c.index.unique ? " CASCADE" : "")});
  }
  ChangeSql operator()(const RenameIndex& c) const {
    return statements({fmt::format("ALTER INDEX {}@{} RENAME TO {}", table_name_sql(c.table), quote_ident(c.from),
                                   quote_ident(c.to))});
  }
  ChangeSql operator()(const SetIndexVisibility& c) const {
    return statements(
        {fmt::format("ALTER INDEX {}@{} {}", table_name_sql(c.table), quote_ident(c.index), visibility_sql(c.to))});
  }
  ChangeSql operator()(const AddUnique& c) const {
    std::vector<std::string> out;
    if (c.unique.without_index) allow_unique_without_index(out);
    out.push_back(fmt::format("{} ADD {}", alter_table(c.table), unique_constraint_sql(c.unique)));
    return statements(out);
  }
  ChangeSql operator()(const DropUnique& c) const {
    // Without an index it is only a constraint.
    if (c.unique.without_index)
      return statements({alter_table(c.table) + " DROP CONSTRAINT " + quote_ident(c.unique.name)});
    // A unique constraint is a unique index on CockroachDB, dropped as one.
    return statements({fmt::format("DROP INDEX {}@{} CASCADE", table_name_sql(c.table), quote_ident(c.unique.name))});
  }
  ChangeSql operator()(const AddForeignKey& c) const {
    Table table;
    table.name = c.table;
    return statements({postgres::add_foreign_key_sql(table, c.foreign_key)});
  }
  ChangeSql operator()(const DropForeignKey& c) const {
    return statements({alter_table(c.table) + " DROP CONSTRAINT " + quote_ident(c.foreign_key.name)});
  }
  ChangeSql operator()(const AddCheck& c) const {
    return statements({fmt::format("{} ADD CONSTRAINT {} CHECK ({})", alter_table(c.table), quote_ident(c.check.name),
                                   c.check.expression)});
  }
  ChangeSql operator()(const DropCheck& c) const {
    return statements({alter_table(c.table) + " DROP CONSTRAINT " + quote_ident(c.check.name)});
  }
  ChangeSql operator()(const AddRegion& c) const {
    return statements({alter_database() + " ADD REGION " + region_sql(c.region)});
  }
  ChangeSql operator()(const DropRegion& c) const {
    return statements({alter_database() + " DROP REGION " + region_sql(c.region)});
  }
  ChangeSql operator()(const SetPrimaryRegion& c) const {
    return statements({alter_database() + " PRIMARY REGION " + region_sql(c.to)});
  }
  ChangeSql operator()(const SetSurvivalGoal& c) const {
    return statements(
        {alter_database() + (c.to == SurvivalGoal::Region ? " SURVIVE REGION FAILURE" : " SURVIVE ZONE FAILURE")});
  }
  ChangeSql operator()(const SetLocality& c) const {
    return statements({alter_table(c.table) + " SET " + locality_sql(c.to)});
  }
  ChangeSql operator()(const SetTableTtl& c) const {
    // Each statement alone: CockroachDB runs a TTL change with no other command in the same
    // ALTER TABLE or transaction (row_level_ttl@0017defd).
    require(Feature::RowLevelTtl);
    if (c.to.empty()) return statements({alter_table(c.table) + " RESET (ttl)"});
    std::vector<std::string> out;
    if (!c.set.empty())
      out.push_back(fmt::format("{} SET ({})", alter_table(c.table), ttl_parameters_sql(c.to, c.set)));
    if (!c.reset.empty()) {
      std::vector<std::string> names;
      for (const auto& name : c.reset) names.push_back(ttl_parameter(name));
      out.push_back(fmt::format("{} RESET ({})", alter_table(c.table), fmt::join(names, ", ")));
    }
    return statements(out);
  }
  ChangeSql operator()(const SetComment& c) const {
    return statements({postgres::comment_sql(c, table_name_sql(c.table) + "@" + quote_ident(c.object))});
  }
};

}  // namespace

ChangeSql CockroachDialect::emit(const Change& change) const {
  return std::visit(Emit{*this}, change);
}

}  // namespace strata::cockroachdb
