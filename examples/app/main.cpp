// shop_service: migrates its database at start-up, then would serve. Start as many replicas at
// once as you like: one applies the pending migrations, the others wait for strata's lock and
// find nothing left to do.
//
//   shop_service URL [MIGRATIONS_DIR]     (URL defaults to $DATABASE_URL)
#include <cstdlib>
#include <iostream>

#include <strata/strata.hpp>

int main(int argc, char** argv) {
  const char* url = argc > 1 ? argv[1] : std::getenv("DATABASE_URL");
  const std::string directory = argc > 2 ? argv[2] : "migrations";
  if (url == nullptr) {
    std::cerr << "usage: shop_service URL [MIGRATIONS_DIR] (or set DATABASE_URL)\n";
    return 2;
  }
  try {
    strata::MigrateOptions options;
    options.run.lock.wait = std::chrono::seconds(120);  // a replica waits this long for another one
    const strata::MigrateReport report = strata::migrate_up(url, directory, options);
    std::cout << "shop_service: " << report.runs.size() << " migration(s) applied";
    for (const auto& run : report.runs)
      std::cout << " [" << run.version << " " << run.name << " " << run.took.count() << " ms]";
    std::cout << (report.waited_for_lock ? "; waited for another replica" : "") << "\n";
  } catch (const strata::MigrationFailed& error) {
    std::cerr << "shop_service: a migration failed at " << error.file() << ":" << error.line() << ": " << error.what()
              << "\n";
    return 1;
  } catch (const strata::Error& error) {
    std::cerr << "shop_service: cannot migrate: " << error.what() << "\n";
    return 1;
  }
  std::cout << "shop_service: schema is current; serving\n";
  return 0;
}
