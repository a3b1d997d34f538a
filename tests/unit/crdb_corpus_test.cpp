// CockroachDB without a server: the DDL parser and normalize_cockroach() against the recorded
// corpus (tests/fixtures/crdb-corpus, a copy of ../shared/crdb-corpus; STRATA_CRDB_CORPUS points
// elsewhere). For every SHOW CREATE entry, the model parsed from CockroachDB's create_statement and
// the model parsed from the statements that created the object must be equal once normalised.
// Then one test per normalisation rule (citing catalog_differences.md) and the parser on hostile
// input.
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <random>
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

fs::path corpus_dir() {
  return testing::crdb_corpus_dir();
}

std::string read(const fs::path& path) {
  return testing::read_file_text(path);
}

// ---- the corpus comparison

// Entries whose comparison drops a feature the model does not hold. Each must compare equal on
// everything else, and the set of entries whose parse reports such a feature must be exactly this.
struct Partial {
  std::set<std::string> dropped;  // the notes (NoteKind names) the entry's parse reports
  std::string reason;
};
const std::map<std::string, Partial> kPartial = {
    {"sc_unique_without_index_comments",
     {{"unique-without-index"}, "UNIQUE WITHOUT INDEX constraints (one partial) are not in the model"}},
    {"sc_not_valid_constraints",
     {{"unique-without-index", "not-valid"},
      "UNIQUE WITHOUT INDEX and a constraint's NOT VALID state are not "
      "in the model"}},
    {"sc_interleaved_partial_index", {{"interleave"}, "INTERLEAVE IN PARENT (removed in v21.2) is not in the model"}},
    {"scat_full_test_fk_match_full_cascade", {{"match-full"}, "a foreign key's MATCH FULL is not in the model"}},
    {"st_fk_match_simple_full_update_cascade", {{"match-full"}, "a foreign key's MATCH FULL is not in the model"}},
    {"st_row_level_ttl",
     {{"storage-parameter", "on-update"},
      "row-level TTL (WITH (ttl…) and the expiration column's ON UPDATE) is "
      "not in the model"}},
    {"st_fk_cross_database",
     {{"cross-database"}, "a foreign key to a table of another database (o.public.foo) loses the database"}},
};

// Entries not compared at all, with the reason. Empty: every entry is compared.
const std::map<std::string, std::string> kSkipped = {};

// Notes that do not make an entry partial: the model leaves these out by design.
bool is_incidental(NoteKind kind) {
  return kind == NoteKind::ColumnFamily || kind == NoteKind::Comment || kind == NoteKind::NonSchemaStatement;
}

const nlohmann::json& corpus() {
  return testing::crdb_show_create();
}

const nlohmann::json* find_entry(const std::string& id) {
  return testing::find_crdb_entry(id);
}

std::string substitute(std::string text) {
  return testing::substitute_placeholders(std::move(text));
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

// ---- helpers for the rule and parser tests

Schema parse(std::string_view sql, NamingEra era = NamingEra::V22, std::vector<ParseNote>* notes = nullptr) {
  Schema schema;
  ParseOptions options;
  options.naming = era;
  options.database = "db";
  options.notes = notes;
  apply_ddl(sql, schema, options);
  return schema;
}

Schema normalized(std::string_view sql, NamingEra era = NamingEra::V22) {
  Schema schema = parse(sql, era);
  normalize_cockroach(schema);
  return schema;
}

// Both texts describe the same schema once normalised.
void expect_same(std::string_view declared, std::string_view shown, NamingEra era = NamingEra::V22) {
  const Schema a = normalized(declared, era);
  const Schema b = normalized(shown, era);
  EXPECT_EQ(describe(a), describe(b));
  EXPECT_TRUE(a == b);
}

void expect_different(std::string_view declared, std::string_view shown) {
  EXPECT_FALSE(normalized(declared) == normalized(shown)) << describe(normalized(declared));
}

const Table& only_table(const Schema& schema) {
  if (schema.tables.size() != 1) throw std::runtime_error("expected one table");
  return schema.tables.front();
}

std::vector<NoteKind> kinds(const std::vector<ParseNote>& notes) {
  std::vector<NoteKind> out;
  for (const auto& note : notes) out.push_back(note.kind);
  return out;
}

// ---- one test per normalisation rule (catalog_differences.md item numbers)

TEST(CrdbNormalize, Item1TypeNamesAndJsonIsJsonb) {
  expect_same("CREATE TABLE t (k INT PRIMARY KEY, j JSON, a JSON[], s TEXT, f FLOAT)",
              "CREATE TABLE public.t (k INT8 NOT NULL, j JSONB NULL, a JSONB[] NULL, s STRING NULL, f FLOAT8 NULL,"
              " CONSTRAINT t_pkey PRIMARY KEY (k ASC))");
  expect_same("CREATE TYPE test AS ENUM (); CREATE TABLE t (x test)",
              "CREATE TYPE test AS ENUM (); CREATE TABLE public.t (x type_test.public.test NULL)");
}

TEST(CrdbNormalize, Item1IntIsInt8AndInt4StaysInt4) {
  expect_same("CREATE TABLE t (a INT, b INTEGER, c INT4, d INT DEFAULT 1::INT CHECK (d::INTEGER > 0))",
              "CREATE TABLE t (a INT8 NULL, b INT8 NULL, c INT4 NULL, d INT8 NULL DEFAULT 1::INT8,"
              " CONSTRAINT check_d CHECK (d::INT8 > 0:::INT8))");
  Schema schema = normalized("CREATE TABLE t (c INT4, d INT4[]); CREATE SEQUENCE s AS INT4");
  EXPECT_EQ(schema.tables[0].columns[0].type, "integer");
  EXPECT_EQ(schema.sequences[0].max_value, 2147483647);
  const Schema once = schema;
  normalize_cockroach(schema);  // "integer" must not be read again as CockroachDB's INT
  EXPECT_TRUE(schema == once) << describe(schema);
}

TEST(CrdbNormalize, Item6DefaultsWithTypeAnnotationsAndRegclass) {
  expect_same("CREATE SEQUENCE s; CREATE TABLE t (i INT DEFAULT 1, n INT DEFAULT nextval('s'), c INT CHECK (c > 0))",
              "CREATE SEQUENCE public.s MINVALUE 1 MAXVALUE 9223372036854775807 INCREMENT 1 START 1;"
              "CREATE TABLE public.t (i INT8 NULL DEFAULT 1:::INT8, n INT8 NULL DEFAULT nextval('public.s'::REGCLASS),"
              " c INT8 NULL, CONSTRAINT check_c CHECK (c > 0:::INT8))");
}

TEST(CrdbNormalize, Item10HiddenRowidAndItsPrimaryKeyGo) {
  const char* declared = "CREATE TABLE t (a INT)";
  expect_same(declared,
              "CREATE TABLE public.t (a INT8 NULL, rowid INT8 NOT VISIBLE NOT NULL DEFAULT unique_rowid(),"
              " CONSTRAINT t_pkey PRIMARY KEY (rowid ASC))");
  expect_same(declared,
              "CREATE TABLE public.t (a INT8 NULL, rowid INT8 NOT VISIBLE NOT NULL DEFAULT unique_rowid(),"
              " CONSTRAINT \"primary\" PRIMARY KEY (rowid ASC), FAMILY \"primary\" (a, rowid))",
              NamingEra::V21);
  // A visible column that happens to be called rowid is the user's.
  expect_different(declared, "CREATE TABLE t (a INT, rowid INT8 NOT NULL DEFAULT unique_rowid(), PRIMARY KEY (rowid))");
}

TEST(CrdbNormalize, Item12ImplicitRegionColumnGoesADeclaredOneStays) {
  expect_same("CREATE TABLE t (pk INT PRIMARY KEY) LOCALITY REGIONAL BY ROW",
              "CREATE TABLE public.t (pk INT8 NOT NULL, crdb_region public.crdb_internal_region NOT VISIBLE NOT NULL"
              " DEFAULT default_to_database_primary_region(gateway_region())::public.crdb_internal_region,"
              " CONSTRAINT t_pkey PRIMARY KEY (pk ASC)) LOCALITY REGIONAL BY ROW");
  const Schema declared =
      normalized("CREATE TABLE t (pk INT PRIMARY KEY, crdb_region crdb_internal_region) LOCALITY REGIONAL BY ROW");
  ASSERT_NE(only_table(declared).find_column("crdb_region"), nullptr);
  EXPECT_FALSE(only_table(declared).find_column("crdb_region")->nullable);  // printed NOT NULL
}

TEST(CrdbNormalize, Item13HashShardColumnsGoTheBucketCountStays) {
  const char* declared = "CREATE TABLE t (k INT PRIMARY KEY, a INT, INDEX (a) USING HASH WITH (bucket_count=8))";
  expect_same(declared,
              "CREATE TABLE public.t (k INT8 NOT NULL, crdb_internal_a_shard_8 INT8 NOT VISIBLE NOT NULL AS"
              " (mod(fnv32(md5(crdb_internal.datums_to_bytes(a))), 8:::INT8)) VIRTUAL, a INT8 NULL,"
              " CONSTRAINT t_pkey PRIMARY KEY (k ASC), INDEX t_a_idx (a ASC) USING HASH WITH (bucket_count=8))");
  // Older versions: a STORED shard column with a check constraint, and WITH BUCKET_COUNT = n.
  expect_same(declared,
              "CREATE TABLE public.t (k INT8 NOT NULL, a INT8 NULL, crdb_internal_a_shard_8 INT4 NOT VISIBLE NOT NULL"
              " AS (mod(fnv32(crdb_internal.datums_to_bytes(a)), 8:::INT8)) STORED,"
              " CONSTRAINT t_pkey PRIMARY KEY (k ASC), INDEX t_a_idx (a ASC) USING HASH WITH BUCKET_COUNT = 8,"
              " CONSTRAINT check_crdb_internal_a_shard_8 CHECK (crdb_internal_a_shard_8 IN (0:::INT8, 1:::INT8)))");
  expect_different(declared, "CREATE TABLE t (k INT PRIMARY KEY, a INT, INDEX (a) USING HASH)");  // 16 buckets
}

TEST(CrdbNormalize, Item14TtlExpirationColumnGoes) {
  expect_same("CREATE TABLE t (pk INT8 PRIMARY KEY)",
              "CREATE TABLE public.t (pk INT8 NOT NULL, crdb_internal_expiration TIMESTAMPTZ NOT VISIBLE NOT NULL"
              " DEFAULT current_timestamp():::TIMESTAMPTZ + '00:10:00':::INTERVAL ON UPDATE"
              " current_timestamp():::TIMESTAMPTZ + '00:10:00':::INTERVAL, CONSTRAINT t_pkey PRIMARY KEY (pk ASC))"
              " WITH (ttl = 'on', ttl_expire_after = '00:10:00':::INTERVAL)");
}

TEST(CrdbNormalize, Item15ExpressionIndexColumnsGo) {
  expect_same("CREATE TABLE t (k INT PRIMARY KEY, a INT, INDEX t_a_idx ((a + 1)))",
              "CREATE TABLE t (k INT PRIMARY KEY, a INT, crdb_internal_idx_expr INT8 NOT VISIBLE NULL AS (a + 1)"
              " VIRTUAL, INDEX t_a_idx ((a + 1:::INT8) ASC))");
}

TEST(CrdbNormalize, Item17PrimaryBecomesTablePkey) {
  expect_same("CREATE TABLE t (k INT PRIMARY KEY)", "CREATE TABLE t (k INT8, CONSTRAINT \"primary\" PRIMARY KEY (k))");
  expect_different("CREATE TABLE t (k INT PRIMARY KEY)", "CREATE TABLE t (k INT8, CONSTRAINT pk_name PRIMARY KEY (k))");
}

TEST(CrdbNormalize, Item18UniqueConstraintsAreUniqueIndexes) {
  const char* shown = "CREATE TABLE public.t (a INT8 NULL, UNIQUE INDEX t_a_key (a ASC))";
  expect_same("CREATE TABLE t (a INT UNIQUE)", shown);
  expect_same("CREATE TABLE t (a INT, UNIQUE (a))", shown);
  expect_same("CREATE TABLE t (a INT); ALTER TABLE t ADD CONSTRAINT t_a_key UNIQUE (a)", shown);
  EXPECT_TRUE(only_table(normalized(shown)).uniques.empty());
  EXPECT_TRUE(only_table(normalized("CREATE TABLE t (a INT UNIQUE)")).uniques.empty());
}

TEST(CrdbNormalize, Item19AscendingIsTheDefaultOrderAndStoringIsInclude) {
  expect_same("CREATE TABLE t (a INT, b INT, INDEX i (a) INCLUDE (b))",
              "CREATE TABLE t (a INT8 NULL, b INT8 NULL, INDEX i (a ASC) STORING (b))");
  expect_different("CREATE TABLE t (a INT, INDEX i (a))", "CREATE TABLE t (a INT, INDEX i (a DESC))");
}

TEST(CrdbNormalize, Item22InvertedIsGin) {
  const char* shown = "CREATE TABLE t (j JSONB, INVERTED INDEX i (j))";
  expect_same("CREATE TABLE t (j JSONB); CREATE INDEX i ON t USING GIN (j)", shown);
  expect_same("CREATE TABLE t (j JSONB); CREATE INVERTED INDEX i ON t (j jsonb_ops)", shown);
  Schema prefix = parse("CREATE TABLE t (a INT, INDEX i (a))");
  prefix.tables[0].indexes[0].method = "prefix";  // pg_am's name for it
  normalize_cockroach(prefix);
  EXPECT_TRUE(prefix == normalized("CREATE TABLE t (a INT, INDEX i (a))"));
}

TEST(CrdbNormalize, Item25NullsFirstAscendingIsTheDefault) {
  expect_same("CREATE TABLE t (a INT, b INT, INDEX i (a ASC NULLS FIRST, b DESC NULLS LAST))",
              "CREATE TABLE t (a INT, b INT, INDEX i (a ASC, b DESC))");
  expect_different("CREATE TABLE t (a INT, INDEX i (a ASC NULLS LAST))", "CREATE TABLE t (a INT, INDEX i (a ASC))");
}

TEST(CrdbNormalize, Item32RegionEnumIsTheDatabasesRegionList) {
  const Schema schema =
      normalized("CREATE TYPE crdb_internal_region AS ENUM ('us-east-1'); CREATE TYPE mood AS ENUM ('ok')");
  ASSERT_EQ(schema.enums.size(), 1u);
  EXPECT_EQ(schema.enums[0].name.name, "mood");
}

TEST(CrdbNormalize, Item37TableLocalityInPrimaryRegionIsTheDefault) {
  const char* none = "CREATE TABLE t (a INT)";
  expect_same(none, "CREATE TABLE t (a INT) LOCALITY REGIONAL BY TABLE IN PRIMARY REGION");
  expect_same(none, "CREATE TABLE t (a INT) LOCALITY REGIONAL BY TABLE");
  expect_same("CREATE TABLE t (a INT) LOCALITY REGIONAL BY ROW AS crdb_region",
              "CREATE TABLE t (a INT) LOCALITY REGIONAL BY ROW");
  expect_different(none, "CREATE TABLE t (a INT) LOCALITY REGIONAL BY TABLE IN \"us-east-1\"");
  expect_different(none, "CREATE TABLE t (a INT) LOCALITY GLOBAL");
  EXPECT_FALSE(only_table(normalized("CREATE TABLE t (a INT) LOCALITY REGIONAL BY TABLE")).locality.has_value());
}

TEST(CrdbNormalize, Item39MultiRegionDatabaseSurvivesZoneFailureByDefault) {
  const Schema schema = normalized("CREATE DATABASE d PRIMARY REGION \"us-east-1\"; USE d");
  EXPECT_EQ(schema.database.primary_region, "us-east-1");
  EXPECT_EQ(schema.database.survival_goal, SurvivalGoal::Zone);
  EXPECT_FALSE(normalized("CREATE DATABASE d; USE d").database.survival_goal.has_value());
}

TEST(CrdbNormalize, DefaultOperatorClassIsNoOperatorClass) {  // entry ei_expression_inverted_vector
  expect_same("CREATE TABLE t (a INT, v VECTOR, VECTOR INDEX i (a DESC, (v::VECTOR(3))))",
              "CREATE TABLE t (a INT8 NULL, v VECTOR NULL, VECTOR INDEX i (a DESC, (v::VECTOR(3)) vector_l2_ops))");
}

TEST(CrdbNormalize, ForeignKeyActionsDefaultToNoAction) {
  const char* parent = "CREATE TABLE p (a INT PRIMARY KEY);";
  expect_same(std::string(parent) + "CREATE TABLE c (a INT REFERENCES p)",
              std::string(parent) +
                  "CREATE TABLE c (a INT, CONSTRAINT c_a_fkey FOREIGN KEY (a) REFERENCES p(a)"
                  " ON DELETE NO ACTION ON UPDATE NO ACTION)");
  expect_different(std::string(parent) + "CREATE TABLE c (a INT REFERENCES p)",
                   std::string(parent) + "CREATE TABLE c (a INT REFERENCES p ON DELETE CASCADE)");
}

TEST(CrdbNormalize, IsIdempotentOnEveryCorpusModel) {
  for (const auto& entry : corpus()["entries"]) {
    SCOPED_TRACE(entry["id"].get<std::string>());
    Schema schema;
    ParseOptions options;
    options.database = "defaultdb";
    apply_ddl(substitute(entry["create_statement"]), schema, options);
    normalize_cockroach(schema);
    Schema again = schema;
    normalize_cockroach(again);
    EXPECT_TRUE(again == schema) << describe(schema) << "\nthen\n" << describe(again);
  }
}

// ---- the parser

TEST(CrdbDdlParser, UnquotedNamesAreLowerCasedQuotedOnesKept) {
  const Schema schema = parse("CREATE TABLE Public.Foo (\"Bar\" INT, Baz INT, \"x'\" INT)");
  const Table& t = only_table(schema);
  EXPECT_EQ(t.name, (QualifiedName{"public", "foo"}));
  EXPECT_EQ(t.columns[0].name, "Bar");
  EXPECT_EQ(t.columns[1].name, "baz");
  EXPECT_EQ(t.columns[2].name, "x'");
}

TEST(CrdbDdlParser, QualifiedNamesResolveLikeCockroachDB) {
  std::vector<ParseNote> notes;
  const Schema schema = parse(
      "CREATE TABLE db.public.a (x INT); CREATE TABLE db.b (x INT); CREATE SCHEMA sc; CREATE TABLE sc.c (x INT);"
      "CREATE TABLE d (x INT REFERENCES other.public.t (x))",
      NamingEra::V22, &notes);
  EXPECT_NE(schema.find_table({"public", "a"}), nullptr);
  EXPECT_NE(schema.find_table({"public", "b"}), nullptr);
  EXPECT_NE(schema.find_table({"sc", "c"}), nullptr);
  EXPECT_EQ(schema.schemas, std::vector<std::string>{"sc"});
  EXPECT_EQ(schema.find_table({"public", "d"})->foreign_keys[0].ref_table, (QualifiedName{"public", "t"}));
  EXPECT_EQ(kinds(notes), std::vector<NoteKind>{NoteKind::CrossDatabase});
}

TEST(CrdbDdlParser, UnnamedObjectsGetTheirEraNames) {
  const char* sql =
      "CREATE TABLE p (id INT PRIMARY KEY);"
      "CREATE TABLE t (a INT PRIMARY KEY, b INT REFERENCES p, c INT CHECK (c > b), INDEX (b), INDEX (b),"
      " UNIQUE INDEX (c), INDEX ((a + b), lower(c::STRING)), UNIQUE (b, c))";
  const Schema v22_schema = parse(sql);
  const Table& v22 = *v22_schema.find_table({"public", "t"});
  EXPECT_EQ(v22.primary_key->name, "t_pkey");
  EXPECT_EQ(v22.foreign_keys[0].name, "t_b_fkey");
  EXPECT_EQ(v22.foreign_keys[0].ref_columns, std::vector<std::string>{"id"});
  EXPECT_EQ(v22.checks[0].name, "check_c_b");
  ASSERT_EQ(v22.indexes.size(), 4u);
  EXPECT_EQ(v22.indexes[0].name, "t_b_idx");
  EXPECT_EQ(v22.indexes[1].name, "t_b_idx1");
  EXPECT_EQ(v22.indexes[2].name, "t_c_key");
  EXPECT_EQ(v22.indexes[3].name, "t_expr_expr1_idx");
  EXPECT_EQ(v22.uniques[0].name, "t_b_c_key");
  const Schema v21_schema = parse(sql, NamingEra::V21);
  const Table& v21 = *v21_schema.find_table({"public", "t"});
  EXPECT_EQ(v21.primary_key->name, "primary");
  EXPECT_EQ(v21.foreign_keys[0].name, "fk_b_ref_p");
}

TEST(CrdbDdlParser, ExpressionsAreCutExactlyAtTheirEnd) {
  const Schema schema = parse(
      "CREATE TABLE t (a STRING DEFAULT 'x, y)' || \"q)\"(1, (2)) NOT NULL,"
      " b INT DEFAULT CASE WHEN 1 IS NOT NULL THEN 2 END NULL, c INT8 DEFAULT -1:::INT8,"
      " d INT AS ((a::INT + 1)) STORED, CHECK (b IN (1, 2)), INDEX (b) WHERE t.b > 0 AND db.public.t.c < 3)");
  const Table& t = only_table(schema);
  EXPECT_EQ(*t.columns[0].default_expr, "'x, y)' || \"q)\"(1, (2))");
  EXPECT_FALSE(t.columns[0].nullable);
  EXPECT_EQ(*t.columns[1].default_expr, "CASE WHEN 1 IS NOT NULL THEN 2 END");
  EXPECT_TRUE(t.columns[1].nullable);
  EXPECT_EQ(*t.columns[2].default_expr, "-1:::INT8");
  EXPECT_EQ(t.columns[3].generated->expression, "(a::INT8 + 1)");  // INT is INT8
  EXPECT_EQ(t.checks[0].expression, "b IN (1, 2)");
  EXPECT_EQ(*t.indexes[0].where, "b > 0 AND c < 3");  // de-qualified, as CockroachDB stores it
}

TEST(CrdbDdlParser, ColumnQualifiers) {
  std::vector<ParseNote> notes;
  const Schema schema = parse(
      "CREATE TABLE t (id SERIAL PRIMARY KEY, h INT NOT VISIBLE, v INT AS (id + 1) VIRTUAL,"
      " s STRING COLLATE en NOT NULL, u TIMESTAMPTZ DEFAULT now() ON UPDATE now() FAMILY f1,"
      " x TIMESTAMP(3) WITH TIME ZONE, y DOUBLE PRECISION ARRAY, z CHARACTER VARYING(5)[],"
      " w INT GENERATED BY DEFAULT AS IDENTITY (START 10), CONSTRAINT named_check CHECK (w > 0))",
      NamingEra::V22, &notes);
  const Table& t = only_table(schema);
  EXPECT_EQ(t.columns[0].type, "bigint");
  EXPECT_EQ(*t.columns[0].default_expr, "unique_rowid()");
  EXPECT_FALSE(t.columns[0].nullable);
  EXPECT_TRUE(t.columns[1].hidden);
  EXPECT_EQ(t.columns[2].generated->kind, GeneratedKind::Virtual);
  EXPECT_EQ(*t.columns[3].collation, "en");
  EXPECT_EQ(t.columns[5].type, "timestamptz(3)");
  EXPECT_EQ(t.columns[6].type, "double precision[]");
  EXPECT_EQ(t.columns[7].type, "varchar(5)[]");
  EXPECT_EQ(t.columns[8].identity, IdentityKind::ByDefault);
  EXPECT_EQ(t.checks[0].name, "named_check");
  EXPECT_EQ(kinds(notes), (std::vector<NoteKind>{NoteKind::OnUpdate, NoteKind::ColumnFamily}));
}

TEST(CrdbDdlParser, IndexClauses) {
  const Schema schema = parse(
      "CREATE TABLE t (a INT, b INT, j JSONB, INDEX i1 (a) USING HASH, INDEX i2 (a DESC) STORING (b) WHERE t.b > 1);"
      "CREATE UNIQUE INDEX IF NOT EXISTS i3 ON t (b) USING HASH WITH BUCKET_COUNT = 4;"
      "CREATE UNIQUE INDEX IF NOT EXISTS i3 ON t (a);"
      "CREATE INVERTED INDEX ON t (j)");
  const Table& t = only_table(schema);
  ASSERT_EQ(t.indexes.size(), 4u);
  EXPECT_EQ(t.indexes[0].shard_buckets, 16);
  EXPECT_EQ(t.indexes[1].include, std::vector<std::string>{"b"});
  EXPECT_EQ(t.indexes[1].keys[0].order, SortOrder::Desc);
  EXPECT_EQ(*t.indexes[1].where, "b > 1");
  EXPECT_EQ(t.indexes[2].shard_buckets, 4);
  EXPECT_EQ(t.indexes[2].keys[0].column, "b");
  EXPECT_EQ(t.indexes[3].name, "t_j_idx");
  EXPECT_EQ(t.indexes[3].method, "gin");
}

TEST(CrdbDdlParser, AlterTableFollowsDependencies) {
  const Schema schema = parse(
      "CREATE TABLE p (id INT PRIMARY KEY, k INT UNIQUE);"
      "CREATE TABLE t (a INT PRIMARY KEY, b INT, c INT, INDEX (b) WHERE c > 0, CHECK (c < 9), INDEX (b));"
      "ALTER TABLE t ADD COLUMN d INT REFERENCES p, ADD CONSTRAINT fk_k FOREIGN KEY (c) REFERENCES p (k);"
      "ALTER TABLE t DROP COLUMN c;"
      "ALTER TABLE t RENAME COLUMN b TO bb;"
      "ALTER TABLE t ALTER PRIMARY KEY USING COLUMNS (bb);"
      "ALTER TABLE t SET LOCALITY GLOBAL;"
      "ALTER TABLE p RENAME TO parent");
  const Table& t = *schema.find_table({"public", "t"});
  EXPECT_EQ(t.find_column("c"), nullptr);
  EXPECT_TRUE(t.checks.empty());
  ASSERT_EQ(t.foreign_keys.size(), 1u);  // fk_k went with column c
  EXPECT_EQ(t.foreign_keys[0].name, "t_d_fkey");
  EXPECT_EQ(t.foreign_keys[0].ref_table, (QualifiedName{"public", "parent"}));
  EXPECT_EQ(t.primary_key->columns, std::vector<std::string>{"bb"});
  EXPECT_FALSE(t.find_column("bb")->nullable);
  ASSERT_EQ(t.indexes.size(), 2u);  // t_b_idx1 on bb, and the old key kept unique
  EXPECT_EQ(t.indexes[0].name, "t_b_idx1");
  EXPECT_EQ(t.indexes[0].keys[0].column, "bb");
  EXPECT_EQ(t.indexes[1].name, "t_a_key");
  EXPECT_EQ(t.locality->kind, LocalityKind::Global);
}

TEST(CrdbDdlParser, SequencesEnumsAndDatabases) {
  const Schema schema = parse(
      "CREATE DATABASE m PRIMARY REGION \"us-east-1\" REGIONS \"eu-west-1\" SURVIVE REGION FAILURE; USE m;"
      "ALTER DATABASE m ADD REGION \"ap-southeast-2\";"
      "CREATE SEQUENCE s AS INT2 INCREMENT -2 CACHE 10; CREATE TYPE e AS ENUM ('a', 'c');"
      "ALTER TYPE e ADD VALUE 'b' BEFORE 'c'; ALTER TYPE e ADD VALUE IF NOT EXISTS 'a'");
  EXPECT_EQ(schema.database.name, "m");
  EXPECT_EQ(schema.database.regions, (std::vector<std::string>{"ap-southeast-2", "eu-west-1", "us-east-1"}));
  EXPECT_EQ(schema.database.survival_goal, SurvivalGoal::Region);
  const Sequence& s = schema.sequences.at(0);
  EXPECT_EQ(s.increment, -2);
  EXPECT_EQ(s.min_value, -32768);
  EXPECT_EQ(s.max_value, -1);
  EXPECT_EQ(s.start, -1);
  EXPECT_EQ(s.cache, 10);
  EXPECT_EQ(schema.enums.at(0).values, (std::vector<std::string>{"a", "b", "c"}));
}

TEST(CrdbDdlParser, StatementsOutsideTheModelAreSkippedAndNoted) {
  std::vector<ParseNote> notes;
  const Schema schema = parse(
      "BEGIN; INSERT INTO x VALUES (';'); COMMENT ON TABLE t IS e'it\\'s; fine'; SET sql_safe_updates = false;"
      "GRANT ALL ON TABLE t TO u; CREATE VIEW v AS SELECT 1; COMMIT; -- trailing; comment\n /* block; */",
      NamingEra::V22, &notes);
  EXPECT_TRUE(schema.tables.empty());
  EXPECT_EQ(notes.size(), 7u);
  EXPECT_EQ(notes[2].kind, NoteKind::Comment);
}

TEST(CrdbDdlParser, BulkIntrospectionTakesTablesInAnyOrder) {
  Schema schema;
  apply_create_statements({"CREATE TABLE public.c (i INT8 NULL, CONSTRAINT c_pkey PRIMARY KEY (i ASC))",
                           "CREATE TABLE public.p (i INT8 NOT NULL, CONSTRAINT p_pkey PRIMARY KEY (i ASC))",
                           "ALTER TABLE public.c ADD CONSTRAINT c_i_fkey FOREIGN KEY (i) REFERENCES public.p(i);"
                           "ALTER TABLE public.c VALIDATE CONSTRAINT c_i_fkey"},
                          schema, ParseOptions{});
  EXPECT_EQ(schema.find_table({"public", "c"})->foreign_keys.at(0).ref_table, (QualifiedName{"public", "p"}));
}

TEST(CrdbDdlParser, ErrorsNameLineColumnAndWhatWasExpected) {
  auto message = [](std::string_view sql) {
    try {
      parse(sql);
    } catch (const UsageError& error) {
      return std::string(error.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(
      message("CREATE TABLE t (a INT,\n  )"),
      "CockroachDB DDL, line 2 column 3: expected a column name, found ')' in statement: CREATE TABLE t (a INT, )");
  EXPECT_NE(message("ALTER TABLE nowhere ADD COLUMN a INT").find("table public.nowhere does not exist"),
            std::string::npos);
  EXPECT_NE(message("CREATE TABLE t (a INT); CREATE TABLE t (b INT)").find("already exists"), std::string::npos);
  EXPECT_NE(message("FROB t").find("expected a statement"), std::string::npos);
}

TEST(CrdbDdlParser, EveryAcceptedLocalityRecordApplies) {
  // locality_ddl.txt: CREATE DATABASE / CREATE TABLE statements CockroachDB accepted.
  std::istringstream in(read(corpus_dir() / "locality_ddl.txt"));
  std::string line, status, sql;
  int applied = 0;
  auto flush = [&] {
    const bool create = sql.starts_with("CREATE TABLE") || sql.starts_with("CREATE DATABASE");
    if (status == "ok" && create) {
      SCOPED_TRACE(sql);
      Schema schema;
      ParseOptions options;
      EXPECT_NO_THROW(
          apply_ddl("CREATE DATABASE strata_prelude PRIMARY REGION \"ca-central-1\"; USE strata_prelude;" + sql, schema,
                    options));
      ++applied;
    }
    sql.clear();
    status.clear();
  };
  bool in_sql = false;
  while (std::getline(in, line)) {
    if (line == "%%") {
      flush();
      in_sql = false;
    } else if (in_sql) {
      sql += line + "\n";
    } else if (line.starts_with("status: ")) {
      status = line.substr(8);
    } else if (line == "sql:") {
      in_sql = true;
    }
  }
  flush();
  EXPECT_GE(applied, 20);
  std::cout << "[ locality ] " << applied << " accepted CREATE statements applied\n";
}

// ---- hostile input: a clean UsageError or a schema, never a crash or a hang

void expect_clean(std::string_view sql) {
  try {
    Schema schema;
    ParseOptions options;
    apply_ddl(sql, schema, options);
    normalize_cockroach(schema);
  } catch (const Error&) {
  }
}

TEST(CrdbDdlHostile, UnterminatedQuotesAndCommentsAreReported) {
  for (const char* sql : {"CREATE TABLE t (a STRING DEFAULT 'abc", "CREATE TABLE \"t (a INT)", "CREATE /* TABLE",
                          "CREATE TABLE t (a STRING DEFAULT $x$abc)", "COMMENT ON TABLE t IS e'abc\\'"}) {
    SCOPED_TRACE(sql);
    try {
      parse(sql);
      ADD_FAILURE() << "no error";
    } catch (const UsageError& error) {
      EXPECT_NE(std::string(error.what()).find("is not terminated"), std::string::npos) << error.what();
    }
  }
}

TEST(CrdbDdlHostile, DeepNestingIsReadWithoutRecursion) {
  const std::string deep = std::string(200000, '(') + "1" + std::string(200000, ')');
  const Schema schema = normalized("CREATE TABLE t (a INT DEFAULT " + deep + ", b INT CHECK (" + deep + " > 0))");
  EXPECT_EQ(only_table(schema).columns.size(), 2u);
  EXPECT_THROW(parse("CREATE TABLE t (a INT DEFAULT " + std::string(100000, '(') + "1)"), UsageError);
  EXPECT_THROW(parse("CREATE TABLE t (a INT, INDEX (" + std::string(100000, '(')), UsageError);
}

TEST(CrdbDdlHostile, RandomBytesAndMutatedCorpusNeverCrash) {
  std::mt19937 random(20240601);
  const std::vector<std::string> words = {
      "CREATE",  "TABLE", "INDEX",      "ALTER", "DROP", "(",           ")",          ",", ";",  "'",
      "\"",      "$$",    "--",         "/*",    "*/",   "PRIMARY KEY", "REFERENCES", "t", "a",  "INT",
      "DEFAULT", "CHECK", "USING HASH", "WITH",  "=",    "LOCALITY",    "@",          ".", "::", "CASE",
      "END",     "[",     "]",          "NOT",   "NULL", "e'",          "\\",         "1", "-",  "UNIQUE"};
  for (int i = 0; i < 3000; ++i) {
    std::string sql;
    const int length = static_cast<int>(random() % 40);
    for (int j = 0; j < length; ++j) {
      if (random() % 4 == 0) {
        sql += static_cast<char>(random() % 256);
      } else {
        sql += words[random() % words.size()] + " ";
      }
    }
    expect_clean(sql);
  }
  for (const auto& entry : corpus()["entries"]) {
    const std::string text = substitute(entry["create_statement"]);
    for (int i = 0; i < 40 && !text.empty(); ++i) {
      std::string mutated = text;
      const std::size_t at = random() % mutated.size();
      switch (random() % 3) {
        case 0:
          mutated.erase(at, random() % 20);
          break;
        case 1:
          mutated.insert(at, words[random() % words.size()]);
          break;
        default:
          mutated.resize(at);
          break;
      }
      expect_clean(mutated);
    }
  }
}

}  // namespace
}  // namespace strata::cockroachdb
