// The dialect seam: everything that differs between PostgreSQL and CockroachDB sits behind this class.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/schema.hpp"

namespace strata {

class Connection;
struct Hazard;

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
};

// Statements that create every object of `schema` in a database that has none of them, in
// dependency order (the plan from an empty schema, flattened).
std::vector<std::string> create_statements(const Schema& schema, const Dialect& dialect);

// "postgres" / "postgresql" or "cockroachdb" / "crdb"; throws UsageError for anything else.
std::unique_ptr<Dialect> make_dialect(std::string_view name);

// Picks the dialect from the server's `SELECT version()`.
std::unique_ptr<Dialect> detect_dialect(Connection& connection);

}  // namespace strata
