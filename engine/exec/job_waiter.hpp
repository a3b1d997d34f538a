// The schema-change job waiter a run uses, set up the same way by apply and migrate.
#pragma once

#include <memory>

#include "engine/db/server_dialect.hpp"
#include "strata/run_options.hpp"

namespace strata {

// The dialect's job waiter (nullptr where there are no jobs), with `settings.job_timeout` and its
// progress lines going to `observer`.
std::unique_ptr<SchemaJobs> make_job_waiter(Connection& connection, const ServerDialect& dialect,
                                            const RunSettings& settings, RunObserver* observer);

}  // namespace strata
