// Internals of diff(): the schema-level walk and the per-table comparison share this state.
#pragma once

#include <map>

#include "strata/change.hpp"
#include "strata/dialect.hpp"

namespace strata::diff_detail {

class Differ {
 public:
  Differ(const Schema& from, const Schema& to, const Dialect& dialect);
  ChangeSet run();

 private:
  void diff_database();
  void diff_schemas();
  void diff_enums();
  void diff_sequences();
  void diff_tables();
  void diff_table(const Table& from, const Table& to, const Table& declared);
  void diff_columns(const Table& from, const Table& to, const Table& declared);
  void diff_indexes(const Table& from, const Table& to, const Table& declared);
  void diff_constraints(const Table& from, const Table& to, const Table& declared);
  void create_table(const Table& declared);
  void drop_table(const Table& live, const std::map<QualifiedName, bool>& dropped);
  void add(Change change) { changes_.push_back(std::move(change)); }

  const Schema& declared_;  // `to` as written: what changes carry
  Schema from_;             // normalised copies: what comparisons read
  Schema to_;
  const Dialect& dialect_;
  ChangeSet changes_;
};

// The declared table / column / index of the same name as a normalised one.
const Table& declared_table(const Schema& declared, const QualifiedName& name);
const Column& declared_column(const Table& declared, const std::string& name);

}  // namespace strata::diff_detail
