// PostgreSQL DDL for each kind of object, as free functions that the CockroachDB dialect reuses
// where its syntax is the same. Every identifier goes through quote_ident; expressions come from
// the model, where the loader checked that each is one self-contained expression.
#pragma once

#include <string>

#include "strata/schema.hpp"

namespace strata::postgres {

std::string create_schema_sql(const std::string& name);
std::string create_enum_sql(const Enum& e);
std::string create_sequence_sql(const Sequence& s);
std::string column_definition_sql(const Column& column);
// CREATE TABLE with columns, primary key, unique and check constraints (foreign keys come apart,
// so that tables referring to each other can all be created first).
std::string create_table_sql(const Table& table);
std::string create_index_sql(const Table& table, const Index& index);
std::string add_foreign_key_sql(const Table& table, const ForeignKey& fk);
// FOREIGN KEY (…) REFERENCES t (…) [ON DELETE …] [ON UPDATE …] [DEFERRABLE …]
std::string foreign_key_definition_sql(const ForeignKey& fk);
std::string referential_action_sql(ReferentialAction action);
std::string index_key_sql(const IndexKey& key);
std::string column_list_sql(const std::vector<std::string>& columns);
std::string table_name_sql(const QualifiedName& name);  // unqualified in "public"

}  // namespace strata::postgres
