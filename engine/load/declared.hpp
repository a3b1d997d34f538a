// The declared schema as read from YAML, before names are filled in and references checked:
// model objects plus the source positions that error messages need.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "strata/errors.hpp"
#include "strata/schema.hpp"

namespace strata::load {

struct DeclaredColumn {
  Column column;
  SourcePosition position;
  SourcePosition type_position;
  bool default_is_plain_word = false;  // `default: PENDING`: an enum value, if the type is an enum
  std::optional<std::string> comment;
};

struct DeclaredKeyList {
  std::vector<std::string> columns;
  std::vector<SourcePosition> positions;
};

struct DeclaredIndex {
  Index index;
  bool named = false;
  SourcePosition position;
  std::vector<SourcePosition> key_positions;
  std::vector<SourcePosition> include_positions;
  std::optional<std::string> comment;
};

struct DeclaredUnique {
  UniqueConstraint unique;
  bool named = false;
  SourcePosition position;
  std::vector<SourcePosition> column_positions;
  std::optional<std::string> comment;
};

struct DeclaredForeignKey {
  ForeignKey foreign_key;
  bool named = false;
  bool ref_columns_given = false;
  SourcePosition position;
  SourcePosition ref_position;
  std::vector<SourcePosition> column_positions;
  std::vector<SourcePosition> ref_column_positions;
  std::optional<std::string> comment;
};

struct DeclaredCheck {
  Check check;
  SourcePosition position;
};

struct DeclaredTable {
  QualifiedName name;
  SourcePosition position;
  std::vector<DeclaredColumn> columns;
  std::optional<PrimaryKey> primary_key;
  bool primary_key_named = false;
  DeclaredKeyList primary_key_columns;
  SourcePosition primary_key_position;
  std::vector<DeclaredIndex> indexes;
  std::vector<DeclaredUnique> uniques;
  std::vector<DeclaredForeignKey> foreign_keys;
  std::vector<DeclaredCheck> checks;
  std::optional<Locality> locality;
  SourcePosition locality_position;
  std::optional<std::string> renamed_from;
  SourcePosition renamed_from_position;
  std::optional<std::string> comment;
  std::optional<std::string> primary_key_comment;
};

struct DeclaredEnum {
  Enum value;
  SourcePosition position;
};

struct DeclaredSequence {
  Sequence sequence;
  SourcePosition position;
};

struct DeclaredSchema {
  std::optional<Database> database;
  SourcePosition database_position;
  std::vector<std::string> schemas;
  std::vector<DeclaredEnum> enums;
  std::vector<DeclaredSequence> sequences;
  std::vector<DeclaredTable> tables;
  // Files read, and those that held no document at all (0 bytes, or only comments and blank lines).
  std::size_t files = 0;
  std::vector<std::string> empty_files;
};

// Reads one YAML document into `into` (appending), reporting problems into `diagnostics`.
void parse_file(const std::string& file, const std::string& text, DeclaredSchema& into,
                std::vector<Diagnostic>& diagnostics);

// Checks references, fills default names and builds the Schema. Reports into `diagnostics`.
Schema resolve(DeclaredSchema declared, std::vector<Diagnostic>& diagnostics);

}  // namespace strata::load
