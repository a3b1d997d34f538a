// Loads a declared schema and, given a URL, inspects a database: proves the installed headers,
// library and CMake package are complete.
#include <iostream>

#include <strata/strata.hpp>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: consumer SCHEMA_DIR [URL]\n";
    return 2;
  }
  try {
    const strata::Schema declared = strata::load_schema({argv[1]});
    std::cout << "strata " << strata::version() << ": declared " << declared.tables.size() << " tables\n";
    if (argc > 2) {
      const strata::Schema live = strata::inspect(argv[2]);
      std::cout << "live database " << live.database.name << " has " << live.tables.size() << " tables\n";
    }
  } catch (const strata::Error& error) {
    std::cerr << "consumer: " << error.what() << "\n";
    return 1;
  }
  return 0;
}
