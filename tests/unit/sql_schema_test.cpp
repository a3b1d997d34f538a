// Declared schemas written in SQL: PostgreSQL's read with libpg_query, CockroachDB's with strata's
// DDL parser, mixed with YAML and split across files in any order. Each builds the schema its YAML
// twin builds; what cannot be read is an error at file:line:column; what strata does not manage is
// a note, once.
#include <algorithm>
#include <filesystem>
#include <functional>

#include <gtest/gtest.h>

#include "strata/declared_schema.hpp"
#include "strata/dialect_factory.hpp"
#include "strata/errors.hpp"
#include "strata/load.hpp"
#include "strata/plan.hpp"
#include "support/case_files.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;
using Files = std::vector<std::pair<std::string, std::string>>;

const fs::path kSource = STRATA_SOURCE_DIR;

Schema normalized(Schema schema, const std::string& dialect = "postgres") {
  make_dialect(dialect, "shop")->normalize(schema);
  return schema;
}

LoadedSchema load_sql(const Files& files, const std::string& dialect = "postgres") {
  SchemaLoadOptions options;
  options.sql_dialect = dialect;
  return load_declared_texts(files, options);
}

// The errors of a load that must fail, one "file:line:column: message" per line.
std::string errors_of(const Files& files, const std::string& dialect = "postgres") {
  try {
    load_sql(files, dialect);
  } catch (const LoadError& error) {
    std::string out;
    for (const auto& d : error.diagnostics()) out += to_string(d.position) + ": " + d.message + "\n";
    return out;
  }
  return "(loaded)";
}

std::string notes_of(const LoadedSchema& loaded) {
  std::string out;
  for (const auto& n : loaded.notes) out += to_string(n.position) + ": " + n.message + "\n";
  return out;
}

TEST(SqlSchema, EverythingInPostgresSqlIsTheSchemaOfEverythingYaml) {
  SchemaLoadOptions options;
  options.sql_dialect = "postgres";
  const LoadedSchema sql = load_declared_schema({(kSource / "tests/schemas/everything.sql").string()}, options);
  const Schema yaml = load_schema({(kSource / "tests/schemas/everything.yaml").string()});
  EXPECT_EQ(normalized(sql.schema), normalized(yaml)) << describe(normalized(sql.schema));
  EXPECT_EQ(notes_of(sql), "");
  // And the plan between them is empty both ways.
  const auto pg = make_dialect("postgres");
  EXPECT_TRUE(plan_changes(sql.schema, yaml, *pg).empty());
  EXPECT_TRUE(plan_changes(yaml, sql.schema, *pg).empty());
}

TEST(SqlSchema, CockroachSqlAsTheEmitterWritesItIsTheSchemaOfItsYaml) {
  const Schema yaml = load_schema({(kSource / "tests/schemas/cockroachdb.yaml").string()});
  const auto crdb = make_dialect("cockroachdb", "shop", "24.3");
  const std::string sql = schema_to_sql(yaml, *crdb);
  ASSERT_TRUE(sql.starts_with("-- strata:dialect cockroachdb\n"));
  LoadedSchema read = load_declared_texts({{"crdb.sql", sql}});  // the directive names the dialect
  EXPECT_EQ(read.schema.database.name, "shop");                  // from ALTER DATABASE shop …; informational
  read.schema.database.name.clear();
  EXPECT_EQ(normalized(read.schema, "cockroachdb"), normalized(yaml, "cockroachdb"));
  EXPECT_TRUE(plan_changes(read.schema, yaml, *crdb).empty());
}

TEST(SqlSchema, ObjectsSplitAcrossFilesInAnyOrder) {
  // a.sql comes first but adds to tables b.sql creates.
  const Files files = {
      {"a.sql",
       "CREATE INDEX ON orders (placed);\n"
       "ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users;\n"
       "ALTER TABLE users ADD COLUMN email text NOT NULL;\n"},
      {"b.sql",
       "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, placed timestamptz NOT NULL);\n"
       "CREATE TABLE users (id bigint PRIMARY KEY);\n"},
  };
  const Schema yaml = load_schema_text(R"Y(
tables:
  orders:
    columns: { id: bigint, user_id: bigint, placed: timestamptz }
    primary_key: [id]
    indexes: [{ columns: [placed] }]
    foreign_keys: [{ name: orders_user_fk, columns: [user_id], references: users }]
  users:
    columns: { id: bigint, email: text }
    primary_key: [id]
)Y");
  EXPECT_EQ(normalized(load_sql(files).schema), normalized(yaml));
}

TEST(SqlSchema, YamlAndSqlMix) {
  const Files files = {
      {"enums.yaml",
       "enums:\n  mood: [happy, sad]\ntables:\n  users:\n    columns: { id: bigint }\n    primary_key: [id]\n"},
      {"orders.sql",
       "CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users, feeling mood DEFAULT 'happy');\n"
       "CREATE INDEX ON users (id DESC);\n"},
  };
  const Schema yaml = load_schema_text(R"Y(
enums:
  mood: [happy, sad]
tables:
  users:
    columns: { id: bigint }
    primary_key: [id]
    indexes: [{ columns: [{ column: id, order: desc }] }]
  orders:
    columns:
      id: bigint
      user_id: { type: bigint, nullable: true }
      feeling: { type: mood, nullable: true, default: "'happy'" }
    primary_key: [id]
    foreign_keys: [{ columns: [user_id], references: users }]
)Y");
  EXPECT_EQ(normalized(load_sql(files).schema), normalized(yaml));
}

TEST(SqlSchema, NamesAsPostgresChoosesThem) {
  const Schema schema = load_sql({{"t.sql",
                                   "CREATE TABLE t (a int UNIQUE, b int CHECK (b > 0), c int, CHECK (c > b), "
                                   "CHECK (c > 1), d int REFERENCES t (a), PRIMARY KEY (c));\n"
                                   "CREATE INDEX ON t (lower(b::text), a);\n"
                                   "CREATE INDEX ON t ((a + b));\n"}})
                            .schema;
  const Table& t = *schema.find_table({"public", "t"});
  EXPECT_EQ(t.primary_key->name, "t_pkey");
  ASSERT_EQ(t.uniques.size(), 1u);
  EXPECT_EQ(t.uniques[0].name, "t_a_key");
  std::vector<std::string> checks;
  for (const auto& c : t.checks) checks.push_back(c.name + ": " + c.expression);
  EXPECT_EQ(checks, (std::vector<std::string>{"t_b_check: b > 0", "t_c_check: c > 1", "t_check: c > b"}));
  EXPECT_EQ(t.foreign_keys[0].name, "t_d_fkey");
  std::vector<std::string> indexes;
  for (const auto& i : t.indexes)
    indexes.push_back(i.name + ": " + (i.keys[0].column.empty() ? i.keys[0].expression : i.keys[0].column));
  EXPECT_EQ(indexes, (std::vector<std::string>{"t_expr_idx: a + b", "t_lower_a_idx: lower(b::text)"}));
  EXPECT_FALSE(t.find_column("c")->nullable);  // a primary key column
  EXPECT_TRUE(t.find_column("a")->nullable);
}

TEST(SqlSchema, SerialIsAnIntegerDrawingFromItsOwnSequence) {
  const Schema sql = load_sql({{"t.sql", "CREATE TABLE t (id serial PRIMARY KEY, big bigserial);"}}).schema;
  const Schema yaml = load_schema_text(R"Y(
sequences:
  t_id_seq: { type: integer, max: 2147483647 }
  t_big_seq: { type: bigint }
tables:
  t:
    columns:
      id: { type: integer, default: "nextval('t_id_seq'::regclass)" }
      big: { type: bigint, default: "nextval('t_big_seq'::regclass)" }
    primary_key: [id]
)Y");
  EXPECT_EQ(normalized(sql), normalized(yaml));
}

TEST(SqlSchema, AlterRenameAndDropAreFollowed) {
  const Schema sql = load_sql({{"t.sql",
                                "CREATE TABLE t (id bigint PRIMARY KEY, a text, b int, gone int);\n"
                                "CREATE INDEX t_a_idx ON t (a) WHERE b > 0;\n"
                                "CREATE INDEX t_gone_idx ON t (gone);\n"
                                "ALTER TABLE t RENAME COLUMN b TO c;\n"
                                "ALTER TABLE t DROP COLUMN gone, ALTER COLUMN a SET NOT NULL, ALTER COLUMN a SET "
                                "DEFAULT 'x';\n"
                                "ALTER TABLE t ALTER COLUMN c TYPE bigint;\n"
                                "ALTER TABLE t RENAME TO u;\n"
                                "CREATE TYPE e AS ENUM ('a', 'c');\n"
                                "ALTER TYPE e ADD VALUE 'b' BEFORE 'c';\n"
                                "ALTER TYPE e ADD VALUE IF NOT EXISTS 'a';\n"
                                "CREATE TABLE dropped (id int);\n"
                                "DROP TABLE dropped;\n"
                                "DROP TABLE IF EXISTS never_created;\n"}})
                         .schema;
  const Schema yaml = load_schema_text(R"Y(
enums:
  e: [a, b, c]
tables:
  u:
    columns:
      id: bigint
      a: { type: text, default: "'x'" }
      c: { type: bigint, nullable: true }
    primary_key: { name: t_pkey, columns: [id] }
    indexes: [{ name: t_a_idx, columns: [a], where: c > 0 }]
)Y");
  EXPECT_EQ(normalized(sql), normalized(yaml));
}

TEST(SqlSchema, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(errors_of({{"s.sql", "CREATE TABLE t (id int);\n  CREATE TABLEE u (id int);\n"}}),
            "s.sql:2:10: expected SQL that PostgreSQL accepts: syntax error at or near \"TABLEE\"\n");
  // Columns count characters: "é" is one.
  EXPECT_EQ(errors_of({{"s.sql", "CREATE TABLE \"é\" (id int,, b int);\n"}}),
            "s.sql:1:26: expected SQL that PostgreSQL accepts: syntax error at or near \",\"\n");
  EXPECT_EQ(errors_of({{"s.sql", "-- t\nALTER TABLE nowhere ADD COLUMN b int;\n"}}),
            "s.sql:2:1: unknown table 'nowhere' in ALTER TABLE: no statement of the schema files creates it\n");
  EXPECT_EQ(errors_of({{"s.sql", "CREATE TABLE t (a int,\n  b interval year to month);\n"}}),
            "s.sql:2:5: expected a type strata can hold for column 'b', found an interval restricted to fields (YEAR "
            "TO MONTH and the like), which strata does not model\n");
  EXPECT_EQ(errors_of({{"s.sql", "CREATE TABLE t (a int PRIMARY KEY, b int PRIMARY KEY);\n"}}),
            "s.sql:1:42: expected one primary key for table t: it has one already (at s.sql:1:23)\n");
  // Every bad statement is reported, and the good ones are still read (the unknown column of the
  // index is found by the same load).
  EXPECT_EQ(
      errors_of({{"s.sql", "CREATE TABLE t (a int);\nCREATE INDEXX ON t (a);\nCREATE INDEX ON t (b);\nSELEC 1;\n"}}),
      "s.sql:2:8: expected SQL that PostgreSQL accepts: syntax error at or near \"INDEXX\"\n"
      "s.sql:3:1: unknown column 'b' in an index of table 't'\n"
      "s.sql:4:1: expected SQL that PostgreSQL accepts: syntax error at or near \"SELEC\"\n");
  EXPECT_EQ(errors_of({{"c.sql", "CREATE TABLE t (id INT8 PRIMARY KEY);\nALTER TABLE nowhere ADD COLUMN b INT8;\n"}},
                      "cockroachdb"),
            "c.sql:2:1: table public.nowhere does not exist in statement: ALTER TABLE nowhere ADD COLUMN b INT8\n");
}

// A CockroachDB SQL file is read a statement at a time: each table's families are kept by ID from
// its CREATE to the ALTERs after it (a column added with no clause goes to family 0, IDs are not
// reused), as CockroachDB's descriptor keeps them. MATCH FULL is kept on both servers, MATCH
// PARTIAL refused.
TEST(SqlSchema, ColumnFamiliesAndMatchFullAcrossStatements) {
  const Schema crdb =
      load_sql({{"c.sql",
                 "CREATE TABLE t (a INT8 PRIMARY KEY, b INT8);\n"
                 "ALTER TABLE t ADD c INT8 CREATE FAMILY f;\n"
                 "ALTER TABLE t ADD d INT8;\n"
                 "ALTER TABLE t ADD g INT8 CREATE FAMILY;\n"
                 "CREATE TABLE u (a INT8 PRIMARY KEY, b INT8, FAMILY fb (b), FAMILY fa (a));\n"
                 "ALTER TABLE u DROP COLUMN b;\n"
                 "ALTER TABLE u ADD c INT8;\n"
                 "ALTER TABLE u ADD e INT8 FAMILY fb;\n"
                 "CREATE TABLE v (x INT8, y INT8, UNIQUE (x, y));\n"
                 "CREATE TABLE w (x INT8, y INT8, FOREIGN KEY (x, y) REFERENCES v (x, y) MATCH FULL);\n"}},
               "cockroachdb")
          .schema;
  const auto family = [&](const std::string& table, const std::string& column) {
    const Table* t = crdb.find_table({"public", table});
    const Column* c = t == nullptr ? nullptr : t->find_column(column);
    return c == nullptr ? std::string("(none)") : c->family;
  };
  EXPECT_EQ(family("t", "d"), "primary");
  EXPECT_EQ(family("t", "c"), "f");
  EXPECT_EQ(family("t", "g"), "fam_2_g");
  EXPECT_EQ(family("u", "c"), "fb");  // family 0, kept though its last column went
  EXPECT_EQ(family("u", "e"), "fb");
  ASSERT_NE(crdb.find_table({"public", "w"}), nullptr);
  ASSERT_EQ(crdb.find_table({"public", "w"})->foreign_keys.size(), 1u);
  EXPECT_TRUE(crdb.find_table({"public", "w"})->foreign_keys[0].match_full);
  const Schema pg = load_sql({{"p.sql",
                               "CREATE TABLE v (x int, y int, UNIQUE (x, y));\n"
                               "CREATE TABLE w (x int, y int, FOREIGN KEY (x, y) REFERENCES v (x, y) MATCH FULL);\n"}})
                        .schema;
  ASSERT_EQ(pg.find_table({"public", "w"})->foreign_keys.size(), 1u);
  EXPECT_TRUE(pg.find_table({"public", "w"})->foreign_keys[0].match_full);
  EXPECT_NE(errors_of({{"p.sql",
                        "CREATE TABLE v (x int PRIMARY KEY);\n"
                        "CREATE TABLE w (x int REFERENCES v MATCH PARTIAL);\n"}})
                .find("MATCH PARTIAL not yet implemented"),
            std::string::npos);
  EXPECT_NE(errors_of({{"c.sql",
                        "CREATE TABLE v (x INT8 PRIMARY KEY);\n"
                        "CREATE TABLE w (x INT8 REFERENCES v MATCH PARTIAL);\n"}},
                      "cockroachdb")
                .find("MATCH PARTIAL is not implemented"),
            std::string::npos);
}

// A view's query is what follows AS, on one line, without what PostgreSQL keeps elsewhere (WITH
// [NO] DATA, a check option, which is noted); OR REPLACE keeps the view's comment.
TEST(SqlSchema, ViewsAreTheirQueries) {
  const LoadedSchema loaded =
      load_sql({{"v.sql",
                 "CREATE TABLE t (id int, n int);\n"
                 "CREATE VIEW v AS SELECT id\n  FROM t WHERE n > 0\n  WITH CHECK OPTION;\n"
                 "COMMENT ON VIEW v IS 'positive';\n"
                 "CREATE OR REPLACE VIEW v AS SELECT id, n FROM t;\n"
                 "CREATE MATERIALIZED VIEW m AS SELECT count(*) AS c FROM t\nWITH NO DATA;\n"}});
  ASSERT_EQ(loaded.schema.views.size(), 2u);
  EXPECT_EQ(loaded.schema.views[0].name.name, "m");
  EXPECT_TRUE(loaded.schema.views[0].materialized);
  EXPECT_EQ(loaded.schema.views[0].query, "SELECT count(*) AS c FROM t");
  EXPECT_EQ(loaded.schema.views[1].query, "SELECT id, n FROM t");
  ASSERT_EQ(loaded.schema.comments.size(), 1u);
  EXPECT_EQ(loaded.schema.comments[0].on, CommentOn::View);
  EXPECT_EQ(loaded.schema.comments[0].text, "positive");
  EXPECT_EQ(notes_of(loaded), "v.sql:2:1: view v: WITH CHECK OPTION is left out\n");
}

// CREATE INDEX on a materialized view is the view's, whichever file creates the view (it waits
// for it); a later DROP INDEX, ALTER INDEX … RENAME and COMMENT ON INDEX find it there. A plain view takes no index, as
// PostgreSQL says.
TEST(SqlSchema, MaterializedViewsHaveTheirIndexes) {
  const LoadedSchema loaded =
      load_sql({{"a.sql", "CREATE UNIQUE INDEX ON m (c);\n"},
                {"b.sql",
                 "CREATE TABLE t (id int);\n"
                 "CREATE MATERIALIZED VIEW m AS SELECT count(*) AS c FROM t;\n"
                 "CREATE INDEX m_c ON m (c);\nDROP INDEX m_c;\nCREATE INDEX m_c ON m (c DESC);\n"
                 "CREATE INDEX m_x ON m (c);\nALTER INDEX m_x RENAME TO m_y;\n"
                 "COMMENT ON INDEX m_c IS 'by c';\n"}});
  ASSERT_EQ(loaded.schema.views.size(), 1u);
  const auto& indexes = loaded.schema.views[0].indexes;
  ASSERT_EQ(indexes.size(), 3u);
  EXPECT_EQ(indexes[0].name, "m_c");
  EXPECT_EQ(indexes[0].keys[0].order, SortOrder::Desc);
  EXPECT_EQ(indexes[1].name, "m_c_idx");
  EXPECT_TRUE(indexes[1].unique);
  EXPECT_EQ(indexes[2].name, "m_y");
  ASSERT_EQ(loaded.schema.comments.size(), 1u);
  EXPECT_EQ(loaded.schema.comments[0].table.name, "m");
  EXPECT_EQ(loaded.schema.comments[0].object, "m_c");
  EXPECT_EQ(errors_of({{"v.sql",
                        "CREATE TABLE t (id int);\nCREATE VIEW v AS SELECT id FROM t;\n"
                        "CREATE INDEX ON v (id);\n"}}),
            "v.sql:3:1: expected CREATE INDEX on a table or a materialized view: v is a view\n");
}

// COMMENT ON TYPE is kept for an enum; one on a type strata does not manage is a note.
TEST(SqlSchema, CommentsOnEnumTypes) {
  const LoadedSchema loaded = load_sql({{"t.sql",
                                         "CREATE TYPE s AS ENUM ('a');\nCOMMENT ON TYPE s IS 'old';\n"
                                         "COMMENT ON TYPE public.s IS 'new';\nCOMMENT ON TYPE d IS 'a domain';\n"}});
  ASSERT_EQ(loaded.schema.comments.size(), 1u);
  EXPECT_EQ(loaded.schema.comments[0].on, CommentOn::Type);
  EXPECT_EQ(loaded.schema.comments[0].table.name, "s");
  EXPECT_EQ(loaded.schema.comments[0].text, "new");
  EXPECT_EQ(notes_of(loaded),
            "t.sql:4:1: skipped COMMENT ON TYPE d: strata keeps comments on the enums a statement before it "
            "creates, and d is none\n");
}

TEST(SqlSchema, WhatStrataDoesNotManageIsNotedOnceAndSkipped) {
  const LoadedSchema loaded = load_sql({{"s.sql",
                                         "SET statement_timeout = 0;\n"
                                         "ALTER TABLE later OWNER TO app;\n"
                                         "CREATE TABLE later (id int, v int) WITH (fillfactor = 70);\n"
                                         "COMMENT ON TABLE later IS 'hi';\n"
                                         "GRANT SELECT ON later TO app;\n"
                                         "CREATE DOMAIN posint AS int CHECK (VALUE > 0);\n"
                                         "CREATE VIEW v (one) AS SELECT 1;\n"
                                         "ALTER TABLE later ADD CONSTRAINT v_pos CHECK (v > 0) NOT VALID;\n"}});
  EXPECT_EQ(notes_of(loaded),
            "s.sql:1:1: skipped SET: strata does not manage session settings\n"
            "s.sql:3:1: table later: WITH (…) storage options are left out\n"
            "s.sql:5:1: skipped GRANT: strata does not manage privileges\n"
            "s.sql:6:1: skipped CREATE DOMAIN: strata does not manage domains\n"
            "s.sql:7:1: skipped CREATE VIEW: strata does not manage a view's column list after its name (name the "
            "columns in the query)\n"
            "s.sql:8:23: table later: NOT VALID is left out (strata's constraints are validated)\n"
            "s.sql:2:1: table later: ALTER TABLE … OWNER TO is left out (strata does not manage it)\n");
  EXPECT_EQ(loaded.schema.tables.size(), 1u);
  EXPECT_EQ(loaded.schema.tables[0].checks.size(), 1u);
  ASSERT_EQ(loaded.schema.comments.size(), 1u);  // a comment on a table is the schema's
  EXPECT_EQ(loaded.schema.comments[0].text, "hi");
}

// COMMENT ON a table, a column, an index and a key, in either dialect's SQL, lands where the
// declared format keeps it; a later COMMENT … IS NULL removes one, and a column renamed keeps its.
TEST(SqlSchema, CommentsAreReadInBothDialects) {
  const std::string sql =
      "CREATE TABLE t (id INT8 PRIMARY KEY, a INT8, CONSTRAINT a_key UNIQUE (a));\n"
      "CREATE INDEX t_a ON t (a);\n"
      "COMMENT ON TABLE t IS 'the t';\n"
      "COMMENT ON COLUMN t.a IS 'an a';\n"
      "COMMENT ON INDEX t_a IS 'by a';\n"
      "COMMENT ON CONSTRAINT a_key ON t IS 'one each';\n"
      "COMMENT ON CONSTRAINT t_pkey ON t IS 'soon gone';\n"
      "COMMENT ON CONSTRAINT t_pkey ON t IS NULL;\n"
      "ALTER TABLE t RENAME COLUMN a TO b;\n";
  for (const std::string dialect : {"postgres", "cockroachdb"}) {
    const LoadedSchema loaded = load_sql({{"s.sql", sql}}, dialect);
    std::vector<std::string> got;
    for (const auto& c : loaded.schema.comments) got.push_back(c.object + "=" + c.text);
    std::sort(got.begin(), got.end());
    EXPECT_EQ(got, (std::vector<std::string>{"=the t", "a_key=one each", "b=an a", "t_a=by a"})) << dialect;
  }
}

TEST(SqlSchema, TheDialectComesFromTheFileThenTheOptionThenTheServer) {
  const Files undecided = {{"s.sql", "CREATE TABLE t (id INT PRIMARY KEY);\n"}};
  EXPECT_EQ(errors_of(undecided, ""),
            "s.sql:1:1: cannot tell which SQL this file is written in: give its dialect with --dialect "
            "postgres|cockroachdb, or as its first line, `-- strata:dialect postgres`\n");
  int asked = 0;
  SchemaLoadOptions options;
  options.server_dialect = [&] {
    ++asked;
    return std::string("cockroachdb");
  };
  const Files two = {{"a.sql", "CREATE TABLE a (id INT PRIMARY KEY);"},
                     {"b.sql", "CREATE TABLE b (id INT PRIMARY KEY);"}};
  const Schema from_server = load_declared_texts(two, options).schema;
  EXPECT_EQ(asked, 1);                                                            // once, for both files
  EXPECT_EQ(from_server.find_table({"public", "a"})->columns[0].type, "bigint");  // CockroachDB's INT
  // A directive wins over the option, and needs no server.
  asked = 0;
  options.sql_dialect = "cockroachdb";
  const Schema pg =
      load_declared_texts({{"p.sql", "-- strata:dialect postgres\nCREATE TABLE p (id INT PRIMARY KEY);"}}, options)
          .schema;
  EXPECT_EQ(pg.find_table({"public", "p"})->columns[0].type, "integer");
  EXPECT_EQ(asked, 0);
  EXPECT_THROW(load_sql(undecided, "oracle"), UsageError);
}

TEST(SqlSchema, PgDumpOutputReadsAsItsSchema) {
  const std::string dump = R"D(--
-- PostgreSQL database dump
--
SET statement_timeout = 0;
SET client_encoding = 'UTF8';
SELECT pg_catalog.set_config('search_path', '', false);
SET default_tablespace = '';
CREATE TABLE public.accounts (
    id integer NOT NULL,
    owner text NOT NULL,
    opened date DEFAULT CURRENT_DATE
);
ALTER TABLE public.accounts OWNER TO app;
CREATE SEQUENCE public.accounts_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;
ALTER TABLE public.accounts_id_seq OWNER TO app;
ALTER SEQUENCE public.accounts_id_seq OWNED BY public.accounts.id;
CREATE TABLE public.entries (
    id bigint NOT NULL,
    account integer NOT NULL,
    amount numeric(12,2) NOT NULL,
    CONSTRAINT entries_amount_check CHECK ((amount <> (0)::numeric))
);
ALTER TABLE public.entries ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.entries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);
ALTER TABLE ONLY public.accounts ALTER COLUMN id SET DEFAULT nextval('public.accounts_id_seq'::regclass);
ALTER TABLE ONLY public.accounts
    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);
ALTER TABLE ONLY public.entries
    ADD CONSTRAINT entries_pkey PRIMARY KEY (id);
CREATE INDEX entries_account_idx ON public.entries USING btree (account);
ALTER TABLE ONLY public.entries
    ADD CONSTRAINT entries_account_fkey FOREIGN KEY (account) REFERENCES public.accounts(id);
)D";
  const LoadedSchema loaded = load_sql({{"dump.sql", dump}});
  const Schema yaml = load_schema_text(R"Y(
sequences:
  accounts_id_seq: { type: integer, max: 2147483647 }
tables:
  accounts:
    columns:
      id: { type: integer, default: "nextval('accounts_id_seq'::regclass)" }
      owner: text
      opened: { type: date, nullable: true, default: CURRENT_DATE }
    primary_key: [id]
  entries:
    columns:
      id: { type: bigint, identity: always }
      account: integer
      amount: numeric(12,2)
    primary_key: [id]
    indexes: [{ columns: [account] }]
    foreign_keys: [{ columns: [account], references: accounts }]
    checks:
      entries_amount_check: amount <> 0::numeric
)Y");
  EXPECT_EQ(normalized(loaded.schema), normalized(yaml)) << describe(normalized(loaded.schema));
  const std::string notes = notes_of(loaded);
  EXPECT_NE(notes.find("dump.sql:4:1: skipped SET"), std::string::npos) << notes;
  EXPECT_NE(notes.find("dump.sql:22:39: OWNED BY is left out"), std::string::npos) << notes;
}

}  // namespace
}  // namespace strata
