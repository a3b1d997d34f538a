// COMMENT ON TABLE | COLUMN | INDEX | CONSTRAINT … IS '…' | NULL, as SHOW CREATE prints them after
// their table (`COMMENT ON INDEX public.t@i IS 'x'`, `COMMENT ON CONSTRAINT k ON public.t IS 'x'`,
// cockroachdb/cockroach pkg/sql/parser/sql.y comment_stmt), and COMMENT ON TYPE after an enum as
// SHOW CREATE ALL TYPES prints it from v24.3 (PR #128084; recorded:
// show_create_all_types__logic_test__913f2196.txt). Comments on what the model does not hold
// (databases, schemas, other types, functions, check constraints) are noted and left out.
#include <algorithm>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"

namespace strata::cockroachdb {

namespace {

// IS '…' | IS NULL: the text, or empty for NULL (no comment).
std::string expect_comment_text(Cursor& cursor) {
  cursor.expect("is");
  if (cursor.accept("null")) return "";
  std::string text = cursor.expect_string("a comment (a string or NULL)");
  if (!cursor.at_end()) cursor.fail("the end of the statement");
  return text;
}

// Sets (or, for empty text, removes) the comment on `on` of `table`.
void set_comment(Schema& schema, CommentOn on, const QualifiedName& table, const std::string& object,
                 const std::string& text) {
  auto& comments = schema.comments;
  comments.erase(std::remove_if(comments.begin(), comments.end(),
                                [&](const Comment& c) { return c.on == on && c.table == table && c.object == object; }),
                 comments.end());
  if (!text.empty()) comments.push_back({on, table, object, text});
}

bool is_key_constraint(const Table& table, const std::string& name) {
  const auto named = [&](const auto& items) {
    return std::any_of(items.begin(), items.end(), [&](const auto& item) { return item.name == name; });
  };
  return (table.primary_key && table.primary_key->name == name) || named(table.uniques) || named(table.foreign_keys);
}

}  // namespace

void comment_on(Context& context, Cursor& cursor) {
  if (cursor.accept("table")) {
    const Table& table = context.require_table(context.resolve(cursor.expect_qualified_name("a table name")), cursor);
    return set_comment(context.schema(), CommentOn::Table, table.name, "", expect_comment_text(cursor));
  }
  if (cursor.accept("column")) {
    std::vector<std::string> parts = cursor.expect_qualified_name("a column name");
    if (parts.size() < 2) cursor.fail_statement("COMMENT ON COLUMN needs table.column");
    const std::string column = parts.back();
    parts.pop_back();
    const Table& table = context.require_table(context.resolve(parts), cursor);
    if (table.find_column(column) == nullptr) {
      cursor.fail_statement(fmt::format("column {} of {} does not exist", column, display(table.name)));
    }
    return set_comment(context.schema(), CommentOn::Column, table.name, column, expect_comment_text(cursor));
  }
  if (cursor.accept("index")) {
    const auto [table, index] = expect_index(context, cursor);
    if (table == nullptr) cursor.fail_statement(fmt::format("index {} does not exist", index));
    return set_comment(context.schema(), CommentOn::Index, table->name, index, expect_comment_text(cursor));
  }
  if (cursor.accept("constraint")) {
    const std::string name = cursor.expect_name("a constraint name");
    cursor.expect("on");
    const Table& table = context.require_table(context.resolve(cursor.expect_qualified_name("a table name")), cursor);
    const std::string text = expect_comment_text(cursor);
    if (!is_key_constraint(table, name)) {
      return context.note(NoteKind::Comment, fmt::format("comment on constraint {} of {}", name, display(table.name)));
    }
    return set_comment(context.schema(), CommentOn::Constraint, table.name, name, text);
  }
  if (cursor.accept("type")) {
    const QualifiedName name = context.resolve(cursor.expect_qualified_name("a type name"));
    const std::string text = expect_comment_text(cursor);
    if (context.schema().find_enum(name) == nullptr) {
      return context.note(NoteKind::Comment, fmt::format("comment on type {}", display(name)));
    }
    return set_comment(context.schema(), CommentOn::Type, name, "", text);
  }
  const std::string text = cursor.rest();
  context.note(NoteKind::Comment, "COMMENT ON " + (text.size() > 100 ? text.substr(0, 100) + "…" : text));
}

}  // namespace strata::cockroachdb
