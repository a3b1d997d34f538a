// Plans: the ordered steps that change a live schema into the declared one, with the hazards of
// each step.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "strata/change.hpp"
#include "strata/dialect.hpp"
#include "strata/export.hpp"

namespace strata {

// Every hazard kind, with a stable kebab-case name (see hazard_name) that `--allow-hazards` takes.
enum class HazardKind {
  DataLoss,               // data-loss: rows or values are deleted or may be cut
  TableRewrite,           // table-rewrite: the server copies the whole table
  BlockingLock,           // blocking-lock: reads and writes of the table wait while it runs
  IndexBuild,             // index-build: an index is built over existing rows
  ConstraintValidation,   // constraint-validation: existing rows are checked against a constraint
  NotNullWithoutDefault,  // not-null-without-default: fails if the table has rows
  EnumValueRemoval,       // enum-value-removal: the type is rebuilt; rows holding a removed value fail it
  PrimaryKeyChange,       // primary-key-change (CockroachDB): the table is rebuilt on the new key
  RegionalByRow,          // regional-by-row (CockroachDB): conversion to or from REGIONAL BY ROW rewrites
  RegionDrop,             // region-drop (CockroachDB): data homed in the region moves away
  QueryPlans,             // query-plans (CockroachDB): queries lose an index they may use, and may slow down
  ViewReaders,            // view-readers: a view is dropped (for good, or until the plan creates it again)
  ViewRefresh,            // view-refresh: a materialized view runs its whole query to fill itself
  RoutineCallers,         // routine-callers: a function or procedure is dropped; what calls it fails
  TriggerDropped,         // trigger-dropped: writes stop running a trigger (for good, or until re-created)
};

STRATA_EXPORT std::string_view hazard_name(HazardKind kind);
STRATA_EXPORT std::optional<HazardKind> hazard_from_name(std::string_view name);
STRATA_EXPORT std::vector<HazardKind> all_hazard_kinds();

struct Hazard {
  HazardKind kind;
  std::string reason;  // one line, specific to the step

  friend bool operator==(const Hazard&, const Hazard&) = default;
};

struct Step {
  std::string description;              // describe(change)
  std::vector<std::string> statements;  // run in order
  std::vector<Hazard> hazards;
  bool transactional = true;  // run inside one transaction (false: each statement on its own)
};

struct Plan {
  std::string dialect;
  std::vector<Step> steps;

  bool empty() const { return steps.empty(); }
  STRATA_EXPORT std::set<HazardKind> hazard_kinds() const;
};

// Orders `changes` in a dependency graph and turns each into a step. Deterministic: the same
// changes give the same plan, byte for byte. Throws PlanError when the dialect cannot express a
// change or the changes depend on each other in a cycle.
STRATA_EXPORT Plan make_plan(const ChangeSet& changes, const Dialect& dialect);

// diff + make_plan.
STRATA_EXPORT Plan plan_changes(const Schema& live, const Schema& declared, const Dialect& dialect);

// Statements that create every object of `schema` in a database that has none of them, in
// dependency order (the plan from an empty schema, flattened).
STRATA_EXPORT std::vector<std::string> create_statements(const Schema& schema, const Dialect& dialect);

// Renderings for `strata plan --format text|sql|json`.
STRATA_EXPORT std::string plan_to_text(const Plan& plan);
STRATA_EXPORT std::string plan_to_sql(const Plan& plan);  // a script a person could run by hand
STRATA_EXPORT std::string plan_to_json(const Plan& plan);

}  // namespace strata
