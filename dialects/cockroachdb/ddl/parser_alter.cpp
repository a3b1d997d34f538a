// ALTER TABLE and ALTER INDEX.
#include <algorithm>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"
#include "dialects/cockroachdb/ddl/expression.hpp"
#include "dialects/cockroachdb/ddl/table_edits.hpp"

namespace strata::cockroachdb {

namespace {

Column& require_column(Table& table, const std::string& name, const Cursor& cursor) {
  for (auto& column : table.columns) {
    if (column.name == name) return column;
  }
  cursor.fail_statement(fmt::format("column {} does not exist in table {}", name, display(table.name)));
}

bool is_constraint_start(const Cursor& cursor) {
  return cursor.is_word("constraint") || cursor.is_words({"primary", "key"}) || cursor.is_word("unique") ||
         cursor.is_word("check") || cursor.is_words({"foreign", "key"});
}

void add(Context& context, Cursor& cursor, Table& table) {
  if (is_constraint_start(cursor)) {
    std::optional<std::string> name;
    if (cursor.accept("constraint")) name = cursor.expect_name("a constraint name");
    const std::size_t foreign_keys = table.foreign_keys.size();
    parse_table_constraint(context, cursor, table, std::move(name));
    for (std::size_t i = foreign_keys; i < table.foreign_keys.size(); ++i) {
      resolve_referenced_columns(context, cursor, table, table.foreign_keys[i]);
    }
    return;
  }
  cursor.accept("column");
  if (cursor.accept_words({"if", "not", "exists"}) && cursor.is_name() &&
      table.find_column(cursor.peek().text) != nullptr) {
    cursor.capture_expression("a column definition");  // exists: the definition is skipped
    return;
  }
  const std::size_t foreign_keys = table.foreign_keys.size();
  context.family_qualifiers().clear();
  parse_column_definition(context, cursor, table);
  place_added_column(context, cursor, table);
  if (table.primary_key) set_primary_key(table, *table.primary_key);
  for (std::size_t i = foreign_keys; i < table.foreign_keys.size(); ++i) {
    resolve_referenced_columns(context, cursor, table, table.foreign_keys[i]);
  }
}

// ALTER PRIMARY KEY USING COLUMNS (…): CockroachDB keeps the old key's columns unique with a new
// unique index, unless the old key was the hidden rowid.
void alter_primary_key(Context& context, Cursor& cursor, Table& table) {
  cursor.expect("using");
  cursor.expect("columns");
  PrimaryKey key;
  for (const auto& index_key : parse_index_keys(cursor, table)) {
    if (index_key.column.empty()) cursor.fail_statement("a primary key on an expression is not supported");
    key.columns.push_back(index_key.column);
  }
  if (cursor.accept_words({"using", "hash"})) key.shard_buckets = parse_hash_buckets(context, cursor, table);
  if (table.primary_key && table.primary_key->columns != key.columns) {
    Index old;
    old.unique = true;
    for (const auto& column : table.primary_key->columns) old.keys.push_back(IndexKey{column, {}, {}, {}, {}});
    old.name = index_name(table, old.keys, true);
    table.indexes.push_back(std::move(old));
  }
  key.name = table.primary_key ? table.primary_key->name : primary_key_name(table, context.options().naming);
  set_primary_key(table, std::move(key));
}

void alter_column(Cursor& cursor, Table& table) {
  cursor.accept("column");
  Column& column = require_column(table, cursor.expect_name("a column name"), cursor);
  if (cursor.accept_words({"set", "default"})) {
    column.default_expr = resolve_int_casts(cursor.capture_expression("a default expression"));
  } else if (cursor.accept_words({"drop", "default"})) {
    column.default_expr.reset();
  } else if (cursor.accept_words({"set", "not", "null"})) {
    column.nullable = false;
  } else if (cursor.accept_words({"drop", "not", "null"})) {
    column.nullable = true;
  } else if (cursor.accept_words({"set", "not", "visible"})) {
    column.hidden = true;
  } else if (cursor.accept_words({"set", "visible"})) {
    column.hidden = false;
  } else if (cursor.accept_words({"drop", "stored"})) {
    column.generated.reset();
  } else if (cursor.accept_words({"set", "on", "update"})) {
    column.on_update = resolve_int_casts(cursor.capture_expression("an ON UPDATE expression"));
  } else if (cursor.accept_words({"drop", "on", "update"})) {
    column.on_update.reset();
  } else if (cursor.accept_words({"add", "generated"})) {
    column.identity = cursor.accept("always") ? IdentityKind::Always : IdentityKind::ByDefault;
    if (column.identity == IdentityKind::ByDefault) {
      cursor.expect("by");
      cursor.expect("default");
    }
    cursor.expect("as");
    cursor.expect("identity");
    if (cursor.is_symbol("(")) cursor.skip_parenthesized("the identity's sequence options");
  } else if (cursor.accept_words({"set", "generated"})) {
    column.identity = cursor.accept("always") ? IdentityKind::Always : IdentityKind::ByDefault;
    if (column.identity == IdentityKind::ByDefault) {
      cursor.expect("by");
      cursor.expect("default");
    }
  } else if (cursor.accept_words({"drop", "identity"})) {
    cursor.accept_words({"if", "exists"});
    column.identity.reset();
  } else if (cursor.accept_words({"set", "data", "type"}) || cursor.accept("type")) {
    column.type = parse_type(cursor);
    if (cursor.accept("collate")) column.collation = cursor.expect_name("a collation");
    if (cursor.accept("using")) cursor.capture_expression("a conversion expression");
  } else {
    cursor.fail(
        "SET DEFAULT, DROP DEFAULT, SET NOT NULL, DROP NOT NULL, TYPE, SET [NOT] VISIBLE or an identity change");
  }
}

void drop(Context& context, Cursor& cursor, Table& table) {
  if (cursor.accept("constraint")) {
    const bool if_exists = cursor.accept_words({"if", "exists"});
    const std::string name = cursor.expect_name("a constraint name");
    cursor.accept("cascade") || cursor.accept("restrict");
    if (!drop_constraint(table, name) && !if_exists) {
      cursor.fail_statement(fmt::format("constraint {} does not exist in table {}", name, display(table.name)));
    }
    return;
  }
  cursor.accept("column");
  const bool if_exists = cursor.accept_words({"if", "exists"});
  const std::string name = cursor.expect_name("a column name");
  cursor.accept("cascade") || cursor.accept("restrict");
  if (table.find_column(name) == nullptr) {
    if (if_exists) return;
    cursor.fail_statement(fmt::format("column {} does not exist in table {}", name, display(table.name)));
  }
  if (!drop_column(context.schema(), table, name)) {
    cursor.fail_statement(fmt::format("column {} is part of the primary key of {}", name, display(table.name)));
  }
  forget_empty_families(context, table);
}

void rename(Context& context, Cursor& cursor, Table& table) {
  if (cursor.accept("constraint")) {
    const std::string from = cursor.expect_name("a constraint name");
    cursor.expect("to");
    const std::string to = cursor.expect_name("a constraint name");
    bool found = false;
    auto follow = [&](auto& items) {
      for (auto& item : items) {
        if (item.name == from) {
          item.name = to;
          found = true;
        }
      }
    };
    follow(table.uniques);
    follow(table.checks);
    follow(table.foreign_keys);
    follow(table.indexes);
    if (table.primary_key && table.primary_key->name == from) {
      table.primary_key->name = to;
      found = true;
    }
    if (!found) cursor.fail_statement(fmt::format("constraint {} does not exist", from));
    rename_comments(context.schema(), table.name, CommentOn::Constraint, from, to);
    rename_comments(context.schema(), table.name, CommentOn::Index, from, to);
    return;
  }
  cursor.accept("column");
  const std::string from = cursor.expect_name("a column name");
  cursor.expect("to");
  const std::string to = cursor.expect_name("a column name");
  require_column(table, from, cursor);
  if (table.find_column(to) != nullptr) cursor.fail_statement(fmt::format("column {} already exists", to));
  rename_column(context.schema(), table, from, to);
}

void alter_command(Context& context, Cursor& cursor, Table& table) {
  if (cursor.accept("add")) return add(context, cursor, table);
  if (cursor.accept_words({"alter", "primary", "key"})) return alter_primary_key(context, cursor, table);
  if (cursor.accept("alter")) return alter_column(cursor, table);
  if (cursor.accept("drop")) return drop(context, cursor, table);
  if (cursor.accept("rename")) return rename(context, cursor, table);
  if (cursor.accept_words({"validate", "constraint"})) {
    cursor.expect_name("a constraint name");
    return;
  }
  if (cursor.accept_words({"set", "locality"})) {
    table.locality = parse_locality(cursor);
    return;
  }
  if (cursor.is_word("set") && cursor.is_symbol("(", 1)) {
    cursor.next();
    return parse_storage_parameters(context, cursor, table, "SET");
  }
  if (cursor.accept("reset")) return parse_storage_reset(context, cursor, table);
  cursor.fail("ADD, ALTER, DROP, RENAME, VALIDATE CONSTRAINT or SET LOCALITY");
}

// On CockroachDB the primary key and every unique constraint are indexes too, renamed by ALTER
// INDEX like the others.
bool is_index_name(const Table& table, const std::string& name) {
  const auto named = [&](const auto& items) {
    return std::any_of(items.begin(), items.end(), [&](const auto& item) { return item.name == name; });
  };
  return named(table.indexes) || named(table.uniques) || (table.primary_key && table.primary_key->name == name);
}

void rename_index(Table& table, const std::string& from, const std::string& to) {
  const auto follow = [&](auto& items) {
    for (auto& item : items) {
      if (item.name == from) item.name = to;
    }
  };
  follow(table.indexes);
  follow(table.uniques);
  if (table.primary_key && table.primary_key->name == from) table.primary_key->name = to;
}

bool is_non_schema_command(const Cursor& cursor) {
  return cursor.is_words({"configure", "zone"}) || cursor.is_word("split") || cursor.is_word("unsplit") ||
         cursor.is_word("scatter") || cursor.is_word("relocate") || cursor.is_word("inject") ||
         cursor.is_word("experimental_audit") || cursor.is_word("owner") || cursor.is_word("enable") ||
         cursor.is_word("disable") || cursor.is_word("no");
}

}  // namespace

void alter_table(Context& context, Cursor& cursor) {
  const bool if_exists = cursor.accept_words({"if", "exists"});
  const QualifiedName name = context.resolve(cursor.expect_qualified_name("a table name"));
  Table* table = context.find_table(name);
  if (table == nullptr) {
    if (!if_exists) cursor.fail_statement(fmt::format("table {} does not exist", display(name)));
    cursor.rest();
    return;
  }
  if (cursor.accept_words({"rename", "to"})) {
    const QualifiedName to = context.resolve(cursor.expect_qualified_name("a table name"));
    if (context.find_table(to) != nullptr) cursor.fail_statement(fmt::format("table {} exists", display(to)));
    context.rename_families(table->name, to);
    return rename_table(context.schema(), *table, to);
  }
  if (cursor.accept_words({"set", "schema"})) {
    const QualifiedName to{cursor.expect_name("a schema name"), table->name.name};
    if (context.find_table(to) != nullptr) cursor.fail_statement(fmt::format("table {} exists", display(to)));
    context.add_schema(to.schema);
    context.rename_families(table->name, to);
    return rename_table(context.schema(), *table, to);
  }
  if (cursor.is_word("partition")) return skip_partitioning(context, cursor, display(name));
  if (is_non_schema_command(cursor)) {
    context.note(NoteKind::NonSchemaStatement, fmt::format("ALTER TABLE {} {}", display(name), cursor.rest()));
    return;
  }
  do {
    alter_command(context, cursor, *table);
  } while (cursor.accept_symbol(","));
}

IndexRef expect_index(Context& context, Cursor& cursor) {
  const std::vector<std::string> parts = cursor.expect_qualified_name("an index or table name");
  IndexRef ref{nullptr, parts.back()};
  if (cursor.accept_symbol("@")) {
    ref.table = &context.require_table(context.resolve(parts), cursor);
    ref.name = cursor.expect_name("an index name");
  } else {
    const std::string schema = parts.size() >= 2 ? parts[parts.size() - 2] : "public";
    for (auto& candidate : context.schema().tables) {
      if (candidate.name.schema == schema && name_taken(candidate, ref.name)) ref.table = &candidate;
    }
  }
  if (ref.table != nullptr && !is_index_name(*ref.table, ref.name)) ref.table = nullptr;
  return ref;
}

void alter_index(Context& context, Cursor& cursor) {
  const bool if_exists = cursor.accept_words({"if", "exists"});
  const auto [table, index_name_text] = expect_index(context, cursor);
  if (table == nullptr) {
    if (if_exists) {
      cursor.rest();
      return;
    }
    cursor.fail_statement(fmt::format("index {} does not exist", index_name_text));
  }
  if (cursor.accept_words({"rename", "to"})) {
    const std::string to = cursor.expect_name("an index name");
    if (name_taken(*table, to)) cursor.fail_statement(fmt::format("index {} already exists", to));
    rename_index(*table, index_name_text, to);
    rename_comments(context.schema(), table->name, CommentOn::Index, index_name_text, to);
    rename_comments(context.schema(), table->name, CommentOn::Constraint, index_name_text, to);
    return;
  }
  if (cursor.is_word("partition")) return skip_partitioning(context, cursor, "index " + index_name_text);
  const std::size_t start = cursor.index();
  if (auto visibility = parse_index_visibility(cursor)) {
    const auto index = std::find_if(table->indexes.begin(), table->indexes.end(),
                                    [&](const Index& i) { return i.name == index_name_text; });
    if (index != table->indexes.end()) {
      index->visibility = *visibility;
    } else {  // a primary key (CockroachDB refuses) or a unique constraint
      context.note(NoteKind::IndexVisibility,
                   fmt::format("index {}: {}", index_name_text, cursor.text_between(start, cursor.index())));
    }
    return;
  }
  context.note(NoteKind::NonSchemaStatement, fmt::format("ALTER INDEX {} {}", index_name_text, cursor.rest()));
}

}  // namespace strata::cockroachdb
