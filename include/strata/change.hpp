// Changes: the closed vocabulary that diff() produces and dialects turn into DDL.
//
// Each change is a small struct; Change is a std::variant of all of them, so that a new kind of
// change is a compile error wherever it is not handled (std::visit). Objects inside a change are
// the declared ("to") objects as written, or the live ("from") ones, never normalised copies:
// normalisation is for comparing, and DDL keeps what the user declared.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "strata/export.hpp"
#include "strata/schema.hpp"

namespace strata {

// ---- namespaces and types
struct CreateSchema {
  std::string name;
};
// PostgreSQL extensions: created before, and dropped after, everything else in a plan (what they
// provide is not known object by object).
struct CreateExtension {
  Extension extension;
};
struct DropExtension {
  Extension extension;
};
// ALTER EXTENSION … SET SCHEMA when the schema differs, … UPDATE TO when a declared version does.
struct AlterExtension {
  Extension from;
  Extension to;
};
// True when `c` moves to another version: both are known ("" is not) and differ.
inline bool updates_version(const AlterExtension& c) {
  return !c.from.version.empty() && !c.to.version.empty() && c.from.version != c.to.version;
}
struct CreateEnum {
  Enum value;
};
struct DropEnum {
  Enum value;
};
// A value added at its declared position (before `before`, or last when empty).
struct AddEnumValue {
  QualifiedName name;
  std::string value;
  std::string before;
};
// Values removed or reordered: the type is rebuilt and every column using it converted.
struct RecreateEnum {
  Enum from;
  Enum to;
  struct Use {
    QualifiedName table;
    std::string column;
    std::optional<std::string> default_expr;  // the declared default, set again after conversion
    bool array = false;
    bool had_default = true;  // the live column has a default (it cannot convert: it is dropped first)
  };
  std::vector<Use> uses;
};

// ---- sequences
struct CreateSequence {
  Sequence sequence;
};
struct DropSequence {
  Sequence sequence;
};
struct AlterSequence {
  Sequence from;
  Sequence to;
  // OWNED BY NONE: the sequence stays while the table or column owning it is dropped (which would
  // drop it too). `from == to` when that is all that changes.
  bool disown = false;
};

// ---- tables
// A new table with its columns, primary key, unique constraints and checks; its indexes and
// foreign keys come as CreateIndex / AddForeignKey changes of their own.
struct CreateTable {
  Table table;
};
struct DropTable {
  Table table;
  std::vector<QualifiedName> owned_sequences;  // dropped with it (serial): no DropSequence of their own
};
struct RenameTable {
  QualifiedName from;
  QualifiedName to;
};

// ---- columns
struct AddColumn {
  QualifiedName table;
  Column column;
};
struct DropColumn {
  QualifiedName table;
  Column column;
  std::vector<QualifiedName> owned_sequences;  // dropped with it (serial): no DropSequence of their own
};
struct RenameColumn {
  QualifiedName table;
  std::string from;
  std::string to;
};

// What differs between two versions of a column (a bit set).
enum ColumnChange : std::uint32_t {
  kColumnType = 1u << 0,
  kColumnNullability = 1u << 1,
  kColumnDefault = 1u << 2,
  kColumnGenerated = 1u << 3,
  kColumnIdentity = 1u << 4,
  kColumnCollation = 1u << 5,
  kColumnHidden = 1u << 6,
  kColumnOnUpdate = 1u << 7,
  kColumnFamily = 1u << 8,  // CockroachDB cannot move a column to another family: planning refuses it
};

struct AlterColumn {
  QualifiedName table;
  Column from;
  Column to;
  std::uint32_t what = 0;  // ColumnChange bits
};

// ---- keys, indexes, constraints
struct SetPrimaryKey {
  QualifiedName table;
  std::optional<PrimaryKey> from;
  std::optional<PrimaryKey> to;
};
struct CreateIndex {
  QualifiedName table;
  Index index;
  bool table_is_new = false;  // created in this plan: no rows, no lock worth a hazard
};
struct DropIndex {
  QualifiedName table;
  Index index;
};
struct RenameIndex {
  QualifiedName table;
  std::string from;
  std::string to;
};
// CockroachDB: ALTER INDEX … [NOT] VISIBLE | VISIBILITY x (Index::visibility).
struct SetIndexVisibility {
  QualifiedName table;
  std::string index;
  double from = 1.0;
  double to = 1.0;
};
struct AddUnique {
  QualifiedName table;
  UniqueConstraint unique;
};
struct DropUnique {
  QualifiedName table;
  UniqueConstraint unique;
};
struct AddForeignKey {
  QualifiedName table;
  ForeignKey foreign_key;
  bool table_is_new = false;  // both sides new: nothing to validate
};
struct DropForeignKey {
  QualifiedName table;
  ForeignKey foreign_key;
};
struct AddCheck {
  QualifiedName table;
  Check check;
};
struct DropCheck {
  QualifiedName table;
  Check check;
};

// ---- multi-region (CockroachDB)
struct AddRegion {
  std::string region;
};
struct DropRegion {
  std::string region;
  bool primary = false;  // the database's primary region: dropped last, once it is the only one
};
struct SetPrimaryRegion {
  std::string from;  // empty: the database is not multi-region yet
  std::string to;
};
struct SetSurvivalGoal {
  std::optional<SurvivalGoal> from;
  SurvivalGoal to = SurvivalGoal::Zone;
};
struct SetLocality {
  QualifiedName table;
  std::optional<Locality> from;
  std::optional<Locality> to;
};
// CockroachDB row-level TTL (Table::ttl): `set` names the settings `to` adds or changes (their
// values are to's, as declared), `reset` those it no longer has; `to` empty removes the TTL.
struct SetTableTtl {
  QualifiedName table;
  std::map<std::string, std::string> from;
  std::map<std::string, std::string> to;
  std::vector<std::string> set;
  std::vector<std::string> reset;
};

// ---- views
// CREATE [MATERIALIZED] VIEW, after what it reads.
struct CreateView {
  View view;
};
// DROP [MATERIALIZED] VIEW, before what it reads changes or goes.
struct DropView {
  View view;
};
// CREATE OR REPLACE VIEW: the new query keeps the old columns (the server checked).
struct ReplaceView {
  View from;
  View to;
};

// ---- comments
// COMMENT ON the object `on` names; `to` empty: the comment is removed (IS NULL).
struct SetComment {
  CommentOn on = CommentOn::Table;
  QualifiedName table;
  std::string object;  // column, index or constraint; empty for the table
  std::optional<std::string> from;
  std::optional<std::string> to;
};

// ---- functions, procedures and triggers (PostgreSQL)
struct CreateRoutine {
  Routine routine;
};
struct DropRoutine {
  Routine routine;
};
// CREATE OR REPLACE: the identity, kind, arguments and result stay; the body or options change.
struct ReplaceRoutine {
  Routine from;
  Routine to;
};
struct CreateTrigger {
  Trigger trigger;
};
struct DropTrigger {
  Trigger trigger;
};

using Change = std::variant<CreateSchema, CreateExtension, DropExtension, AlterExtension, CreateEnum, DropEnum,
                            AddEnumValue, RecreateEnum, CreateSequence, DropSequence, AlterSequence, CreateTable,
                            DropTable, RenameTable, AddColumn, DropColumn, RenameColumn, AlterColumn, SetPrimaryKey,
                            CreateIndex, DropIndex, RenameIndex, SetIndexVisibility, AddUnique, DropUnique,
                            AddForeignKey, DropForeignKey, AddCheck, DropCheck, AddRegion, DropRegion, SetPrimaryRegion,
                            SetSurvivalGoal, SetLocality, SetTableTtl, CreateView, DropView, ReplaceView, SetComment,
                            CreateRoutine, DropRoutine, ReplaceRoutine, CreateTrigger, DropTrigger>;

using ChangeSet = std::vector<Change>;

// One line saying what a change does, e.g. "add column email to table users".
STRATA_EXPORT std::string describe(const Change& change);

}  // namespace strata
