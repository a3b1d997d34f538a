// CockroachDB DDL: splitting the input into statements and sending each to its parser.
#include "dialects/cockroachdb/ddl/parser.hpp"

#include <array>
#include <span>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"
#include "dialects/cockroachdb/ddl/lexer.hpp"
#include "dialects/cockroachdb/ddl/table_edits.hpp"
#include "strata/errors.hpp"

namespace strata::cockroachdb {

namespace {

// First words of statements that change nothing the model holds.
constexpr std::array kNonSchemaStatements = {
    "analyze", "backup",   "begin",     "call",    "cancel",   "commit",   "copy",       "deallocate", "delete",
    "discard", "do",       "end",       "execute", "explain",  "export",   "grant",      "import",     "insert",
    "listen",  "notify",   "pause",     "prepare", "refresh",  "release",  "reset",      "restore",    "resume",
    "revoke",  "rollback", "savepoint", "scrub",   "select",   "show",     "start",      "table",      "truncate",
    "update",  "upsert",   "values",    "with",    "reassign", "unlisten", "checkpoint", "abort"};

// Objects after CREATE / ALTER / DROP that the model does not hold.
constexpr std::array kNonSchemaObjects = {"view",        "materialized", "function",   "procedure", "role",
                                          "user",        "statistics",   "changefeed", "extension", "trigger",
                                          "policy",      "external",     "schedule",   "range",     "partition",
                                          "default",     "tenant",       "virtual",    "or",        "logical",
                                          "replication", "aggregate",    "operator",   "cast",      "collation"};

template <std::size_t N>
bool is_one_of(const Cursor& cursor, const std::array<const char*, N>& words, std::size_t ahead = 0) {
  for (const char* word : words) {
    if (cursor.is_word(word, ahead)) return true;
  }
  return false;
}

void skip_statement(Context& context, Cursor& cursor, NoteKind kind) {
  const std::string text = cursor.rest();
  context.note(kind, text.size() > 100 ? text.substr(0, 100) + "…" : text);
}

// SET database = x / SET DATABASE TO x, or another session setting (skipped).
void set_statement(Context& context, Cursor& cursor) {
  if (cursor.is_word("database", 1) && (cursor.is_symbol("=", 2) || cursor.is_word("to", 2))) {
    cursor.next();
    cursor.next();
    cursor.next();
    context.use_database(cursor.is_name() ? cursor.expect_name("a database name") : cursor.expect_string("a name"));
    if (!cursor.at_end()) cursor.fail("the end of the statement");
    return;
  }
  skip_statement(context, cursor, NoteKind::NonSchemaStatement);
}

// CREATE SCHEMA [IF NOT EXISTS] [database.]name [AUTHORIZATION role]
void create_schema(Context& context, Cursor& cursor) {
  const bool if_not_exists = cursor.accept_words({"if", "not", "exists"});
  const auto parts = cursor.expect_qualified_name("a schema name");
  if (parts.size() > 2) cursor.fail("a schema name ([database.]schema)");
  if (cursor.accept("authorization")) cursor.expect_name("a role name");
  if (parts.size() == 2 && parts[0] != context.database() && !context.database().empty()) {
    context.note(NoteKind::CrossDatabase, fmt::format("schema {} of database {}", parts[1], parts[0]));
    return;
  }
  if (context.is_known_schema(parts.back()) && !if_not_exists) {
    cursor.fail_statement(fmt::format("schema {} already exists", parts.back()));
  }
  context.add_schema(parts.back());
}

void create_statement(Context& context, Cursor& cursor) {
  cursor.expect("create");
  cursor.accept("local") || cursor.accept("global");
  cursor.accept("temp") || cursor.accept("temporary") || cursor.accept("unlogged");
  if (cursor.is_word("table")) return create_table(context, cursor);
  if (cursor.accept("sequence")) return create_sequence(context, cursor);
  if (cursor.accept("type")) return create_type(context, cursor);
  if (cursor.accept("database")) return create_database(context, cursor);
  if (cursor.accept("schema")) return create_schema(context, cursor);
  const bool unique = cursor.accept("unique");
  std::string method = "btree";
  if (cursor.is_words({"inverted", "index"})) {
    cursor.next();
    method = "gin";
  } else if (cursor.is_words({"vector", "index"})) {
    cursor.next();
    method = "vector";
  }
  if (cursor.accept("index")) return create_index(context, cursor, unique, method);
  if (!unique && is_one_of(cursor, kNonSchemaObjects))
    return skip_statement(context, cursor, NoteKind::NonSchemaStatement);
  cursor.fail("TABLE, INDEX, TYPE, SEQUENCE, SCHEMA or DATABASE after CREATE");
}

void alter_statement(Context& context, Cursor& cursor) {
  cursor.expect("alter");
  if (cursor.accept("table")) return alter_table(context, cursor);
  if (cursor.accept("index")) return alter_index(context, cursor);
  if (cursor.accept("type")) return alter_type(context, cursor);
  if (cursor.accept("sequence")) return alter_sequence(context, cursor);
  if (cursor.accept("database")) return alter_database(context, cursor);
  if (is_one_of(cursor, kNonSchemaObjects) || cursor.is_word("schema")) {
    return skip_statement(context, cursor, NoteKind::NonSchemaStatement);
  }
  cursor.fail("TABLE, INDEX, TYPE, SEQUENCE or DATABASE after ALTER");
}

void apply_statement(Context& context, Cursor& cursor) {
  if (cursor.is_word("create")) return create_statement(context, cursor);
  if (cursor.is_word("alter")) return alter_statement(context, cursor);
  if (cursor.accept("drop")) return drop_objects(context, cursor);
  if (cursor.accept_words({"comment", "on"})) return comment_on(context, cursor);
  if (cursor.accept("use")) {
    context.use_database(cursor.expect_name("a database name"));
    if (!cursor.at_end()) cursor.fail("the end of the statement");
    return;
  }
  if (cursor.is_word("set")) return set_statement(context, cursor);
  if (is_one_of(cursor, kNonSchemaStatements) || cursor.is_symbol("(")) {
    return skip_statement(context, cursor, NoteKind::NonSchemaStatement);
  }
  cursor.fail("a statement (CREATE, ALTER, DROP, COMMENT ON, USE, SET …)");
}

}  // namespace

std::string_view to_string(NoteKind kind) {
  switch (kind) {
    case NoteKind::Comment:
      return "comment";
    case NoteKind::NonSchemaStatement:
      return "non-schema-statement";
    case NoteKind::StorageParameter:
      return "storage-parameter";
    case NoteKind::NotValid:
      return "not-valid";
    case NoteKind::Interleave:
      return "interleave";
    case NoteKind::Partitioning:
      return "partitioning";
    case NoteKind::CrossDatabase:
      return "cross-database";
    case NoteKind::PrimaryKeyLayout:
      return "primary-key-layout";
    case NoteKind::IndexVisibility:
      return "index-visibility";
    case NoteKind::Placement:
      return "placement";
  }
  return "unknown";
}

void apply_ddl(std::string_view sql, Schema& schema, const ParseOptions& options) {
  const std::vector<Token> tokens = lex_ddl(sql);
  Context context(schema, options);
  const std::span<const Token> all(tokens.data(), tokens.size() - 1);  // without End
  std::size_t start = 0;
  for (std::size_t i = 0; i <= all.size(); ++i) {
    if (i < all.size() && !(all[i].kind == TokenKind::Symbol && all[i].text == ";")) continue;
    if (i > start) {
      Cursor cursor(sql, all.subspan(start, i - start));
      const bool edits = cursor.is_word("drop") || cursor.is_word("alter");
      apply_statement(context, cursor);
      if (!cursor.at_end()) cursor.fail("the end of the statement");
      if (edits && !schema.comments.empty()) prune_comments(schema);
      context.sync_database();
    }
    start = i + 1;
  }
}

void apply_create_statements(const std::vector<std::string>& statements, Schema& schema, const ParseOptions& options) {
  ParseOptions current = options;
  FamilyRecords families;  // a table's families by ID, from its CREATE to the ALTERs after it
  if (current.families == nullptr) current.families = &families;
  for (const auto& statement : statements) {
    apply_ddl(statement, schema, current);
    current.database = schema.database.name.empty() ? current.database : schema.database.name;
  }
}

}  // namespace strata::cockroachdb
