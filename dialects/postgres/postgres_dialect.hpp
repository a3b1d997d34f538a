// The PostgreSQL dialect.
#pragma once

#include "engine/db/server_dialect.hpp"
#include "engine/model/type_name.hpp"

namespace strata::postgres {

class PostgresDialect : public ServerDialect {
 public:
  std::string_view name() const override { return "postgres"; }
  Capabilities capabilities() const override { return {true, true, false}; }
  SqlGrammar grammar() const override { return {}; }
  std::set<LintBehaviour> lint_behaviours() const override { return {LintBehaviour::BlockingDdl}; }
  Schema introspect(Connection& connection, const IntrospectOptions& options) const override;
  void normalize(Schema& schema) const override;
  void check(const Schema& live, const Schema& declared) const override;
  ChangeSql emit(const Change& change) const override;
  std::vector<Hazard> hazards(const Change& change) const override;
  std::string upsert_sql(const UpsertStatement& upsert) const override;
  InterruptedFinding interrupted_statement(Connection& connection, const std::string& statement) const override;
  bool reports_progress(const std::string& statement) const override;
  std::optional<IndexBuildProgress> statement_progress(Connection& watcher, int backend_pid) const override;
  std::optional<SessionIdentity> session_identity(Connection& connection) const override;
  std::optional<bool> session_running(Connection& connection, const SessionIdentity& identity) const override;
  std::vector<std::string> database_names(Connection& connection) const override;
};

// The parts of normalization both dialects share (expressions, sort order); `int_width` says
// what INT means, `grammar` how expressions read.
void normalize_common(Schema& schema, IntWidth int_width, const SqlGrammar& grammar);

}  // namespace strata::postgres
