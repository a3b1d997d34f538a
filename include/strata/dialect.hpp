// The dialect seam: everything that differs between PostgreSQL and CockroachDB sits behind this
// class. Its public part is pure (no I/O): canonical form, the SQL of each change and its hazards.
// What a dialect does on a live server (introspection, job waiting, the ledger's write) is the
// internal ServerDialect (engine/db/server_dialect.hpp). Dialects are made by
// make_dialect() (strata/dialect_factory.hpp) or chosen from a server's version.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/export.hpp"
#include "strata/schema.hpp"
#include "strata/sql_grammar.hpp"

namespace strata {

struct Hazard;

// The SQL for one change.
struct ChangeSql {
  std::vector<std::string> statements;
  bool transactional = true;  // false: each statement must run outside a transaction
};

// What a server does that some lint rules of migration files are about: a rule about one of these
// applies only to a server that does it (and, with no server known, to both).
enum class LintBehaviour {
  BlockingDdl,            // DDL takes locks that block reads or writes (PostgreSQL): SL106 rewrites, SL201–SL206
  UnsafeDdlTransactions,  // DDL inside BEGIN … COMMIT is limited and unsafe to mix with writes: SL401, SL402
  PrimaryKeyRebuild,      // ALTER PRIMARY KEY rebuilds the table and its indexes: SL403
  RegionalRows,           // REGIONAL BY ROW and DROP REGION move rows between regions: SL404, SL405
};

struct Capabilities {
  bool transactional_ddl = false;    // DDL can run inside a transaction and roll back
  bool advisory_locks_work = false;  // pg_advisory_lock really excludes other sessions
  // RecreateEnum changes the type in place (CockroachDB's DROP VALUE) rather than creating a new
  // one: what is set on the type (its comment) stays.
  bool enum_rebuilt_in_place = false;
};

class STRATA_EXPORT Dialect {
 public:
  virtual ~Dialect();

  // "postgres" or "cockroachdb": for messages and reports, never for choosing behaviour (that is
  // what the other members are for).
  virtual std::string_view name() const = 0;
  virtual Capabilities capabilities() const = 0;
  // How the server reads SQL text: strata scans and compares expressions with it.
  virtual SqlGrammar grammar() const = 0;
  // The behaviours of this server that lint rules look for (see LintBehaviour).
  virtual std::set<LintBehaviour> lint_behaviours() const = 0;

  // Brings a declared or introspected schema to this dialect's canonical form (type spellings,
  // default and check expressions, sort order). Idempotent; pure.
  virtual void normalize(Schema& schema) const = 0;

  // The statements that make one change. Pure. Throws PlanError for what the dialect cannot do
  // (multi-region changes on PostgreSQL), before any SQL is sent.
  virtual ChangeSql emit(const Change& change) const = 0;

  // What running `emit(change)` risks on this server (hazards differ: PostgreSQL locks and
  // rewrites where CockroachDB runs online schema changes). Pure.
  virtual std::vector<Hazard> hazards(const Change& change) const = 0;

  // Refuses, before any SQL is sent, a target the server would reject as a whole (for example a
  // table locality in a database without regions). Throws PlanError saying why. Pure.
  virtual void check(const Schema& live, const Schema& declared) const;
};

}  // namespace strata
