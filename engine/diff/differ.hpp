// Internals of diff(): the schema-level walk and the per-table comparison share this state.
#pragma once

#include <map>
#include <set>

#include "strata/change.hpp"
#include "strata/dialect.hpp"

namespace strata::diff_detail {

// The item of `items` whose name is `name` (a QualifiedName, or a string for extensions), if any.
template <typename T, typename Name>
const T* find_named(const std::vector<T>& items, const Name& name) {
  for (const auto& item : items) {
    if (item.name == name) return &item;
  }
  return nullptr;
}

class Differ {
 public:
  Differ(const Schema& from, const Schema& to, const Dialect& dialect);
  ChangeSet run();

 private:
  void diff_database();
  void diff_schemas();
  void diff_extensions();
  void diff_enums();
  void diff_sequences();
  void mark_rebuilt(const Table& live, const std::string& column, const QualifiedName& table);
  void diff_tables();
  void diff_table(const Table& from, const Table& to, const Table& declared);
  void diff_columns(const Table& from, const Table& to, const Table& declared);
  void diff_indexes(const Table& from, const Table& to, const Table& declared);
  void diff_constraints(const Table& from, const Table& to, const Table& declared);
  void diff_ttl(const Table& from, const Table& to, const Table& declared);
  void diff_views();  // after the tables: it reads the changes made so far
  static bool replaceable(const View& live, const View& view);
  static Table index_holder(const View& view);
  void diff_routines();  // after the views: triggers on a view go with it
  void diff_comments();  // after everything else: it reads the changes made so far
  void create_table(const Table& declared);
  void drop_table(const Table& live, const std::map<QualifiedName, bool>& dropped);
  void fold_owned_sequences();
  void add(Change change) { changes_.push_back(std::move(change)); }

  Table with_renames_applied(Table live, const QualifiedName& name) const;
  const Table* live_table(const QualifiedName& name) const;
  // The live table a declared one pairs with: same name, or the one it is renamed from.
  const Table* paired_live_table(const Table& table, const Table& declared) const;
  const Table* target_table(const QualifiedName& name) const;
  const Table& declared_table(const QualifiedName& name) const;

  const Schema& declared_;  // `to` as written: what changes carry
  Schema from_;             // normalised copies: what comparisons read
  Schema to_;
  const Dialect& dialect_;
  ChangeSet changes_;
  // Tables by name, so that pairing stays n log n for large schemas.
  std::map<QualifiedName, const Table*> live_tables_;
  std::map<QualifiedName, const Table*> target_tables_;
  std::map<QualifiedName, const Table*> declared_tables_;
  // The declared renames: live table name -> new name; (new) table name -> live column -> new name.
  std::map<QualifiedName, QualifiedName> table_renames_;
  std::map<QualifiedName, std::map<std::string, std::string>> column_renames_;
  // Indexes and checks that name a column whose enum type is rebuilt: their expressions hold
  // constants of the old type, so they are dropped before and created again after.
  std::map<QualifiedName, std::set<std::string>> rebuilt_indexes_;
  std::map<QualifiedName, std::set<std::string>> rebuilt_checks_;
};

// Live column name -> declared name, for the columns that `declared` renames.
std::map<std::string, std::string> column_renames(const Table& live, const Table& to, const Table& declared);

// The declared column of the same name as a normalised one.
const Column& declared_column(const Table& declared, const std::string& name);

}  // namespace strata::diff_detail
