#include <iostream>

#include <fmt/format.h>

#include "strata/lock_admin.hpp"
#include "tools/strata/commands.hpp"

namespace strata::cli {

namespace {

struct LockArgs {
  ConnectionArgs connection;
  bool force = false;
};

}  // namespace

void add_lock_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<LockArgs>();
  auto* cmd = app.add_subcommand("lock", "Show or break strata's lease lock (the lock CockroachDB needs)");
  cmd->require_subcommand(1);
  auto* status = cmd->add_subcommand("status", "Show who holds the lease, since when, and when it expires");
  add_connection_options(*status, args->connection);
  status->callback([args, &run] {
    run = [args] {
      const auto lease = lease_status(require_url(args->connection.url), args->connection.options());
      if (!lease) {
        std::cout << "free: no strata holds the lease\n";
        return 0;
      }
      std::cout << fmt::format("{}: {}\n  purpose: {}\n  acquired: {}\n  heartbeat: {}\n  expires: {}\n",
                               lease->expired ? "expired (the next strata takes it over)" : "held", lease->holder,
                               lease->purpose, lease->acquired_at, lease->heartbeat_at, lease->expires_at);
      return 0;
    };
  });
  auto* release = cmd->add_subcommand("release", "Break the lease whoever holds it (only when its holder is gone)");
  add_connection_options(*release, args->connection);
  release->add_flag("--force", args->force, "Required: breaking a live holder's lease lets two strata run at once")
      ->required();
  release->callback([args, &run] {
    run = [args] {
      const bool released = release_lease(require_url(args->connection.url), args->connection.options());
      std::cout << (released ? "released: the lease row is gone\n" : "free: there was no lease\n");
      return 0;
    };
  });
}

}  // namespace strata::cli
