// ALTER TABLE (columns, constraints, identity) and RENAME, as pg_dump output and migration files
// write them after the CREATE statements.
#include <algorithm>

#include <fmt/format.h>

#include "dialects/postgres/sql/schema_builder.hpp"
#include "dialects/postgres/sql/type_text.hpp"
#include "engine/model/quote.hpp"
#include "engine/model/type_name.hpp"
#include "engine/sql/scanner.hpp"

namespace strata::postgres::sql {

namespace {

using nlohmann::json;

// Does an expression name `column` (as a bare or quoted identifier)?
bool mentions(const std::string& expression, const std::string& column) {
  for (const auto& token : strata::sql::scan(expression)) {
    if ((token.kind == strata::sql::TokenKind::Word || token.kind == strata::sql::TokenKind::QuotedIdent) &&
        token.text == column)
      return true;
  }
  return false;
}

// The expression with identifier `from` written as `to`.
std::string renamed(const std::string& expression, const std::string& from, const std::string& to) {
  std::string out;
  std::size_t copied = 0;
  for (const auto& token : strata::sql::scan(expression)) {
    if ((token.kind == strata::sql::TokenKind::Word || token.kind == strata::sql::TokenKind::QuotedIdent) &&
        token.text == from) {
      out += expression.substr(copied, token.begin - copied) + quote_ident(to);
      copied = token.end;
    }
  }
  return out + expression.substr(copied);
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

void rename_in(std::vector<std::string>& names, const std::string& from, const std::string& to) {
  std::replace(names.begin(), names.end(), from, to);
}

// Subcommands that change what the model does not hold: left out with a note naming them.
constexpr std::pair<std::string_view, std::string_view> kLeftOut[] = {
    {"AT_ChangeOwner", "OWNER TO"},
    {"AT_SetStatistics", "SET STATISTICS"},
    {"AT_SetStorage", "SET STORAGE"},
    {"AT_SetCompression", "SET COMPRESSION"},
    {"AT_SetOptions", "SET (…)"},
    {"AT_ResetOptions", "RESET (…)"},
    {"AT_SetRelOptions", "SET (…)"},
    {"AT_ResetRelOptions", "RESET (…)"},
    {"AT_ClusterOn", "CLUSTER ON"},
    {"AT_DropCluster", "SET WITHOUT CLUSTER"},
    {"AT_SetLogged", "SET LOGGED"},
    {"AT_SetUnLogged", "SET UNLOGGED"},
    {"AT_EnableRowSecurity", "ENABLE ROW LEVEL SECURITY"},
    {"AT_DisableRowSecurity", "DISABLE ROW LEVEL SECURITY"},
    {"AT_ForceRowSecurity", "FORCE ROW LEVEL SECURITY"},
    {"AT_NoForceRowSecurity", "NO FORCE ROW LEVEL SECURITY"},
    {"AT_ReplicaIdentity", "REPLICA IDENTITY"},
    {"AT_EnableTrig", "ENABLE TRIGGER"},
    {"AT_DisableTrig", "DISABLE TRIGGER"},
    {"AT_EnableTrigAll", "ENABLE TRIGGER ALL"},
    {"AT_DisableTrigAll", "DISABLE TRIGGER ALL"},
    {"AT_EnableTrigUser", "ENABLE TRIGGER USER"},
    {"AT_DisableTrigUser", "DISABLE TRIGGER USER"},
    {"AT_SetTableSpace", "SET TABLESPACE"},
    {"AT_SetAccessMethod", "SET ACCESS METHOD"},
    {"AT_AddInherit", "INHERIT"},
    {"AT_DropInherit", "NO INHERIT"},
    {"AT_AttachPartition", "ATTACH PARTITION"},
    {"AT_DetachPartition", "DETACH PARTITION"},
    {"AT_GenericOptions", "OPTIONS (…)"},
    {"AT_AlterConstraint", "ALTER CONSTRAINT"},
};

// A column renamed: in the table's keys, indexes, checks and expressions, and in foreign keys to it.
void rename_column(std::vector<load::DeclaredTable>& tables, load::DeclaredTable& table, const std::string& from,
                   const std::string& to) {
  for (auto& c : table.columns) {
    if (c.column.name == from) c.column.name = to;
    if (c.column.default_expr) c.column.default_expr = renamed(*c.column.default_expr, from, to);
    if (c.column.generated) c.column.generated->expression = renamed(c.column.generated->expression, from, to);
  }
  if (table.primary_key) rename_in(table.primary_key->columns, from, to);
  for (auto& u : table.uniques) rename_in(u.unique.columns, from, to);
  for (auto& c : table.checks) c.check.expression = renamed(c.check.expression, from, to);
  for (auto& i : table.indexes) {
    rename_in(i.index.include, from, to);
    if (i.index.where) i.index.where = renamed(*i.index.where, from, to);
    for (auto& k : i.index.keys) {
      if (k.column == from) k.column = to;
      if (!k.expression.empty()) k.expression = renamed(k.expression, from, to);
    }
  }
  for (auto& fk : table.foreign_keys) rename_in(fk.foreign_key.columns, from, to);
  for (auto& other : tables) {
    for (auto& fk : other.foreign_keys) {
      if (fk.foreign_key.ref_table == table.name) rename_in(fk.foreign_key.ref_columns, from, to);
    }
  }
}

}  // namespace

Outcome SchemaBuilder::alter_table(const StatementText& s, const json& stmt) {
  const std::string objtype = text_field(stmt, "objtype");
  if (objtype != "OBJECT_TABLE") {
    skip(s, objtype == "OBJECT_INDEX" || objtype == "OBJECT_SEQUENCE" ? "storage settings of indexes and sequences"
                                                                      : "views and other relations");
    return Outcome::Applied;
  }
  const QualifiedName name = relation(stmt["relation"]);
  load::DeclaredTable* table = find_table(name);
  if (table == nullptr) {
    if (flag(stmt, "missing_ok")) return Outcome::Applied;
    // ALTER TABLE also reaches sequences (pg_dump: ALTER TABLE s OWNER TO r).
    if (std::any_of(into_.sequences.begin(), into_.sequences.end(),
                    [&](const load::DeclaredSequence& q) { return q.sequence.name == name; })) {
      skip(s, "owners and storage settings of sequences");
      return Outcome::Applied;
    }
    return wait_for(name);
  }
  for (const auto& cmd : stmt["cmds"]) alter_command(*table, s, cmd["AlterTableCmd"]);
  return Outcome::Applied;
}

void SchemaBuilder::alter_command(load::DeclaredTable& table, const StatementText& s, const json& cmd) {
  const std::string subtype = text_field(cmd, "subtype");
  const std::string table_name = shown(table.name);
  if (subtype == "AT_AddColumn") {
    const std::string column = text_field(cmd["def"]["ColumnDef"], "colname");
    if (std::any_of(table.columns.begin(), table.columns.end(), [&](auto& c) { return c.column.name == column; })) {
      if (!flag(cmd, "missing_ok"))
        error(s.at(cmd["def"]["ColumnDef"]), fmt::format("column '{}' of table {} exists already", column, table_name));
      return;
    }
    add_column(table, s, cmd["def"]["ColumnDef"], SIZE_MAX);
    if (table.primary_key && contains(table.primary_key->columns, column)) table.columns.back().column.nullable = false;
  } else if (subtype == "AT_AddConstraint") {
    add_constraint(table, s, cmd["def"]["Constraint"], {});
  } else if (subtype == "AT_DropColumn") {
    drop_column(table, s, cmd);
  } else if (subtype == "AT_DropConstraint") {
    drop_constraint(table, s, cmd);
  } else if (subtype == "AT_ValidateConstraint") {
    // Validation changes no schema.
  } else if (const auto* it = std::find_if(std::begin(kLeftOut), std::end(kLeftOut),
                                           [&](const auto& entry) { return entry.first == subtype; });
             it != std::end(kLeftOut)) {
    note(s.start(),
         fmt::format("table {}: ALTER TABLE … {} is left out (strata does not manage it)", table_name, it->second));
  } else {
    alter_column(table, s, cmd, subtype);
  }
}

void SchemaBuilder::alter_column(load::DeclaredTable& table, const StatementText& s, const json& cmd,
                                 const std::string& subtype) {
  const std::string name = text_field(cmd, "name");
  auto it = std::find_if(table.columns.begin(), table.columns.end(),
                         [&](const load::DeclaredColumn& c) { return c.column.name == name; });
  if (it == table.columns.end()) {
    error(s.start(), fmt::format("unknown column '{}' of table {} in ALTER TABLE", name, shown(table.name)));
    return;
  }
  Column& column = it->column;
  if (subtype == "AT_ColumnDefault") {
    if (!cmd.contains("def")) {
      column.default_expr.reset();
    } else if (const auto from = s.first_location(cmd["def"])) {
      column.default_expr = s.expression_from(*from);
    }
  } else if (subtype == "AT_SetNotNull") {
    column.nullable = false;
  } else if (subtype == "AT_DropNotNull") {
    column.nullable = true;
  } else if (subtype == "AT_AlterColumnType") {
    const json& def = cmd["def"]["ColumnDef"];
    std::string why;
    const auto type = column_type(def["typeName"], default_schema_, why);
    if (!type || type->serial) {
      error(s.at(def["typeName"]), fmt::format("expected a type strata can hold for column '{}', found {}", name,
                                               type ? "a serial type (not a type a column can change to)" : why));
      return;
    }
    column.type = type->text;
    if (def.contains("collClause")) column.collation = name_list(def["collClause"]["collname"]).back();
  } else if (subtype == "AT_AddIdentity") {
    column.identity =
        text_field(cmd["def"]["Constraint"], "generated_when") == "d" ? IdentityKind::ByDefault : IdentityKind::Always;
    column.nullable = false;
  } else if (subtype == "AT_SetIdentity") {
    const json none = json::array();
    const json& options = cmd.contains("def") ? cmd["def"]["List"]["items"] : none;
    for (const auto& option : options) {
      const json& def = option["DefElem"];
      if (text_field(def, "defname") == "generated") {
        const long long code = def["arg"]["Integer"].value("ival", 0LL);
        column.identity = code == 'd' ? IdentityKind::ByDefault : IdentityKind::Always;
      } else {
        note(s.start(), fmt::format("column {}: the identity's sequence options are left out", name));
      }
    }
  } else if (subtype == "AT_DropIdentity") {
    column.identity.reset();
  } else if (subtype == "AT_DropExpression") {
    column.generated.reset();
  } else {
    note(s.start(), fmt::format("table {}: an ALTER TABLE subcommand ({}) is left out", shown(table.name), subtype));
  }
}

// DROP COLUMN takes the keys, indexes and checks that use the column with it, and the foreign
// keys that refer to it (as CASCADE does).
void SchemaBuilder::drop_column(load::DeclaredTable& table, const StatementText& s, const json& cmd) {
  const std::string name = text_field(cmd, "name");
  const auto it = std::find_if(table.columns.begin(), table.columns.end(),
                               [&](const load::DeclaredColumn& c) { return c.column.name == name; });
  if (it == table.columns.end()) {
    if (!flag(cmd, "missing_ok"))
      error(s.start(), fmt::format("unknown column '{}' of table {} in DROP COLUMN", name, shown(table.name)));
    return;
  }
  table.columns.erase(it);
  if (table.primary_key && contains(table.primary_key->columns, name)) table.primary_key.reset();
  std::erase_if(table.indexes, [&](const load::DeclaredIndex& i) {
    if (contains(i.index.include, name) || (i.index.where && mentions(*i.index.where, name))) return true;
    return std::any_of(i.index.keys.begin(), i.index.keys.end(), [&](const IndexKey& k) {
      return k.column == name || (!k.expression.empty() && mentions(k.expression, name));
    });
  });
  std::erase_if(table.uniques, [&](const load::DeclaredUnique& u) { return contains(u.unique.columns, name); });
  std::erase_if(table.checks, [&](const load::DeclaredCheck& c) { return mentions(c.check.expression, name); });
  std::erase_if(table.foreign_keys,
                [&](const load::DeclaredForeignKey& fk) { return contains(fk.foreign_key.columns, name); });
  for (auto& other : into_.tables) {
    std::erase_if(other.foreign_keys, [&](const load::DeclaredForeignKey& fk) {
      return fk.foreign_key.ref_table == table.name && contains(fk.foreign_key.ref_columns, name);
    });
  }
}

void SchemaBuilder::drop_constraint(load::DeclaredTable& table, const StatementText& s, const json& cmd) {
  const std::string name = text_field(cmd, "name");
  const auto before = table.uniques.size() + table.foreign_keys.size() + table.checks.size();
  bool dropped = false;
  if (table.primary_key && table.primary_key->name == name) {
    table.primary_key.reset();
    dropped = true;
  }
  std::erase_if(table.uniques, [&](const load::DeclaredUnique& u) { return u.unique.name == name; });
  std::erase_if(table.foreign_keys, [&](const load::DeclaredForeignKey& fk) { return fk.foreign_key.name == name; });
  std::erase_if(table.checks, [&](const load::DeclaredCheck& c) { return c.check.name == name; });
  dropped = dropped || before != table.uniques.size() + table.foreign_keys.size() + table.checks.size();
  if (!dropped && !flag(cmd, "missing_ok"))
    error(s.start(), fmt::format("unknown constraint '{}' of table {} in DROP CONSTRAINT", name, shown(table.name)));
}

Outcome SchemaBuilder::rename(const StatementText& s, const json& stmt) {
  const std::string type = text_field(stmt, "renameType");
  const std::string to = text_field(stmt, "newname");
  if (type == "OBJECT_TABLE" || type == "OBJECT_COLUMN" || type == "OBJECT_TABCONSTRAINT") {
    const QualifiedName name = relation(stmt["relation"]);
    load::DeclaredTable* table = find_table(name);
    if (table == nullptr) return flag(stmt, "missing_ok") ? Outcome::Applied : wait_for(name);
    const std::string from = text_field(stmt, "subname");
    // A trigger's statement is kept as written: one declared before the rename names the old
    // table or column, and would create nothing the server can take.
    for (const auto& t : into_.triggers) {
      if (t.table != name ||
          (type == "OBJECT_COLUMN" && std::find(t.columns.begin(), t.columns.end(), from) == t.columns.end())) {
        continue;
      }
      error(s.start(), fmt::format("expected {} before trigger {} on {} is declared: the trigger names what it "
                                   "renames (declare the trigger after it)",
                                   s.head(), quote_ident(t.name), shown(name)));
    }
    if (type == "OBJECT_TABLE") {
      for (auto& other : into_.tables) {
        for (auto& fk : other.foreign_keys) {
          if (fk.foreign_key.ref_table == name) fk.foreign_key.ref_table.name = to;
        }
      }
      table->name.name = to;
    } else if (type == "OBJECT_TABCONSTRAINT") {
      if (table->primary_key && table->primary_key->name == from) table->primary_key->name = to;
      for (auto& u : table->uniques)
        if (u.unique.name == from) u.unique.name = to;
      for (auto& fk : table->foreign_keys)
        if (fk.foreign_key.name == from) fk.foreign_key.name = to;
      for (auto& c : table->checks)
        if (c.check.name == from) c.check.name = to;
    } else {
      rename_column(into_.tables, *table, from, to);
    }
    return Outcome::Applied;
  }
  if (type == "OBJECT_INDEX") {
    const QualifiedName name = relation(stmt["relation"]);
    for (auto& table : into_.tables) {
      if (table.name.schema != name.schema) continue;
      if (table.primary_key && table.primary_key->name == name.name) table.primary_key->name = to;
      for (auto& u : table.uniques)
        if (u.unique.name == name.name) u.unique.name = to;
    }
    for (auto* indexes : index_lists(name.schema)) {  // of tables and materialized views
      for (auto& i : *indexes)
        if (i.index.name == name.name) i.index.name = to;
    }
    return Outcome::Applied;
  }
  if (type == "OBJECT_SEQUENCE") {
    const QualifiedName name = relation(stmt["relation"]);
    for (auto& seq : into_.sequences)
      if (seq.sequence.name == name) seq.sequence.name.name = to;
    return Outcome::Applied;
  }
  if (type == "OBJECT_TYPE") {
    const QualifiedName name = object_name(name_list(stmt["object"]["List"]["items"]));
    for (auto& e : into_.enums)
      if (e.value.name == name) e.value.name.name = to;
    const std::string old_spelling = to_string(TypeName{false, name.schema, name.name, {}, 0});
    for (auto& table : into_.tables) {
      for (auto& c : table.columns) {
        if (c.column.type == old_spelling) c.column.type = to_string(TypeName{false, name.schema, to, {}, 0});
      }
    }
    return Outcome::Applied;
  }
  skip(s, "renames of this kind");
  return Outcome::Applied;
}

}  // namespace strata::postgres::sql
