// Reading a CockroachDB catalog: a few bulk SHOW queries, whatever the number of tables, then the DDL
// parser on CockroachDB's own canonical CREATE statements.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/ddl/parser.hpp"
#include "dialects/cockroachdb/queries.hpp"
#include "engine/db/connection.hpp"
#include "strata/errors.hpp"

namespace strata::cockroachdb {

namespace {

// "{a,b}" (a STRING[] as text; region names hold no commas or braces) as a list.
std::vector<std::string> regions_of(std::string_view text) {
  std::vector<std::string> out;
  if (text.size() < 2) return out;
  std::string current;
  for (char c : text.substr(1, text.size() - 2)) {
    if (c == ',') {
      out.push_back(current);
      current.clear();
    } else if (c != '"') {
      current += c;
    }
  }
  if (!current.empty()) out.push_back(current);
  return out;
}

// Keeps only the objects of `wanted` namespaces (SHOW CREATE ALL … prints every one), and the
// comments on them: a comment left without its object would read as one to remove.
void keep_namespaces(Schema& schema, const std::vector<std::string>& wanted) {
  if (wanted.empty()) return;
  const auto unwanted = [&](const QualifiedName& name) {
    return std::find(wanted.begin(), wanted.end(), name.schema) == wanted.end();
  };
  std::erase_if(schema.tables, [&](const Table& t) { return unwanted(t.name); });
  std::erase_if(schema.sequences, [&](const Sequence& s) { return unwanted(s.name); });
  std::erase_if(schema.enums, [&](const Enum& e) { return unwanted(e.name); });
  std::erase_if(schema.comments, [&](const Comment& c) { return unwanted(c.table); });
}

void read_database(Connection& connection, Database& database) {
  const auto rows = connection.exec(queries::kDatabase);
  if (rows.empty()) return;
  const auto& row = rows[0];
  if (!row[0].is_null()) database.primary_region = row[0].c_str();
  if (!row[1].is_null()) database.regions = regions_of(row[1].c_str());
  if (!row[2].is_null()) {
    const std::string goal = row[2].c_str();
    if (goal == "region") database.survival_goal = SurvivalGoal::Region;
    if (goal == "zone") database.survival_goal = SurvivalGoal::Zone;
  }
}

// A note of the DDL parser as `strata inspect` names it, on one line: a statement that creates
// something by its kind and name (the parser's text of CREATE VIEW public.v … starts after CREATE:
// "VIEW public.v (…"), any other statement by its text; a clause by its kind ("partitioning").
SkippedObject skipped_object(const ParseNote& note) {
  std::string text;
  for (const char c : note.message) {
    const bool space = c == '\n' || c == '\t' || c == ' ';
    if (!space || (!text.empty() && text.back() != ' ')) text += space ? ' ' : c;
  }
  std::string kind(to_string(note.kind));
  std::replace(kind.begin(), kind.end(), '-', ' ');
  if (note.kind != NoteKind::NonSchemaStatement) return {kind, text};
  std::string lower = text;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  const std::size_t skip = lower.starts_with("create ") ? 7 : lower.starts_with("or replace ") ? 11 : 0;
  for (const std::string_view created : {"materialized view", "view", "function", "procedure", "trigger"}) {
    const std::string prefix = std::string(created) + " ";
    if (lower.compare(skip, prefix.size(), prefix) != 0) continue;
    const std::size_t start = skip + prefix.size();
    return {std::string(created), text.substr(start, text.find_first_of(" (", start) - start)};
  }
  return {lower.find("configure zone") != std::string::npos ? "zone configuration" : "statement", text};
}

}  // namespace

// Five round trips, whatever the number of tables: the database's name, its namespaces, SHOW
// CREATE ALL TYPES, SHOW CREATE ALL TABLES and its regions. Every one is a surface CockroachDB
// supports for production use and answers with allow_unsafe_internals off.
Schema CockroachDialect::introspect(Connection& connection, const IntrospectOptions& options) const {
  Schema schema;
  schema.database.name = connection.exec(queries::kCurrentDatabase)[0][0].c_str();
  for (const auto& row : connection.exec_with_names(queries::kSchemas, options.schemas)) {
    std::string name = row[0].c_str();
    if (name != "public") schema.schemas.push_back(std::move(name));
  }
  std::vector<std::string> statements;
  for (const auto& row : connection.exec(queries::kTypes)) statements.emplace_back(row[0].c_str());
  for (const auto& row : connection.exec(queries::kCreateStatements)) statements.emplace_back(row[0].c_str());
  read_database(connection, schema.database);
  ParseOptions parse;
  parse.database = schema.database.name;
  std::vector<ParseNote> notes;
  if (options.skipped) parse.notes = &notes;
  try {
    apply_create_statements(statements, schema, parse);
  } catch (const UsageError& error) {
    throw DatabaseError(fmt::format("strata could not read a statement CockroachDB {} printed for its own catalog "
                                    "(please report it): {}",
                                    to_string(version_), error.what()),
                        "", "");
  }
  keep_namespaces(schema, options.schemas);
  for (const auto& note : notes) options.skipped->push_back(skipped_object(note));
  normalize(schema);
  return schema;
}

}  // namespace strata::cockroachdb
