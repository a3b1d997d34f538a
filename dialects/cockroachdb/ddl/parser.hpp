// Reading CockroachDB DDL into the schema model.
//
// This parser is CockroachDB's introspection path. strata reads a CockroachDB schema by fetching
// the canonical `create_statement` of every table and sequence in one bulk query
// (crdb_internal.create_statements, plus its `alter_statements` for foreign keys), enums and the
// database's regions in a couple more, and parsing those statements into the model with
// apply_create_statements(). The same parser reads DDL people write (CREATE TABLE as typed into a
// shell or a migration file), which is how the corpus tests obtain "the model its creating
// statements declare" and compare it with the model of what SHOW CREATE printed.
//
// The parser models what CockroachDB does when it runs a statement, where that is knowable from
// the text alone: INT and INTEGER mean INT8 (types are stored in their canonical spelling, and
// `::INT` casts in expressions become `::INT8`), SERIAL becomes INT8 DEFAULT unique_rowid()
// (serial_normalization = rowid), primary-key columns become NOT NULL, unnamed indexes and
// constraints get the names CockroachDB gives them (see NamingEra; no 63-byte truncation),
// `t.a` / `db.public.t.a` in an expression becomes `a`, REFERENCES t without columns means t's
// primary key, DROP COLUMN drops the indexes and constraints that use the column, RENAME COLUMN
// rewrites the expressions that mention it, ALTER PRIMARY KEY keeps the old key's columns unique.
// It does not add CockroachDB's hidden columns (rowid, crdb_region, shard columns):
// normalize_cockroach() removes them from what a server prints instead, so both sides meet.
// Other expressions are stored as written; normalize_cockroach() canonicalises them.
//
// `UNIQUE (cols)` is read as a UniqueConstraint, `UNIQUE INDEX` as a unique Index (normalisation
// makes the first the second). `UNIQUE WITHOUT INDEX (cols) [WHERE p]` is a UniqueConstraint with
// without_index (and where), which stays a constraint. `PRIMARY KEY (…) USING HASH` keeps its
// bucket count. Row-level TTL (WITH (ttl_…), ALTER TABLE SET / RESET (ttl_…)) goes to Table::ttl.
// Column families go to Column::family, CockroachDB's generated names for unnamed ones included.
// Constructs outside the model are dropped with a note: other storage
// parameters (schema_locked, fillfactor…), NOT VALID, INTERLEAVE, PARTITION BY,
// the database part of a reference to another database, DESC on primary-key columns,
// the visibility of a primary key or unique constraint, database placement, and statements that
// change no schema (DML, transactions, session settings, grants, views, functions, zone
// configurations). Each is reported through ParseOptions::notes.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "strata/schema.hpp"

namespace strata::cockroachdb {

// Which CockroachDB version's names to give unnamed objects.
//  - V21: up to v21.2: primary key "primary", foreign key fk_<first column>_ref_<table>;
//  - V22: v22.1 and later: primary key <table>_pkey, foreign key <table>_<columns>_fkey.
// Both: index <table>_<columns>_idx, unique index or constraint <table>_<columns>_key (an expression
// key counts as "expr", then "expr1"…), check check_<columns>, a numeric suffix on a clash.
enum class NamingEra { V21, V22 };

// Something the parser read and left out of the model, and why.
enum class NoteKind {
  Comment,             // COMMENT ON statements
  NonSchemaStatement,  // DML, transactions, session settings, grants, views, functions, zone configs
  StorageParameter,    // WITH (…) on a table or index, including row-level TTL
  NotValid,            // a constraint added NOT VALID (the model has no validation state)
  Interleave,          // INTERLEAVE IN PARENT (removed from CockroachDB in v21.2)
  Partitioning,        // PARTITION BY
  CrossDatabase,       // a reference to an object in another database: the database is dropped
  PrimaryKeyLayout,    // DESC keys on a primary key
  IndexVisibility,     // NOT VISIBLE / VISIBILITY on an index
  Placement,           // a database's PLACEMENT policy
};

struct ParseNote {
  NoteKind kind;
  std::string message;  // what was dropped, e.g. "table public.t: INTERLEAVE IN PARENT p (a)"
};

std::string_view to_string(NoteKind kind);

// A table's column families as CockroachDB numbers them (research/objects.md §4): the names in ID
// order, family 0 first, and the next ID, which is never reused. A column added with no family
// clause goes to family 0; an unnamed family is fam_<id>_<columns>.
struct FamilyIds {
  std::vector<std::string> names;
  std::size_t next_id = 0;
};
using FamilyRecords = std::map<QualifiedName, FamilyIds>;

struct ParseOptions {
  // The current database: `db.public.t` and `db.t` are read as `public.t` when `db` is this one,
  // and a name in another database is kept without its database and reported (CrossDatabase).
  // Empty: unknown (then a three-part name is read without complaint). `USE db` changes it for the
  // statements that follow, as does `CREATE DATABASE` + `USE` in the same input.
  std::string database;
  // Other databases known to exist, so that a two-part `o.t` names table t of database o rather
  // than schema o (CockroachDB tries the schema first, then the database).
  std::vector<std::string> other_databases;
  NamingEra naming = NamingEra::V22;
  // The bucket count of `USING HASH` without one: the default of the cluster setting
  // sql.defaults.default_hash_sharded_index_bucket_count (v22.1+).
  int default_bucket_count = 16;
  // When set, receives one note per construct that was read and left out of the model.
  std::vector<ParseNote>* notes = nullptr;
  // When set, keeps each table's column families by ID from one call to the next (statements read
  // one at a time); else they last for one call, and a table made before it is read from its columns.
  FamilyRecords* families = nullptr;
};

// Parses CockroachDB DDL and applies each statement to `schema`, in order:
//   CREATE TABLE (as SHOW CREATE prints it, and as people write it), CREATE [UNIQUE] [INVERTED |
//   VECTOR] INDEX, CREATE TYPE … AS ENUM, CREATE SEQUENCE, CREATE SCHEMA, CREATE DATABASE (regions,
//   survival goal), USE; ALTER TABLE (ADD COLUMN, ADD CONSTRAINT FOREIGN KEY / CHECK / UNIQUE /
//   PRIMARY KEY, VALIDATE CONSTRAINT, DROP COLUMN, DROP CONSTRAINT, RENAME [COLUMN | CONSTRAINT],
//   ALTER COLUMN, ALTER PRIMARY KEY, SET LOCALITY), ALTER INDEX … RENAME, ALTER TYPE … ADD VALUE,
//   ALTER SEQUENCE, ALTER DATABASE (regions, survival goal); DROP TABLE / INDEX / SEQUENCE / TYPE /
//   SCHEMA; COMMENT ON and statements that change no schema are skipped (see NoteKind).
// Identifiers: unquoted ones are lower-cased, quoted ones kept exactly. Expressions (DEFAULT,
// CHECK, WHERE, AS, index keys) are stored as written; normalize_cockroach() canonicalises them.
// `schema` may already hold objects (a precondition, an earlier batch).
//
// Throws UsageError naming the statement, the line and column, and what was expected, on text it
// cannot read or a statement that cannot apply (ALTER of an unknown table, a duplicate table…).
// `schema` then holds the statements before the failing one (and possibly part of it). Never
// crashes or hangs on any input: recursion is bounded and every step consumes input.
void apply_ddl(std::string_view sql, Schema& schema, const ParseOptions& options);

// The introspection entry point: applies the create statements of one database's objects (each
// may hold several statements, as crdb_internal.create_statements' create_statement does with its
// COMMENT ON lines), then their alter statements, in the order given. Same contract as apply_ddl.
void apply_create_statements(const std::vector<std::string>& statements, Schema& schema, const ParseOptions& options);

}  // namespace strata::cockroachdb
