// Writing a schema back out: YAML that loads as an equal schema, and JSON of the same shape.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialects/postgres/postgres_dialect.hpp"
#include "strata/dialect.hpp"
#include "strata/load.hpp"

namespace strata {
namespace {

const std::filesystem::path kSource = STRATA_SOURCE_DIR;

Schema normalized(Schema schema) {
  std::make_unique<postgres::PostgresDialect>()->normalize(schema);
  return schema;
}

TEST(Render, YamlLoadsBackEqual) {
  for (const char* path : {"examples/shop", "tests/schemas/everything.yaml"}) {
    const Schema schema = normalized(load_schema({(kSource / path).string()}));
    const std::string yaml = to_yaml(schema);
    const Schema again = normalized(load_schema_text(yaml, "rendered.yaml"));
    EXPECT_EQ(again, schema) << path << "\n--- rendered:\n"
                             << yaml << "\n--- expected:\n"
                             << describe(schema) << "\n--- got:\n"
                             << describe(again);
    EXPECT_EQ(to_yaml(again), yaml) << "rendering is not stable";
  }
}

TEST(Render, CockroachOnlyColumnAndIndexPartsSurviveTheRoundTrip) {
  const std::string text =
      "tables:\n  t:\n    columns:\n      id: bigint\n"
      "      touched: { type: timestamptz, default: now(), on_update: now() }\n"
      "      secret: { type: text, nullable: true, hidden: true, on_update: \"'x'\" }\n"
      "      blob: { type: bytes, nullable: true, family: blobs }\n"
      "    indexes:\n      - { name: a, columns: [touched], visible: false }\n"
      "      - { name: b, columns: [secret], visibility: 0.25 }\n"
      "    primary_key: { columns: [id], sharded: 8 }\n"
      "    unique:\n      - { name: u, columns: [touched], without_index: true, where: id > 0 }\n"
      "    ttl: { expire_after: 10 minutes, select_batch_size: 10, pause: true, job_cron: \"@hourly\" }\n";
  const Schema schema = load_schema_text(text, "t.yaml");
  ASSERT_EQ(schema.tables[0].primary_key->shard_buckets, 8);
  ASSERT_TRUE(schema.tables[0].uniques[0].without_index);
  ASSERT_EQ(schema.tables[0].columns[1].on_update, "now()");
  const std::string yaml = to_yaml(schema);
  EXPECT_NE(yaml.find("on_update: now()"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("visible: false"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("visibility: 0.25"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("sharded: 8"), std::string::npos) << yaml;
  // A family is written where it is not "primary", which the loader gives the columns naming none.
  ASSERT_EQ(schema.tables[0].columns[0].family, "primary");
  EXPECT_NE(yaml.find("blob: {type: bytea, nullable: true, family: blobs}"), std::string::npos) << yaml;
  EXPECT_EQ(yaml.find("family: primary"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("without_index: true, where: id > 0"), std::string::npos) << yaml;
  EXPECT_NE(yaml.find("ttl: {expire_after: 10 minutes, job_cron: \"@hourly\", select_batch_size: 10, pause: true}"),
            std::string::npos)
      << yaml;
  EXPECT_EQ(load_schema_text(yaml, "rendered.yaml"), schema) << yaml;
}

// The layout users see in `strata inspect` and diff in review: block mappings indented by two, flat
// mappings and lists of scalars in flow style, plain scalars where they read back as themselves.
// It is the layout yaml-cpp's emitter gave before strata wrote YAML itself (checked equal on every
// schema under tests/ and a generated 1,000-table one when the writer came in).
TEST(Render, KeepsItsLayout) {
  const Schema schema = normalized(
      load_schema_text("tables:\n  t:\n    comment: \"Rows: one per thing # really\"\n    columns:\n      id: bigint\n"
                       "      note: { type: text, nullable: true, default: \"'a, b'\" }\n"
                       "      \"odd name\": { type: \"varchar(20)[]\", nullable: true, default: \"null\" }\n"
                       "    primary_key: [id]\n    indexes:\n      - { columns: [{ column: note, order: desc }] }\n"
                       "    foreign_keys:\n      - { columns: [id], references: t }\n",
                       "t.yaml"));
  EXPECT_EQ(to_yaml(schema), R"(tables:
  t:
    comment: "Rows: one per thing # really"
    columns:
      id: bigint
      note: {type: text, nullable: true, default: "'a, b'"}
      odd name: {type: "varchar(20)[]", nullable: true, default: "NULL"}
    primary_key: {name: t_pkey, columns: [id]}
    indexes:
      - name: t_note_idx
        columns:
          - {column: note, order: desc}
    foreign_keys:
      - name: t_id_fkey
        columns: [id]
        references: {table: t, columns: [id]}
)");
}

// Enums and sequences of one name in two schemas are two objects; the printed schema keeps both
// (it once printed the second in place of the first).
TEST(Render, EnumsAndSequencesOfOneNameInTwoSchemasStayApart) {
  const Schema schema = normalized(
      load_schema_text("schemas: [sales]\n"
                       "enums:\n  status: [a, b]\n  sales_status: { name: status, schema: sales, values: [x] }\n"
                       "sequences:\n  ids: {}\n  sales_ids: { name: ids, schema: sales, start: 5 }\n",
                       "t.yaml"));
  ASSERT_EQ(schema.enums.size(), 2u);
  ASSERT_EQ(schema.sequences.size(), 2u);
  const std::string yaml = to_yaml(schema);
  EXPECT_EQ(normalized(load_schema_text(yaml, "rendered.yaml")), schema) << yaml;
  EXPECT_NE(yaml.find("sales.status: {name: status, schema: sales, values: [x]}"), std::string::npos) << yaml;
}

TEST(Render, JsonHasTheSameShape) {
  const Schema schema = normalized(load_schema({(kSource / "examples/shop").string()}));
  const auto json = nlohmann::json::parse(to_json(schema));
  EXPECT_EQ(json["enums"]["order_status"].size(), 4u);
  EXPECT_EQ(json["tables"]["orders"]["columns"]["status"]["default"], "'PENDING'");
  EXPECT_EQ(json["tables"]["orders"]["foreign_keys"][0]["references"]["table"], "users");
}

TEST(Render, TablesOfOneNameInTwoSchemasStayApart) {
  const Schema schema =
      normalized(load_schema_text("tables:\n  t:\n    columns:\n      id: int\n  t2:\n    name: t\n    schema: other\n "
                                  "   columns:\n      id: int\n",
                                  "two.yaml"));
  ASSERT_EQ(schema.tables.size(), 2u);
  const Schema again = normalized(load_schema_text(to_yaml(schema), "rendered.yaml"));
  EXPECT_EQ(again, schema) << to_yaml(schema);
}

TEST(Render, CommentsOnEveryKindOfObjectSurviveTheRoundTrip) {
  const Schema schema = normalized(load_schema_text(R"(tables:
  teams:
    columns: { id: bigint }
    primary_key: [id]
  users:
    comment: "People: who sign in"
    columns:
      id: bigint
      email: { type: text, comment: "it's unique" }
      team: bigint
    primary_key: { name: users_pkey, columns: [id], comment: key }
    indexes: [{ name: users_team_idx, columns: [team], comment: "# for joins" }]
    unique: [{ name: users_email_key, columns: [email], comment: one per person }]
    foreign_keys: [{ name: users_team_fkey, columns: [team], references: teams, comment: "- its team" }]
)",
                                                    "comments.yaml"));
  ASSERT_EQ(schema.comments.size(), 6u);
  const std::string yaml = to_yaml(schema);
  const Schema again = normalized(load_schema_text(yaml, "rendered.yaml"));
  EXPECT_EQ(again, schema) << yaml;
  EXPECT_EQ(again.comments, schema.comments) << yaml;
}

TEST(Render, AwkwardStringsSurviveTheRoundTrip) {
  Schema schema;
  Table table;
  table.name = {"public", "null"};
  for (const char* name : {"~", "yes", "123", "a: b", "- x", "#hash", "{brace}", "'quote", "\"dq\"", " pad ", "é"}) {
    Column column;
    column.name = name;
    column.type = "text";
    column.default_expr = "'x: {y}'";
    table.columns.push_back(column);
  }
  schema.tables.push_back(table);
  schema.enums.push_back({{"public", "e"}, {"null", "~", "true", "multi\nline"}});
  const std::string yaml = to_yaml(schema);
  Schema again = load_schema_text(yaml, "awkward.yaml");
  EXPECT_EQ(again.tables.at(0).columns.size(), table.columns.size()) << yaml;
  EXPECT_EQ(again, schema) << yaml;
}

}  // namespace
}  // namespace strata
