// Choosing the dialect: the app layer is the only one that does (the layers below are given one).
#pragma once

#include <memory>
#include <string_view>

#include "engine/db/server_dialect.hpp"

namespace strata {

class Connection;

// Every dialect strata has, by its name.
inline constexpr std::string_view kDialectNames[] = {"postgres", "cockroachdb"};

// The dialect `name` names (see make_dialect in strata/dialect_factory.hpp).
std::unique_ptr<ServerDialect> make_server_dialect(std::string_view name, std::string_view database = "",
                                                   std::string_view server_version = "");

// The dialect of the server `connection` is open on, from its `SELECT version()`.
std::unique_ptr<ServerDialect> detect_dialect(Connection& connection);

}  // namespace strata
