// CockroachDB DDL that differs from PostgreSQL's (the rest comes from dialects/postgres/object_sql.hpp):
// NOT VISIBLE and VIRTUAL columns, STORING, hash-sharded keys and indexes, inverted indexes,
// UNIQUE WITHOUT INDEX, LOCALITY clauses.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/schema.hpp"

namespace strata::cockroachdb {

// A model type as CockroachDB reads it: the model's "integer" is the 4-byte integer, which
// CockroachDB spells INT4 (its INTEGER and INT mean INT8, as does the model's "int").
std::string type_sql(const std::string& type);
std::string column_definition_sql(const Column& column);
// The column of ALTER TABLE … ADD COLUMN: its definition, and the family it goes to when it names one.
std::string add_column_sql(const Column& column);
std::string create_sequence_sql(const Sequence& sequence);
// " USING HASH WITH (bucket_count = n)", after a key's columns.
std::string hash_sharded_sql(int buckets);
// CONSTRAINT … PRIMARY KEY (…) [USING HASH WITH (bucket_count = n)]
std::string primary_key_constraint_sql(const PrimaryKey& key);
// CONSTRAINT … UNIQUE (…), or UNIQUE WITHOUT INDEX (…) [WHERE …]
std::string unique_constraint_sql(const UniqueConstraint& unique);
// CockroachDB's storage parameter for a TTL setting: expire_after -> ttl_expire_after.
std::string ttl_parameter(std::string_view setting);
// ttl_expire_after = '10 minutes', ttl_job_cron = '@hourly': the settings of `ttl` that `names`
// lists, in that order (all of them, in ttl_settings() order, when `names` is empty).
std::string ttl_parameters_sql(const std::map<std::string, std::string>& ttl, const std::vector<std::string>& names);
std::string create_table_sql(const Table& table);
std::string create_index_sql(const QualifiedName& table, const Index& index);
// NOT VISIBLE, VISIBLE or VISIBILITY 0.50: the clause of CREATE INDEX and ALTER INDEX.
std::string visibility_sql(double visibility);
// LOCALITY GLOBAL | REGIONAL BY TABLE IN PRIMARY REGION | REGIONAL BY TABLE IN "r" | REGIONAL BY ROW [AS c]
std::string locality_sql(const std::optional<Locality>& locality);
// Regions are always double-quoted, as every statement CockroachDB's tests run writes them.
std::string region_sql(const std::string& region);

}  // namespace strata::cockroachdb
