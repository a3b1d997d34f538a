// The CockroachDB dialect: PostgreSQL's wire protocol and much of its DDL, with CockroachDB's
// catalog (read by parsing its canonical CREATE statements), online schema changes run as jobs,
// multi-region DDL, and no working session advisory locks.
#pragma once

#include "engine/db/server_dialect.hpp"

namespace strata::cockroachdb {

// A server version, e.g. v23.2.1 -> {23, 2}.
struct Version {
  int major = 0;
  int minor = 0;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend auto operator<=>(const Version&, const Version&) = default;
};

// Reads "CockroachDB CCL v23.2.1 (x86_64-pc-linux-gnu, …)" (the text of SELECT version()).
// Returns {0, 0} when no version is found.
Version parse_version(std::string_view version_text);

class CockroachDialect : public ServerDialect {
 public:
  // `database`: the database the connection uses (ALTER DATABASE needs its name); `version`
  // selects what the catalog offers (primary keys are named "primary" before v22.1).
  CockroachDialect(std::string database, Version version) : database_(std::move(database)), version_(version) {}

  std::string_view name() const override { return "cockroachdb"; }
  Capabilities capabilities() const override { return {false, false}; }
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
  std::unique_ptr<SchemaJobs> schema_jobs(Connection& connection, const JobWaitSettings& settings) const override;
  std::vector<std::string> database_names(Connection& connection) const override;

  const std::string& database() const { return database_; }
  Version version() const { return version_; }

 private:
  std::string database_;
  Version version_;
};

}  // namespace strata::cockroachdb
