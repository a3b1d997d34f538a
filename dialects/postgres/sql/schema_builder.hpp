// Applies PostgreSQL statements, as libpg_query parsed them, to a declared schema: the
// CREATE statements a schema file holds (schemas, extensions, enums, sequences, tables with their columns,
// defaults, identity, generated columns and constraints, indexes), COMMENT ON the tables and what
// they hold, and the ALTER, RENAME and DROP statements that pg_dump output and migration files add
// after them. What the model does not hold is reported as a note and left out (grants, functions,
// storage options…); what cannot be read is an error naming file:line:column. Members are defined
// by topic: schema_builder.cpp (dispatch, names, notes), create_table.cpp (tables, columns,
// constraints), alter_table.cpp (ALTER TABLE, RENAME), objects.cpp (schemas, enums, sequences,
// indexes, DROP), comments.cpp (COMMENT ON).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dialects/postgres/sql/statement_text.hpp"
#include "engine/load/declared.hpp"
#include "engine/load/sql_reader.hpp"

namespace strata::postgres::sql {

enum class Outcome {
  Applied,  // done (possibly with errors or notes reported)
  Wait,     // it needs a table no statement has created yet; nothing was changed
};

class SchemaBuilder {
 public:
  SchemaBuilder(load::DeclaredSchema& into, std::vector<Diagnostic>& errors, std::vector<load::ReadNote>& notes)
      : into_(into), errors_(errors), notes_(notes) {}

  // Applies one statement. `default_schema` is where unqualified names go: "public", or what the
  // file's `SET search_path` chose (the builder updates it).
  Outcome apply(const StatementText& s, std::string& default_schema);

  // The table a waiting statement waits for (after apply returned Wait).
  const QualifiedName& waiting_for() const { return waiting_for_; }

  void error(const SourcePosition& at, std::string message) { errors_.push_back({at, std::move(message)}); }
  void note(const SourcePosition& at, std::string message) { notes_.push_back({at, std::move(message)}); }
  void error(const load::Mark& at, std::string message) { error(where(at), std::move(message)); }
  void note(const load::Mark& at, std::string message) { note(where(at), std::move(message)); }

  // A position as the declared schema keeps it, and back.
  load::Mark mark(const SourcePosition& at) { return load::mark_in(into_, at); }
  SourcePosition where(const load::Mark& at) const { return load::position_of(at, into_.files); }

 private:
  using json = nlohmann::json;

  Outcome dispatch(const StatementText& s, const std::string& kind, const json& body);
  void skip(const StatementText& s, std::string_view why);
  QualifiedName relation(const json& range_var) const;
  QualifiedName object_name(const std::vector<std::string>& names) const;
  load::DeclaredTable* find_table(const QualifiedName& name);
  // The indexes of a table or materialized view of that name, if one is declared.
  std::vector<load::DeclaredIndex>* index_list(const QualifiedName& relation);
  // The index lists of every table and view of a namespace.
  std::vector<std::vector<load::DeclaredIndex>*> index_lists(const std::string& schema);
  Outcome wait_for(const QualifiedName& name);
  bool relation_taken(const std::string& schema, const std::string& name) const;

  // create_table.cpp
  void create_table(const StatementText& s, const json& stmt);
  void add_column(load::DeclaredTable& table, const StatementText& s, const json& def, std::size_t limit);
  void column_constraint(load::DeclaredTable& table, load::DeclaredColumn& column, const StatementText& s,
                         const json& constraints, std::size_t index, std::size_t limit);
  void add_constraint(load::DeclaredTable& table, const StatementText& s, const json& c,
                      const std::vector<std::string>& column);
  void add_serial(load::DeclaredTable& table, load::DeclaredColumn& column, const StatementText& s, const json& def);
  std::string check_name(const load::DeclaredTable& table, const json& c, const std::vector<std::string>& column,
                         const std::optional<std::string>& expression) const;

  // alter_table.cpp
  Outcome alter_table(const StatementText& s, const json& stmt);
  void alter_command(load::DeclaredTable& table, const StatementText& s, const json& cmd);
  void alter_column(load::DeclaredTable& table, const StatementText& s, const json& cmd, const std::string& subtype);
  void drop_column(load::DeclaredTable& table, const StatementText& s, const json& cmd);
  void drop_constraint(load::DeclaredTable& table, const StatementText& s, const json& cmd);
  Outcome rename(const StatementText& s, const json& stmt);

  // objects.cpp
  void create_schema(const StatementText& s, const json& stmt);
  void create_extension(const StatementText& s, const json& stmt);
  void create_view(const StatementText& s, const json& rel, bool materialized);
  void create_routine(const StatementText& s, const json& body);
  void create_trigger(const StatementText& s, const json& body);
  bool drop_triggers(const QualifiedName& table, const std::string& name);
  bool drop_routine(const json& object);
  void create_enum(const StatementText& s, const json& stmt);
  void alter_enum(const StatementText& s, const json& stmt);
  void create_sequence(const StatementText& s, const json& stmt);
  void alter_sequence(const StatementText& s, const json& stmt);
  void sequence_options(Sequence& sequence, const StatementText& s, const json& options, bool altering);
  Outcome create_index(const StatementText& s, const json& stmt);
  Outcome drop(const StatementText& s, const json& stmt);

  // comments.cpp
  Outcome comment(const StatementText& s, const json& stmt);
  Outcome comment_view(const StatementText& s, const json& stmt);
  Outcome comment_type(const StatementText& s, const json& stmt);
  Outcome comment_index(const StatementText& s, const QualifiedName& index, const std::optional<std::string>& text);
  void set_search_path(const StatementText& s, const json& stmt, std::string& default_schema);

  load::DeclaredSchema& into_;
  std::vector<Diagnostic>& errors_;
  std::vector<load::ReadNote>& notes_;
  std::string default_schema_ = "public";
  QualifiedName waiting_for_;
};

// A name as messages show it: `t`, or `sales.t` outside "public".
std::string shown(const QualifiedName& name);

// Named values of libpg_query's JSON: a node's field or a fallback (it leaves out fields that hold
// their type's zero value).
std::string text_field(const nlohmann::json& node, const char* key);
bool flag(const nlohmann::json& node, const char* key);

}  // namespace strata::postgres::sql
