// SIGINT and SIGTERM during a run that changes a database (apply, migrate up|down|goto): the first
// asks the run to stop after the step or migration it is running (which is recorded), and says
// so; a second ends strata at once (the server rolls back the statement it was running).
#pragma once

#include "strata/run_options.hpp"

namespace strata::cli {

// Installs the handlers (once) and returns the token they set.
const StopToken* stop_on_signals();

// The exit code of a run stopped by a signal: 128 + its number (130 SIGINT, 143 SIGTERM).
int stopped_exit_code();

}  // namespace strata::cli
