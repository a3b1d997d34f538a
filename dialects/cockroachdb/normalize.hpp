// The CockroachDB canonical form of a schema: what a declared schema and what CockroachDB reports
// for it must both become, so that `==` answers "same schema?".
//
// Everything postgres::normalize_common does with INT meaning INT8 (canonical types and
// expressions, sorted collections), plus one rule per difference recorded in
// ../shared/crdb-corpus/catalog_differences.md (item numbers in normalize.cpp). Decisions:
//  - Implicit columns CockroachDB adds are removed: the hidden rowid of a table declared without a
//    primary key (and that primary key), the hidden crdb_region of REGIONAL BY ROW, hash-shard
//    columns crdb_internal_<cols>_shard_<n> (the index keeps shard_buckets), expression-index
//    columns crdb_internal_idx_expr*, the row-level TTL column crdb_internal_expiration. Each is
//    recognised by its name AND its signature (hidden, type, default or computed expression), so
//    a user's visible column of the same name stays.
//  - Unique constraints: every UniqueConstraint becomes a unique Index with ascending keys and the
//    same name, because CockroachDB implements UNIQUE with a unique index and SHOW CREATE prints it
//    as UNIQUE INDEX; `uniques` is always empty in the canonical form.
//  - Primary key name: "primary" (CockroachDB before v22.1) and an empty name become
//    <table>_pkey (v22.1+).
//  - Locality: REGIONAL BY TABLE IN PRIMARY REGION, plain REGIONAL BY TABLE and no locality are one
//    thing (a multi-region database's default; SHOW CREATE prints IN PRIMARY REGION): canonical is
//    no locality. REGIONAL BY ROW AS crdb_region is REGIONAL BY ROW (column ""). The region
//    column of a REGIONAL BY ROW table is NOT NULL. A multi-region database without a survival
//    goal survives zone failure.
//  - Indexes: INVERTED / pg_am "inverted" is method gin, pg_am "prefix" is btree; NULLS FIRST on
//    an ascending key and NULLS LAST on a descending one are the default order; the default
//    operator class of a key (vector_l2_ops, jsonb_ops, array_ops) is no operator class.
//  - Types: JSON is JSONB. The database's crdb_internal_region enum is left out (it is the
//    database's region list).
// Column families, TTL and the other constructs the parser reports as notes are not in the model.
//
// Idempotent; never throws (except std::bad_alloc).
#pragma once

#include "strata/schema.hpp"

namespace strata::cockroachdb {

void normalize_cockroach(Schema& schema);

}  // namespace strata::cockroachdb
