// strata::Migrator: the front door of versioned migrations. Opens the connection, chooses the
// dialect from the server, and hands the run to migrations/.
#include "strata/migrate.hpp"

#include <future>

#include "app/dialect_factory.hpp"
#include "engine/db/connection.hpp"
#include "engine/db/history_table.hpp"
#include "migrations/directory.hpp"
#include "migrations/migrator.hpp"
#include "migrations/repair.hpp"
#include "migrations/sum.hpp"

namespace strata {

namespace {

MigrateReport run(const std::string& url, const std::filesystem::path& directory, const MigrateOptions& options,
                  const migrations::Selector& select) {
  parse_history_table(options.run.history_table);  // a bad name is bad input before anything is done
  // The directory is read while the connection is opened: at start-up, with nothing pending,
  // reading and checking the files costs no time of its own. A connection that fails is still
  // the error reported first, as when the two ran one after the other.
  auto reading = std::async(std::launch::async, [&directory] {
    auto read = migrations::read_directory(directory);
    migrations::require_sum(read);
    return read;
  });
  Connection connection(url, options.run.connect);
  const auto dialect = detect_dialect(connection);
  return migrations::run(connection, url, *dialect, reading.get(), options, select);
}

}  // namespace

Migrator::Migrator(std::string url, std::filesystem::path directory, MigrateOptions options)
    : url_(std::move(url)), directory_(std::move(directory)), options_(std::move(options)) {}

MigrateReport Migrator::up(std::optional<std::size_t> count) {
  return run(url_, directory_, options_, [&](const auto& directory, const auto& history) {
    return migrations::select_up(directory, history, count, options_.out_of_order);
  });
}

MigrateReport Migrator::down(std::size_t count) {
  return run(url_, directory_, options_, [&](const auto& directory, const auto& history) {
    return migrations::select_down(directory, history, count);
  });
}

MigrateReport Migrator::go_to(std::int64_t version) {
  return run(url_, directory_, options_, [&](const auto& directory, const auto& history) {
    return migrations::select_goto(directory, history, version, options_.out_of_order);
  });
}

MigrateStatusReport Migrator::status() {
  parse_history_table(options_.run.history_table);
  Connection connection(url_, options_.run.connect);
  const auto dialect = detect_dialect(connection);
  return migrations::status(connection, *dialect, directory_, options_.run.history_table);
}

RepairReport Migrator::repair(const RepairRequest& request, const std::function<bool(const RepairReport&)>& confirm) {
  Connection connection(url_, options_.run.connect);
  const auto dialect = detect_dialect(connection);
  return migrations::repair(connection, url_, *dialect, directory_, options_, request, confirm);
}

MigrateReport migrate_up(const std::string& url, const std::filesystem::path& directory,
                         const MigrateOptions& options) {
  return Migrator(url, directory, options).up();
}

SumFile write_sum_file(const std::filesystem::path& directory) {
  const auto read = migrations::read_directory(directory);
  migrations::write_sum(read);
  return SumFile{read.path / migrations::kSumFileName, read.migrations.size()};
}

}  // namespace strata
