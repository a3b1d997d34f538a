// The schema model: plain values describing a database schema, with no SQL and no I/O.
//
// A Schema comes from two places: the YAML loader (the declared schema) and a dialect's
// introspection (the live schema). Both are brought to one canonical form by
// `Dialect::normalize`, after which `==` answers "are these the same schema?".
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/export.hpp"

namespace strata {

// A schema-qualified object name. `schema` is never empty once loaded ("public" by default).
struct QualifiedName {
  std::string schema = "public";
  std::string name;

  friend auto operator<=>(const QualifiedName&, const QualifiedName&) = default;
  friend bool operator==(const QualifiedName&, const QualifiedName&) = default;
};

// Something the database holds that strata does not manage (a view, a trigger, an extension, a
// clause of a table the model has no place for). strata leaves it alone: it is neither printed by
// inspect nor dropped by a plan.
struct SkippedObject {
  std::string kind;  // "view", "trigger", …; on CockroachDB the kind of clause or statement
  std::string name;  // "public.v", "public.t_touch on t"; on CockroachDB what was read
};

enum class SurvivalGoal { Zone, Region };

// Database-level settings. Regions and the survival goal exist only on multi-region CockroachDB.
struct Database {
  std::string name;  // informational: diff ignores it
  std::string primary_region;
  std::vector<std::string> regions;  // sorted, includes the primary region when it is set
  std::optional<SurvivalGoal> survival_goal;

  friend bool operator==(const Database&, const Database&) = default;
};

struct Enum {
  QualifiedName name;
  std::vector<std::string> values;  // in declaration order: order is meaningful

  friend bool operator==(const Enum&, const Enum&) = default;
};

// A PostgreSQL extension (CREATE EXTENSION): what it provides (types, functions, operators) is
// the extension's, not the user's, and is neither read nor planned object by object.
struct Extension {
  std::string name;               // database-wide: one extension of a name per database
  std::string schema = "public";  // where its objects go
  std::string version;            // "": not known (declared without one), and equal to any

  friend bool operator==(const Extension& a, const Extension& b) {
    return a.name == b.name && a.schema == b.schema &&
           (a.version.empty() || b.version.empty() || a.version == b.version);
  }
};

// The column a sequence belongs to (a serial column's, or ALTER SEQUENCE … OWNED BY): dropping
// the column or its table drops the sequence with it.
struct SequenceOwner {
  QualifiedName table;
  std::string column;

  friend bool operator==(const SequenceOwner&, const SequenceOwner&) = default;
};

struct Sequence {
  QualifiedName name;
  std::string type = "bigint";
  std::int64_t start = 1;
  std::int64_t increment = 1;
  std::int64_t min_value = 1;
  std::int64_t max_value = INT64_MAX;
  std::int64_t cache = 1;
  bool cycle = false;
  // Live only (introspection fills it; the declared format has no such field): its owner. Not
  // compared: it is a fact the planner needs (an owned sequence goes with its owner), not a
  // difference to plan.
  std::optional<SequenceOwner> owned_by;

  friend bool operator==(const Sequence& a, const Sequence& b) {
    return a.name == b.name && a.type == b.type && a.start == b.start && a.increment == b.increment &&
           a.min_value == b.min_value && a.max_value == b.max_value && a.cache == b.cache && a.cycle == b.cycle;
  }
};

enum class GeneratedKind { Stored, Virtual };

struct Generated {
  std::string expression;
  GeneratedKind kind = GeneratedKind::Stored;

  friend bool operator==(const Generated&, const Generated&) = default;
};

enum class IdentityKind { Always, ByDefault };

// CockroachDB's name for the family of a table that declares none.
inline constexpr std::string_view kDefaultFamily = "primary";

struct Column {
  std::string name;
  std::string type;  // canonical type name, see type_name.hpp
  bool nullable = false;
  std::optional<std::string> default_expr;  // an SQL expression
  std::optional<std::string> on_update;     // CockroachDB ON UPDATE: the value an UPDATE that skips the column sets
  std::optional<Generated> generated;       // computed column
  std::optional<IdentityKind> identity;     // GENERATED ... AS IDENTITY
  bool hidden = false;                      // CockroachDB NOT VISIBLE
  std::optional<std::string> collation;
  // CockroachDB column family: the columns of a family are stored together, one key-value pair per
  // row and family. Empty when the table has one family holding every column (CockroachDB's
  // default, "primary"), and for a virtual column, which is not stored. Once normalised, a table
  // either names a family for each stored column or for none.
  std::string family;
  // Declared only: the name this column had before, so diff renames it instead of dropping it
  // and adding a new one. Normalisation clears it.
  std::optional<std::string> renamed_from;

  friend bool operator==(const Column&, const Column&) = default;
};

enum class SortOrder { Asc, Desc };
enum class NullsOrder { Default, First, Last };

// One key of an index: a column or an expression (exactly one of the two is set).
struct IndexKey {
  std::string column;
  std::string expression;
  SortOrder order = SortOrder::Asc;
  NullsOrder nulls = NullsOrder::Default;
  std::string opclass;  // operator class, empty for the default one

  friend bool operator==(const IndexKey&, const IndexKey&) = default;
};

struct Index {
  std::string name;
  std::vector<IndexKey> keys;
  bool unique = false;
  std::vector<std::string> include;  // INCLUDE (PostgreSQL) / STORING (CockroachDB)
  std::optional<std::string> where;  // partial index predicate
  std::string method = "btree";      // btree, hash, gin (CockroachDB: inverted), gist, brin, spgist
  std::optional<int> shard_buckets;  // CockroachDB hash-sharded index: USING HASH WITH (bucket_count = n)
  // CockroachDB: the share of queries the optimizer may plan with it, 0 to 1 in hundredths (1: visible,
  // 0: NOT VISIBLE). The index is kept up to date and enforces uniqueness either way.
  double visibility = 1.0;

  friend bool operator==(const Index&, const Index&) = default;
};

struct PrimaryKey {
  std::string name;
  std::vector<std::string> columns;
  std::optional<int> shard_buckets;  // CockroachDB USING HASH WITH (bucket_count = n)

  friend bool operator==(const PrimaryKey&, const PrimaryKey&) = default;
};

struct UniqueConstraint {
  std::string name;
  std::vector<std::string> columns;
  // CockroachDB UNIQUE WITHOUT INDEX: enforced on write with no index of its own, and then
  // optionally partial (where). A plain UNIQUE constraint has neither.
  bool without_index = false;
  std::optional<std::string> where;

  friend bool operator==(const UniqueConstraint&, const UniqueConstraint&) = default;
};

enum class ReferentialAction { NoAction, Restrict, Cascade, SetNull, SetDefault };

struct ForeignKey {
  std::string name;
  std::vector<std::string> columns;
  QualifiedName ref_table;
  std::vector<std::string> ref_columns;
  ReferentialAction on_delete = ReferentialAction::NoAction;
  ReferentialAction on_update = ReferentialAction::NoAction;
  bool deferrable = false;
  bool initially_deferred = false;
  // MATCH FULL: a row's key columns must be all NULL (then it is not checked) or none; some NULL
  // is refused. The default, MATCH SIMPLE, lets a row with any NULL key column pass unchecked.
  bool match_full = false;

  friend bool operator==(const ForeignKey&, const ForeignKey&) = default;
};

struct Check {
  std::string name;
  std::string expression;

  friend bool operator==(const Check&, const Check&) = default;
};

enum class LocalityKind { Global, RegionalByTable, RegionalByRow };

// CockroachDB table locality. `region` applies to RegionalByTable (empty: the primary region);
// `column` to RegionalByRow (empty: the implicit crdb_region column).
struct Locality {
  LocalityKind kind = LocalityKind::RegionalByTable;
  std::string region;
  std::string column;

  friend bool operator==(const Locality&, const Locality&) = default;
};

struct Table {
  QualifiedName name;
  std::vector<Column> columns;  // in declaration order
  std::optional<PrimaryKey> primary_key;
  std::vector<Index> indexes;  // sorted by name once normalized
  std::vector<UniqueConstraint> uniques;
  std::vector<ForeignKey> foreign_keys;
  std::vector<Check> checks;
  std::optional<Locality> locality;
  // CockroachDB row-level TTL: its ttl_* storage parameters by name without the prefix
  // ("expire_after" -> "10 minutes"), values as text without SQL quotes; empty when the table has
  // none. The names and their kinds of value: engine/model/row_ttl.hpp.
  std::map<std::string, std::string> ttl;
  // Declared only: the name this table had before (same schema). Normalisation clears it.
  std::optional<std::string> renamed_from;

  STRATA_EXPORT const Column* find_column(const std::string& column_name) const;

  friend bool operator==(const Table&, const Table&) = default;
};

// A table or view a view reads, and the columns of it that it names (a view that reads a whole
// row, or whose columns are not known, names none).
struct ViewRead {
  QualifiedName relation;
  std::vector<std::string> columns;

  friend bool operator==(const ViewRead&, const ViewRead&) = default;
};

// A view or materialized view, declared by its query. Two views are the same when their queries
// are, as the server prints them (see PostgresDialect::normalize and read_live).
struct View {
  QualifiedName name;
  std::string query;  // one SELECT (or VALUES, WITH …), without a trailing semicolon
  bool materialized = false;
  // Facts for the planner, not compared. `reads`: live, from the server's dependencies; declared,
  // from the query. `replaceable`: live only, when the server was asked: whether the declared
  // query keeps this view's columns (names and types, in order), so CREATE OR REPLACE may change it.
  std::vector<ViewRead> reads;
  std::optional<bool> replaceable;
  // A materialized view's indexes (sorted by name once normalized); a plain view has none. They
  // are not part of what the view is: a changed index is not a changed view (same_query).
  std::vector<Index> indexes;
  // Set by normalisation: the query in the form it is compared in (spacing and case made one),
  // which `query` keeps as written or printed.
  std::string compared;

  const std::string& query_key() const { return compared.empty() ? query : compared; }
  // The same relation: name, kind and query. A view that differs in these is replaced or re-created.
  friend bool same_query(const View& a, const View& b) {
    return a.name == b.name && a.materialized == b.materialized && a.query_key() == b.query_key();
  }
  friend bool operator==(const View& a, const View& b) { return same_query(a, b) && a.indexes == b.indexes; }
};

// A function or procedure (PostgreSQL), declared by its CREATE statement. Two are the same
// routine when their identities are (name and argument types: overloads are routines of their
// own), and equal when their definitions are, as PostgresDialect::normalize reads them.
struct Routine {
  std::string definition;  // CREATE [OR REPLACE] FUNCTION|PROCEDURE …, as written or as the server prints it
  std::string origin;      // declared: "file:line" where it is written, for messages; not compared
  // Set by normalisation, from the definition: the name, whether it is a procedure, the identity
  // ("public.f(int4, text[])") and its argument types ("int4, text[]", what DROP names), what
  // CREATE OR REPLACE must keep (kind, arguments with their names and modes, result), and the
  // whole definition in the form it is compared in.
  QualifiedName name;
  bool procedure = false;
  std::string identity;
  std::string arguments;
  std::string signature;
  std::string compared;
  // Facts for the planner, not compared: the user types its signature names, and the tables and
  // views (with the columns) a SQL-language body reads (PostgreSQL checks those when it creates
  // the function).
  std::vector<QualifiedName> types;
  std::vector<ViewRead> reads;
  // A SQL-standard body (RETURN …, BEGIN ATOMIC … END): the server records what it reads, and
  // refuses to drop that while the function stands. A string body it does not.
  bool atomic_body = false;

  friend bool operator==(const Routine& a, const Routine& b) {
    return a.identity == b.identity && a.compared == b.compared;
  }
};

// A trigger on a table or view (PostgreSQL), declared by its CREATE TRIGGER statement.
struct Trigger {
  std::string definition;  // CREATE [CONSTRAINT] TRIGGER …, as written or as the server prints it
  std::string origin;      // declared: "file:line", for messages; not compared
  // Set by normalisation, from the definition.
  QualifiedName table;
  std::string name;
  QualifiedName function;  // the trigger function it runs
  std::string compared;
  std::vector<std::string> columns;  // of its table, in UPDATE OF and WHEN: a fact for the planner

  friend bool operator==(const Trigger& a, const Trigger& b) {
    return a.table == b.table && a.name == b.name && a.compared == b.compared;
  }
};

// What a comment is on. CockroachDB and PostgreSQL both have COMMENT ON for each.
enum class CommentOn { Table, Column, Index, Constraint, View, MaterializedView, Type };

// A comment (COMMENT ON … IS '…') on a table, or on a column, index or constraint of one, or on a
// view or a type (an enum) (`table` names the view or type; `object` is empty).
// Comments are kept beside the objects, not in them, so that a changed comment is never a changed
// object: it is a COMMENT ON of its own.
struct Comment {
  CommentOn on = CommentOn::Table;
  QualifiedName table;
  std::string object;  // the column, index or constraint; empty for the table itself
  std::string text;

  friend auto operator<=>(const Comment&, const Comment&) = default;
  friend bool operator==(const Comment&, const Comment&) = default;
};

struct Schema {
  Database database;
  std::vector<std::string> schemas;   // namespaces the schema uses besides "public", sorted
  std::vector<Extension> extensions;  // PostgreSQL only; sorted by name
  std::vector<Enum> enums;
  std::vector<Sequence> sequences;
  std::vector<Table> tables;
  std::vector<View> views;        // PostgreSQL; sorted by name
  std::vector<Routine> routines;  // PostgreSQL; sorted by identity once normalized
  std::vector<Trigger> triggers;  // PostgreSQL; sorted by table and name once normalized
  std::vector<Comment> comments;  // sorted by what they are on, once sorted

  STRATA_EXPORT const Table* find_table(const QualifiedName& table_name) const;
  STRATA_EXPORT const Enum* find_enum(const QualifiedName& enum_name) const;

  // Sorts every unordered collection by name so that equal schemas compare equal.
  // Column order and enum value order are meaningful and left alone.
  STRATA_EXPORT void sort();

  friend bool operator==(const Schema&, const Schema&) = default;
};

// Readable, stable, multi-line description of a schema (for messages and test failures).
STRATA_EXPORT std::string describe(const Schema& schema);
STRATA_EXPORT std::string describe(const Table& table);
STRATA_EXPORT std::string describe(const Comment& comment);      // "comment on column c of table public.t"
STRATA_EXPORT std::string to_string(const QualifiedName& name);  // schema.name, quoted where needed
STRATA_EXPORT std::string_view to_string(ReferentialAction action);
STRATA_EXPORT std::string_view to_string(SurvivalGoal goal);
STRATA_EXPORT std::string_view to_string(LocalityKind kind);
STRATA_EXPORT std::string_view to_string(CommentOn on);
STRATA_EXPORT std::ostream& operator<<(std::ostream& out, const Schema& schema);
STRATA_EXPORT std::ostream& operator<<(std::ostream& out, const Table& table);

}  // namespace strata
