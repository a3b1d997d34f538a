// The live schema a declared one is compared with.
#pragma once

#include <string>
#include <vector>

#include "engine/db/server_dialect.hpp"
#include "strata/run_options.hpp"
#include "strata/schema.hpp"

namespace strata {

class Connection;

// The live schema in the namespaces `declared` uses and public (objects elsewhere are left alone),
// without strata's own bookkeeping tables: the lock table and the history table `history_table`
// (as RunSettings::history_table names it; throws UsageError for a name that is not one).
Schema read_live(Connection& connection, const ServerDialect& dialect, const Schema& declared,
                 const std::string& history_table = kHistoryTable);

// The live schema in `namespaces` (empty: every user namespace), without strata's own tables;
// `declared`: see IntrospectOptions::declared.
Schema read_live(Connection& connection, const ServerDialect& dialect, std::vector<std::string> namespaces,
                 const std::string& history_table = kHistoryTable, const Schema* declared = nullptr);

}  // namespace strata
