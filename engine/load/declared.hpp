// The declared schema as read from YAML, before names are filled in and references checked:
// model objects plus the source positions that error messages need (Mark: file index, line, column).
#pragma once

#include <algorithm>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/load/mark.hpp"
#include "strata/errors.hpp"
#include "strata/schema.hpp"

namespace strata::load {

struct DeclaredColumn {
  Column column;
  Mark position;
  Mark type_position;
  bool default_is_plain_word = false;  // `default: PENDING`: an enum value, if the type is an enum
  std::optional<std::string> comment;
};

struct DeclaredKeyList {
  std::vector<std::string> columns;
  std::vector<Mark> positions;
};

struct DeclaredIndex {
  Index index;
  bool named = false;
  Mark position;
  std::vector<Mark> key_positions;
  std::vector<Mark> include_positions;
  std::optional<std::string> comment;
};

struct DeclaredUnique {
  UniqueConstraint unique;
  bool named = false;
  Mark position;
  std::vector<Mark> column_positions;
  std::optional<std::string> comment;
};

struct DeclaredForeignKey {
  ForeignKey foreign_key;
  bool named = false;
  bool ref_columns_given = false;
  Mark position;
  Mark ref_position;
  std::vector<Mark> column_positions;
  std::vector<Mark> ref_column_positions;
  std::optional<std::string> comment;
};

struct DeclaredCheck {
  Check check;
  Mark position;
};

struct DeclaredTable {
  QualifiedName name;
  Mark position;
  std::vector<DeclaredColumn> columns;
  std::optional<PrimaryKey> primary_key;
  bool primary_key_named = false;
  DeclaredKeyList primary_key_columns;
  Mark primary_key_position;
  std::vector<DeclaredIndex> indexes;
  std::vector<DeclaredUnique> uniques;
  std::vector<DeclaredForeignKey> foreign_keys;
  std::vector<DeclaredCheck> checks;
  std::optional<Locality> locality;
  Mark locality_position;
  std::map<std::string, std::string> ttl;  // Table::ttl
  std::optional<std::string> renamed_from;
  Mark renamed_from_position;
  std::optional<std::string> comment;
  std::optional<std::string> primary_key_comment;
};

struct DeclaredExtension {
  Extension extension;
  Mark position;
};

struct DeclaredView {
  View view;
  Mark position;
  std::optional<std::string> comment;
  std::vector<DeclaredIndex> indexes;  // a materialized view's
};

// A function, procedure or trigger: its CREATE statement, read by the dialect (normalize). A
// reader of SQL files that has read the statement already keeps what a later DROP or OR REPLACE
// finds it by (the identity, or the trigger's name and table); a YAML file leaves them empty.
struct DeclaredRoutine {
  Routine routine;
  Mark position;
  std::string identity;
};
struct DeclaredTrigger {
  Trigger trigger;
  Mark position;
  QualifiedName table;
  std::string name;
  std::vector<std::string> columns;  // of its table, that it names
};

struct DeclaredEnum {
  Enum value;
  Mark position;
  std::optional<std::string> comment;
};

struct DeclaredSequence {
  Sequence sequence;
  Mark position;
};

struct DeclaredSchema {
  std::vector<std::string> files;  // the files read, in order: what Mark::file indexes
  std::optional<Database> database;
  Mark database_position;
  std::vector<std::string> schemas;
  std::vector<DeclaredExtension> extensions;
  std::vector<DeclaredEnum> enums;
  std::vector<DeclaredSequence> sequences;
  std::vector<DeclaredTable> tables;
  std::vector<DeclaredView> views;
  std::vector<DeclaredRoutine> routines;
  std::vector<DeclaredTrigger> triggers;
  // The files that held no document at all (0 bytes, or only comments and blank lines).
  std::vector<std::string> empty_files;
};

// The Mark of `position` in `declared`: its file is added to DeclaredSchema::files when it is not
// there yet (a reader of SQL files marks what it declares with this).
inline Mark mark_in(DeclaredSchema& declared, const SourcePosition& position) {
  auto& files = declared.files;
  auto it = std::find(files.rbegin(), files.rend(), position.file);
  std::size_t index = files.size();
  if (it == files.rend()) {
    files.push_back(position.file);
  } else {
    index = static_cast<std::size_t>(files.rend() - it) - 1;
  }
  return {static_cast<std::uint32_t>(index), position.line, position.column};
}

// Reads one YAML document into `into` (appending), reporting problems into `diagnostics`.
void parse_file(const std::string& file, std::string_view text, DeclaredSchema& into,
                std::vector<Diagnostic>& diagnostics);

// Checks references, fills default names and builds the Schema. Reports into `diagnostics`.
Schema resolve(DeclaredSchema declared, std::vector<Diagnostic>& diagnostics);

}  // namespace strata::load
