// The release catalogue (tests/fixtures/crdb-releases/<release>.json, README.md there) and the
// database state the stand-in pretends to hold (tests/fixtures/crdb-releases/state/<name>/).
// Plain data, loaded once; the stand-in answers only from these.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "support/crdb_standin/rows_file.hpp"

namespace strata::standin {

struct Column {
  std::string name;
  std::string type;  // CockroachDB's spelling, upper case: STRING, INT8, STRING[], TIMESTAMPTZ…
};

struct Setting {
  bool exists = false;
  std::optional<std::string> default_value;  // nullopt: not established
  std::string source;
  std::string note;
};

struct Relation {
  std::vector<Column> columns;
  bool unsafe_internal = false;  // refused while allow_unsafe_internals is off
  std::string source;
  std::string note;
  const Column* column(std::string_view name) const;
};

// Which rows of a SHOW form a statement's argument picks ("SHOW CREATE DATABASE d": the rows
// whose database_name is d; with no argument, those of the current database).
struct ShowFilter {
  std::string column;
  bool argument_required = false;
};

struct ShowForm {
  std::string form;  // "SHOW CREATE ALL TABLES"
  bool exists = true;
  std::vector<Column> columns;
  std::optional<RowsFile> rows;  // nullopt: none recorded
  std::optional<ShowFilter> filter;
  std::string source;
  std::string note;
};

struct Form {
  std::string pattern;  // the key: a statement pattern (README.md, "Statement forms")
  std::string id;       // E1…, S1…, L1…, H1…, D1… of research/forms.md
  bool accepted = false;
  std::string since;
  std::string sqlstate;  // when refused: the recorded SQLSTATE, or empty for 42601
  std::string message;   // when refused: the recorded message, or empty
  std::string source;
  std::string note;
};

// allow_unsafe_internals: the release has it when this is present.
struct UnsafeInternalsGate {
  std::string setting;
  std::string sqlstate;
  std::string message;
  std::string hint;
  std::vector<std::string> gated_function_schemas;  // calls of <schema>.f(…) are refused too
  std::string source;
};

struct Release {
  std::string release;  // "v25.4"
  std::string version;  // SELECT version()
  std::string server_version;
  std::map<std::string, Setting> settings;
  std::map<std::string, Relation> relations;  // "schema.name"
  std::vector<ShowForm> show;
  std::vector<Form> forms;
  std::optional<UnsafeInternalsGate> gate;

  const Setting* setting(const std::string& name) const;
  const Relation* relation(const std::string& qualified_name) const;
};

// The database the stand-in pretends to hold: the rows of some relations (the others have none
// recorded, and a statement that needs them gets no answer), and rows that replace a SHOW
// form's recorded ones (an empty SHOW JOBS).
struct State {
  std::string database;
  std::string user;
  std::map<std::string, RowsFile> relations;
  std::map<std::string, RowsFile> show;
};

// Reads <dir>/<release>.json and the rows files it names; throws CatalogueError saying what is
// wrong (a missing source, a rows file whose columns differ from the form's).
Release load_release(const std::filesystem::path& dir, const std::string& release);
// The releases of a catalogue directory (its *.json files), sorted.
std::vector<std::string> list_releases(const std::filesystem::path& dir);
// Reads <dir>/state.json and its rows files.
State load_state(const std::filesystem::path& dir);

// The type OID a column of CockroachDB type `type` is described with (25, text, for unknown).
int type_oid(std::string_view type);

}  // namespace strata::standin
