// A column definition: name, type and the qualifiers and inline constraints that may follow it.
#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"
#include "dialects/cockroachdb/ddl/expression.hpp"
#include "engine/model/type_name.hpp"

namespace strata::cockroachdb {

std::string parse_type(Cursor& cursor) {
  const std::size_t start = cursor.index();
  const bool word = cursor.peek().kind == TokenKind::Word;
  const std::string first = cursor.expect_name("a type");
  if (word) {
    if (first == "double") {
      cursor.accept("precision");
    } else if (first == "character" || first == "char" || first == "bit" || first == "national") {
      if (first == "national") cursor.accept("character") || cursor.accept("char");
      cursor.accept("varying");
    }
  }
  while (cursor.accept_symbol(".")) cursor.expect_name("a type name after '.'");
  if (cursor.is_symbol("(")) cursor.skip_parenthesized("the type's modifiers");
  if (word && (first == "time" || first == "timestamp")) {
    cursor.accept_words({"with", "time", "zone"}) || cursor.accept_words({"without", "time", "zone"});
  }
  for (;;) {
    if (cursor.is_symbol("[")) {
      cursor.next();
      if (cursor.peek().kind == TokenKind::Number) cursor.next();
      cursor.expect_symbol("]");
    } else if (cursor.accept("array")) {
      if (cursor.is_symbol("[") && cursor.peek(1).kind == TokenKind::Number && cursor.is_symbol("]", 2)) {
        cursor.next();
        cursor.next();
        cursor.next();
      }
    } else {
      break;
    }
  }
  // CockroachDB's meaning (INT and INTEGER are INT8), so that "integer" in the model always means
  // INT4 (see normalize.cpp, keep_int4_spelling).
  return canonical_type(cursor.text_between(start, cursor.index()), IntWidth::Eight);
}

namespace {

// Where a DEFAULT or ON UPDATE expression ends: at the next column qualifier.
bool ends_default(const Cursor& cursor) {
  return cursor.is_word("not") || cursor.is_word("null") || cursor.is_word("constraint") || cursor.is_word("check") ||
         cursor.is_word("references") || cursor.is_word("unique") || cursor.is_word("primary") ||
         cursor.is_words({"on", "update"}) || cursor.is_word("family") || cursor.is_word("create") ||
         cursor.is_word("default") || cursor.is_word("generated") || cursor.is_word("as") || cursor.is_word("collate");
}

class ColumnParser {
 public:
  ColumnParser(Context& context, Cursor& cursor, Table& table) : context_(context), cursor_(cursor), table_(table) {}

  void run() {
    Column column;
    column.name = cursor_.expect_name("a column name");
    if (table_.find_column(column.name) != nullptr) {
      cursor_.fail_statement(fmt::format("column {} is declared twice in table {}", column.name, display(table_.name)));
    }
    column.nullable = true;
    column.type = parse_type(cursor_);
    if (is_serial_type(column.type)) {
      // serial_normalization = rowid (the default): every SERIAL is INT8 DEFAULT unique_rowid().
      column.type = "bigint";
      column.default_expr = "unique_rowid()";
    }
    index_ = table_.columns.size();
    table_.columns.push_back(std::move(column));
    while (!cursor_.at_end() && !cursor_.is_symbol(",") && !cursor_.is_symbol(")")) qualifier();
  }

 private:
  Column& column() { return table_.columns[index_]; }

  void qualifier() {
    if (cursor_.accept("constraint")) {
      name_ = cursor_.expect_name("a constraint name");
      return;
    }
    if (cursor_.accept_words({"not", "null"})) {
      column().nullable = false;
    } else if (cursor_.accept_words({"not", "visible"})) {
      column().hidden = true;
    } else if (cursor_.accept("null")) {
      column().nullable = true;
    } else if (cursor_.accept("default")) {
      column().default_expr = resolve_int_casts(cursor_.capture_expression("a default expression", ends_default));
    } else if (cursor_.accept_words({"on", "update"})) {
      column().on_update = resolve_int_casts(cursor_.capture_expression("an ON UPDATE expression", ends_default));
    } else if (cursor_.accept("as") || cursor_.accept_words({"generated", "always", "as"})) {
      computed();
    } else if (cursor_.accept_words({"generated", "by", "default", "as", "identity"})) {
      identity(IdentityKind::ByDefault);
    } else if (cursor_.accept("collate")) {
      column().collation = cursor_.expect_name("a collation name");
    } else if (cursor_.accept_words({"primary", "key"})) {
      primary_key();
    } else if (cursor_.accept("unique")) {
      unique();
    } else if (cursor_.accept("check")) {
      std::string expression = stored_expression(cursor_.capture_parenthesized("a check expression"), table_.name);
      std::string name = name_ ? *name_ : check_name(table_, expression);
      if (cursor_.accept_words({"not", "valid"})) {
        context_.note(NoteKind::NotValid, fmt::format("table {}: CHECK {} NOT VALID", display(table_.name), name));
      }
      table_.checks.push_back(Check{std::move(name), std::move(expression)});
    } else if (cursor_.is_word("references")) {
      table_.foreign_keys.push_back(parse_references(context_, cursor_, table_, {column().name}, name_));
    } else if (cursor_.accept("family")) {
      family_qualifier(cursor_.expect_name("a family name"), false);
    } else if (cursor_.accept_words({"create", "family"}) ||
               cursor_.accept_words({"create", "if", "not", "exists", "family"})) {
      // The name is optional: a qualifier word after FAMILY is the next qualifier (CREATE FAMILY NOT NULL).
      family_qualifier(cursor_.is_name() && !ends_default(cursor_) ? cursor_.expect_name("a family name") : "", true);
    } else {
      cursor_.fail("a column qualifier (NULL, NOT NULL, DEFAULT, PRIMARY KEY, REFERENCES…), ',' or ')'");
    }
    name_.reset();
  }

  // Placed once the statement's columns are known: apply_families, place_added_column.
  void family_qualifier(std::string family, bool create) {
    column().family = family;
    context_.family_qualifiers().push_back({column().name, std::move(family), create});
  }

  void computed() {
    if (cursor_.accept("identity")) return identity(IdentityKind::Always);
    Generated generated;
    generated.expression = stored_expression(cursor_.capture_parenthesized("a computed expression"), table_.name);
    if (cursor_.accept("virtual")) {
      generated.kind = GeneratedKind::Virtual;
    } else {
      cursor_.accept("stored");
    }
    column().generated = std::move(generated);
  }

  void identity(IdentityKind kind) {
    column().identity = kind;
    if (cursor_.is_symbol("(")) cursor_.skip_parenthesized("the identity's sequence options");
  }

  void primary_key() {
    if (table_.primary_key) cursor_.fail_statement(fmt::format("table {} has two primary keys", display(table_.name)));
    PrimaryKey key{name_ ? *name_ : primary_key_name(table_, context_.options().naming), {column().name}, {}};
    if (cursor_.accept_words({"using", "hash"})) key.shard_buckets = parse_hash_buckets(context_, cursor_, table_);
    table_.primary_key = std::move(key);
    column().nullable = false;
  }

  void unique() {
    if (cursor_.accept_words({"without", "index"})) {
      UniqueConstraint constraint;
      constraint.columns = {column().name};
      constraint.without_index = true;
      constraint.name = name_ ? *name_ : unique_without_index_name(table_, constraint.columns);
      table_.uniques.push_back(std::move(constraint));
      return;
    }
    std::string name = name_ ? *name_ : index_name(table_, {IndexKey{column().name, {}, {}, {}, {}}}, true);
    table_.uniques.push_back(UniqueConstraint{std::move(name), {column().name}, false, {}});
  }

  Context& context_;
  Cursor& cursor_;
  Table& table_;
  std::size_t index_ = 0;
  std::optional<std::string> name_;  // CONSTRAINT name before the next constraint
};

}  // namespace

void parse_column_definition(Context& context, Cursor& cursor, Table& table) {
  ColumnParser(context, cursor, table).run();
}

}  // namespace strata::cockroachdb
