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

// A statement on one line, cut to a length a terminal shows.
std::string one_line(std::string text) {
  for (char& c : text) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  constexpr std::size_t kShown = 160;
  if (text.size() > kShown) text = text.substr(0, kShown) + "...";
  return text;
}

std::string status_text(const LockStatus& status) {
  std::string out;
  if (status.advisory) {
    const auto& h = *status.advisory;
    out += fmt::format(
        "held: strata's advisory lock, by the session of pid {}\n  application: {}\n  client: {}\n  connected since: "
        "{}\n  state: {}{}\n  statement: {}\n  (the lock ends with that session; pg_terminate_backend({}) ends it by "
        "force)\n",
        h.pid, h.application_name.empty() ? "(none)" : h.application_name, h.client_address, h.connected_since,
        h.state.empty() ? "(unknown)" : h.state, h.state_since.empty() ? "" : " since " + h.state_since,
        one_line(h.query), h.pid);
  }
  if (status.lease) {
    const auto& lease = *status.lease;
    out += fmt::format("{}: the lease, by {}\n  purpose: {}\n  acquired: {}\n  heartbeat: {}\n  expires: {}\n",
                       lease.expired ? "expired (the next strata takes it over)" : "held", lease.holder, lease.purpose,
                       lease.acquired_at, lease.heartbeat_at, lease.expires_at);
  }
  if (out.empty()) {
    out = status.kind == LockStatusKind::Advisory ? "free: no strata holds the advisory lock or the lease\n"
                                                  : "free: no strata holds the lease\n";
  }
  return out;
}

}  // namespace

void add_lock_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<LockArgs>();
  auto* cmd = app.add_subcommand("lock", "Show strata's lock (who holds it), or break the lease");
  cmd->require_subcommand(1);
  auto* status = cmd->add_subcommand(
      "status", "Show who holds strata's lock: the advisory lock's session (PostgreSQL) and the lease row");
  add_connection_options(*status, args->connection);
  status->callback([args, &run] {
    run = [args] {
      std::cout << status_text(lock_status(require_url(args->connection.url), args->connection.options()));
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
