// SchemaBuilder: which statement does what, names, and the statements strata does not manage.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "dialects/postgres/sql/schema_builder.hpp"
#include "engine/model/quote.hpp"

namespace strata::postgres::sql {

namespace {

// Statements read and left out, by libpg_query node kind, with what strata does not manage.
const std::map<std::string, std::string_view>& skipped_kinds() {
  static const std::map<std::string, std::string_view> kinds = {
      {"TransactionStmt", "transaction control (a schema file is read as a whole)"},
      {"VariableSetStmt", "session settings"},
      {"VariableShowStmt", "session settings"},
      {"SelectStmt", "queries and data"},
      {"InsertStmt", "queries and data"},
      {"UpdateStmt", "queries and data"},
      {"DeleteStmt", "queries and data"},
      {"MergeStmt", "queries and data"},
      {"CopyStmt", "queries and data"},
      {"CallStmt", "queries and data"},
      {"DoStmt", "functions, procedures and triggers"},
      {"AlterFunctionStmt", "ALTER FUNCTION (declare the function as it should be, with CREATE)"},
      {"CreateEventTrigStmt", "functions, procedures and triggers"},
      {"CreatePLangStmt", "functions, procedures and triggers"},
      {"ViewStmt", "a view's column list after its name (name the columns in the query)"},
      {"CreateTableAsStmt", "tables created from queries, nor column lists of materialized views"},
      {"RefreshMatViewStmt", "the data of materialized views"},
      {"RuleStmt", "rules"},
      {"GrantStmt", "privileges"},
      {"GrantRoleStmt", "roles"},
      {"CreateRoleStmt", "roles"},
      {"AlterRoleStmt", "roles"},
      {"AlterOwnerStmt", "owners"},
      {"AlterDefaultPrivilegesStmt", "privileges"},
      {"AlterExtensionStmt", "extension updates (declare the version in CREATE EXTENSION)"},
      {"SecLabelStmt", "security labels"},
      {"CreatePolicyStmt", "row-level security policies"},
      {"AlterPolicyStmt", "row-level security policies"},
      {"CreateDomainStmt", "domains"},
      {"CompositeTypeStmt", "composite types"},
      {"CreateRangeStmt", "range types"},
      {"DefineStmt", "operators, aggregates and base types"},
      {"CreateCastStmt", "casts"},
      {"CreateConversionStmt", "conversions"},
      {"CreateStatsStmt", "extended statistics"},
      {"CreatePublicationStmt", "replication"},
      {"CreateSubscriptionStmt", "replication"},
      {"CreateForeignTableStmt", "foreign tables"},
      {"CreateForeignServerStmt", "foreign data"},
      {"CreateFdwStmt", "foreign data"},
      {"CreateUserMappingStmt", "foreign data"},
      {"CreateTableSpaceStmt", "tablespaces"},
      {"CreatedbStmt", "databases (a schema lives in the database it is applied to)"},
      {"AlterDatabaseStmt", "databases (a schema lives in the database it is applied to)"},
      {"AlterDatabaseSetStmt", "databases (a schema lives in the database it is applied to)"},
      {"DropdbStmt", "databases (a schema lives in the database it is applied to)"},
      {"AlterSystemStmt", "server settings"},
      {"LockStmt", "locks"},
      {"VacuumStmt", "maintenance"},
      {"ClusterStmt", "maintenance"},
      {"ReindexStmt", "maintenance"},
      {"CheckPointStmt", "maintenance"},
      {"NotifyStmt", "notifications"},
      {"ListenStmt", "notifications"},
      {"ExplainStmt", "queries and data"},
      {"PrepareStmt", "queries and data"},
      {"ExecuteStmt", "queries and data"},
      {"DeallocateStmt", "queries and data"},
      {"AlterObjectSchemaStmt", "moving objects between schemas"},
  };
  return kinds;
}

}  // namespace

std::string shown(const QualifiedName& name) {
  return name.schema == "public" ? quote_ident(name.name) : quote_qualified(name.schema, name.name);
}

std::string text_field(const nlohmann::json& node, const char* key) {
  return node.is_object() && node.contains(key) && node[key].is_string() ? node[key].get<std::string>() : "";
}

bool flag(const nlohmann::json& node, const char* key) {
  return node.is_object() && node.contains(key) && node[key].is_boolean() && node[key].get<bool>();
}

Outcome SchemaBuilder::apply(const StatementText& s, std::string& default_schema) {
  default_schema_ = default_schema;
  const std::string kind = s.kind();
  const json& body = s.body();
  if (kind == "VariableSetStmt" && text_field(body, "name") == "search_path") {
    set_search_path(s, body, default_schema);
    return Outcome::Applied;
  }
  return dispatch(s, kind, body);
}

Outcome SchemaBuilder::dispatch(const StatementText& s, const std::string& kind, const json& body) {
  if (kind == "CreateSchemaStmt")
    create_schema(s, body);
  else if (kind == "ViewStmt" && !body.contains("aliases"))
    create_view(s, body.value("view", json::object()), false);
  else if (kind == "CreateTableAsStmt" && text_field(body, "objtype") == "OBJECT_MATVIEW" &&
           !body.value("into", json::object()).contains("colNames"))
    create_view(s, body.value("into", json::object()).value("rel", json::object()), true);
  else if (kind == "CreateFunctionStmt")
    create_routine(s, body);
  else if (kind == "CreateTrigStmt")
    create_trigger(s, body);
  else if (kind == "CreateExtensionStmt")
    create_extension(s, body);
  else if (kind == "CreateEnumStmt")
    create_enum(s, body);
  else if (kind == "AlterEnumStmt")
    alter_enum(s, body);
  else if (kind == "CreateSeqStmt")
    create_sequence(s, body);
  else if (kind == "AlterSeqStmt")
    alter_sequence(s, body);
  else if (kind == "CreateStmt")
    create_table(s, body);
  else if (kind == "IndexStmt")
    return create_index(s, body);
  else if (kind == "AlterTableStmt")
    return alter_table(s, body);
  else if (kind == "RenameStmt")
    return rename(s, body);
  else if (kind == "DropStmt")
    return drop(s, body);
  else if (kind == "CommentStmt")
    return comment(s, body);
  else if (const auto it = skipped_kinds().find(kind); it != skipped_kinds().end())
    skip(s, it->second);
  else
    skip(s, "statements of this kind");
  return Outcome::Applied;
}

void SchemaBuilder::skip(const StatementText& s, std::string_view why) {
  note(s.start(), fmt::format("skipped {}: strata does not manage {}", s.head(), why));
}

QualifiedName SchemaBuilder::relation(const json& range_var) const {
  const std::string schema = text_field(range_var, "schemaname");
  return QualifiedName{schema.empty() ? default_schema_ : schema, text_field(range_var, "relname")};
}

QualifiedName SchemaBuilder::object_name(const std::vector<std::string>& names) const {
  if (names.empty()) return QualifiedName{default_schema_, ""};
  if (names.size() == 1) return QualifiedName{default_schema_, names[0]};
  return QualifiedName{names[names.size() - 2], names.back()};
}

load::DeclaredTable* SchemaBuilder::find_table(const QualifiedName& name) {
  for (auto& table : into_.tables) {
    if (table.name == name) return &table;
  }
  return nullptr;
}

std::vector<load::DeclaredIndex>* SchemaBuilder::index_list(const QualifiedName& relation) {
  if (load::DeclaredTable* table = find_table(relation)) return &table->indexes;
  for (auto& view : into_.views) {
    if (view.view.name == relation && view.view.materialized) return &view.indexes;
  }
  return nullptr;
}

std::vector<std::vector<load::DeclaredIndex>*> SchemaBuilder::index_lists(const std::string& schema) {
  std::vector<std::vector<load::DeclaredIndex>*> out;
  for (auto& table : into_.tables) {
    if (table.name.schema == schema) out.push_back(&table.indexes);
  }
  for (auto& view : into_.views) {
    if (view.view.name.schema == schema) out.push_back(&view.indexes);
  }
  return out;
}

Outcome SchemaBuilder::wait_for(const QualifiedName& name) {
  waiting_for_ = name;
  return Outcome::Wait;
}

bool SchemaBuilder::relation_taken(const std::string& schema, const std::string& name) const {
  for (const auto& t : into_.tables) {
    if (t.name.schema != schema) continue;
    if (t.name.name == name) return true;
    if (t.primary_key && t.primary_key->name == name) return true;
    for (const auto& i : t.indexes)
      if (i.index.name == name) return true;
    for (const auto& u : t.uniques)
      if (u.unique.name == name) return true;
  }
  for (const auto& v : into_.views) {
    if (v.view.name.schema != schema) continue;
    if (v.view.name.name == name) return true;
    for (const auto& i : v.indexes)
      if (i.index.name == name) return true;
  }
  return std::any_of(into_.sequences.begin(), into_.sequences.end(), [&](const load::DeclaredSequence& s) {
    return s.sequence.name.schema == schema && s.sequence.name.name == name;
  });
}

void SchemaBuilder::set_search_path(const StatementText& s, const json& stmt, std::string& default_schema) {
  const std::string kind = text_field(stmt, "kind");
  if (kind == "VAR_SET_DEFAULT" || kind == "VAR_RESET") {
    default_schema = "public";
    return;
  }
  if (!stmt.contains("args")) return;
  for (const auto& arg : stmt["args"]) {
    std::string name;
    if (arg.contains("A_Const") && arg["A_Const"].contains("sval")) name = arg["A_Const"]["sval"].value("sval", "");
    if (arg.contains("ColumnRef")) {
      const auto& fields = arg["ColumnRef"]["fields"];
      if (!fields.empty() && fields[0].contains("String")) name = fields[0]["String"].value("sval", "");
    }
    if (name == "$user") continue;
    if (name == "pg_catalog") continue;
    default_schema = name.empty() ? "public" : name;
    return;
  }
  (void)s;
}

}  // namespace strata::postgres::sql
