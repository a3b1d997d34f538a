// PostgreSQL DDL for each kind of object, as free functions that the CockroachDB dialect reuses
// where its syntax is the same. Every identifier goes through quote_ident; expressions come from
// the model, where the loader checked that each is one self-contained expression.
#pragma once

#include <string>
#include <vector>

#include "strata/change.hpp"
#include "strata/schema.hpp"

namespace strata::postgres {

std::string create_schema_sql(const std::string& name);
// CREATE EXTENSION x WITH SCHEMA s [VERSION 'v']
std::string create_extension_sql(const Extension& e);
// ALTER EXTENSION … SET SCHEMA, then … UPDATE TO, as far as each differs.
std::vector<std::string> alter_extension_sql(const AlterExtension& c);
std::string create_enum_sql(const Enum& e);
std::string create_sequence_sql(const Sequence& s);
// GENERATED ALWAYS | BY DEFAULT AS IDENTITY
std::string identity_sql(IdentityKind kind);
// The statements that make c.to's identity of a column that is c.from's: DROP IDENTITY, SET
// GENERATED …, or ADD GENERATED … and the sequence moved past the rows' values. `alter_column`
// is "ALTER TABLE t ALTER COLUMN c".
std::vector<std::string> identity_change_sql(const AlterColumn& c, const std::string& alter_column);
std::string column_definition_sql(const Column& column);
// CREATE TABLE with columns, primary key, unique and check constraints (foreign keys come apart,
// so that tables referring to each other can all be created first).
std::string create_table_sql(const Table& table);
// The elements of CREATE TABLE that a dialect writes its own way.
struct TableElementSql {
  std::string (*column)(const Column&);
  std::string (*primary_key)(const PrimaryKey&);       // CONSTRAINT … PRIMARY KEY (…)
  std::string (*unique)(const UniqueConstraint&);      // CONSTRAINT … UNIQUE (…)
  std::vector<std::string> (*trailing)(const Table&);  // elements after the constraints; may be null
};
std::string primary_key_constraint_sql(const PrimaryKey& key);
std::string unique_constraint_sql(const UniqueConstraint& unique);
// CREATE TABLE with each element written by `elements`.
std::string create_table_sql(const Table& table, const TableElementSql& elements);
std::string create_index_sql(const Table& table, const Index& index);
std::string add_foreign_key_sql(const Table& table, const ForeignKey& fk);
// FOREIGN KEY (…) REFERENCES t (…) [ON DELETE …] [ON UPDATE …] [DEFERRABLE …]
std::string foreign_key_definition_sql(const ForeignKey& fk);
std::string referential_action_sql(ReferentialAction action);
std::string index_key_sql(const IndexKey& key);
std::string column_list_sql(const std::vector<std::string>& columns);
std::string table_name_sql(const QualifiedName& name);  // unqualified in "public"
// COMMENT ON … IS '…' (IS NULL when c.to is empty); `index_sql` is how the dialect names an index.
std::string comment_sql(const SetComment& c, const std::string& index_sql);

}  // namespace strata::postgres
