// Column families (research/objects.md §4, from logic_test/family@0de26b72 and the descriptor code
// it exercises): the FAMILY element of CREATE TABLE, the FAMILY / CREATE [IF NOT EXISTS] FAMILY
// column qualifiers, and where a column that names none goes.
#include <algorithm>

#include <fmt/format.h>

#include "dialects/cockroachdb/ddl/context.hpp"

namespace strata::cockroachdb {

namespace {

bool is_virtual(const Column& column) {
  return column.generated && column.generated->kind == GeneratedKind::Virtual;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Column* find(Table& table, const std::string& name) {
  auto it = std::find_if(table.columns.begin(), table.columns.end(), [&](const Column& c) { return c.name == name; });
  return it == table.columns.end() ? nullptr : &*it;
}

// CockroachDB names an unnamed family fam_<id>_<its columns>, joined by '_' ("fam_1_c_d").
std::string generated_name(std::size_t id, const std::vector<std::string>& columns) {
  return fmt::format("fam_{}_{}", id, fmt::join(columns, "_"));
}

// A family of CREATE TABLE that CockroachDB names once the table's columns are placed.
struct Unnamed {
  std::size_t id;
  std::vector<std::string> columns;  // those the statement put in it
};

std::string placeholder(std::size_t id) {
  return "\x01" + std::to_string(id);
}

// The columns family 0 gets beyond those the statement put in it: every stored column that named
// no family, then the implicit ones. CockroachDB names a family when the table is made, after the
// implicit columns joined family 0: the region column of REGIONAL BY ROW, then the hidden rowid key
// (entries atl_regional_by_row_create: fam_0_pk_i_crdb_region; pi_drop_column_drops_partial_index:
// fam_0_a_b_c_rowid). Which of the two comes first when both do is not recorded.
std::vector<std::string> fill_family_zero(Table& table, const std::string& family_zero) {
  std::vector<std::string> joined;
  for (auto& column : table.columns) {
    if (!column.family.empty() || is_virtual(column)) continue;
    column.family = family_zero;
    joined.push_back(column.name);
  }
  const bool implicit_region = table.locality && table.locality->kind == LocalityKind::RegionalByRow &&
                               table.locality->column.empty() && table.find_column("crdb_region") == nullptr;
  if (implicit_region) joined.emplace_back("crdb_region");
  if (!table.primary_key && table.find_column("rowid") == nullptr) joined.emplace_back("rowid");
  return joined;
}

}  // namespace

FamilyElement parse_family_element(Cursor& cursor) {
  FamilyElement family;
  if (!cursor.is_symbol("(")) family.name = cursor.expect_name("a family name");
  cursor.expect_symbol("(");
  if (cursor.accept_symbol(")")) return family;  // family 0 keeps existing with no column left
  do {
    family.columns.push_back(cursor.expect_name("a column of the family"));
  } while (cursor.accept_symbol(","));
  cursor.expect_symbol(")");
  return family;
}

// With no record (a table made before this input), the columns tell: "primary" first when a
// stored column names no family (the table was made without families), then the others in column
// order, which need not be their ID order.
FamilyIds& Context::families(const Table& table) {
  FamilyRecords& all = records();
  auto it = all.find(table.name);
  if (it != all.end()) return it->second;
  FamilyIds ids;
  const bool default_family = std::any_of(table.columns.begin(), table.columns.end(),
                                          [](const Column& c) { return c.family.empty() && !is_virtual(c); });
  if (default_family) ids.names.emplace_back(kDefaultFamily);
  for (const auto& column : table.columns) {
    if (!column.family.empty() && !contains(ids.names, column.family)) ids.names.push_back(column.family);
  }
  if (ids.names.empty()) ids.names.emplace_back(kDefaultFamily);
  ids.next_id = ids.names.size();
  return all[table.name] = std::move(ids);
}

void Context::rename_families(const QualifiedName& from, const QualifiedName& to) {
  FamilyRecords& all = records();
  all.erase(to);
  auto it = all.find(from);
  if (it == all.end()) return;
  FamilyIds ids = std::move(it->second);
  all.erase(it);
  all[to] = std::move(ids);
}

void apply_families(Context& context, const Cursor& cursor, Table& table, const std::vector<FamilyElement>& elements) {
  FamilyIds ids;
  std::vector<Unnamed> unnamed;
  const auto add_family = [&](const std::string& name, const std::vector<std::string>& columns) {
    if (!name.empty()) {
      if (!contains(ids.names, name)) ids.names.push_back(name), ++ids.next_id;
      return name;
    }
    unnamed.push_back({ids.next_id, columns});
    ids.names.push_back(placeholder(ids.next_id));
    return placeholder(ids.next_id++);
  };
  // Qualifiers make their families first, in column order (assign_at_create: pri, foo, fam_2_c).
  for (const auto& qualifier : context.family_qualifiers()) {
    if (Column* column = find(table, qualifier.column)) column->family = add_family(qualifier.family, {column->name});
  }
  context.family_qualifiers().clear();
  for (const auto& element : elements) {
    const std::string name = add_family(element.name, element.columns);
    for (const auto& column_name : element.columns) {
      Column* column = find(table, column_name);
      if (column == nullptr && column_name == "rowid" && !table.primary_key) {
        continue;  // the hidden key of a table without one, which releases before v22 list but do not print
      }
      if (column == nullptr) {
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
  if (ids.names.empty()) {  // no family at all: every column is in CockroachDB's default one
    context.set_families(table.name, FamilyIds{{std::string(kDefaultFamily)}, 1});
    return;
  }
  const std::vector<std::string> joined = fill_family_zero(table, ids.names.front());
  for (const auto& family : unnamed) {
    std::vector<std::string> members = family.columns;
    if (family.id == 0) members.insert(members.end(), joined.begin(), joined.end());
    const std::string name = generated_name(family.id, members);
    for (auto& column : table.columns) {
      if (column.family == placeholder(family.id)) column.family = name;
    }
    std::replace(ids.names.begin(), ids.names.end(), placeholder(family.id), name);
  }
  context.set_families(table.name, std::move(ids));
}

void place_added_column(Context& context, const Cursor& cursor, Table& table) {
  Column& column = table.columns.back();
  std::vector<FamilyQualifier> qualifiers = std::move(context.family_qualifiers());
  context.family_qualifiers().clear();
  FamilyIds& ids = context.families(table);
  if (is_virtual(column)) {
    column.family.clear();
    return;
  }
  if (qualifiers.empty()) {
    column.family = ids.names.front();  // a column added with no family clause goes to family 0
    return;
  }
  const FamilyQualifier& qualifier = qualifiers.front();
  if (qualifier.family.empty()) {
    column.family = generated_name(ids.next_id++, {column.name});
    ids.names.push_back(column.family);
  } else if (!contains(ids.names, qualifier.family)) {
    if (!qualifier.create) {
      cursor.fail_statement(fmt::format("unknown family {} of table {}", qualifier.family, display(table.name)));
    }
    ids.names.push_back(qualifier.family);
    ++ids.next_id;
  }
}

void forget_empty_families(Context& context, const Table& table) {
  FamilyIds& ids = context.families(table);
  for (auto it = ids.names.begin() + (ids.names.empty() ? 0 : 1); it != ids.names.end();) {
    const bool empty =
        std::none_of(table.columns.begin(), table.columns.end(), [&](const Column& c) { return c.family == *it; });
    it = empty ? ids.names.erase(it) : std::next(it);
  }
}

}  // namespace strata::cockroachdb
