// diff(): the schema-level walk (database, namespaces, enums, sequences, tables).
#include "strata/diff.hpp"

#include <algorithm>
#include <set>

#include "engine/diff/differ.hpp"
#include "strata/errors.hpp"

namespace strata {

namespace diff_detail {

namespace {

template <typename T>
const T* find_named(const std::vector<T>& items, const QualifiedName& name) {
  for (const auto& item : items) {
    if (item.name == name) return &item;
  }
  return nullptr;
}

// True when `small` is `big` with some values left out, in the same order.
bool is_subsequence(const std::vector<std::string>& small, const std::vector<std::string>& big) {
  std::size_t i = 0;
  for (const auto& value : big) {
    if (i < small.size() && small[i] == value) ++i;
  }
  return i == small.size();
}

bool uses_type(const Column& column, const QualifiedName& type) {
  const std::string plain = type.schema == "public" ? type.name : type.schema + "." + type.name;
  std::string name = column.type;
  if (name.ends_with("[]")) name.resize(name.size() - 2);
  // Canonical type spellings quote where needed; compare against both forms.
  return name == plain || name == "\"" + type.name + "\"" || name == type.schema + ".\"" + type.name + "\"" ||
         name == "\"" + type.schema + "\".\"" + type.name + "\"";
}

}  // namespace

const Table& declared_table(const Schema& declared, const QualifiedName& name) {
  if (const Table* table = find_named(declared.tables, name)) return *table;
  throw PlanError("internal: declared table " + to_string(name) + " went missing");
}

const Column& declared_column(const Table& declared, const std::string& name) {
  if (const Column* column = declared.find_column(name)) return *column;
  throw PlanError("internal: declared column " + name + " went missing");
}

Differ::Differ(const Schema& from, const Schema& to, const Dialect& dialect)
    : declared_(to), from_(from), to_(to), dialect_(dialect) {
  dialect.normalize(from_);
  dialect.normalize(to_);
}

ChangeSet Differ::run() {
  diff_database();
  diff_schemas();
  diff_enums();
  diff_sequences();
  diff_tables();
  return std::move(changes_);
}

void Differ::diff_database() {
  const Database& a = from_.database;
  const Database& b = to_.database;
  auto has = [](const std::vector<std::string>& regions, const std::string& region) {
    return std::find(regions.begin(), regions.end(), region) != regions.end();
  };
  // Setting the first primary region is what makes a database multi-region: it adds that region.
  const bool becomes_multi_region = a.primary_region.empty() && !b.primary_region.empty();
  if (!b.primary_region.empty() && a.primary_region != b.primary_region) {
    add(SetPrimaryRegion{a.primary_region, b.primary_region});
  }
  for (const auto& region : b.regions) {
    if (has(a.regions, region)) continue;
    if (becomes_multi_region && region == b.primary_region) continue;
    add(AddRegion{region});
  }
  if (b.survival_goal && a.survival_goal != b.survival_goal) add(SetSurvivalGoal{a.survival_goal, *b.survival_goal});
  for (const auto& region : a.regions) {
    if (!has(b.regions, region)) add(DropRegion{region, region == a.primary_region});
  }
}

void Differ::diff_schemas() {
  for (const auto& name : to_.schemas) {
    if (std::find(from_.schemas.begin(), from_.schemas.end(), name) == from_.schemas.end()) add(CreateSchema{name});
  }
  // Namespaces are never dropped: one may hold objects strata does not manage.
}

void Differ::diff_enums() {
  for (const auto& e : to_.enums) {
    const Enum* live = find_named(from_.enums, e.name);
    const Enum& declared = *find_named(declared_.enums, e.name);
    if (live == nullptr) {
      add(CreateEnum{declared});
      continue;
    }
    if (live->values == e.values) continue;
    if (is_subsequence(live->values, e.values)) {
      // Each new value goes in before the next value that already exists (or last).
      for (std::size_t i = 0; i < e.values.size(); ++i) {
        const auto& value = e.values[i];
        if (std::find(live->values.begin(), live->values.end(), value) != live->values.end()) continue;
        std::string before;
        for (std::size_t j = i + 1; j < e.values.size() && before.empty(); ++j) {
          if (std::find(live->values.begin(), live->values.end(), e.values[j]) != live->values.end()) {
            before = e.values[j];
          }
        }
        add(AddEnumValue{e.name, value, before});
      }
      continue;
    }
    // Values removed or reordered: rebuild the type and convert the columns that keep it.
    RecreateEnum rebuild{*live, declared, {}};
    for (const auto& table : to_.tables) {
      const Table* live_table = find_named(from_.tables, table.name);
      if (live_table == nullptr) continue;
      for (const auto& column : table.columns) {
        const Column* live_column = live_table->find_column(column.name);
        if (live_column == nullptr || !uses_type(column, e.name) || !uses_type(*live_column, e.name)) continue;
        const Column& declared_col = declared_column(declared_table(declared_, table.name), column.name);
        rebuild.uses.push_back({table.name, column.name, declared_col.default_expr, column.type.ends_with("[]")});
      }
    }
    add(std::move(rebuild));
  }
  for (const auto& e : from_.enums) {
    if (find_named(to_.enums, e.name) == nullptr) add(DropEnum{e});
  }
}

void Differ::diff_sequences() {
  for (const auto& s : to_.sequences) {
    const Sequence* live = find_named(from_.sequences, s.name);
    const Sequence& declared = *find_named(declared_.sequences, s.name);
    if (live == nullptr) {
      add(CreateSequence{declared});
    } else if (!(*live == s)) {
      add(AlterSequence{*live, declared});
    }
  }
  for (const auto& s : from_.sequences) {
    if (find_named(to_.sequences, s.name) == nullptr) add(DropSequence{s});
  }
}

void Differ::diff_tables() {
  std::set<QualifiedName> paired_live;
  std::vector<std::pair<const Table*, const Table*>> pairs;  // (live, normalised declared)
  for (const auto& table : to_.tables) {
    const Table& declared = declared_table(declared_, table.name);
    if (const Table* live = find_named(from_.tables, table.name)) {
      pairs.emplace_back(live, &table);
      paired_live.insert(live->name);
      continue;
    }
    if (declared.renamed_from) {
      const QualifiedName old_name{table.name.schema, *declared.renamed_from};
      const Table* live = find_named(from_.tables, old_name);
      if (live != nullptr && find_named(to_.tables, old_name) == nullptr) {
        add(RenameTable{old_name, table.name});
        pairs.emplace_back(live, &table);
        paired_live.insert(old_name);
        continue;
      }
    }
    create_table(declared);
  }
  for (const auto& [live, table] : pairs) diff_table(*live, *table, declared_table(declared_, table->name));
  std::map<QualifiedName, bool> dropped;
  for (const auto& table : from_.tables) {
    if (paired_live.count(table.name) == 0) dropped[table.name] = true;
  }
  for (const auto& table : from_.tables) {
    if (dropped.count(table.name) > 0) drop_table(table, dropped);
  }
}

void Differ::create_table(const Table& declared) {
  Table body = declared;
  body.indexes.clear();
  body.foreign_keys.clear();
  body.renamed_from.reset();
  add(CreateTable{body});
  for (const auto& index : declared.indexes) add(CreateIndex{declared.name, index, true});
  for (const auto& fk : declared.foreign_keys) add(AddForeignKey{declared.name, fk, true});
}

void Differ::drop_table(const Table& live, const std::map<QualifiedName, bool>& dropped) {
  // A foreign key between two tables that both go is dropped first, so that the tables can be
  // dropped in any order (they may refer to each other).
  for (const auto& fk : live.foreign_keys) {
    if (fk.ref_table != live.name && dropped.count(fk.ref_table) > 0) add(DropForeignKey{live.name, fk});
  }
  add(DropTable{live});
}

}  // namespace diff_detail

ChangeSet diff(const Schema& from, const Schema& to, const Dialect& dialect) {
  return diff_detail::Differ(from, to, dialect).run();
}

}  // namespace strata
