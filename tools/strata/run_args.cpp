#include "tools/strata/run_args.hpp"

#include "tools/strata/signals.hpp"

namespace strata::cli {

RunSettings RunArgs::settings() const {
  RunSettings settings;
  settings.lock.kind = lock == "lease" ? LockKind::Lease : lock == "advisory" ? LockKind::Advisory : LockKind::Auto;
  settings.lock.wait = std::chrono::seconds(lock_wait);
  settings.lock.lease = std::chrono::seconds(lease);
  settings.statement_lock_timeout = std::chrono::seconds(lock_timeout);
  settings.job_timeout = std::chrono::seconds(job_timeout);
  settings.connect = connection.options();
  settings.history_table = history_table;
  settings.stop = stop_on_signals();  // only commands that change a database ask for their settings
  return settings;
}

void add_run_options(CLI::App& command, RunArgs& args) {
  const ProjectConfig& config = project_config();
  if (config.lock_kind) args.lock = *config.lock_kind;
  if (config.lock_wait) args.lock_wait = *config.lock_wait;
  if (config.lock_timeout) args.lock_timeout = *config.lock_timeout;
  if (config.lease) args.lease = *config.lease;
  if (config.job_timeout) args.job_timeout = *config.job_timeout;
  add_connection_options(command, args.connection);
  command
      .add_option("--lock", args.lock,
                  "Lock that keeps two strata apart: auto (advisory on PostgreSQL, a lease row on CockroachDB), "
                  "advisory, or lease")
      ->check(CLI::IsMember({"auto", "advisory", "lease"}))
      ->capture_default_str();
  command.add_option("--lock-wait", args.lock_wait, "Seconds to wait for another strata holding the lock")
      ->capture_default_str();
  command
      .add_option("--lock-timeout", args.lock_timeout,
                  "Seconds a DDL statement may wait for its table lock before failing (0: no limit)")
      ->capture_default_str();
  command.add_option("--lease", args.lease, "Lease lock: seconds it holds without a heartbeat")
      ->check(CLI::Range(2, 3600))
      ->capture_default_str();
  command
      .add_option("--job-timeout", args.job_timeout,
                  "CockroachDB: seconds a step's schema-change jobs may run before strata gives up")
      ->capture_default_str();
  add_history_table_option(command, args.history_table);
}

}  // namespace strata::cli
