// diff() for views. A view the declaration lacks is dropped, one the database lacks created. One
// whose query changed is replaced in place (CREATE OR REPLACE) when the server said the new query
// keeps its columns, else dropped and created again. A view is also dropped and created again
// (rather than kept or replaced) when the plan changes the type of a column it reads, drops such a
// column or a table it reads, or drops a view it reads: the server refuses those changes under a
// view, and a replacement would be checked against column types from before the plan. A query
// with `*` is expanded when the view is created: one over a table that gains, loses or renames a
// column is created again, so that it reads what the declaration says.
#include <set>
#include <utility>

#include "engine/diff/differ.hpp"

namespace strata::diff_detail {

namespace {

using ColumnRef = std::pair<QualifiedName, std::string>;

// What the plan's changes do to what views read, under live names and declared ones.
struct Touched {
  std::set<ColumnRef> columns;
  std::set<QualifiedName> relations;
  std::set<QualifiedName> reshaped;  // tables that gain, lose or rename a column: `*` reads otherwise
  const std::map<QualifiedName, QualifiedName>& renamed_to;  // new table name -> live name
  // new table name -> new column name -> live column name
  const std::map<QualifiedName, std::map<std::string, std::string>>& columns_renamed_from;

  void column(const QualifiedName& table, const std::string& name) {
    std::string live_name = name;
    if (const auto t = columns_renamed_from.find(table); t != columns_renamed_from.end()) {
      if (const auto c = t->second.find(name); c != t->second.end()) live_name = c->second;
    }
    for (const auto& n : {name, live_name}) {
      columns.insert({table, n});
      if (const auto it = renamed_to.find(table); it != renamed_to.end()) columns.insert({it->second, n});
    }
  }
  void reshape(const QualifiedName& table) {
    reshaped.insert(table);
    if (const auto it = renamed_to.find(table); it != renamed_to.end()) reshaped.insert(it->second);
  }
  void operator()(const AlterColumn& c) {
    if ((c.what & (kColumnType | kColumnCollation)) == 0) return;
    column(c.table, c.from.name);
    column(c.table, c.to.name);
  }
  void operator()(const DropColumn& c) {
    column(c.table, c.column.name);
    reshape(c.table);
  }
  void operator()(const AddColumn& c) { reshape(c.table); }
  void operator()(const RenameColumn& c) { reshape(c.table); }
  void operator()(const DropTable& c) { relations.insert(c.table.name); }
  void operator()(const RecreateEnum& c) {
    for (const auto& use : c.uses) column(use.table, use.column);
  }
  template <typename Other>
  void operator()(const Other&) {}

  bool reaches(const View& view) const {
    for (const auto& read : view.reads) {
      if (relations.count(read.relation) > 0) return true;
      for (const auto& name : read.columns) {
        if (columns.count({read.relation, name}) > 0) return true;
        if (name == "*" && reshaped.count(read.relation) > 0) return true;
      }
    }
    return false;
  }
};

}  // namespace

void Differ::diff_views() {
  std::map<QualifiedName, QualifiedName> renamed_to;
  for (const auto& [live, now] : table_renames_) renamed_to.emplace(now, live);
  std::map<QualifiedName, std::map<std::string, std::string>> renamed_from;
  for (const auto& [table, renames] : column_renames_) {
    for (const auto& [live, now] : renames) renamed_from[table][now] = live;
  }
  Touched touched{{}, {}, {}, renamed_to, renamed_from};
  for (const auto& change : changes_) std::visit(touched, change);

  // Views dropped, for good or to be created again: first those whose own query makes it so, then
  // those reading what the plan changes under them or what is dropped, until no more are found.
  std::set<QualifiedName> dropped;
  for (const auto& live : from_.views) {
    const View* view = find_named(to_.views, live.name);
    if (view == nullptr || (!same_query(live, *view) && !replaceable(live, *view))) dropped.insert(live.name);
  }
  for (const auto& name : dropped) touched.relations.insert(name);
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& live : from_.views) {
      if (dropped.count(live.name) > 0) continue;
      const View* view = find_named(to_.views, live.name);
      if (!touched.reaches(live) && !touched.reaches(*view)) continue;
      dropped.insert(live.name);
      touched.relations.insert(live.name);
      grew = true;
    }
  }

  for (const auto& view : to_.views) {
    View declared = *find_named(declared_.views, view.name);
    declared.reads = view.reads;  // what normalisation found the query reads
    const View* live = find_named(from_.views, view.name);
    if (live == nullptr || dropped.count(view.name) > 0) {
      if (live != nullptr) add(DropView{*live});
      // A materialized view's indexes go with it and come back only when created again. One
      // created again is read while its indexes are built (CONCURRENTLY, with their hazard); a
      // new one is not, and its schema may be created in one transaction (inspect's SQL).
      for (const auto& index : declared.indexes) add(CreateIndex{view.name, index, live == nullptr});
      add(CreateView{std::move(declared)});
      continue;
    }
    if (!same_query(*live, view)) add(ReplaceView{*live, declared});
    diff_indexes(index_holder(*live), index_holder(view), index_holder(declared));
  }
  for (const auto& live : from_.views) {
    if (find_named(to_.views, live.name) == nullptr) add(DropView{live});
  }
}

// A view's indexes as a table's, for diff_indexes.
Table Differ::index_holder(const View& view) {
  Table table;
  table.name = view.name;
  table.indexes = view.indexes;
  return table;
}

bool Differ::replaceable(const View& live, const View& view) {
  return !live.materialized && !view.materialized && live.replaceable.value_or(false);
}

}  // namespace strata::diff_detail
