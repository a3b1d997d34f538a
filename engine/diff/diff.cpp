// diff(): the schema-level walk (database, namespaces, extensions, enums, sequences, tables).
#include "strata/diff.hpp"

#include <algorithm>
#include <set>

#include "engine/diff/differ.hpp"
#include "engine/expr/expression.hpp"
#include "strata/errors.hpp"

namespace strata {

namespace diff_detail {

namespace {

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

const Table* Differ::live_table(const QualifiedName& name) const {
  const auto it = live_tables_.find(name);
  return it == live_tables_.end() ? nullptr : it->second;
}

const Table* Differ::target_table(const QualifiedName& name) const {
  const auto it = target_tables_.find(name);
  return it == target_tables_.end() ? nullptr : it->second;
}

const Table& Differ::declared_table(const QualifiedName& name) const {
  const auto it = declared_tables_.find(name);
  if (it == declared_tables_.end()) throw PlanError("internal: declared table " + to_string(name) + " went missing");
  return *it->second;
}

const Column& declared_column(const Table& declared, const std::string& name) {
  if (const Column* column = declared.find_column(name)) return *column;
  throw PlanError("internal: declared column " + name + " went missing");
}

Differ::Differ(const Schema& from, const Schema& to, const Dialect& dialect)
    : declared_(to), from_(from), to_(to), dialect_(dialect) {
  dialect.normalize(from_);
  dialect.normalize(to_);
  for (const auto& table : from_.tables) live_tables_.emplace(table.name, &table);
  for (const auto& table : to_.tables) target_tables_.emplace(table.name, &table);
  for (const auto& table : declared_.tables) declared_tables_.emplace(table.name, &table);
}

ChangeSet Differ::run() {
  diff_database();
  diff_schemas();
  diff_extensions();
  diff_enums();
  diff_sequences();
  diff_tables();
  fold_owned_sequences();
  diff_views();
  diff_routines();
  diff_comments();
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

// An extension is one per database, matched by name, in whatever namespace it is. A version of "" is not known
// (declared without one, or a declared `from` offline): only two known versions that differ are planned for.
void Differ::diff_extensions() {
  for (const auto& e : to_.extensions) {
    const Extension& declared = *find_named(declared_.extensions, e.name);
    const Extension* live = find_named(from_.extensions, e.name);
    if (live == nullptr) {
      add(CreateExtension{declared});
    } else if (live->schema != e.schema || updates_version(AlterExtension{*live, e})) {
      add(AlterExtension{*live, declared});
    }
  }
  // Extensions are dropped only by a declaration that manages some: one written before strata
  // managed them (or that leaves them to someone else) declares none, and drops none.
  // Nor are those in namespaces the live schema was not read in (another team's, say).
  if (to_.extensions.empty()) return;
  for (const auto& e : from_.extensions) {
    const bool read =
        e.schema == "public" || std::find(from_.schemas.begin(), from_.schemas.end(), e.schema) != from_.schemas.end();
    if (read && find_named(to_.extensions, e.name) == nullptr) add(DropExtension{e});
  }
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
    // (Tables and columns the declared schema renames are converted under their new names: the
    // renames run first.)
    RecreateEnum rebuild{*live, declared, {}};
    for (const auto& table : to_.tables) {
      const Table& declared_tab = declared_table(table.name);
      const Table* live_tab = paired_live_table(table, declared_tab);
      if (live_tab == nullptr) continue;
      for (const auto& column : table.columns) {
        const Column& declared_col = declared_column(declared_tab, column.name);
        const Column* live_column = live_tab->find_column(column.name);
        if (live_column == nullptr && declared_col.renamed_from &&
            table.find_column(*declared_col.renamed_from) == nullptr) {
          live_column = live_tab->find_column(*declared_col.renamed_from);
        }
        if (live_column == nullptr || !uses_type(column, e.name) || !uses_type(*live_column, e.name)) continue;
        rebuild.uses.push_back({table.name, column.name, declared_col.default_expr, column.type.ends_with("[]"),
                                live_column->default_expr.has_value()});
        mark_rebuilt(*live_tab, live_column->name, table.name);
      }
    }
    add(std::move(rebuild));
  }
  for (const auto& e : from_.enums) {
    if (find_named(to_.enums, e.name) == nullptr) add(DropEnum{e});
  }
}

void Differ::mark_rebuilt(const Table& live, const std::string& column, const QualifiedName& table) {
  for (const auto& index : live.indexes) {
    bool uses = index.where && mentions_column(*index.where, column, dialect_.grammar());
    for (const auto& key : index.keys) {
      uses = uses || (!key.expression.empty() && mentions_column(key.expression, column, dialect_.grammar()));
    }
    if (uses) rebuilt_indexes_[table].insert(index.name);
  }
  for (const auto& check : live.checks) {
    if (mentions_column(check.expression, column, dialect_.grammar())) rebuilt_checks_[table].insert(check.name);
  }
}

void Differ::diff_sequences() {
  for (const auto& s : to_.sequences) {
    const Sequence* live = find_named(from_.sequences, s.name);
    const Sequence& declared = *find_named(declared_.sequences, s.name);
    if (live == nullptr) {
      add(CreateSequence{declared});
    } else if (!(*live == s)) {
      add(AlterSequence{*live, declared, false});
    }
  }
  for (const auto& s : from_.sequences) {
    if (find_named(to_.sequences, s.name) == nullptr) add(DropSequence{s});
  }
}

const Table* Differ::paired_live_table(const Table& table, const Table& declared) const {
  if (const Table* live = live_table(table.name)) return live;
  if (!declared.renamed_from) return nullptr;
  const QualifiedName old_name{table.name.schema, *declared.renamed_from};
  return target_table(old_name) == nullptr ? live_table(old_name) : nullptr;
}

void Differ::diff_tables() {
  std::set<QualifiedName> paired_live;
  std::vector<std::pair<const Table*, const Table*>> pairs;  // (live, normalised declared)
  for (const auto& table : to_.tables) {
    const Table& declared = declared_table(table.name);
    const Table* live = paired_live_table(table, declared);
    if (live == nullptr) {
      create_table(declared);
      continue;
    }
    if (live->name != table.name) {
      add(RenameTable{live->name, table.name});
      table_renames_.emplace(live->name, table.name);
    }
    pairs.emplace_back(live, &table);
    paired_live.insert(live->name);
  }
  for (const auto& [live, table] : pairs) {
    auto renames = column_renames(*live, *table, declared_table(table->name));
    if (!renames.empty()) column_renames_.emplace(table->name, std::move(renames));
  }
  for (const auto& [live, table] : pairs) diff_table(*live, *table, declared_table(table->name));
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
  // dropped in any order (they may refer to each other). The table dropped after it no longer
  // holds that key.
  Table body = live;
  std::erase_if(body.foreign_keys, [&](const ForeignKey& fk) {
    if (fk.ref_table == live.name || dropped.count(fk.ref_table) == 0) return false;
    add(DropForeignKey{live.name, fk});
    return true;
  });
  add(DropTable{std::move(body), {}});
}

// A sequence owned by a column (serial) goes when the column or its table goes: it is dropped with
// them rather than on its own (DROP SEQUENCE would find it gone), and one that is kept is detached
// from its owner first (OWNED BY NONE), or the owner's drop would take it.
void Differ::fold_owned_sequences() {
  auto owner_drop = [&](const SequenceOwner& owner) -> std::vector<QualifiedName>* {
    for (auto& change : changes_) {
      if (auto* table = std::get_if<DropTable>(&change); table && table->table.name == owner.table) {
        return &table->owned_sequences;
      }
      if (auto* column = std::get_if<DropColumn>(&change);
          column && column->table == owner.table && column->column.name == owner.column) {
        return &column->owned_sequences;
      }
    }
    return nullptr;
  };
  ChangeSet kept;
  for (auto& change : changes_) {
    const auto* drop = std::get_if<DropSequence>(&change);
    if (drop && drop->sequence.owned_by) {
      if (auto* owned = owner_drop(*drop->sequence.owned_by)) {
        owned->push_back(drop->sequence.name);
        continue;
      }
    }
    kept.push_back(std::move(change));
  }
  changes_ = std::move(kept);
  for (const auto& live : from_.sequences) {
    const Sequence* declared = find_named(declared_.sequences, live.name);
    if (!live.owned_by || declared == nullptr || owner_drop(*live.owned_by) == nullptr) continue;
    auto altered = std::find_if(changes_.begin(), changes_.end(), [&](const Change& c) {
      const auto* alter = std::get_if<AlterSequence>(&c);
      return alter && alter->to.name == live.name;
    });
    if (altered != changes_.end()) {
      std::get<AlterSequence>(*altered).disown = true;
    } else {
      add(AlterSequence{live, *declared, true});
    }
  }
}

}  // namespace diff_detail

ChangeSet diff(const Schema& from, const Schema& to, const Dialect& dialect) {
  return diff_detail::Differ(from, to, dialect).run();
}

}  // namespace strata
