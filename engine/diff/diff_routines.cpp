// diff() for functions, procedures and triggers. Routines pair by identity (name and argument
// types: each overload is a routine of its own). A changed one is CREATE OR REPLACE when its
// signature stays (kind, arguments with their names, modes and defaults, result), else dropped
// and created again. Triggers pair by table and name; a changed one is dropped and created again,
// and so is one whose function is dropped and created again (the server refuses to drop a
// function a trigger runs). A trigger on a table or view the plan drops goes with it.
#include <set>

#include "engine/diff/differ.hpp"

namespace strata::diff_detail {

namespace {

struct Gone {
  std::set<QualifiedName> relations;                        // dropped tables and views: their triggers go with them
  std::set<std::pair<QualifiedName, std::string>> retyped;  // columns whose type changes
  void operator()(const DropTable& c) { relations.insert(c.table.name); }
  void operator()(const DropView& c) { relations.insert(c.view.name); }
  void operator()(const AlterColumn& c) {
    if ((c.what & (kColumnType | kColumnCollation)) == 0) return;
    retyped.insert({c.table, c.from.name});
    retyped.insert({c.table, c.to.name});
  }
  void operator()(const RecreateEnum& c) {
    for (const auto& use : c.uses) retyped.insert({use.table, use.column});
    if (!enum_rebuilt_in_place) rebuilt_types.insert(c.from.name);
  }
  bool enum_rebuilt_in_place = false;     // Capabilities::enum_rebuilt_in_place
  std::set<QualifiedName> rebuilt_types;  // the old type goes: what names it must go first
  bool uses_rebuilt(const Routine& r) const {
    for (const auto& type : r.types) {
      if (rebuilt_types.count(type) > 0) return true;
    }
    return false;
  }
  // PostgreSQL refuses a column's type change under a trigger that names the column.
  bool names_retyped(const Trigger& t, const QualifiedName& table) const {
    for (const auto& column : t.columns) {
      if (retyped.count({table, column}) > 0) return true;
    }
    return false;
  }
  template <typename Other>
  void operator()(const Other&) {}
};

std::string function_identity(const Trigger& t) {
  return t.function.schema + "." + t.function.name + "()";
}

// A live trigger as it reads once the plan has renamed its table.
Trigger on_renamed_table(Trigger live, const QualifiedName& to) {
  const auto quoted = [](const QualifiedName& n) { return "\"relation\":\"" + n.schema + "." + n.name + "\""; };
  const std::string from = quoted(live.table);
  if (const auto at = live.compared.find(from); at != std::string::npos)
    live.compared.replace(at, from.size(), quoted(to));
  live.table = to;
  return live;
}

}  // namespace

void Differ::diff_routines() {
  Gone gone;
  gone.enum_rebuilt_in_place = dialect_.capabilities().enum_rebuilt_in_place;
  for (const auto& change : changes_) std::visit(gone, change);
  std::map<std::string, const Routine*> live_routines;
  for (const auto& r : from_.routines) live_routines.emplace(r.identity, &r);
  std::set<std::string> dropped;
  for (const auto& routine : to_.routines) {
    const auto it = live_routines.find(routine.identity);
    if (it == live_routines.end()) {
      add(CreateRoutine{routine});
    } else if (!(*it->second == routine) || gone.uses_rebuilt(*it->second)) {
      if (it->second->signature == routine.signature && !gone.uses_rebuilt(*it->second)) {
        add(ReplaceRoutine{*it->second, routine});
      } else {
        add(DropRoutine{*it->second});
        add(CreateRoutine{routine});
        dropped.insert(routine.identity);
      }
    }
  }
  std::set<std::string> declared_identities;
  for (const auto& r : to_.routines) declared_identities.insert(r.identity);
  for (const auto& live : from_.routines) {
    if (declared_identities.count(live.identity) == 0) {
      add(DropRoutine{live});
      dropped.insert(live.identity);
    }
  }

  std::map<std::pair<QualifiedName, std::string>, Trigger> live_triggers;
  for (const auto& t : from_.triggers) {
    const auto renamed = table_renames_.find(t.table);
    Trigger live = renamed == table_renames_.end() ? t : on_renamed_table(t, renamed->second);
    live.table = t.table;  // DROP TRIGGER runs before the rename (dependencies)
    live_triggers.emplace(std::pair{renamed == table_renames_.end() ? t.table : renamed->second, t.name},
                          std::move(live));
  }
  for (const auto& trigger : to_.triggers) {
    const auto it = live_triggers.find({trigger.table, trigger.name});
    if (it != live_triggers.end()) {
      const Trigger live = std::move(it->second);
      const bool kept = gone.relations.count(live.table) == 0;
      const bool same = live.compared == trigger.compared && dropped.count(function_identity(live)) == 0 &&
                        !gone.names_retyped(live, trigger.table) && !gone.names_retyped(live, live.table);
      live_triggers.erase(it);
      if (kept && same) continue;
      if (kept) add(DropTrigger{live});
    }
    add(CreateTrigger{trigger});
  }
  for (const auto& [key, live] : live_triggers) {
    if (gone.relations.count(live.table) == 0) add(DropTrigger{live});
  }
}

}  // namespace strata::diff_detail
