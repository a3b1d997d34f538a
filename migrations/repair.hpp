// `strata migrate repair` and `strata migrate set`: the history changed on purpose, after a person
// fixed the database by hand (a failed, half-applied or half-reverted migration is recorded as
// applied, or forgotten), edited an applied file deliberately (its checksum is recorded again), or
// states which version the database is at. Every row written names the person and the time.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "migrations/directory.hpp"
#include "migrations/history.hpp"
#include "strata/migration.hpp"

namespace strata {
class Connection;
class ServerDialect;
}  // namespace strata

namespace strata::migrations {

// One change, with the row it writes (nullopt: the row is deleted).
struct RepairStep {
  HistoryChange change;
  std::optional<HistoryRow> row;
};

// What `request` changes in `history`, ascending by version; decided from the files and the
// history alone. The rows written name `who`. Throws UsageError when the request does not fit
// the history (nothing to resolve, no such version, several candidates and none named).
std::vector<RepairStep> plan_repair(const Directory& directory, const std::vector<HistoryRow>& history,
                                    const RepairRequest& request, const std::string& who);

// Reads the directory and the history, takes the lock (not for a dry run), plans, asks `confirm`,
// and writes every change in one transaction that checks the lock first. AcceptEdit also
// rewrites strata.sum for the accepted file.
RepairReport repair(Connection& connection, const std::string& url, const ServerDialect& dialect,
                    const std::filesystem::path& directory, const MigrateOptions& options, const RepairRequest& request,
                    const std::function<bool(const RepairReport&)>& confirm);

// The row that records `m` applied in full, written by `by`, keeping what `base` (when there is
// one) knew of its start and jobs.
HistoryRow applied_row(const Directory& directory, const Migration& m, const HistoryRow* base, const std::string& by);

// "alice@build-7": the person a repair is recorded for (the login name and the host).
std::string person();

}  // namespace strata::migrations
