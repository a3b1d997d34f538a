// The CockroachDB dialect: PostgreSQL's wire protocol and much of its DDL, with CockroachDB's
// catalog (read by parsing its canonical CREATE statements), online schema changes run as jobs,
// multi-region DDL, and no working session advisory locks.
#pragma once

#include "dialects/cockroachdb/releases.hpp"
#include "engine/db/server_dialect.hpp"

namespace strata::cockroachdb {

class CockroachDialect : public ServerDialect {
 public:
  // `database`: the database the connection uses (ALTER DATABASE needs its name); `version`: the
  // server's release, which decides the statement forms strata may send (releases.hpp); {0, 0}
  // without a server, read as kAssumedWithoutServer.
  CockroachDialect(std::string database, Version version)
      : database_(std::move(database)), version_(version == Version{} ? kAssumedWithoutServer : version) {}

  std::string_view name() const override { return "cockroachdb"; }
  Capabilities capabilities() const override { return {false, false, true}; }
  SqlGrammar grammar() const override { return kGrammar; }
  std::set<LintBehaviour> lint_behaviours() const override {
    return {LintBehaviour::UnsafeDdlTransactions, LintBehaviour::PrimaryKeyRebuild, LintBehaviour::RegionalRows};
  }

  // `:::` and `t@i`; its "other" operators bind at several levels.
  static constexpr SqlGrammar kGrammar{true, true};
  Schema introspect(Connection& connection, const IntrospectOptions& options) const override;
  void normalize(Schema& schema) const override;
  ChangeSql emit(const Change& change) const override;
  std::vector<Hazard> hazards(const Change& change) const override;
  void check(const Schema& live, const Schema& declared) const override;
  std::string upsert_sql(const UpsertStatement& upsert) const override;
  // SET TIME ZONE 'UTC': job times are compared as the server's own clock, in UTC.
  void prepare_session(Connection& connection) const override;
  std::unique_ptr<SchemaJobs> schema_jobs(Connection& connection, const JobWaitSettings& settings) const override;
  std::vector<std::string> database_names(Connection& connection) const override;

  const std::string& database() const { return database_; }
  Version version() const { return version_; }

 private:
  std::string database_;
  Version version_;
};

// What strata manages on PostgreSQL only: refused in any CockroachDB plan that has one.
[[noreturn]] void refuse_view(const QualifiedName& name);
[[noreturn]] void refuse_routines();
[[noreturn]] void refuse_extension(const std::string& name);

}  // namespace strata::cockroachdb
