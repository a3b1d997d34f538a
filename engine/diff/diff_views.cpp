// diff() for views. A view the declaration lacks is dropped, one the database lacks created. One
// whose query changed is replaced in place (CREATE OR REPLACE) when the server said the new query
// keeps its columns, else dropped and created again. A view that stays the same is still dropped
// and created again when the plan changes the type of a column it reads, drops such a column or a
// table it reads, or re-creates a view it reads: the server refuses those changes under a view.
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
  const std::map<QualifiedName, QualifiedName>& renamed_to;  // new table name -> live name

  void column(const QualifiedName& table, const std::string& name) {
    columns.insert({table, name});
    if (const auto it = renamed_to.find(table); it != renamed_to.end()) columns.insert({it->second, name});
  }
  void operator()(const AlterColumn& c) {
    if ((c.what & (kColumnType | kColumnCollation)) == 0) return;
    column(c.table, c.from.name);
    column(c.table, c.to.name);
  }
  void operator()(const DropColumn& c) { column(c.table, c.column.name); }
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
      }
    }
    return false;
  }
};

const View* find_view(const std::vector<View>& views, const QualifiedName& name) {
  for (const auto& view : views) {
    if (view.name == name) return &view;
  }
  return nullptr;
}

}  // namespace

void Differ::diff_views() {
  std::map<QualifiedName, QualifiedName> renamed_to;
  for (const auto& [live, now] : table_renames_) renamed_to.emplace(now, live);
  Touched touched{{}, {}, renamed_to};
  for (const auto& change : changes_) std::visit(touched, change);

  // Views kept as they are but re-created, until no more are found (a view reading one of them is).
  std::set<QualifiedName> rebuilt;
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& live : from_.views) {
      if (rebuilt.count(live.name) > 0 || find_view(to_.views, live.name) == nullptr) continue;
      if (!touched.reaches(live)) continue;
      rebuilt.insert(live.name);
      touched.relations.insert(live.name);
      grew = true;
    }
  }

  for (const auto& view : to_.views) {
    View declared = *find_view(declared_.views, view.name);
    declared.reads = view.reads;  // what normalisation found the query reads
    const View* live = find_view(from_.views, view.name);
    if (live == nullptr) {
      add(CreateView{std::move(declared)});
    } else if (rebuilt.count(view.name) > 0 || (!(*live == view) && !replaceable(*live, view))) {
      add(DropView{*live});
      add(CreateView{std::move(declared)});
    } else if (!(*live == view)) {
      add(ReplaceView{*live, std::move(declared)});
    }
  }
  for (const auto& live : from_.views) {
    if (find_view(to_.views, live.name) == nullptr) add(DropView{live});
  }
}

bool Differ::replaceable(const View& live, const View& view) {
  return !live.materialized && !view.materialized && live.replaceable.value_or(false);
}

}  // namespace strata::diff_detail
