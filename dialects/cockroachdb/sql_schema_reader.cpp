// The CockroachDB SqlSchemaReader: the files' statements go through apply_ddl one at a time, in
// file order; a statement that fails (it may need a table a later file creates) is tried again
// once the others have run, and what still fails is reported at its file:line:column. The schema
// the statements build is then handed to the loader as declared objects, every name given.
#include "dialects/cockroachdb/sql_schema_reader.hpp"

#include <map>
#include <regex>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/parser.hpp"
#include "engine/sql/scanner.hpp"

namespace strata::cockroachdb {

namespace {

struct Statement {
  std::string text;
  SourcePosition at;
  bool creates = false;  // CREATE TABLE / TYPE / SEQUENCE / SCHEMA / DATABASE: applied whole or not at all
  std::string database;  // the database a CREATE DATABASE, ALTER DATABASE or USE names
};

// The database a statement names: the first one becomes the schema's (its regions are the
// schema's), as `USE` would make it.
std::string database_named(const std::vector<strata::sql::Token>& tokens, std::size_t first, std::size_t end) {
  const auto word = [&](std::size_t i, std::string_view text) {
    return i < end && tokens[i].kind == strata::sql::TokenKind::Word && tokens[i].text == text;
  };
  std::size_t i = first;
  if (word(i, "use")) return i + 1 < end ? tokens[i + 1].text : "";
  if (!(word(i, "create") || word(i, "alter")) || !word(i + 1, "database")) return "";
  i += 2;
  if (word(i, "if")) i += word(i + 1, "not") ? 3 : 2;
  return i < end ? tokens[i].text : "";
}

std::vector<Statement> split(const load::SqlFile& file) {
  std::vector<Statement> out;
  strata::sql::ScanOptions options;
  options.grammar = SqlGrammar{true, true};
  const auto tokens = strata::sql::scan(file.text, options);
  std::size_t first = 0;
  for (std::size_t i = 0; i <= tokens.size(); ++i) {
    const bool end = i == tokens.size() || (tokens[i].kind == strata::sql::TokenKind::Punct && tokens[i].text == ";");
    if (!end) continue;
    if (i > first) {
      const auto& head = tokens[first];
      Statement s;
      s.text = file.text.substr(head.begin, tokens[i - 1].end - head.begin);
      const auto lc = strata::sql::line_column(file.text, head.begin);
      s.at = {file.path, lc.line, lc.column};
      const bool create = head.kind == strata::sql::TokenKind::Word && head.text == "create" && first + 1 < i;
      const std::string object = create ? tokens[first + 1].text : "";
      s.creates =
          object == "table" || object == "type" || object == "sequence" || object == "schema" || object == "database";
      s.database = database_named(tokens, first, i);
      out.push_back(std::move(s));
    }
    first = i + 1;
  }
  return out;
}

// "CockroachDB DDL, line L column C: what" about a statement starting at `at` -> file:line:column.
Diagnostic locate(const std::string& message, const SourcePosition& at) {
  static const std::regex kPrefix(R"(^CockroachDB DDL, line (\d+) column (\d+): )");
  std::smatch match;
  if (!std::regex_search(message, match, kPrefix)) return {at, message};
  const int line = std::stoi(match[1]);
  const int column = std::stoi(match[2]);
  SourcePosition out = at;
  out.line = at.line + line - 1;
  out.column = line == 1 ? at.column + column - 1 : column;
  return {out, match.suffix()};
}

template <typename T, typename NameOf>
void remember_new(const std::vector<T>& items, NameOf name_of, const SourcePosition& at,
                  std::map<QualifiedName, SourcePosition>& positions) {
  for (const auto& item : items) positions.emplace(name_of(item), at);
}

// The parser writes CockroachDB's INT4 as the model's "integer"; the loader would read that
// spelling as an undecided INT (INT8 on CockroachDB), so it is handed over as int4.
Column decided(Column column) {
  if (column.type == "integer" || column.type.starts_with("integer[")) column.type = "int4" + column.type.substr(7);
  return column;
}

// The comments COMMENT ON gave `d`'s table and its objects, where the declared format keeps them.
void declare_comments(load::DeclaredTable& d, const std::vector<Comment>& comments) {
  for (const auto& c : comments) {
    if (c.table != d.name) continue;
    if (c.on == CommentOn::Table) d.comment = c.text;
    for (auto& column : d.columns) {
      if (c.on == CommentOn::Column && column.column.name == c.object) column.comment = c.text;
    }
    for (auto& index : d.indexes) {
      if (c.on == CommentOn::Index && index.index.name == c.object) index.comment = c.text;
    }
    if (c.on != CommentOn::Constraint) continue;
    if (d.primary_key && d.primary_key->name == c.object) d.primary_key_comment = c.text;
    for (auto& unique : d.uniques) {
      if (unique.unique.name == c.object) unique.comment = c.text;
    }
    for (auto& fk : d.foreign_keys) {
      if (fk.foreign_key.name == c.object) fk.comment = c.text;
    }
  }
}

load::DeclaredTable declare(const Table& table, const load::Mark& at, const std::vector<Comment>& comments) {
  load::DeclaredTable d;
  d.name = table.name;
  d.position = at;
  for (const auto& column : table.columns)
    d.columns.push_back(load::DeclaredColumn{decided(column), at, at, false, {}});
  d.primary_key = table.primary_key;
  d.primary_key_named = true;
  if (table.primary_key) d.primary_key_columns.columns = table.primary_key->columns;
  d.primary_key_position = at;
  for (const auto& index : table.indexes) d.indexes.push_back(load::DeclaredIndex{index, true, at, {}, {}, {}});
  for (const auto& unique : table.uniques) d.uniques.push_back(load::DeclaredUnique{unique, true, at, {}, {}});
  for (const auto& fk : table.foreign_keys)
    d.foreign_keys.push_back(load::DeclaredForeignKey{fk, true, !fk.ref_columns.empty(), at, at, {}, {}, {}});
  for (const auto& check : table.checks) d.checks.push_back(load::DeclaredCheck{check, at});
  d.locality = table.locality;
  d.locality_position = at;
  d.ttl = table.ttl;
  declare_comments(d, comments);
  return d;
}

class CockroachSqlReader : public load::SqlSchemaReader {
 public:
  void read(const std::vector<load::SqlFile>& files, load::DeclaredSchema& into, std::vector<Diagnostic>& errors,
            std::vector<load::ReadNote>& notes) const override {
    std::vector<Statement> waiting;
    for (const auto& file : files) {
      for (auto& s : split(file)) waiting.push_back(std::move(s));
    }
    Schema schema;
    FamilyRecords families;  // each table's column families by ID, from statement to statement
    std::map<QualifiedName, SourcePosition> positions;
    std::map<std::size_t, std::string> failures;  // statement index -> the last failure
    std::vector<bool> done(waiting.size(), false);
    for (bool progress = true; progress;) {
      progress = false;
      for (std::size_t i = 0; i < waiting.size(); ++i) {
        if (done[i]) continue;
        if (apply(waiting[i], schema, families, positions, notes, failures[i])) {
          done[i] = progress = true;
          failures.erase(i);
        }
      }
    }
    for (const auto& [i, message] : failures) errors.push_back(locate(message, waiting[i].at));
    hand_over(schema, positions, into, errors);
  }

 private:
  static bool apply(const Statement& s, Schema& schema, FamilyRecords& families,
                    std::map<QualifiedName, SourcePosition>& positions, std::vector<load::ReadNote>& notes,
                    std::string& failure) {
    std::vector<ParseNote> parse_notes;
    ParseOptions options;
    options.notes = &parse_notes;
    if (schema.database.name.empty()) options.database = s.database;
    try {
      if (s.creates) {
        options.families = &families;
        apply_ddl(s.text, schema, options);
      } else {
        Schema trial = schema;
        FamilyRecords trial_families = families;
        options.families = &trial_families;
        apply_ddl(s.text, trial, options);
        schema = std::move(trial);
        families = std::move(trial_families);
      }
    } catch (const UsageError& error) {
      failure = error.what();
      return false;
    }
    remember_new(
        schema.tables, [](const Table& t) { return t.name; }, s.at, positions);
    remember_new(
        schema.enums, [](const Enum& e) { return e.name; }, s.at, positions);
    remember_new(
        schema.sequences, [](const Sequence& q) { return q.name; }, s.at, positions);
    for (const auto& note : parse_notes) notes.push_back({s.at, fmt::format("left out: {}", note.message)});
    return true;
  }

  static void hand_over(const Schema& schema, const std::map<QualifiedName, SourcePosition>& positions,
                        load::DeclaredSchema& into, std::vector<Diagnostic>& errors) {
    const auto at = [&](const QualifiedName& name) {
      const auto it = positions.find(name);
      return load::mark_in(into, it == positions.end() ? SourcePosition{} : it->second);
    };
    const Database& db = schema.database;
    if (!db.primary_region.empty() || !db.regions.empty() || db.survival_goal) {
      if (into.database) {
        errors.push_back({load::position_of(into.database_position, into.files),
                          "expected the database's regions in one place: the SQL files set "
                          "them too"});
      } else {
        into.database = db;
      }
    }
    for (const auto& name : schema.schemas) into.schemas.push_back(name);
    for (const auto& e : schema.enums) {
      std::optional<std::string> comment;
      for (const auto& c : schema.comments) {
        if (c.on == CommentOn::Type && c.table == e.name) comment = c.text;
      }
      into.enums.push_back(load::DeclaredEnum{e, at(e.name), std::move(comment)});
    }
    for (const auto& q : schema.sequences) into.sequences.push_back(load::DeclaredSequence{q, at(q.name)});
    for (const auto& t : schema.tables) into.tables.push_back(declare(t, at(t.name), schema.comments));
  }
};

}  // namespace

std::unique_ptr<load::SqlSchemaReader> make_sql_schema_reader() {
  return std::make_unique<CockroachSqlReader>();
}

}  // namespace strata::cockroachdb
