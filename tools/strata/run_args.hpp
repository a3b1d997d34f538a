// The options of every command that changes a database (apply, migrate up|down|goto): the lock,
// the statement lock timeout, the job timeout, and the connection. One definition, so both
// commands take the same flags with the same defaults (strata/run_options.hpp) and strata.yaml
// keys.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "strata/run_options.hpp"
#include "tools/strata/commands.hpp"

namespace strata::cli {

struct RunArgs {
  ConnectionArgs connection;
  std::string lock = "auto";
  int lock_wait = static_cast<int>(LockSettings{}.wait.count());
  int lease = static_cast<int>(LockSettings{}.lease.count());
  int lock_timeout = static_cast<int>(RunSettings{}.statement_lock_timeout.count());
  int job_timeout = static_cast<int>(RunSettings{}.job_timeout.count());
  std::string history_table = kHistoryTable;

  // The settings these flags (and strata.yaml) give.
  RunSettings settings() const;
};

// Adds --url, --connect-timeout, --statement-timeout, --lock, --lock-wait, --lock-timeout, --lease,
// --job-timeout and --history-table to `command`, with strata.yaml's values as defaults.
void add_run_options(CLI::App& command, RunArgs& args);

}  // namespace strata::cli
