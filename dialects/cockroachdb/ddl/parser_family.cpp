// Column families (research/objects.md §4, from logic_test/family@0de26b72): the FAMILY element of
// CREATE TABLE, the FAMILY / CREATE [IF NOT EXISTS] FAMILY column qualifiers, and where a column
// that names none goes.
#include <algorithm>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"

namespace strata::cockroachdb {

namespace {

bool is_virtual(const Column& column) {
  return column.generated && column.generated->kind == GeneratedKind::Virtual;
}

// The table's families in the order they were made, as far as its columns tell.
std::vector<std::string> families_of(const Table& table) {
  std::vector<std::string> out;
  for (const auto& column : table.columns) {
    if (!column.family.empty() && std::find(out.begin(), out.end(), column.family) == out.end()) {
      out.push_back(column.family);
    }
  }
  return out;
}

// CockroachDB names an unnamed family fam_<id>_<its columns>, joined by '_' ("fam_1_c_d").
std::string generated_name(std::size_t id, const std::vector<std::string>& columns) {
  return fmt::format("fam_{}_{}", id, fmt::join(columns, "_"));
}

}  // namespace

FamilyElement parse_family_element(Cursor& cursor) {
  FamilyElement family;
  if (!cursor.is_symbol("(")) family.name = cursor.expect_name("a family name");
  cursor.expect_symbol("(");
  do {
    family.columns.push_back(cursor.expect_name("a column of the family"));
  } while (cursor.accept_symbol(","));
  cursor.expect_symbol(")");
  return family;
}

std::string parse_family_qualifier(Cursor& cursor, const Table& table, const Column& column) {
  if (cursor.is_name()) return cursor.expect_name("a family name");
  return generated_name(families_of(table).size(), {column.name});
}

void apply_families(const Cursor& cursor, Table& table, const std::vector<FamilyElement>& elements) {
  std::vector<std::string> order = families_of(table);
  // An unnamed family is named once its columns are known: "\x01<id>" until then.
  std::vector<std::pair<std::size_t, const FamilyElement*>> unnamed;
  for (const auto& element : elements) {
    std::string name = element.name;
    if (name.empty()) {
      unnamed.emplace_back(order.size(), &element);
      name = "\x01" + std::to_string(order.size());
    }
    if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
    for (const auto& column_name : element.columns) {
      auto column = std::find_if(table.columns.begin(), table.columns.end(),
                                 [&](const Column& c) { return c.name == column_name; });
      if (column == table.columns.end() && column_name == "rowid" && !table.primary_key) {
        continue;  // the hidden key of a table without one, which releases before v22 list but do not print
      }
      if (column == table.columns.end()) {
        cursor.fail_statement(
            fmt::format("a family names column {}, which table {} does not have", column_name, display(table.name)));
      }
      if (!column->family.empty() && column->family != name) {
        cursor.fail_statement(
            fmt::format("column {} of table {} is in two families", column_name, display(table.name)));
      }
      column->family = name;
    }
  }
  // A stored column in no family goes to the first one (fitColumnToFamily puts every column in
  // family 0); with no family at all, every column is in CockroachDB's default one.
  if (order.empty()) return;
  std::vector<std::string> joined;  // the columns family 0 gained so
  for (auto& column : table.columns) {
    if (!column.family.empty() || is_virtual(column)) continue;
    column.family = order.front();
    joined.push_back(column.name);
  }
  // CockroachDB names a family when the table is made, after the implicit columns joined family 0:
  // the region column of REGIONAL BY ROW, then the hidden rowid key (entries
  // atl_regional_by_row_create: fam_0_pk_i_crdb_region; pi_drop_column_drops_partial_index:
  // fam_0_a_b_c_rowid). Which of the two comes first when both do is not recorded.
  for (const auto& [id, element] : unnamed) {
    std::vector<std::string> members = element->columns;
    if (id == 0) {
      members.insert(members.end(), joined.begin(), joined.end());
      const bool implicit_region = table.locality && table.locality->kind == LocalityKind::RegionalByRow &&
                                   table.locality->column.empty() && table.find_column("crdb_region") == nullptr;
      if (implicit_region) members.emplace_back("crdb_region");
      const bool implicit_rowid = !table.primary_key && table.find_column("rowid") == nullptr;
      if (implicit_rowid && std::find(members.begin(), members.end(), "rowid") == members.end()) {
        members.emplace_back("rowid");
      }
    }
    const std::string placeholder = "\x01" + std::to_string(id);
    const std::string name = generated_name(id, members);
    for (auto& column : table.columns) {
      if (column.family == placeholder) column.family = name;
    }
  }
}

void join_first_family(Table& table, Column& column) {
  if (!column.family.empty() || is_virtual(column)) return;
  const std::vector<std::string> order = families_of(table);
  if (!order.empty()) column.family = order.front();
}

}  // namespace strata::cockroachdb
