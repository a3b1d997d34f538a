// Every SHOW CREATE entry of the CockroachDB corpus through the planner, as far as it goes
// without a server:
//  - apply -> introspect -> empty plan: the schema the entry's setup statements declare, with the
//    entry's object replaced by what CockroachDB printed for it (the introspected one), plans
//    empty against the declared schema under the CockroachDB dialect (normaliser and differ);
//  - strata re-creates it: the declared schema, emitted by strata's CockroachDB emitter and read
//    back by the DDL parser (the introspection path), plans empty against itself.
// Entries that cannot make one of the trips are listed with the reason; a listed entry that
// starts to pass must leave the list.
#include <algorithm>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "dialects/cockroachdb/cockroach_dialect.hpp"
#include "dialects/cockroachdb/ddl/parser.hpp"
#include "strata/errors.hpp"
#include "strata/plan.hpp"
#include "support/crdb_corpus.hpp"

namespace strata {
namespace {

using testing::CrdbEntryModels;

// Entries strata cannot re-create from their declared schema, and why.
const std::map<std::string, std::string> kNotRecreated = {};

cockroachdb::CockroachDialect dialect_for(const CrdbEntryModels& models) {
  return cockroachdb::CockroachDialect(models.options.database, cockroachdb::kNewestKnown);
}

std::vector<std::string> entry_ids() {
  std::vector<std::string> ids;
  for (const auto& entry : testing::crdb_show_create()["entries"]) ids.push_back(entry["id"]);
  return ids;
}

// The declared schema with the entry's object as CockroachDB printed it.
Schema introspected(const CrdbEntryModels& models) {
  Schema live = models.declared;
  for (const auto& table : models.created.tables) {
    auto same =
        std::find_if(live.tables.begin(), live.tables.end(), [&](const Table& t) { return t.name == table.name; });
    if (same != live.tables.end()) {
      *same = table;
    } else {
      live.tables.push_back(table);
    }
  }
  for (const auto& sequence : models.created.sequences) {
    for (auto& declared : live.sequences) {
      if (declared.name == sequence.name) declared = sequence;
    }
  }
  return live;
}

// Why re-creating the declared schema did not read back as itself, or "".
std::string recreate(const CrdbEntryModels& models) {
  const auto d = dialect_for(models);
  std::string sql;
  try {
    for (const auto& statement : create_statements(models.declared, d)) sql += statement + ";\n";
  } catch (const PlanError& error) {
    return std::string("planning the creation: ") + error.what();
  }
  Schema read_back;
  read_back.database.name = models.options.database;
  cockroachdb::ParseOptions options = models.options;
  try {
    cockroachdb::apply_ddl(sql, read_back, options);
  } catch (const Error& error) {
    return std::string("reading it back: ") + error.what() + "\n" + sql;
  }
  Schema target = models.declared;
  target.database.name = read_back.database.name;
  const Plan left = plan_changes(read_back, target, d);
  return left.empty() ? "" : "read back, it does not plan empty:\n" + plan_to_text(left) + "from:\n" + sql;
}

class CrdbCorpusTrip : public ::testing::TestWithParam<std::string> {};

TEST_P(CrdbCorpusTrip, IntrospectedPlansEmptyAgainstDeclared) {
  const CrdbEntryModels models = testing::parse_crdb_entry(*testing::find_crdb_entry(GetParam()));
  ASSERT_EQ(models.error, "");
  ASSERT_FALSE(models.created.tables.empty() && models.created.sequences.empty());
  const auto d = dialect_for(models);
  const Plan plan = plan_changes(introspected(models), models.declared, d);
  EXPECT_TRUE(plan.empty()) << plan_to_text(plan);
}

TEST_P(CrdbCorpusTrip, DeclaredSchemaIsRecreatedByTheEmitter) {
  const CrdbEntryModels models = testing::parse_crdb_entry(*testing::find_crdb_entry(GetParam()));
  ASSERT_EQ(models.error, "");
  const std::string failure = recreate(models);
  const auto listed = kNotRecreated.find(GetParam());
  if (listed == kNotRecreated.end()) {
    EXPECT_EQ(failure, "");
  } else {
    EXPECT_NE(failure, "") << "it is re-created now: remove it from kNotRecreated (" << listed->second << ")";
  }
}

TEST(CrdbCorpusTripList, ListedEntriesExist) {
  for (const auto& [id, reason] : kNotRecreated) {
    EXPECT_NE(testing::find_crdb_entry(id), nullptr) << id;
    EXPECT_FALSE(reason.empty()) << id;
  }
}

INSTANTIATE_TEST_SUITE_P(Entries, CrdbCorpusTrip, ::testing::ValuesIn(entry_ids()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace
}  // namespace strata
