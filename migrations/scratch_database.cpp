#include "migrations/scratch_database.hpp"

#include <charconv>
#include <iostream>
#include <random>

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "strata/errors.hpp"

namespace strata::migrations {

namespace {

constexpr std::string_view kPrefix = "strata_scratch_";

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void drop_database(Connection& connection, const std::string& name) {
  // WITH (FORCE) ends the sessions still in it (a killed strata's replay may still be running
  // there). PostgreSQL 13+; CockroachDB takes CASCADE instead.
  try {
    connection.exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name));
  } catch (const DatabaseError&) {
    connection.exec(fmt::format("DROP DATABASE IF EXISTS {} CASCADE", name));
  }
}

bool all_digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::optional<ScratchName> parse_scratch_name(std::string_view database) {
  if (!database.starts_with(kPrefix)) return std::nullopt;
  database.remove_prefix(kPrefix.size());
  const std::size_t first = database.find('_');
  const std::size_t second = first == std::string_view::npos ? first : database.find('_', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const std::string_view started = database.substr(0, first);
  const std::string_view pid = database.substr(first + 1, second - first - 1);
  if (!all_digits(started) || !all_digits(pid) || database.size() == second + 1) return std::nullopt;
  ScratchName name;
  std::from_chars(started.data(), started.data() + started.size(), name.started);
  std::from_chars(pid.data(), pid.data() + pid.size(), name.pid);
  return name;
}

ScratchDatabase::ScratchDatabase(const std::string& server_url, const ConnectOptions& connect,
                                 const ServerDialect& dialect)
    : server_url_(server_url), connect_(connect), dialect_(dialect) {
  creator_ = std::make_unique<Connection>(server_url_, connect_);
  drop_stale();
  const auto identity = dialect_.session_identity(*creator_);
  std::random_device random;
  name_ = fmt::format("{}{}_{}_{:06x}", kPrefix, identity ? identity->started : now_seconds(),
                      identity ? identity->pid : 0, random() & 0xffffff);
  try {
    creator_->exec(fmt::format("CREATE DATABASE {}", name_));
  } catch (const DatabaseError& error) {
    throw DatabaseError(fmt::format("cannot create a scratch database on {} to replay the migrations in: {}\n"
                                    "Pass --dev-url with a server where strata may create databases.",
                                    creator_->display_url(), error.what()),
                        error.statement(), error.sqlstate());
  }
  url_ = url_with_database(server_url_, name_);
}

// A scratch database whose creating session is gone was left by a strata that was killed; where the
// server cannot tell, one older than an hour is taken to be. One that cannot be dropped (another
// user's, or in use) is left alone.
void ScratchDatabase::drop_stale() {
  const std::int64_t now = now_seconds();
  for (const auto& database : dialect_.database_names(*creator_)) {
    const auto name = parse_scratch_name(database);
    if (!name) continue;
    std::optional<bool> running;
    if (name->pid != 0) running = dialect_.session_running(*creator_, SessionIdentity{name->pid, name->started});
    const bool stale = running ? !*running : now - name->started > kScratchMaxAge.count();
    if (!stale) continue;
    try {
      drop_database(*creator_, database);
    } catch (const Error&) {
      // not ours to drop, or dropped by another strata just now
    }
  }
}

ScratchDatabase::~ScratchDatabase() {
  try {
    try {
      drop_database(*creator_, name_);
    } catch (const ConnectionError&) {
      Connection connection(server_url_, connect_);  // the creator's session was lost: a new one
      drop_database(connection, name_);
    }
  } catch (const std::exception& error) {
    std::cerr << fmt::format("strata: warning: could not drop the scratch database {}: {}\n", name_, error.what());
  }
}

}  // namespace strata::migrations
