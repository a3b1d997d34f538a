// COMMENT ON TABLE, COLUMN, INDEX, CONSTRAINT … ON, [MATERIALIZED] VIEW and TYPE: the comments the
// declared format keeps, on the declared table, view or enum they belong to. A comment on anything else
// (a function, a schema) is a note; IS NULL or IS '' removes a comment.
#include <algorithm>

#include <fmt/format.h>

#include "dialects/postgres/sql/schema_builder.hpp"
#include "dialects/postgres/sql/type_text.hpp"
#include "engine/model/quote.hpp"

namespace strata::postgres::sql {

namespace {

// The comment's text, or nullopt for IS NULL and IS '' (both remove one).
std::optional<std::string> comment_text(const nlohmann::json& stmt) {
  const std::string text = text_field(stmt, "comment");
  if (text.empty()) return std::nullopt;
  return text;
}

// Sets the comment of the constraint of `table` named `name`; false when it has none of that name.
bool comment_constraint(load::DeclaredTable& table, const std::string& name, const std::optional<std::string>& text) {
  if (table.primary_key && table.primary_key->name == name) {
    table.primary_key_comment = text;
    return true;
  }
  for (auto& unique : table.uniques) {
    if (unique.unique.name != name) continue;
    unique.comment = text;
    return true;
  }
  for (auto& fk : table.foreign_keys) {
    if (fk.foreign_key.name != name) continue;
    fk.comment = text;
    return true;
  }
  return false;
}

}  // namespace

Outcome SchemaBuilder::comment(const StatementText& s, const json& stmt) {
  const std::string type = text_field(stmt, "objtype");
  if (type == "OBJECT_VIEW" || type == "OBJECT_MATVIEW") return comment_view(s, stmt);
  if (type == "OBJECT_TYPE") return comment_type(s, stmt);
  if (type != "OBJECT_TABLE" && type != "OBJECT_COLUMN" && type != "OBJECT_INDEX" && type != "OBJECT_TABCONSTRAINT") {
    skip(s, "comments on objects other than tables, columns, indexes and their constraints");
    return Outcome::Applied;
  }
  const json& object = stmt.contains("object") ? stmt["object"] : json();
  std::vector<std::string> names =
      object.contains("List") ? name_list(object["List"]["items"]) : std::vector<std::string>{};
  if (names.empty() || ((type == "OBJECT_COLUMN" || type == "OBJECT_TABCONSTRAINT") && names.size() < 2)) {
    error(s.start(), "expected COMMENT ON to name its object");
    return Outcome::Applied;
  }
  const auto text = comment_text(stmt);
  if (type == "OBJECT_INDEX") return comment_index(s, object_name(names), text);
  std::string part;  // the column or constraint
  if (type != "OBJECT_TABLE") {
    part = names.back();
    names.pop_back();
  }
  const QualifiedName table_name = object_name(names);
  load::DeclaredTable* table = find_table(table_name);
  if (table == nullptr) return wait_for(table_name);
  if (type == "OBJECT_TABLE") {
    table->comment = text;
  } else if (type == "OBJECT_COLUMN") {
    auto it = std::find_if(table->columns.begin(), table->columns.end(),
                           [&](const auto& c) { return c.column.name == part; });
    if (it == table->columns.end()) {
      error(s.start(), fmt::format("unknown column '{}' of table {} in COMMENT ON COLUMN", part, shown(table_name)));
    } else {
      it->comment = text;
    }
  } else if (!comment_constraint(*table, part, text)) {
    note(s.start(), fmt::format("skipped COMMENT ON CONSTRAINT {} ON {}: strata keeps comments on primary keys, "
                                "unique constraints and foreign keys only",
                                quote_ident(part), shown(table_name)));
  }
  return Outcome::Applied;
}

Outcome SchemaBuilder::comment_index(const StatementText& s, const QualifiedName& index,
                                     const std::optional<std::string>& text) {
  for (auto* indexes : index_lists(index.schema)) {
    for (auto& declared : *indexes) {
      if (declared.index.name != index.name) continue;
      declared.comment = text;
      return Outcome::Applied;
    }
  }
  error(s.start(),
        fmt::format("unknown index {} in COMMENT ON INDEX: no statement before it creates it", shown(index)));
  return Outcome::Applied;
}

Outcome SchemaBuilder::comment_view(const StatementText& s, const json& stmt) {
  const json& object = stmt.contains("object") ? stmt["object"] : json();
  const std::vector<std::string> names =
      object.contains("List") ? name_list(object["List"]["items"]) : std::vector<std::string>{};
  const QualifiedName name = object_name(names);
  const auto it =
      std::find_if(into_.views.begin(), into_.views.end(), [&](const auto& v) { return v.view.name == name; });
  if (it == into_.views.end()) {
    error(s.start(), fmt::format("expected {} to name a view created before it: {} is not one", s.head(), shown(name)));
    return Outcome::Applied;
  }
  it->comment = comment_text(stmt);
  return Outcome::Applied;
}

// COMMENT ON TYPE: kept for an enum declared before it; a comment on another type (a domain, a
// composite type, which strata does not manage) is a note.
Outcome SchemaBuilder::comment_type(const StatementText& s, const json& stmt) {
  const json& object = stmt.contains("object") ? stmt["object"] : json();
  const std::vector<std::string> names =
      object.contains("TypeName") ? name_list(object["TypeName"]["names"]) : std::vector<std::string>{};
  const QualifiedName name = object_name(names);
  const auto it =
      std::find_if(into_.enums.begin(), into_.enums.end(), [&](const auto& e) { return e.value.name == name; });
  if (it == into_.enums.end()) {
    note(s.start(), fmt::format("skipped COMMENT ON TYPE {}: strata keeps comments on the enums a statement before it "
                                "creates, and {} is none",
                                shown(name), shown(name)));
    return Outcome::Applied;
  }
  it->comment = comment_text(stmt);
  return Outcome::Applied;
}

}  // namespace strata::postgres::sql
