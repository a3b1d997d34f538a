// Internal to the CockroachDB DDL parser: edits of a table that reach into the objects depending
// on a column or a table name, as CockroachDB makes them.
#pragma once

#include <string>

#include "strata/schema.hpp"

namespace strata::cockroachdb {

// Removes `column` and what uses it: indexes keyed on, storing or filtering by it, unique and
// check constraints and foreign keys on it, and foreign keys of any table that reference it.
// Returns false (and changes nothing) when the column is part of the primary key.
bool drop_column(Schema& schema, Table& table, const std::string& column);

// Renames `from` to `to` everywhere the table and foreign keys of other tables refer to it.
void rename_column(Schema& schema, Table& table, const std::string& from, const std::string& to);

// Renames (or moves) a table; foreign keys that reference it follow.
void rename_table(Schema& schema, Table& table, const QualifiedName& to);

// Removes the constraint (or unique index) named `name`; false when there is none.
bool drop_constraint(Table& table, const std::string& name);

// Comments follow a renamed object: `on` of `table` named `from` is now named `to`.
void rename_comments(Schema& schema, const QualifiedName& table, CommentOn on, const std::string& from,
                     const std::string& to);

// Removes the comments whose object is gone (dropped with its table, column, index or constraint).
void prune_comments(Schema& schema);

// Removes the foreign keys of every table that reference `table`.
void drop_references_to(Schema& schema, const QualifiedName& table);

}  // namespace strata::cockroachdb
