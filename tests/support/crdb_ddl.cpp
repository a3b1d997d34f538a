#include "support/crdb_ddl.hpp"

#include <stdexcept>

#include <gtest/gtest.h>

#include "dialects/cockroachdb/normalize.hpp"

namespace strata::testing {

using cockroachdb::NamingEra;

Schema parse_crdb(std::string_view sql, NamingEra era, std::vector<cockroachdb::ParseNote>* notes) {
  Schema schema;
  cockroachdb::ParseOptions options;
  options.naming = era;
  options.database = "db";
  options.notes = notes;
  cockroachdb::apply_ddl(sql, schema, options);
  return schema;
}

Schema normalized_crdb(std::string_view sql, NamingEra era) {
  Schema schema = parse_crdb(sql, era);
  cockroachdb::normalize_cockroach(schema);
  return schema;
}

void expect_same_crdb(std::string_view declared, std::string_view shown, NamingEra era) {
  const Schema a = normalized_crdb(declared, era);
  const Schema b = normalized_crdb(shown, era);
  EXPECT_EQ(describe(a), describe(b));
  EXPECT_TRUE(a == b);
}

void expect_different_crdb(std::string_view declared, std::string_view shown) {
  EXPECT_FALSE(normalized_crdb(declared) == normalized_crdb(shown)) << describe(normalized_crdb(declared));
}

const Table& only_table(const Schema& schema) {
  if (schema.tables.size() != 1) throw std::runtime_error("expected one table");
  return schema.tables.front();
}

std::vector<cockroachdb::NoteKind> note_kinds(const std::vector<cockroachdb::ParseNote>& notes) {
  std::vector<cockroachdb::NoteKind> out;
  for (const auto& note : notes) out.push_back(note.kind);
  return out;
}

}  // namespace strata::testing
