// strata-gen-schema: prints a synthetic declared schema (YAML) or the SQL that creates it.
//   strata-gen-schema --tables 1000 [--seed 42] [--format yaml|sql]
#include <iostream>

#include <CLI/CLI.hpp>

#include "strata/dialect_factory.hpp"
#include "strata/load.hpp"
#include "strata/plan.hpp"
#include "tools/bench/schema_generator.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Print a synthetic schema for benchmarks: N tables of 8-12 columns, 2-3 indexes, 1-2 foreign keys"};
  int tables = 100;
  std::uint32_t seed = 42;
  std::string format = "yaml";
  app.add_option("--tables", tables, "Number of tables")->check(CLI::Range(1, 1000000))->capture_default_str();
  app.add_option("--seed", seed, "Random seed (same seed, same schema)")->capture_default_str();
  app.add_option("--format", format, "yaml (declared schema) or sql (PostgreSQL DDL)")
      ->check(CLI::IsMember({"yaml", "sql"}))
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  const strata::Schema schema = strata::bench::generate_schema(tables, seed);
  if (format == "yaml") {
    std::cout << strata::to_yaml(schema);
  } else {
    for (const auto& statement : strata::create_statements(schema, *strata::make_dialect("postgres"))) {
      std::cout << statement << ";\n";
    }
  }
  return 0;
}
