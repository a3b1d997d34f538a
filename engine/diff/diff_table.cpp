// diff() for one table present on both sides: columns, keys, indexes, constraints, locality, TTL.
#include <algorithm>
#include <map>
#include <set>

#include "engine/diff/differ.hpp"
#include "engine/expr/expression.hpp"
#include "engine/model/row_ttl.hpp"
#include "strata/errors.hpp"

namespace strata::diff_detail {

namespace {

template <typename T>
const T* find_by_name(const std::vector<T>& items, const std::string& name) {
  for (const auto& item : items) {
    if (item.name == name) return &item;
  }
  return nullptr;
}

// A column of a table that names no family is in CockroachDB's default one: a table that starts
// naming families keeps its columns there.
std::string_view family_of(const Column& c) {
  return c.family.empty() ? kDefaultFamily : std::string_view(c.family);
}

std::uint32_t column_differences(const Column& a, const Column& b) {
  std::uint32_t what = 0;
  if (a.type != b.type) what |= kColumnType;
  if (a.nullable != b.nullable) what |= kColumnNullability;
  if (a.default_expr != b.default_expr) what |= kColumnDefault;
  if (a.generated != b.generated) what |= kColumnGenerated;
  if (a.identity != b.identity) what |= kColumnIdentity;
  if (a.collation != b.collation) what |= kColumnCollation;
  if (a.hidden != b.hidden) what |= kColumnHidden;
  if (a.on_update != b.on_update) what |= kColumnOnUpdate;
  if (family_of(a) != family_of(b)) what |= kColumnFamily;
  return what;
}

// Two indexes with the same definition under any name.
bool same_definition(Index a, Index b) {
  a.name.clear();
  b.name.clear();
  return a == b;
}

// Two indexes that differ in their visibility alone (changed in place, not built again).
bool only_visibility_differs(Index a, const Index& b) {
  if (a.visibility == b.visibility) return false;
  a.visibility = b.visibility;
  return a == b;
}

const std::set<std::string>& rebuilt(const std::map<QualifiedName, std::set<std::string>>& names,
                                     const QualifiedName& table) {
  static const std::set<std::string> kNone;
  const auto it = names.find(table);
  return it == names.end() ? kNone : it->second;
}

}  // namespace

// Live column name -> declared name, for the columns `declared` renames.
std::map<std::string, std::string> column_renames(const Table& live, const Table& to, const Table& declared) {
  std::map<std::string, std::string> renames;
  for (const auto& column : declared.columns) {
    if (column.renamed_from && live.find_column(column.name) == nullptr &&
        to.find_column(*column.renamed_from) == nullptr && live.find_column(*column.renamed_from) != nullptr) {
      renames[*column.renamed_from] = column.name;
    }
  }
  return renames;
}

// `table` as it will be once the declared renames of tables and columns are done: the server
// carries keys, indexes, constraints, expressions and references to other tables over to the new
// names, so they must not show up as changed.
Table Differ::with_renames_applied(Table table, const QualifiedName& name) const {
  const auto own = column_renames_.find(name);
  const std::map<std::string, std::string> none;
  const auto& renames = own == column_renames_.end() ? none : own->second;
  auto rename = [&](std::string& column) {
    if (auto it = renames.find(column); it != renames.end()) column = it->second;
  };
  auto rename_all = [&](std::vector<std::string>& names) { std::for_each(names.begin(), names.end(), rename); };
  auto rename_in = [&](std::string& expression) {
    if (!renames.empty() && !expression.empty()) expression = rename_columns(expression, renames, dialect_.grammar());
  };
  for (auto& column : table.columns) {
    if (column.generated) rename_in(column.generated->expression);
  }
  if (table.primary_key) rename_all(table.primary_key->columns);
  for (auto& index : table.indexes) {
    for (auto& key : index.keys) {
      rename(key.column);
      rename_in(key.expression);
    }
    rename_all(index.include);
    if (index.where) rename_in(*index.where);
  }
  for (auto& unique : table.uniques) {
    rename_all(unique.columns);
    if (unique.where) rename_in(*unique.where);
  }
  for (auto& check : table.checks) rename_in(check.expression);
  if (auto it = table.ttl.find(std::string(kTtlExpirationExpression)); it != table.ttl.end()) rename_in(it->second);
  for (auto& fk : table.foreign_keys) {
    rename_all(fk.columns);
    if (auto it = table_renames_.find(fk.ref_table); it != table_renames_.end()) fk.ref_table = it->second;
    if (auto it = column_renames_.find(fk.ref_table); it != column_renames_.end()) {
      for (auto& column : fk.ref_columns) {
        if (auto r = it->second.find(column); r != it->second.end()) column = r->second;
      }
    }
  }
  table.name = name;
  return table;
}

void Differ::diff_table(const Table& original, const Table& to, const Table& declared) {
  const Table from = with_renames_applied(original, to.name);
  diff_columns(from, to, declared);
  // A key only the name of which changed is renamed with its index (ALTER INDEX renames the constraint).
  if (from.primary_key && to.primary_key && from.primary_key->name != to.primary_key->name &&
      from.primary_key->columns == to.primary_key->columns &&
      from.primary_key->shard_buckets == to.primary_key->shard_buckets) {
    add(RenameIndex{to.name, from.primary_key->name, to.primary_key->name});
  } else if (from.primary_key != to.primary_key) {
    add(SetPrimaryKey{to.name, from.primary_key, declared.primary_key});
  }
  diff_indexes(from, to, declared);
  diff_constraints(from, to, declared);
  if (from.locality != to.locality) add(SetLocality{to.name, from.locality, declared.locality});
  if (from.ttl != to.ttl) diff_ttl(from, to, declared);
}

// Which settings change is decided on the normalised sides; the values sent are the declared ones.
void Differ::diff_ttl(const Table& from, const Table& to, const Table& declared) {
  SetTableTtl change{to.name, from.ttl, to.ttl.empty() ? to.ttl : declared.ttl, {}, {}};
  for (const auto& setting : ttl_settings()) {
    const std::string name(setting.name);
    const auto live = from.ttl.find(name);
    const auto wanted = to.ttl.find(name);
    if (wanted != to.ttl.end() && (live == from.ttl.end() || live->second != wanted->second)) {
      change.set.push_back(name);
    }
    if (wanted == to.ttl.end() && live != from.ttl.end()) change.reset.push_back(name);
  }
  add(std::move(change));
}

void Differ::diff_columns(const Table& from, const Table& to, const Table& declared) {
  // A table declared without families leaves the server's as they are: no statement changes them,
  // and schemas written before strata knew families must not turn into refused plans.
  const bool families_declared =
      std::any_of(to.columns.begin(), to.columns.end(), [](const Column& c) { return !c.family.empty(); });
  std::set<std::string> paired;
  for (const auto& column : to.columns) {
    const Column& declared_col = declared_column(declared, column.name);
    const Column* live = from.find_column(column.name);
    if (live == nullptr && declared_col.renamed_from && to.find_column(*declared_col.renamed_from) == nullptr) {
      live = from.find_column(*declared_col.renamed_from);
      if (live != nullptr) add(RenameColumn{to.name, live->name, column.name});
    }
    if (live == nullptr) {
      Column added = declared_col;
      added.renamed_from.reset();
      add(AddColumn{to.name, added});
      continue;
    }
    paired.insert(live->name);
    std::uint32_t what = column_differences(*live, column);
    if (!families_declared) what &= ~kColumnFamily;
    if (what == 0) continue;
    Column target = declared_col;
    target.renamed_from.reset();
    const bool stored = !(target.generated && target.generated->kind == GeneratedKind::Virtual);
    if (!families_declared) target.family = stored ? live->family : "";  // re-added where the server keeps it
    if ((what & kColumnGenerated) != 0) {
      // A computed column's expression cannot be altered in place: it is dropped and added again.
      Column dropped = *live;
      dropped.name = column.name;
      add(DropColumn{to.name, dropped, {}});
      add(AddColumn{to.name, target});
      continue;
    }
    Column previous = *live;
    previous.name = column.name;
    add(AlterColumn{to.name, previous, target, what});
  }
  for (const auto& column : from.columns) {
    if (paired.count(column.name) == 0) add(DropColumn{to.name, column, {}});
  }
}

void Differ::diff_indexes(const Table& from, const Table& to, const Table& declared) {
  std::vector<const Index*> added;
  std::vector<const Index*> removed;
  const std::set<std::string>& rebuilt_indexes = rebuilt(rebuilt_indexes_, to.name);
  for (const auto& index : to.indexes) {
    const Index* live = find_by_name(from.indexes, index.name);
    const bool rebuilt_here = rebuilt_indexes.count(index.name) > 0;
    if (live == nullptr) {
      added.push_back(&index);
    } else if (!rebuilt_here && only_visibility_differs(*live, index)) {
      add(SetIndexVisibility{to.name, index.name, live->visibility, index.visibility});
    } else if (!(*live == index) || rebuilt_here) {
      removed.push_back(live);  // same name, new definition: dropped, then created again
      added.push_back(&index);
    }
  }
  for (const auto& index : from.indexes) {
    if (find_by_name(to.indexes, index.name) == nullptr) removed.push_back(&index);
  }
  // A dropped index and a created one with the same definition are one renamed index.
  for (auto a = added.begin(); a != added.end();) {
    auto r = std::find_if(removed.begin(), removed.end(), [&](const Index* index) {
      return index->name != (*a)->name && same_definition(*index, **a) &&
             find_by_name(to.indexes, index->name) == nullptr;
    });
    if (r == removed.end()) {
      ++a;
      continue;
    }
    add(RenameIndex{to.name, (*r)->name, (*a)->name});
    removed.erase(r);
    a = added.erase(a);
  }
  for (const Index* index : removed) add(DropIndex{to.name, *index});
  for (const Index* index : added) {
    // A dialect whose normaliser turns unique constraints into unique indexes (CockroachDB) pairs
    // a declared constraint with an index: it is created as the constraint it was declared as.
    if (const Index* declared_index = find_by_name(declared.indexes, index->name)) {
      add(CreateIndex{to.name, *declared_index, false});
    } else if (const UniqueConstraint* unique = find_by_name(declared.uniques, index->name)) {
      add(AddUnique{to.name, *unique});
    } else {
      throw PlanError("internal: declared index " + index->name + " of " + to_string(to.name) + " went missing");
    }
  }
}

void Differ::diff_constraints(const Table& from, const Table& to, const Table& declared) {
  // A unique constraint only the name of which changed is renamed (with its index). One without
  // an index has none to rename: it is dropped and added.
  std::set<std::string> renamed;
  for (const auto& u : to.uniques) {
    if (find_by_name(from.uniques, u.name) != nullptr) continue;
    for (const auto& live : from.uniques) {
      if (renamed.count(live.name) > 0 || find_by_name(to.uniques, live.name) != nullptr) continue;
      if (live.columns != u.columns || live.without_index || u.without_index) continue;
      add(RenameIndex{to.name, live.name, u.name});
      renamed.insert(live.name);
      renamed.insert(u.name);
      break;
    }
  }
  for (const auto& u : from.uniques) {
    const auto* other = find_by_name(to.uniques, u.name);
    if (renamed.count(u.name) == 0 && (other == nullptr || !(*other == u))) add(DropUnique{to.name, u});
  }
  for (const auto& u : to.uniques) {
    const auto* live = find_by_name(from.uniques, u.name);
    if (renamed.count(u.name) == 0 && (live == nullptr || !(*live == u))) {
      add(AddUnique{to.name, *find_by_name(declared.uniques, u.name)});
    }
  }
  for (const auto& fk : from.foreign_keys) {
    const auto* other = find_by_name(to.foreign_keys, fk.name);
    if (other == nullptr || !(*other == fk)) add(DropForeignKey{to.name, fk});
  }
  for (const auto& fk : to.foreign_keys) {
    const auto* live = find_by_name(from.foreign_keys, fk.name);
    if (live == nullptr || !(*live == fk)) {
      add(AddForeignKey{to.name, *find_by_name(declared.foreign_keys, fk.name), false});
    }
  }
  const std::set<std::string>& rebuilt_checks = rebuilt(rebuilt_checks_, to.name);
  for (const auto& check : from.checks) {
    const auto* other = find_by_name(to.checks, check.name);
    if (other == nullptr || !(*other == check) || rebuilt_checks.count(check.name) > 0) add(DropCheck{to.name, check});
  }
  for (const auto& check : to.checks) {
    const auto* live = find_by_name(from.checks, check.name);
    if (live == nullptr || !(*live == check) || rebuilt_checks.count(check.name) > 0) {
      add(AddCheck{to.name, *find_by_name(declared.checks, check.name)});
    }
  }
}

}  // namespace strata::diff_detail
