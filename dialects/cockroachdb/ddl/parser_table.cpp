// CREATE TABLE: the element list (columns, constraints, indexes, families) and the clauses after
// it (LOCALITY, WITH, PARTITION BY, INTERLEAVE).
#include <algorithm>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"

namespace strata::cockroachdb {

namespace {

// What LIKE copies besides the columns' names, types and nullability.
struct LikeParts {
  bool constraints = false;  // CHECK constraints
  bool defaults = false;     // DEFAULT and ON UPDATE expressions
  bool generated = false;    // computed columns' expressions
  bool indexes = false;      // indexes, the primary key among them
};

// LIKE source [{INCLUDING | EXCLUDING} {ALL | CONSTRAINTS | DEFAULTS | GENERATED | INDEXES}]…: the
// source's columns, and what INCLUDING names; never its foreign keys, identity or families
// (research/forms.md section 4: PR cockroachdb/cockroach#47017, v20.2). The last word for an item
// wins. COMMENTS, IDENTITY, STATISTICS and STORAGE are unimplemented there, and refused here too.
// Copied indexes and keys get the names CockroachDB gives unnamed ones on the new table.
void parse_like(Context& context, Cursor& cursor, Table& table) {
  const Table source = context.require_table(context.resolve(cursor.expect_qualified_name("a table name")), cursor);
  LikeParts parts;
  while (cursor.is_word("including") || cursor.is_word("excluding")) {
    const bool include = cursor.accept("including");
    if (!include) cursor.expect("excluding");
    const std::string what = cursor.expect_name("ALL, CONSTRAINTS, DEFAULTS, GENERATED or INDEXES");
    if (what == "all") {
      parts = LikeParts{include, include, include, include};
    } else if (what == "constraints") {
      parts.constraints = include;
    } else if (what == "defaults") {
      parts.defaults = include;
    } else if (what == "generated") {
      parts.generated = include;
    } else if (what == "indexes") {
      parts.indexes = include;
    } else {
      cursor.fail_statement(fmt::format("LIKE … INCLUDING {} is not implemented in CockroachDB", what));
    }
  }
  for (Column column : source.columns) {
    if (name_taken(table, column.name) || table.find_column(column.name)) {
      cursor.fail_statement(fmt::format("column {} is declared twice", column.name));
    }
    column.identity.reset();
    column.family.clear();  // the new table's own: CockroachDB's default one
    if (!parts.defaults) {
      column.default_expr.reset();
      column.on_update.reset();
    }
    if (!parts.generated) column.generated.reset();
    table.columns.push_back(std::move(column));
  }
  if (parts.constraints) {
    for (Check check : source.checks) {
      check.name = check_name(table, check.expression);
      table.checks.push_back(std::move(check));
    }
  }
  if (!parts.indexes) return;
  if (source.primary_key) {
    PrimaryKey key = *source.primary_key;
    key.name = primary_key_name(table, context.options().naming);
    set_primary_key(table, std::move(key));
  }
  for (Index index : source.indexes) {
    index.name = index_name(table, index.keys, index.unique);
    table.indexes.push_back(std::move(index));
  }
  for (UniqueConstraint unique : source.uniques) {  // unique indexes on CockroachDB
    std::vector<IndexKey> keys;
    for (const auto& column : unique.columns) {
      IndexKey key;
      key.column = column;
      keys.push_back(std::move(key));
    }
    unique.name = index_name(table, keys, true);
    table.uniques.push_back(std::move(unique));
  }
}

void parse_table_element(Context& context, Cursor& cursor, Table& table, std::vector<FamilyElement>& families) {
  if (cursor.accept("constraint")) {
    std::string name = cursor.expect_name("a constraint name");
    return parse_table_constraint(context, cursor, table, std::move(name));
  }
  if (cursor.accept_words({"unique", "index"})) return parse_inline_index(context, cursor, table, true, "btree");
  if (cursor.accept_words({"unique", "inverted", "index"})) {
    return parse_inline_index(context, cursor, table, true, "gin");
  }
  if (cursor.is_words({"primary", "key"}) || cursor.is_word("unique") || cursor.is_word("check") ||
      cursor.is_words({"foreign", "key"})) {
    return parse_table_constraint(context, cursor, table, std::nullopt);
  }
  if (cursor.accept("index")) return parse_inline_index(context, cursor, table, false, "btree");
  if (cursor.accept_words({"inverted", "index"})) return parse_inline_index(context, cursor, table, false, "gin");
  if (cursor.accept_words({"vector", "index"})) return parse_inline_index(context, cursor, table, false, "vector");
  if (cursor.accept("family")) {
    families.push_back(parse_family_element(cursor));
    return;
  }
  if (cursor.accept("like")) return parse_like(context, cursor, table);
  parse_column_definition(context, cursor, table);
}

void parse_table_suffix(Context& context, Cursor& cursor, Table& table) {
  while (!cursor.at_end()) {
    if (cursor.accept("locality")) {
      table.locality = parse_locality(cursor);
    } else if (cursor.accept("with")) {
      parse_storage_parameters(context, cursor, table, "WITH");
    } else if (cursor.is_word("partition")) {
      skip_partitioning(context, cursor, display(table.name));
    } else if (cursor.accept_words({"interleave", "in", "parent"})) {
      const std::size_t start = cursor.index();
      cursor.expect_qualified_name("the parent table");
      cursor.skip_parenthesized("the interleave columns");
      context.note(NoteKind::Interleave, fmt::format("table {}: INTERLEAVE IN PARENT {}", display(table.name),
                                                     cursor.text_between(start, cursor.index())));
    } else if (cursor.accept_words({"on", "commit"})) {
      cursor.accept_words({"preserve", "rows"}) || cursor.accept_words({"delete", "rows"}) || cursor.accept("drop");
    } else {
      cursor.fail("LOCALITY, WITH, PARTITION BY or the end of the statement");
    }
  }
}

}  // namespace

void set_primary_key(Table& table, PrimaryKey key) {
  for (const auto& column_name : key.columns) {
    for (auto& column : table.columns) {
      if (column.name == column_name) column.nullable = false;
    }
  }
  table.primary_key = std::move(key);
}

void resolve_referenced_columns(Context& context, const Cursor& cursor, const Table& table, ForeignKey& foreign_key) {
  if (!foreign_key.ref_columns.empty()) return;
  const Table* target = foreign_key.ref_table == table.name ? &table : context.find_table(foreign_key.ref_table);
  if (target == nullptr) {
    cursor.fail_statement(
        fmt::format("REFERENCES {} names no columns and the table is not known", display(foreign_key.ref_table)));
  }
  if (target->primary_key) {
    foreign_key.ref_columns = target->primary_key->columns;
  } else {
    foreign_key.ref_columns = {"rowid"};  // the hidden primary key of a table declared without one
  }
  if (foreign_key.ref_columns.size() != foreign_key.columns.size()) {
    cursor.fail_statement(fmt::format("foreign key {} has {} column(s) but the primary key of {} has {}",
                                      foreign_key.name, foreign_key.columns.size(), display(target->name),
                                      foreign_key.ref_columns.size()));
  }
}

Locality parse_locality(Cursor& cursor) {
  Locality locality;
  if (cursor.accept("global")) {
    locality.kind = LocalityKind::Global;
    return locality;
  }
  cursor.expect("regional");
  if (cursor.accept_words({"by", "row"})) {
    locality.kind = LocalityKind::RegionalByRow;
    if (cursor.accept("as")) locality.column = cursor.expect_name("the region column");
    return locality;
  }
  cursor.accept_words({"by", "table"});
  locality.kind = LocalityKind::RegionalByTable;
  if (cursor.accept("in")) {
    if (!cursor.accept_words({"primary", "region"})) {
      locality.region = cursor.peek().kind == TokenKind::String ? cursor.expect_string("a region")
                                                                : cursor.expect_name("a region name");
    }
  }
  return locality;
}

void skip_partitioning(Context& context, Cursor& cursor, const std::string& owner) {
  const std::size_t start = cursor.index();
  cursor.expect("partition");
  cursor.accept("all");
  cursor.expect("by");
  if (!cursor.accept("nothing")) {
    if (!cursor.accept("list") && !cursor.accept("range")) cursor.fail("LIST, RANGE or NOTHING after PARTITION BY");
    cursor.skip_parenthesized("the partitioning columns");
    cursor.skip_parenthesized("the partitions");
  }
  context.note(NoteKind::Partitioning, fmt::format("{}: {}", owner, cursor.text_between(start, cursor.index())));
}

void create_table(Context& context, Cursor& cursor) {
  cursor.expect("table");
  const bool if_not_exists = cursor.accept_words({"if", "not", "exists"});
  Table table;
  table.name = context.resolve(cursor.expect_qualified_name("a table name"));
  if (context.find_table(table.name) != nullptr) {
    if (if_not_exists) {
      cursor.rest();
      return;
    }
    cursor.fail_statement(fmt::format("table {} already exists", display(table.name)));
  }
  if (cursor.is_word("as") || cursor.is_word("partition")) {
    cursor.fail_statement("CREATE TABLE … AS / PARTITION OF is not supported: the columns come from a query");
  }
  cursor.expect_symbol("(");
  context.family_qualifiers().clear();
  std::vector<FamilyElement> families;
  if (!cursor.accept_symbol(")")) {
    do {
      parse_table_element(context, cursor, table, families);
    } while (cursor.accept_symbol(","));
    cursor.expect_symbol(")");
  }
  parse_table_suffix(context, cursor, table);
  apply_families(context, cursor, table, families);
  for (auto& foreign_key : table.foreign_keys) resolve_referenced_columns(context, cursor, table, foreign_key);
  if (table.primary_key) set_primary_key(table, *table.primary_key);
  context.add_schema(table.name.schema);
  context.schema().tables.push_back(std::move(table));
}

}  // namespace strata::cockroachdb
