// Changing a live database into the declared schema: plan, check hazards, run, verify.
#pragma once

#include <functional>
#include <set>
#include <string>

#include "strata/errors.hpp"
#include "strata/export.hpp"
#include "strata/plan.hpp"
#include "strata/run_options.hpp"
#include "strata/schema.hpp"

namespace strata {

struct ApplyOptions {
  RunSettings run;                       // lock, timeouts, retries, connection
  std::set<HazardKind> allowed_hazards;  // a plan with any other hazard is refused (HazardRefused)
  bool dry_run = false;                  // plan and check, change nothing
  // Called with the plan before anything runs; returning false stops with nothing changed.
  std::function<bool(const Plan&)> confirm;
  RunObserver* observer = nullptr;
};

struct ApplyResult {
  Plan plan;
  bool applied = false;  // false: nothing to do, a dry run, or not confirmed
  bool confirmed = true;
};

// A plan with hazards that were not allowed. Nothing was changed. (Exit code 1.)
class STRATA_EXPORT HazardRefused : public FindingsError {
 public:
  HazardRefused(const std::string& message, std::set<HazardKind> refused);
  const std::set<HazardKind>& refused() const { return refused_; }

 private:
  std::set<HazardKind> refused_;
};

// Connects to `url`, takes strata's lock, reads the live schema (the namespaces `declared`
// uses), plans, refuses hazards not allowed, asks `confirm`, runs the steps in order, reads the
// schema again and fails (DatabaseError) if it still differs from `declared`. A failed step
// stops the run with the statement and the server's message; a second apply continues from
// what the first left.
STRATA_EXPORT ApplyResult apply_schema(const std::string& url, const Schema& declared, const ApplyOptions& options);

// The plan only (read-only: no lock). `history_table` is left out of the live schema, as apply does
// (RunSettings::history_table).
STRATA_EXPORT Plan plan_schema(const std::string& url, const Schema& declared, const ConnectOptions& connect = {},
                               const std::string& history_table = kHistoryTable);

}  // namespace strata
