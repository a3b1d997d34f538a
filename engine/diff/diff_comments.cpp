// diff() for comments: a COMMENT ON for each declared comment that the live object lacks or words
// otherwise, one that removes a live comment the declaration no longer has. Comments go with their
// object: those of an object the plan drops are not removed, and an object the plan creates (or
// drops and creates again) gets its declared comment anew. Live comments are read under the names
// their objects will have once the plan's renames are done.
#include <map>
#include <set>
#include <tuple>

#include "engine/diff/differ.hpp"

namespace strata::diff_detail {

namespace {

using Key = std::tuple<CommentOn, QualifiedName, std::string>;

// What the plan's changes create and drop, by comment key, and the indexes they rename.
struct Fates {
  bool enum_rebuilt_in_place = false;  // Capabilities::enum_rebuilt_in_place
  std::set<QualifiedName> new_tables;
  std::set<QualifiedName> dropped_tables;
  std::set<Key> created;
  std::set<Key> dropped;
  std::map<std::pair<QualifiedName, std::string>, std::string> renamed_indexes;

  void both(std::set<Key>& into, const QualifiedName& table, const std::string& name) {
    into.insert({CommentOn::Index, table, name});
    into.insert({CommentOn::Constraint, table, name});
  }
  void operator()(const CreateTable& c) { new_tables.insert(c.table.name); }
  void operator()(const CreateView& c) { new_tables.insert(c.view.name); }  // views: by the same name
  void operator()(const DropView& c) { dropped_tables.insert(c.view.name); }
  void operator()(const DropTable& c) { dropped_tables.insert(c.table.name); }
  // Types (enums) share their namespace's relation names, so they are kept by name with tables. A
  // rebuilt enum is a new type (unless the server rebuilds it in place): the old one's comment
  // goes with it.
  void operator()(const CreateEnum& c) { new_tables.insert(c.value.name); }
  void operator()(const DropEnum& c) { dropped_tables.insert(c.value.name); }
  void operator()(const RecreateEnum& c) {
    if (enum_rebuilt_in_place) return;
    dropped_tables.insert(c.from.name);
    new_tables.insert(c.to.name);
  }
  void operator()(const AddColumn& c) { created.insert({CommentOn::Column, c.table, c.column.name}); }
  void operator()(const DropColumn& c) { dropped.insert({CommentOn::Column, c.table, c.column.name}); }
  void operator()(const CreateIndex& c) { created.insert({CommentOn::Index, c.table, c.index.name}); }
  void operator()(const DropIndex& c) { dropped.insert({CommentOn::Index, c.table, c.index.name}); }
  void operator()(const RenameIndex& c) { renamed_indexes[{c.table, c.from}] = c.to; }
  void operator()(const AddUnique& c) { both(created, c.table, c.unique.name); }
  void operator()(const DropUnique& c) { both(dropped, c.table, c.unique.name); }
  void operator()(const AddForeignKey& c) { created.insert({CommentOn::Constraint, c.table, c.foreign_key.name}); }
  void operator()(const DropForeignKey& c) { dropped.insert({CommentOn::Constraint, c.table, c.foreign_key.name}); }
  void operator()(const AddCheck& c) { created.insert({CommentOn::Constraint, c.table, c.check.name}); }
  void operator()(const DropCheck& c) { dropped.insert({CommentOn::Constraint, c.table, c.check.name}); }
  void operator()(const SetPrimaryKey& c) {
    if (c.from) both(dropped, c.table, c.from->name);
    if (c.to) both(created, c.table, c.to->name);
  }
  template <typename Other>
  void operator()(const Other&) {}
};

}  // namespace

void Differ::diff_comments() {
  Fates fates;
  fates.enum_rebuilt_in_place = dialect_.capabilities().enum_rebuilt_in_place;
  for (const auto& change : changes_) std::visit(fates, change);

  // Live comments under their objects' new names, less those whose object the plan drops.
  std::map<Key, std::string> live;
  for (const auto& comment : from_.comments) {
    if (fates.dropped_tables.count(comment.table) > 0) continue;
    QualifiedName table = comment.table;
    if (auto it = table_renames_.find(table); it != table_renames_.end()) table = it->second;
    std::string object = comment.object;
    if (comment.on == CommentOn::Column) {
      if (auto t = column_renames_.find(table); t != column_renames_.end()) {
        if (auto c = t->second.find(object); c != t->second.end()) object = c->second;
      }
    } else if (comment.on != CommentOn::Table) {
      if (auto it = fates.renamed_indexes.find({table, object}); it != fates.renamed_indexes.end()) {
        object = it->second;
      }
    }
    Key key{comment.on, table, object};
    if (fates.dropped.count(key) > 0) continue;
    live[key] = comment.text;
  }

  for (const auto& comment : to_.comments) {
    const Key key{comment.on, comment.table, comment.object};
    const bool created = fates.new_tables.count(comment.table) > 0 || fates.created.count(key) > 0;
    const auto it = live.find(key);
    if (created || it == live.end()) {
      add(SetComment{comment.on, comment.table, comment.object, std::nullopt, comment.text});
    } else if (it->second != comment.text) {
      add(SetComment{comment.on, comment.table, comment.object, it->second, comment.text});
    }
    if (it != live.end()) live.erase(it);
  }
  for (const auto& [key, text] : live) {
    const auto& [on, table, object] = key;
    add(SetComment{on, table, object, text, std::nullopt});
  }
}

}  // namespace strata::diff_detail
