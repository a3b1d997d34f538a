// Table constraints (PRIMARY KEY, UNIQUE, CHECK, FOREIGN KEY), shared by CREATE TABLE and
// ALTER TABLE … ADD CONSTRAINT, and the REFERENCES clause shared with column definitions.
#include <algorithm>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"
#include "dialects/cockroachdb/ddl/expression.hpp"

namespace strata::cockroachdb {

namespace {

ReferentialAction parse_action(Cursor& cursor) {
  if (cursor.accept_words({"no", "action"})) return ReferentialAction::NoAction;
  if (cursor.accept("restrict")) return ReferentialAction::Restrict;
  if (cursor.accept("cascade")) return ReferentialAction::Cascade;
  if (cursor.accept_words({"set", "null"})) return ReferentialAction::SetNull;
  if (cursor.accept_words({"set", "default"})) return ReferentialAction::SetDefault;
  cursor.fail("NO ACTION, RESTRICT, CASCADE, SET NULL or SET DEFAULT");
}

bool is_action_next(const Cursor& cursor, std::size_t ahead) {
  return cursor.is_word("no", ahead) || cursor.is_word("restrict", ahead) || cursor.is_word("cascade", ahead) ||
         (cursor.is_word("set", ahead) && (cursor.is_word("null", ahead + 1) || cursor.is_word("default", ahead + 1)));
}

void note_not_valid(Context& context, Cursor& cursor, const Table& table, const std::string& what) {
  if (cursor.accept_words({"not", "valid"})) {
    context.note(NoteKind::NotValid, fmt::format("table {}: {} NOT VALID", display(table.name), what));
  }
}

// Where a partial unique constraint's predicate ends.
bool ends_predicate(const Cursor& cursor) {
  return cursor.is_words({"not", "valid"});
}

void primary_key(Context& context, Cursor& cursor, Table& table, std::optional<std::string> name) {
  if (table.primary_key) cursor.fail_statement(fmt::format("table {} has two primary keys", display(table.name)));
  const std::vector<IndexKey> keys = parse_index_keys(cursor, table);
  PrimaryKey key{name ? *name : primary_key_name(table, context.options().naming), {}, {}};
  for (const auto& index_key : keys) {
    if (index_key.column.empty()) cursor.fail_statement("a primary key on an expression is not supported");
    if (index_key.order == SortOrder::Desc) {
      context.note(NoteKind::PrimaryKeyLayout,
                   fmt::format("table {}: primary key column {} DESC", display(table.name), index_key.column));
    }
    key.columns.push_back(index_key.column);
  }
  if (cursor.accept_words({"using", "hash"})) key.shard_buckets = parse_hash_buckets(context, cursor, table);
  set_primary_key(table, std::move(key));
}

void unique(Context& context, Cursor& cursor, Table& table, std::optional<std::string> name) {
  if (cursor.accept_words({"without", "index"})) {
    UniqueConstraint constraint;
    constraint.without_index = true;
    constraint.columns = cursor.expect_name_list("a column name");
    if (cursor.accept("where")) {
      constraint.where = stored_expression(cursor.capture_expression("a predicate", ends_predicate), table.name);
    }
    constraint.name = name ? *name : unique_without_index_name(table, constraint.columns);
    note_not_valid(context, cursor, table, "UNIQUE WITHOUT INDEX " + constraint.name);
    table.uniques.push_back(std::move(constraint));
    return;
  }
  Index index;
  index.unique = true;
  index.keys = parse_index_keys(cursor, table);
  if (cursor.accept_words({"using", "hash"})) index.shard_buckets = parse_hash_buckets(context, cursor, table);
  if (cursor.accept("storing") || cursor.accept("include") || cursor.accept("covering")) {
    index.include = cursor.expect_name_list("a stored column");
  }
  if (cursor.accept("where")) {
    index.where = stored_expression(cursor.capture_expression("a predicate", ends_predicate), table.name);
  }
  index.name = name ? *name : index_name(table, index.keys, true);
  note_not_valid(context, cursor, table, "UNIQUE " + index.name);
  const bool plain = !index.where && !index.shard_buckets && index.include.empty() &&
                     std::all_of(index.keys.begin(), index.keys.end(), [](const IndexKey& key) {
                       return !key.column.empty() && key.order == SortOrder::Asc && key.opclass.empty();
                     });
  if (!plain) {
    table.indexes.push_back(std::move(index));  // only an index can say this
    return;
  }
  UniqueConstraint constraint{index.name, {}, false, {}};
  for (const auto& key : index.keys) constraint.columns.push_back(key.column);
  table.uniques.push_back(std::move(constraint));
}

}  // namespace

void parse_table_constraint(Context& context, Cursor& cursor, Table& table, std::optional<std::string> name) {
  if (name && name_taken(table, *name)) {
    cursor.fail_statement(fmt::format("constraint name {} is used twice in table {}", *name, display(table.name)));
  }
  if (cursor.accept_words({"primary", "key"})) return primary_key(context, cursor, table, std::move(name));
  if (cursor.accept("unique")) return unique(context, cursor, table, std::move(name));
  if (cursor.accept("check")) {
    std::string expression = stored_expression(cursor.capture_parenthesized("a check expression"), table.name);
    std::string check_name_text = name ? *name : check_name(table, expression);
    note_not_valid(context, cursor, table, "CHECK " + check_name_text);
    table.checks.push_back(Check{std::move(check_name_text), std::move(expression)});
    return;
  }
  if (cursor.accept_words({"foreign", "key"})) {
    std::vector<std::string> columns = cursor.expect_name_list("a column name");
    ForeignKey foreign_key = parse_references(context, cursor, table, std::move(columns), std::move(name));
    table.foreign_keys.push_back(std::move(foreign_key));
    return;
  }
  cursor.fail("PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY");
}

ForeignKey parse_references(Context& context, Cursor& cursor, Table& table, std::vector<std::string> columns,
                            std::optional<std::string> name) {
  cursor.expect("references");
  ForeignKey foreign_key;
  foreign_key.columns = std::move(columns);
  foreign_key.ref_table = context.resolve(cursor.expect_qualified_name("the referenced table"));
  if (cursor.is_symbol("(")) foreign_key.ref_columns = cursor.expect_name_list("a referenced column");
  if (!foreign_key.ref_columns.empty() && foreign_key.ref_columns.size() != foreign_key.columns.size()) {
    cursor.fail_statement(fmt::format("a foreign key of {} column(s) references {} column(s)",
                                      foreign_key.columns.size(), foreign_key.ref_columns.size()));
  }
  foreign_key.name = name ? *name : foreign_key_name(table, foreign_key, context.options().naming);
  for (;;) {
    if (cursor.accept("match")) {
      if (cursor.accept("full")) {
        foreign_key.match_full = true;
      } else if (cursor.accept("partial")) {
        cursor.fail_statement("MATCH PARTIAL is not implemented in CockroachDB");
      } else if (!cursor.accept("simple")) {
        cursor.fail("SIMPLE or FULL after MATCH");
      }
    } else if (cursor.is_words({"on", "delete"})) {
      cursor.next();
      cursor.next();
      foreign_key.on_delete = parse_action(cursor);
    } else if (cursor.is_words({"on", "update"}) && is_action_next(cursor, 2)) {
      cursor.next();
      cursor.next();
      foreign_key.on_update = parse_action(cursor);
    } else if (cursor.accept("deferrable")) {
      foreign_key.deferrable = true;
    } else if (cursor.accept_words({"not", "deferrable"})) {
      foreign_key.deferrable = false;
    } else if (cursor.accept_words({"initially", "deferred"})) {
      foreign_key.initially_deferred = true;
    } else if (cursor.accept_words({"initially", "immediate"})) {
      foreign_key.initially_deferred = false;
    } else if (cursor.is_words({"not", "valid"})) {
      note_not_valid(context, cursor, table, "FOREIGN KEY " + foreign_key.name);
    } else {
      break;
    }
  }
  if (foreign_key.ref_columns.empty() && !(foreign_key.ref_table == table.name)) {
    resolve_referenced_columns(context, cursor, table, foreign_key);
  }
  return foreign_key;
}

}  // namespace strata::cockroachdb
