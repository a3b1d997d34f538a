// Every catalog query of the PostgreSQL dialect, in one place. Each reads one kind of object for
// the whole database at once: introspection costs the same few round trips for 1 table or 10,000.
//
// $1 is always a text[] of namespace names to read, or NULL for "every user namespace".
#pragma once

namespace strata::postgres::queries {

// nspname: user namespaces (not system, not temporary, not owned by an extension).
extern const char* const kNamespaces;

// One row: current_database(), and the installed extensions but plpgsql (which every database
// has) as a json array of [extname, nspname, extversion], or NULL when there are none. No $1:
// extensions are the database's, whatever namespaces are read.
extern const char* const kDatabase;

// nspname, typname, labels (json array, in sort order): enum types.
extern const char* const kEnums;

// nspname, relname, type, start, increment, min, max, cache, cycle: sequences that are not
// identity sequences and do not belong to an extension.
extern const char* const kSequences;

// One row per column of every ordinary or partitioned table (one row with NULL attnum for a
// table without columns): nspname, relname, attnum, attname, type (format_type), enum_schema,
// enum_name, is_array, notnull, default_expr, identity, generated, collation.
extern const char* const kColumns;

// One row per index that does not back a primary-key or unique constraint:
// nspname, relname, indexname, unique, method, predicate, key count, attnums (int2[] text:
// key columns then included ones; 0 for an expression), options (int2[] text: bit 1 DESC,
// bit 2 NULLS FIRST), expressions (json array, null where the key is a column; null when there
// are none), opclasses (json array, "" for the default one).
extern const char* const kIndexes;

// One row per primary-key, unique, foreign-key and check constraint:
// nspname, relname, conname, contype, attnums (int2[] text), ref_schema, ref_table, ref_columns
// (json), on_update, on_delete, deferrable, deferred, expression, match type ('f' MATCH FULL).
extern const char* const kConstraints;
extern const char* const kComments;

// One row per view and materialized view: nspname, relname, materialized, pg_get_viewdef, reads
// (json array of [nspname, relname, attname or null], or NULL).
extern const char* const kViews;

// One row per function or procedure ('f', pg_get_functiondef) and per trigger of a table or view
// ('t', pg_get_triggerdef).
extern const char* const kRoutines;

// What the user's namespaces hold outside the model, for `strata inspect` to name: kind, nspname,
// name. Foreign tables, partitions (their parent is read), aggregates and window functions,
// triggers of foreign tables and partitions, rules, policies, domains, composite and range types,
// exclusion and NOT VALID constraints, invalid indexes. Not what belongs to an extension.
extern const char* const kUnmanaged;

}  // namespace strata::postgres::queries
