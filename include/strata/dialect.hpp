// The dialect seam: everything that differs between PostgreSQL and CockroachDB sits behind this class.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/schema.hpp"

namespace strata {

class Connection;
struct Hazard;
struct Step;

// Waiting for the schema-change jobs a server runs in the background (CockroachDB). A step counts
// as done only once its jobs succeeded.
class SchemaJobs {
 public:
  virtual ~SchemaJobs() = default;
  // Before the live schema is read: waits for jobs still running on `tables` (a migrator killed
  // mid-job leaves one behind).
  virtual void settle(const std::vector<QualifiedName>& tables) = 0;
  // Just before the first step: from here on, jobs are counted to the step that started them.
  virtual void start() = 0;
  // Run after each step's statements; throws when one of the step's jobs failed.
  virtual void after_step(const Step& step) = 0;
  // The ids of the jobs the last step waited on (for the ledger).
  virtual std::vector<std::int64_t> last_step_jobs() const = 0;
  // A statement begun at server time `since` by a strata that died before learning how it ended:
  // waits until the schema-change jobs this user created since then are finished, and says whether
  // the change took effect (true: they succeeded; false: one failed, so nothing took effect), or
  // nullopt when there is no job to tell by.
  virtual std::optional<bool> outcome_since(const std::string& since) = 0;
};

// How long a wait for schema-change jobs may last, and where progress goes (one line per report).
struct JobWaitSettings {
  std::chrono::seconds timeout{3600};
  std::function<void(const std::string& line)> on_progress;
  bool terminal = false;  // progress may redraw one line instead of printing many
};

// The SQL for one change.
struct ChangeSql {
  std::vector<std::string> statements;
  bool transactional = true;  // false: each statement must run outside a transaction
};

struct IntrospectOptions {
  // Namespaces to read; empty reads every namespace that is not a system or extension one.
  std::vector<std::string> schemas;
};

struct Capabilities {
  bool transactional_ddl = false;    // DDL can run inside a transaction and roll back
  bool advisory_locks_work = false;  // pg_advisory_lock really excludes other sessions
  bool multi_region = false;         // database regions and table locality exist
};

class Dialect {
 public:
  virtual ~Dialect() = default;

  // "postgres" or "cockroachdb".
  virtual std::string_view name() const = 0;
  virtual Capabilities capabilities() const = 0;

  // Reads the live schema with a fixed number of bulk queries, whatever the number of tables.
  // The result is normalized. Throws DatabaseError or ConnectionError; reads only.
  virtual Schema introspect(Connection& connection, const IntrospectOptions& options) const = 0;

  // Brings a declared or introspected schema to this dialect's canonical form (type spellings,
  // default and check expressions, sort order). Idempotent; pure.
  virtual void normalize(Schema& schema) const = 0;

  // An identifier as it must appear in SQL: quoted when it is not a plain lower-case word.
  virtual std::string quote(std::string_view identifier) const = 0;

  // The statements that make one change. Pure. Throws PlanError for what the dialect cannot do
  // (multi-region changes on PostgreSQL), before any SQL is sent.
  virtual ChangeSql emit(const Change& change) const = 0;

  // What running `emit(change)` risks on this server (hazards differ: PostgreSQL locks and
  // rewrites where CockroachDB runs online schema changes). Pure.
  virtual std::vector<Hazard> hazards(const Change& change) const = 0;

  // Refuses, before any SQL is sent, a target the server would reject as a whole (for example a
  // table locality in a database without regions). Throws PlanError saying why. Pure.
  virtual void check(const Schema& live, const Schema& declared) const {
    (void)live;
    (void)declared;
  }

  // The job waiter of a server that runs schema changes as jobs; nullptr where statements finish
  // their work before they return (PostgreSQL).
  virtual std::unique_ptr<SchemaJobs> schema_jobs(Connection& connection, const JobWaitSettings& settings) const {
    (void)connection;
    (void)settings;
    return nullptr;
  }
};

// Statements that create every object of `schema` in a database that has none of them, in
// dependency order (the plan from an empty schema, flattened).
std::vector<std::string> create_statements(const Schema& schema, const Dialect& dialect);

// "postgres" / "postgresql" or "cockroachdb" / "crdb"; throws UsageError for anything else.
// `database` names the database that multi-region statements (ALTER DATABASE) act on; without
// one they are refused. A dialect from detect_dialect() knows it.
std::unique_ptr<Dialect> make_dialect(std::string_view name, std::string_view database = "");

// Picks the dialect from the server's `SELECT version()`.
std::unique_ptr<Dialect> detect_dialect(Connection& connection);

}  // namespace strata
