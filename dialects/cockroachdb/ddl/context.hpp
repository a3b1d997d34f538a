// Internal to the CockroachDB DDL parser: the state statements share while one input is applied
// (the schema being built, the current database, the notes), name resolution, CockroachDB's
// names for unnamed objects, and the statement parsers each source file provides.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dialects/cockroachdb/ddl/cursor.hpp"
#include "dialects/cockroachdb/ddl/parser.hpp"
#include "strata/schema.hpp"

namespace strata::cockroachdb {

// A column qualifier FAMILY f / CREATE [IF NOT EXISTS] FAMILY [f] of the column definition being
// read (`family` empty: CockroachDB names it).
struct FamilyQualifier {
  std::string column;
  std::string family;
  bool create = false;
};

class Context {
 public:
  Context(Schema& schema, const ParseOptions& options);

  Schema& schema() { return schema_; }
  const ParseOptions& options() const { return options_; }
  const std::string& database() const { return database_; }

  void note(NoteKind kind, std::string message);

  // The object named by `parts` (name, schema.name or database.schema.name; a two-part name is a
  // schema when one by that name is known, else a database when it is the current or a known one,
  // else a schema). A name in another database loses its database and is noted.
  QualifiedName resolve(const std::vector<std::string>& parts);
  bool is_known_schema(const std::string& name) const;
  void add_schema(const std::string& name);  // records a namespace the schema uses

  Table* find_table(const QualifiedName& name);
  Table& require_table(const QualifiedName& name, const Cursor& cursor);

  // Databases: CREATE DATABASE records one, USE makes it current; schema().database mirrors the
  // current one after every statement.
  Database* find_database(const std::string& name);
  Database& add_database(const std::string& name);
  void use_database(const std::string& name);
  void sync_database();

  // The family qualifiers of the statement being read, in the order of their columns.
  std::vector<FamilyQualifier>& family_qualifiers() { return family_qualifiers_; }
  // The families of `table`: as recorded when this input made it, else as its columns tell (a
  // table that names none has CockroachDB's one family, "primary").
  FamilyIds& families(const Table& table);
  void set_families(const QualifiedName& table, FamilyIds ids) { records()[table] = std::move(ids); }
  void rename_families(const QualifiedName& from, const QualifiedName& to);
  void forget_families(const QualifiedName& table) { records().erase(table); }

 private:
  Schema& schema_;
  const ParseOptions& options_;
  std::string database_;
  std::map<std::string, Database> databases_;
  FamilyRecords& records() { return options_.families != nullptr ? *options_.families : own_families_; }

  std::vector<FamilyQualifier> family_qualifiers_;
  FamilyRecords own_families_;
};

// "public.t" / "sc.t" for notes and messages.
std::string display(const QualifiedName& name);

// ---- CockroachDB's names for unnamed objects

// True when `name` is already an index or constraint name of `table`.
bool name_taken(const Table& table, std::string_view name);
// `base`, else base1, base2…, whichever `table` does not use yet.
std::string free_name(const Table& table, const std::string& base);
std::string primary_key_name(const Table& table, NamingEra era);
// <table>_<parts>_idx or _key; a column key contributes its name, an expression "expr", "expr1"…
std::string index_name(const Table& table, const std::vector<IndexKey>& keys, bool unique);
std::string foreign_key_name(const Table& table, const ForeignKey& foreign_key, NamingEra era);
std::string check_name(const Table& table, const std::string& expression);
// unique_<cols> for UNIQUE WITHOUT INDEX (logic_test/unique@0404c5e2's error texts: unique_w, unique_x_y).
std::string unique_without_index_name(const Table& table, const std::vector<std::string>& columns);

// ---- statement parsers; each starts after the words its dispatcher consumed

// CREATE [TEMP] TABLE …: positioned at TABLE.
void create_table(Context& context, Cursor& cursor);
// CREATE [UNIQUE] [INVERTED | VECTOR] INDEX …: positioned after INDEX, with what came before it.
void create_index(Context& context, Cursor& cursor, bool unique, const std::string& method);
void create_type(Context& context, Cursor& cursor);      // after CREATE TYPE
void create_sequence(Context& context, Cursor& cursor);  // after CREATE [TEMP] SEQUENCE
void alter_sequence(Context& context, Cursor& cursor);   // after ALTER SEQUENCE
void alter_type(Context& context, Cursor& cursor);       // after ALTER TYPE
void create_database(Context& context, Cursor& cursor);  // after CREATE DATABASE
void alter_database(Context& context, Cursor& cursor);   // after ALTER DATABASE
void alter_table(Context& context, Cursor& cursor);      // after ALTER TABLE
void alter_index(Context& context, Cursor& cursor);      // after ALTER INDEX
void comment_on(Context& context, Cursor& cursor);       // after COMMENT ON

// An index by its name: `table@index`, or `[schema.]index` looked up among the tables of that
// schema. `table` is null when there is no such index.
struct IndexRef {
  Table* table;
  std::string name;
};
IndexRef expect_index(Context& context, Cursor& cursor);
void drop_objects(Context& context, Cursor& cursor);  // after DROP

// ---- pieces shared by CREATE TABLE and ALTER TABLE

// A type: a (qualified) name or a multi-word built-in name, modifiers in parentheses,
// WITH/WITHOUT TIME ZONE, and array suffixes ([], [n], ARRAY). Returns its canonical spelling
// with CockroachDB's INT = INT8 (the text as written when it is no type canonical_type knows).
std::string parse_type(Cursor& cursor);
// A column definition (name, type, qualifiers, inline constraints) added to `table`.
void parse_column_definition(Context& context, Cursor& cursor, Table& table);
// A table constraint after the optional CONSTRAINT name: PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY.
void parse_table_constraint(Context& context, Cursor& cursor, Table& table, std::optional<std::string> name);
// REFERENCES t [(cols)] [MATCH …] [ON DELETE …] [ON UPDATE …]: the foreign key of `columns`.
ForeignKey parse_references(Context& context, Cursor& cursor, Table& table, std::vector<std::string> columns,
                            std::optional<std::string> name);
// An inline index element: [UNIQUE] [INVERTED | VECTOR] INDEX [name] (keys) clauses, positioned
// after INDEX.
void parse_inline_index(Context& context, Cursor& cursor, Table& table, bool unique, const std::string& method);
// ( key [opclass] [ASC | DESC] [NULLS FIRST | LAST], … )
std::vector<IndexKey> parse_index_keys(Cursor& cursor, const Table& table);
// USING HASH [WITH (bucket_count = n) | WITH BUCKET_COUNT = n], positioned after USING HASH.
int parse_hash_buckets(Context& context, Cursor& cursor, const Table& table);
// NOT VISIBLE | INVISIBLE | VISIBLE | VISIBILITY x: the index's visibility (Index::visibility), or
// nullopt (nothing consumed) when the cursor is at none of them.
std::optional<double> parse_index_visibility(Cursor& cursor);
// LOCALITY …, positioned after LOCALITY.
Locality parse_locality(Cursor& cursor);
// PARTITION [ALL] BY …, positioned at PARTITION: skipped and noted.
void skip_partitioning(Context& context, Cursor& cursor, const std::string& owner);
// ( name = value, … ) after WITH or ALTER TABLE … SET: the row-level TTL settings go to
// Table::ttl ("ttl = 'on'" and the retired ttl_automatic_column / ttl_range_concurrency are
// dropped); any other storage parameter is noted. `how` ("WITH", "SET") is for the note.
void parse_storage_parameters(Context& context, Cursor& cursor, Table& table, std::string_view how);
// ( name, … ) after ALTER TABLE … RESET: `ttl` removes the TTL, ttl_<setting> one setting.
void parse_storage_reset(Context& context, Cursor& cursor, Table& table);
// A FAMILY [name] (columns) element of CREATE TABLE, positioned after FAMILY. It is applied once
// every column is read (apply_families), since it may come before them.
struct FamilyElement {
  std::string name;  // empty: CockroachDB names it
  std::vector<std::string> columns;
};
FamilyElement parse_family_element(Cursor& cursor);
// Puts the columns of CREATE TABLE in their families: those of the statement's qualifiers
// (context.family_qualifiers()) and elements, then every other stored column in family 0, and
// names the unnamed ones as CockroachDB does; records the table's FamilyIds.
void apply_families(Context& context, const Cursor& cursor, Table& table, const std::vector<FamilyElement>& elements);
// The family of a column ALTER TABLE … ADD COLUMN added (the last of `table`): its qualifier's,
// else family 0.
void place_added_column(Context& context, const Cursor& cursor, Table& table);
// After DROP COLUMN: a family other than family 0 that holds no column any more is gone.
void forget_empty_families(Context& context, const Table& table);
// Sets the primary key of `table` (its columns become NOT NULL).
void set_primary_key(Table& table, PrimaryKey key);
// A foreign key whose REFERENCES named no columns gets the referenced table's primary key.
void resolve_referenced_columns(Context& context, const Cursor& cursor, const Table& table, ForeignKey& foreign_key);

}  // namespace strata::cockroachdb
