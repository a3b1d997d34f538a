// The part of the dialect seam that talks to a live server: reading its catalog, waiting for the
// schema-change jobs it runs in the background, and writing strata's ledger in its own SQL.
// Internal: it takes a Connection, which the public API does not expose.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "strata/dialect.hpp"
#include "strata/plan.hpp"
#include "strata/run_options.hpp"
#include "strata/schema.hpp"

namespace strata {

class Connection;

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

struct IntrospectOptions {
  // Namespaces to read; empty reads every namespace that is not a system or extension one.
  std::vector<std::string> schemas;
  // When set, receives what the model does not hold: on PostgreSQL the objects in those namespaces
  // (one more catalog read); on CockroachDB what the DDL parser left out, in any namespace.
  std::vector<SkippedObject>* skipped = nullptr;
  // When set, the declared schema the live one is read to be compared with: what the server can
  // say of it (how it prints a declared view's query) is said in the live schema's terms.
  const Schema* declared = nullptr;
};

// An insert-or-replace of one row keyed by `key`, in the server's own SQL: `columns` are the
// column list, `values` a VALUES (…) clause of the same length.
struct UpsertStatement {
  std::string_view table;
  std::string_view key;
  std::vector<std::string_view> columns;
  std::string_view values;
};

// What the catalog tells about a statement that a strata which died had begun outside a
// transaction, without learning whether it took effect (versioned migrations, --interrupted).
struct InterruptedFinding {
  std::optional<bool> took_effect;        // the catalog's answer; nullopt: it does not tell, a user decides
  std::string detail;                     // what was found, one sentence (empty: nothing to say)
  std::vector<std::string> before_retry;  // run (each on its own) before the statement runs again
  bool skip_refused = false;              // what it left is not its effect (an INVALID index): no --interrupted=skip
};

// A session on the server, told apart from every other (also one that reuses its process id).
struct SessionIdentity {
  std::int64_t pid = 0;
  std::int64_t started = 0;  // seconds since the epoch, by the server's clock
};

class ServerDialect : public Dialect {
 public:
  // Reads the live schema with a fixed number of bulk queries, whatever the number of tables.
  // The result is normalized. Throws DatabaseError or ConnectionError; reads only.
  virtual Schema introspect(Connection& connection, const IntrospectOptions& options) const = 0;

  // The job waiter of a server that runs schema changes as jobs; nullptr where statements finish
  // their work before they return (PostgreSQL).
  virtual std::unique_ptr<SchemaJobs> schema_jobs(Connection& connection, const JobWaitSettings& settings) const;

  // Sets up a session strata opened on this server before it reads or changes anything (called
  // once per connection by whoever chose the dialect). Default: nothing.
  virtual void prepare_session(Connection& connection) const;

  // The SQL of an insert-or-replace (the ledger's write). Pure.
  virtual std::string upsert_sql(const UpsertStatement& upsert) const = 0;

  // What the catalog says about `statement`, begun by a strata that died before it learned how
  // it ended (PostgreSQL: whether the index of a CREATE INDEX exists and is valid). Reads only.
  // The default tells nothing.
  virtual InterruptedFinding interrupted_statement(Connection& connection, const std::string& statement) const;

  // Whether the server reports the progress of `statement` while it runs (PostgreSQL: index
  // builds). Pure. The default: never.
  virtual bool reports_progress(const std::string& statement) const;
  // The progress of the statement the session `backend_pid` runs, read on `watcher` (a connection
  // of its own); nullopt when there is none to report (yet). Reads only.
  virtual std::optional<IndexBuildProgress> statement_progress(Connection& watcher, int backend_pid) const;

  // Scratch databases (`migrate new`, `check --dev-url`) are named after the session that created
  // them, so that a later run can tell one whose creator is gone. This session's identity, or
  // nullopt where the server cannot tell sessions apart later (the default).
  virtual std::optional<SessionIdentity> session_identity(Connection& connection) const;
  // Whether the session `identity` still runs; nullopt when the server cannot tell (the default).
  virtual std::optional<bool> session_running(Connection& connection, const SessionIdentity& identity) const;
  // The names of every database of the server. Reads only.
  virtual std::vector<std::string> database_names(Connection& connection) const = 0;
};

}  // namespace strata
