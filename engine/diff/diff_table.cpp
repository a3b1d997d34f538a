// diff() for one table present on both sides: columns, keys, indexes, constraints, locality.
#include <algorithm>
#include <map>
#include <set>

#include "engine/diff/differ.hpp"

namespace strata::diff_detail {

namespace {

template <typename T>
const T* find_by_name(const std::vector<T>& items, const std::string& name) {
  for (const auto& item : items) {
    if (item.name == name) return &item;
  }
  return nullptr;
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
  return what;
}

// Two indexes with the same definition under any name.
bool same_definition(Index a, Index b) {
  a.name.clear();
  b.name.clear();
  return a == b;
}

// `table` as it will be once the declared column renames are done: the server carries keys,
// indexes and constraints over to the new names, so they must not show up as changed.
Table with_renames_applied(Table table, const Table& to, const Table& declared) {
  std::map<std::string, std::string> renames;
  for (const auto& column : declared.columns) {
    if (column.renamed_from && table.find_column(column.name) == nullptr &&
        to.find_column(*column.renamed_from) == nullptr && table.find_column(*column.renamed_from) != nullptr) {
      renames[*column.renamed_from] = column.name;
    }
  }
  if (renames.empty()) return table;
  auto rename = [&](std::string& name) {
    if (auto it = renames.find(name); it != renames.end()) name = it->second;
  };
  auto rename_all = [&](std::vector<std::string>& names) { std::for_each(names.begin(), names.end(), rename); };
  if (table.primary_key) rename_all(table.primary_key->columns);
  for (auto& index : table.indexes) {
    for (auto& key : index.keys) rename(key.column);
    rename_all(index.include);
  }
  for (auto& unique : table.uniques) rename_all(unique.columns);
  for (auto& fk : table.foreign_keys) {
    rename_all(fk.columns);
    if (fk.ref_table == table.name) rename_all(fk.ref_columns);
  }
  return table;
}

}  // namespace

void Differ::diff_table(const Table& original, const Table& to, const Table& declared) {
  diff_columns(original, to, declared);
  const Table from = with_renames_applied(original, to, declared);
  if (from.primary_key != to.primary_key) add(SetPrimaryKey{to.name, from.primary_key, declared.primary_key});
  diff_indexes(from, to, declared);
  diff_constraints(from, to, declared);
  if (from.locality != to.locality) add(SetLocality{to.name, from.locality, declared.locality});
}

void Differ::diff_columns(const Table& from, const Table& to, const Table& declared) {
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
    if (what == 0) continue;
    Column target = declared_col;
    target.renamed_from.reset();
    if ((what & kColumnGenerated) != 0) {
      // A computed column's expression cannot be altered in place: it is dropped and added again.
      Column dropped = *live;
      dropped.name = column.name;
      add(DropColumn{to.name, dropped});
      add(AddColumn{to.name, target});
      continue;
    }
    Column previous = *live;
    previous.name = column.name;
    add(AlterColumn{to.name, previous, target, what});
  }
  for (const auto& column : from.columns) {
    if (paired.count(column.name) == 0) add(DropColumn{to.name, column});
  }
}

void Differ::diff_indexes(const Table& from, const Table& to, const Table& declared) {
  std::vector<const Index*> added;
  std::vector<const Index*> removed;
  for (const auto& index : to.indexes) {
    const Index* live = find_by_name(from.indexes, index.name);
    if (live == nullptr) {
      added.push_back(&index);
    } else if (!(*live == index)) {
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
  for (const Index* index : added) add(CreateIndex{to.name, *find_by_name(declared.indexes, index->name), false});
}

void Differ::diff_constraints(const Table& from, const Table& to, const Table& declared) {
  for (const auto& u : from.uniques) {
    const auto* other = find_by_name(to.uniques, u.name);
    if (other == nullptr || !(*other == u)) add(DropUnique{to.name, u});
  }
  for (const auto& u : to.uniques) {
    const auto* live = find_by_name(from.uniques, u.name);
    if (live == nullptr || !(*live == u)) add(AddUnique{to.name, *find_by_name(declared.uniques, u.name)});
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
  for (const auto& check : from.checks) {
    const auto* other = find_by_name(to.checks, check.name);
    if (other == nullptr || !(*other == check)) add(DropCheck{to.name, check});
  }
  for (const auto& check : to.checks) {
    const auto* live = find_by_name(from.checks, check.name);
    if (live == nullptr || !(*live == check)) add(AddCheck{to.name, *find_by_name(declared.checks, check.name)});
  }
}

}  // namespace strata::diff_detail
