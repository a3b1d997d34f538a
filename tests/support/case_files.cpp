#include "support/case_files.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "strata/load.hpp"

namespace strata::testing {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool updating_golden() {
  return std::getenv("STRATA_UPDATE_GOLDEN") != nullptr;
}

void expect_golden(const std::filesystem::path& path, const std::string& actual) {
  if (updating_golden()) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(path)) << path << " is missing (STRATA_UPDATE_GOLDEN=1 writes it)";
  EXPECT_EQ(actual, read_file(path)) << "for " << path << " (STRATA_UPDATE_GOLDEN=1 rewrites it)";
}

Schema load_case(const std::filesystem::path& case_dir, const std::string& file) {
  return load_schema_text(read_file(case_dir / file), (case_dir.filename() / file).string());
}

std::string hazard_lines(const Plan& plan) {
  std::string out;
  for (auto kind : plan.hazard_kinds()) out += std::string(hazard_name(kind)) + "\n";
  return out.empty() ? "none\n" : out;
}

int env_int(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value ? std::atoi(value) : fallback;
}

}  // namespace strata::testing
