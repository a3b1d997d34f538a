// CockroachDB without a server: the DDL parser and normalize_cockroach() against the recorded
// corpus (tests/fixtures/crdb-corpus, a copy of ../shared/crdb-corpus; STRATA_CRDB_CORPUS points
// elsewhere). For every SHOW CREATE entry, the model parsed from CockroachDB's create_statement and
// the model parsed from the statements that created the object must be equal once normalised.
// The rules one by one: crdb_normalize_test.cpp; the parser: crdb_ddl_parser_test.cpp.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialects/cockroachdb/ddl/parser.hpp"
#include "dialects/cockroachdb/normalize.hpp"
#include "strata/errors.hpp"
#include "support/crdb_corpus.hpp"

namespace strata::cockroachdb {
namespace {

namespace fs = std::filesystem;

// ---- the corpus comparison

// Entries whose comparison drops a feature the model does not hold. Each must compare equal on
// everything else, and the set of entries whose parse reports such a feature must be exactly this.
struct Partial {
  std::set<std::string> dropped;  // the notes (NoteKind names) the entry's parse reports
  std::string reason;
};
const std::map<std::string, Partial> kPartial = {
    {"sc_not_valid_constraints", {{"not-valid"}, "a constraint's NOT VALID state is not in the model"}},
    {"sc_interleaved_partial_index", {{"interleave"}, "INTERLEAVE IN PARENT (removed in v21.2) is not in the model"}},
    {"st_fk_cross_database",
     {{"cross-database"}, "a foreign key to a table of another database (o.public.foo) loses the database"}},
};

// Entries not compared at all, with the reason. Empty: every entry is compared.
const std::map<std::string, std::string> kSkipped = {};

// Notes that do not make an entry partial: the model leaves these out by design.
bool is_incidental(NoteKind kind) {
  return kind == NoteKind::Comment || kind == NoteKind::NonSchemaStatement;
}

const nlohmann::json& corpus() {
  return testing::crdb_show_create();
}

const nlohmann::json* find_entry(const std::string& id) {
  return testing::find_crdb_entry(id);
}

struct Outcome {
  std::string id;
  bool equal = false;
  std::string declared;  // describe() of each side, for the failure message
  std::string created;
  std::set<std::string> material_notes;
  std::string error;
};

std::string describe_sequence(const Sequence& s) {
  std::ostringstream out;
  out << "sequence " << to_string(s.name) << " " << s.type << " start " << s.start << " increment " << s.increment
      << " min " << s.min_value << " max " << s.max_value << " cache " << s.cache << (s.cycle ? " cycle" : "");
  return out.str();
}

Outcome run_entry(const nlohmann::json& entry) {
  Outcome outcome;
  outcome.id = entry["id"];
  testing::CrdbEntryModels models = testing::parse_crdb_entry(entry);
  if (!models.error.empty()) {
    outcome.error = models.error;
    return outcome;
  }
  Schema& declared = models.declared;
  Schema& created = models.created;
  const auto& notes = models.notes;
  for (const auto& note : notes) {
    if (!is_incidental(note.kind)) outcome.material_notes.insert(std::string(to_string(note.kind)));
  }
  normalize_cockroach(declared);
  normalize_cockroach(created);
  if (entry["object_type"] == "sequence") {
    if (created.sequences.size() != 1) {
      outcome.error = "the create statement made no single sequence";
      return outcome;
    }
    const auto& sequence = created.sequences.front();
    const auto it = std::find_if(declared.sequences.begin(), declared.sequences.end(),
                                 [&](const Sequence& s) { return s.name == sequence.name; });
    outcome.equal = it != declared.sequences.end() && *it == sequence;
    outcome.created = describe_sequence(sequence);
    outcome.declared = it != declared.sequences.end() ? describe_sequence(*it) : "(no such sequence)";
    return outcome;
  }
  if (created.tables.size() != 1) {
    outcome.error = "the create statement made no single table";
    return outcome;
  }
  const Table& table = created.tables.front();
  const Table* expected = declared.find_table(table.name);
  outcome.created = describe(table);
  outcome.declared = expected != nullptr ? describe(*expected) : "(no table " + to_string(table.name) + ")";
  outcome.equal = expected != nullptr && *expected == table;
  return outcome;
}

const std::vector<Outcome>& outcomes() {
  static const std::vector<Outcome> all = [] {
    std::vector<Outcome> out;
    for (const auto& entry : corpus()["entries"]) {
      if (kSkipped.count(entry["id"]) > 0) continue;
      out.push_back(run_entry(entry));
    }
    return out;
  }();
  return all;
}

TEST(CrdbCorpus, HasEveryEntry) {
  EXPECT_EQ(corpus()["count"], 48);
  EXPECT_EQ(corpus()["entries"].size(), 48u);
  EXPECT_EQ(outcomes().size() + kSkipped.size(), corpus()["entries"].size());
}

TEST(CrdbCorpus, CreateStatementMatchesTheStatementsThatMadeIt) {
  int equal = 0;
  int partial = 0;
  for (const auto& outcome : outcomes()) {
    SCOPED_TRACE(outcome.id);
    EXPECT_EQ(outcome.error, "");
    EXPECT_TRUE(outcome.equal) << "declared (from setup_sql):\n"
                               << outcome.declared << "\nSHOW CREATE:\n"
                               << outcome.created;
    if (outcome.equal) {
      ++equal;
      partial += kPartial.count(outcome.id) > 0 ? 1 : 0;
    }
  }
  std::cout << "[ corpus   ] " << equal << " of " << corpus()["entries"].size() << " entries compared equal ("
            << partial << " after dropping features outside the model), " << kSkipped.size() << " skipped\n";
}

// The comparison is not vacuous: a one-word change to SHOW CREATE's text makes it fail.
std::vector<std::string> mutations_of(const std::string& text) {
  std::vector<std::string> out;
  auto replace_at = [&](std::size_t at, std::size_t length, const std::string& with) {
    if (at == std::string::npos) return;
    std::string changed = text;
    changed.replace(at, length, with);
    out.push_back(changed);
  };
  const std::size_t index = text.find("INDEX ");
  if (index != std::string::npos) replace_at(text.find(" ASC", index), 4, " DESC");
  for (std::size_t at = text.find(" NULL,"); at != std::string::npos; at = text.find(" NULL,", at + 1)) {
    if (at < 4 || text.compare(at - 4, 4, " NOT") != 0) {
      replace_at(at, 6, " NOT NULL,");
      break;
    }
  }
  replace_at(text.find("INT8"), 4, "INT2");
  replace_at(text.find("INCREMENT 123"), 13, "INCREMENT 12");
  replace_at(text.find("LOCALITY GLOBAL"), 15, "LOCALITY REGIONAL BY ROW");
  replace_at(text.find("WHERE b > 5"), 11, "WHERE b > 6");
  return out;
}

TEST(CrdbCorpus, ComparisonSeesAOneWordChange) {
  int mutations = 0;
  for (auto entry : corpus()["entries"]) {
    if (kSkipped.count(entry["id"]) > 0) continue;
    const auto changed = mutations_of(entry["create_statement"]);
    EXPECT_FALSE(changed.empty()) << entry["id"];
    for (const auto& text : changed) {
      entry["create_statement"] = text;
      const Outcome outcome = run_entry(entry);
      EXPECT_TRUE(outcome.error.empty() && !outcome.equal) << entry["id"] << " did not notice:\n" << text;
      ++mutations;
    }
  }
  EXPECT_GT(mutations, 100);
}

TEST(CrdbCorpus, PartialEntriesAreExactlyThoseWithFeaturesOutsideTheModel) {
  std::set<std::string> reported;
  for (const auto& outcome : outcomes()) {
    if (!outcome.material_notes.empty()) reported.insert(outcome.id);
    const auto partial = kPartial.find(outcome.id);
    const std::set<std::string> expected =
        partial == kPartial.end() ? std::set<std::string>{} : partial->second.dropped;
    EXPECT_EQ(outcome.material_notes, expected) << outcome.id;
  }
  std::set<std::string> listed;
  for (const auto& [id, partial] : kPartial) listed.insert(id);
  EXPECT_EQ(reported, listed);
  for (const auto& [id, reason] : kSkipped) EXPECT_NE(find_entry(id), nullptr) << id;
}

}  // namespace
}  // namespace strata::cockroachdb
