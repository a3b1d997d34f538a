#include "migrations/scratch_database.hpp"

#include <iostream>
#include <random>

#include <fmt/format.h>

#include "engine/db/connection.hpp"
#include "strata/errors.hpp"

namespace strata::migrations {

ScratchDatabase::ScratchDatabase(const std::string& server_url, const ConnectOptions& connect)
    : server_url_(server_url), connect_(connect) {
  std::random_device random;
  name_ = fmt::format("strata_scratch_{:08x}{:04x}", random(), random() & 0xffff);
  Connection connection(server_url_, connect_);
  try {
    connection.exec(fmt::format("CREATE DATABASE {}", name_));
  } catch (const DatabaseError& error) {
    throw DatabaseError(fmt::format("cannot create a scratch database on {} to replay the migrations in: {}\n"
                                    "Pass --dev-url with a server where strata may create databases.",
                                    connection.display_url(), error.what()),
                        error.statement(), error.sqlstate());
  }
  url_ = url_with_database(server_url_, name_);
}

ScratchDatabase::~ScratchDatabase() {
  try {
    Connection connection(server_url_, connect_);
    // WITH (FORCE) is PostgreSQL 13+; CockroachDB has no sessions left on it by then anyway.
    try {
      connection.exec(fmt::format("DROP DATABASE IF EXISTS {} WITH (FORCE)", name_));
    } catch (const DatabaseError&) {
      connection.exec(fmt::format("DROP DATABASE IF EXISTS {} CASCADE", name_));
    }
  } catch (const std::exception& error) {
    std::cerr << fmt::format("strata: warning: could not drop the scratch database {}: {}\n", name_, error.what());
  }
}

}  // namespace strata::migrations
