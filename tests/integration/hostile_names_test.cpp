// Hostile names, as a property: a seeded generator makes identifiers out of quotes, backslashes,
// spaces, SQL punctuation, comment and dollar-quote openers, reserved words, multi-byte UTF-8, names
// exactly 63 bytes long and names that differ only in case, for tables, columns, indexes, foreign
// keys, enums and enum values. Each round applies such a schema to the real server, requires the
// round trip to plan empty, then changes it (columns added and dropped, an enum value added, an
// index replaced) and requires that to plan empty too. A name that reached SQL unquoted would
// break a statement or name another object. STRATA_TEST_SEED and STRATA_TEST_NAME_ROUNDS vary it.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <random>
#include <set>

#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include "strata/apply.hpp"
#include "strata/load.hpp"
#include "strata/plan.hpp"
#include "support/case_files.hpp"
#include "support/test_database.hpp"

namespace strata {
namespace {

using testing::env_int;

const std::vector<std::string> kPieces = {
    "\"",   "'",     "\\",    " ",       ";",       "--",   "/*",  "*/",     "$$",   "$x$",   "%s",
    "{}",   ",",     "(",     ")",       ".",       ":",    "::",  "select", "user", "order", "table",
    "from", "group", "check", "default", "primary", "NULL", "All", "é",      "Ü",    "日本",  "🦀",
    "ß",    "\t",    "0",     "9",       "_",       "-",    "a",   "Z",      "q",
};

class NameMaker {
 public:
  explicit NameMaker(unsigned seed) : random_(seed) {}

  // A name not used yet (compared exactly: "Users" and "users" are different names).
  std::string fresh() {
    for (;;) {
      std::string name = make();
      if (used_.insert(name).second) return name;
    }
  }

  // A fresh name that differs from `other` only in case, when `other` has a letter to flip.
  std::string case_twin(const std::string& other) {
    std::string twin = other;
    for (char& c : twin) {
      if (c >= 'a' && c <= 'z') {
        c = static_cast<char>(c - 'a' + 'A');
        break;
      }
      if (c >= 'A' && c <= 'Z') {
        c = static_cast<char>(c - 'A' + 'a');
        break;
      }
    }
    if (twin != other && used_.insert(twin).second) return twin;
    return fresh();
  }

  bool chance(int percent) { return std::uniform_int_distribution<int>(1, 100)(random_) <= percent; }

  const std::set<std::string>& used() const { return used_; }

 private:
  std::string make() {
    static const std::vector<std::string> kReserved = {"user", "order", "select", "table", "Order", "USER"};
    if (chance(10)) return kReserved[std::uniform_int_distribution<std::size_t>(0, kReserved.size() - 1)(random_)];
    std::string name;
    const bool full = chance(20);  // exactly 63 bytes
    const int pieces = std::uniform_int_distribution<int>(1, 6)(random_);
    for (int i = 0; full || i < pieces; ++i) {
      const std::string& piece = kPieces[std::uniform_int_distribution<std::size_t>(0, kPieces.size() - 1)(random_)];
      if (name.size() + piece.size() > 63) break;
      name += piece;
    }
    if (full) name.append(63 - name.size(), 'x');
    return name;
  }

  std::mt19937 random_;
  std::set<std::string> used_;
};

// A schema of hostile names, as the YAML a user would write (emitted by yaml-cpp, which quotes).
struct HostileSchema {
  struct Table {
    std::string name;
    std::vector<std::string> columns;  // columns[0] is the primary key (bigint)
    std::string enum_column;           // of type enum_name, may be empty
    std::string index;                 // on columns[1]
    std::string fk;                    // columns[2] references table 0, may be empty
  };
  std::string enum_name;
  std::vector<std::string> values;
  std::vector<Table> tables;

  std::string yaml() const {
    YAML::Emitter out;
    out << YAML::BeginMap;
    out << YAML::Key << "enums" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << YAML::DoubleQuoted << enum_name << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& v : values) out << YAML::DoubleQuoted << v;
    out << YAML::EndSeq << YAML::EndMap;
    out << YAML::Key << "tables" << YAML::Value << YAML::BeginMap;
    for (const auto& t : tables) {
      out << YAML::Key << YAML::DoubleQuoted << t.name << YAML::Value << YAML::BeginMap;
      out << YAML::Key << "columns" << YAML::Value << YAML::BeginMap;
      for (std::size_t i = 0; i < t.columns.size(); ++i) {
        out << YAML::Key << YAML::DoubleQuoted << t.columns[i] << YAML::Value
            << (i == 0 || (i == 2 && !t.fk.empty()) ? "bigint" : "text");
      }
      if (!t.enum_column.empty()) {
        out << YAML::Key << YAML::DoubleQuoted << t.enum_column << YAML::Value << YAML::Flow << YAML::BeginMap
            << YAML::Key << "type" << YAML::Value << YAML::DoubleQuoted << enum_name << YAML::Key << "nullable"
            << YAML::Value << true << YAML::EndMap;
      }
      out << YAML::EndMap;
      out << YAML::Key << "primary_key" << YAML::Value << YAML::Flow << YAML::BeginSeq << YAML::DoubleQuoted
          << t.columns[0] << YAML::EndSeq;
      out << YAML::Key << "indexes" << YAML::Value << YAML::BeginSeq << YAML::Flow << YAML::BeginMap << YAML::Key
          << "name" << YAML::Value << YAML::DoubleQuoted << t.index << YAML::Key << "columns" << YAML::Value
          << YAML::Flow << YAML::BeginSeq << YAML::DoubleQuoted << t.columns[1] << YAML::EndSeq << YAML::EndMap
          << YAML::EndSeq;
      if (!t.fk.empty()) {
        out << YAML::Key << "foreign_keys" << YAML::Value << YAML::BeginSeq << YAML::Flow << YAML::BeginMap << YAML::Key
            << "name" << YAML::Value << YAML::DoubleQuoted << t.fk << YAML::Key << "columns" << YAML::Value
            << YAML::Flow << YAML::BeginSeq << YAML::DoubleQuoted << t.columns[2] << YAML::EndSeq << YAML::Key
            << "references" << YAML::Value << YAML::DoubleQuoted << tables[0].name << YAML::EndMap << YAML::EndSeq;
      }
      out << YAML::EndMap;
    }
    out << YAML::EndMap << YAML::EndMap;
    return out.c_str();
  }
};

HostileSchema generate(NameMaker& names) {
  HostileSchema s;
  s.enum_name = names.fresh();
  for (int i = 0; i < 3; ++i) s.values.push_back(i == 2 ? names.case_twin(s.values[0]) : names.fresh());
  for (int t = 0; t < 3; ++t) {
    HostileSchema::Table table;
    table.name = t == 1 ? names.case_twin(s.tables[0].name) : names.fresh();
    for (int c = 0; c < 3; ++c) table.columns.push_back(c == 2 ? names.case_twin(table.columns[1]) : names.fresh());
    if (names.chance(70)) table.enum_column = names.fresh();
    table.index = names.fresh();
    if (t > 0) table.fk = names.fresh();
    s.tables.push_back(std::move(table));
  }
  return s;
}

// The next release: a column added and one dropped, an enum value added, an index replaced.
void evolve(HostileSchema& s, NameMaker& names) {
  s.values.insert(s.values.begin() + 1, names.fresh());
  auto& table = s.tables.back();
  table.columns.push_back(names.fresh());
  if (!table.enum_column.empty()) table.enum_column.clear();
  table.index = names.case_twin(table.index);
}

Schema load(const std::string& yaml, int round) {
  try {
    return load_schema_text(yaml, "hostile-" + std::to_string(round) + ".yaml");
  } catch (const LoadError& error) {
    ADD_FAILURE() << "round " << round << ": the generated schema does not load: " << error.what() << "\n" << yaml;
    throw;
  }
}

void apply_and_expect_empty_plan(const std::string& url, const Schema& declared, const std::string& yaml,
                                 const std::string& where) {
  ApplyOptions options;
  for (const auto kind : all_hazard_kinds()) options.allowed_hazards.insert(kind);
  try {
    apply_schema(url, declared, options);
  } catch (const std::exception& error) {
    FAIL() << where << ": apply failed: " << error.what() << "\nschema:\n" << yaml;
  }
  const Plan left = plan_schema(url, declared);
  EXPECT_TRUE(left.empty()) << where << ": the round trip plans again:\n"
                            << plan_to_text(left) << "\nschema:\n"
                            << yaml;
}

// Which kinds of hostility the names of a run held: the test fails if the generator stopped making one.
struct Coverage {
  std::set<std::string> seen;
  void add(const std::set<std::string>& names) {
    for (const auto& n : names) {
      if (n.find('"') != std::string::npos) seen.insert("double quote");
      if (n.find('\'') != std::string::npos) seen.insert("single quote");
      if (n.find('\\') != std::string::npos) seen.insert("backslash");
      if (n.find(' ') != std::string::npos) seen.insert("space");
      if (n.find(';') != std::string::npos) seen.insert("semicolon");
      if (n.find("$$") != std::string::npos) seen.insert("dollar quote");
      if (n == "user" || n == "order" || n == "select" || n == "table" || n == "Order" || n == "USER") {
        seen.insert("reserved word");
      }
      if (n.size() == 63) seen.insert("63 bytes");
      if (std::any_of(n.begin(), n.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
        seen.insert("utf-8");
      }
      std::string lower = n;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower != n && names.contains(lower)) seen.insert("differ only in case");
    }
  }
};

TEST(HostileNames, SchemasOfHostileNamesRoundTripAndEvolve) {
  const unsigned seed = static_cast<unsigned>(env_int("STRATA_TEST_SEED", 20261205));
  const int rounds = env_int("STRATA_TEST_NAME_ROUNDS", 12);
  Coverage coverage;
  for (int round = 0; round < rounds; ++round) {
    NameMaker names(seed + static_cast<unsigned>(round));
    HostileSchema schema = generate(names);
    testing::TestDatabase db;
    const std::string where = "seed " + std::to_string(seed) + " round " + std::to_string(round);
    const std::string first = schema.yaml();
    apply_and_expect_empty_plan(db.url(), load(first, round), first, where + " (create)");
    if (HasFailure()) return;
    evolve(schema, names);
    const std::string second = schema.yaml();
    apply_and_expect_empty_plan(db.url(), load(second, round), second, where + " (evolve)");
    if (HasFailure()) return;
    coverage.add(names.used());
  }
  if (rounds >= 12) {
    for (const char* kind : {"double quote", "single quote", "backslash", "space", "semicolon", "dollar quote",
                             "63 bytes", "utf-8", "differ only in case", "reserved word"}) {
      EXPECT_TRUE(coverage.seen.contains(kind)) << "no name held a " << kind << " in " << rounds << " rounds";
    }
  }
}

}  // namespace
}  // namespace strata
