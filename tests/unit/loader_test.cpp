// The YAML loader: the shapes it accepts, the names it fills in, and every error it reports,
// with its file:line:column (golden files under tests/loader/bad).
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "strata/errors.hpp"
#include "strata/load.hpp"

namespace strata {
namespace {

namespace fs = std::filesystem;

const fs::path kSource = STRATA_SOURCE_DIR;

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const Table& table(const Schema& schema, const std::string& name, const std::string& ns = "public") {
  const Table* t = schema.find_table({ns, name});
  if (t == nullptr) throw std::runtime_error("no table " + name);
  return *t;
}

TEST(Loader, EachBadFileGivesItsGoldenErrors) {
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(kSource / "tests/loader/bad")) {
    if (entry.path().extension() != ".yaml") continue;
    ++cases;
    const std::string name = entry.path().filename().string();
    std::string actual;
    try {
      load_schema_text(read(entry.path()), name);
      ADD_FAILURE() << name << " loaded without an error";
      continue;
    } catch (const LoadError& error) {
      actual = std::string(error.what()) + "\n";
      for (const auto& d : error.diagnostics()) {
        EXPECT_EQ(d.position.file, name);
        EXPECT_GT(d.position.line, 0) << d.message;
        EXPECT_GT(d.position.column, 0) << d.message;
      }
    }
    auto golden = entry.path();
    golden.replace_extension(".err");
    if (std::getenv("STRATA_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(golden, std::ios::binary) << actual;
      continue;
    }
    EXPECT_EQ(actual, read(golden)) << "for " << name << " (STRATA_UPDATE_GOLDEN=1 rewrites the .err files)";
  }
  EXPECT_GE(cases, 20);
}

TEST(Loader, ShopExampleFillsNamesAndReferences) {
  const Schema schema = load_schema({(kSource / "examples/shop").string()});
  ASSERT_EQ(schema.tables.size(), 4u);
  const Table& users = table(schema, "users");
  ASSERT_TRUE(users.primary_key.has_value());
  EXPECT_EQ(users.primary_key->name, "users_pkey");
  ASSERT_EQ(users.indexes.size(), 1u);
  EXPECT_EQ(users.indexes[0].name, "users_email_idx");
  EXPECT_TRUE(users.indexes[0].unique);
  EXPECT_FALSE(users.find_column("email")->nullable);
  EXPECT_TRUE(users.find_column("name")->nullable);

  const Table& orders = table(schema, "orders");
  EXPECT_EQ(orders.find_column("status")->type, "order_status");
  EXPECT_EQ(orders.find_column("status")->default_expr, "'PENDING'");
  ASSERT_EQ(orders.foreign_keys.size(), 1u);
  EXPECT_EQ(orders.foreign_keys[0].name, "orders_user_id_fkey");
  EXPECT_EQ(orders.foreign_keys[0].on_delete, ReferentialAction::Cascade);

  const Table& items = table(schema, "order_items");
  ASSERT_EQ(items.foreign_keys.size(), 2u);
  // `references: orders` means the referenced table's primary key.
  EXPECT_EQ(items.foreign_keys[0].ref_columns, std::vector<std::string>{"id"});
  EXPECT_EQ(items.primary_key->columns, (std::vector<std::string>{"order_id", "product_id"}));
  EXPECT_EQ(table(schema, "products").uniques[0].name, "products_sku_key");
}

TEST(Loader, EverythingSchemaLoads) {
  const Schema schema = load_schema({(kSource / "tests/schemas/everything.yaml").string()});
  EXPECT_EQ(schema.schemas, std::vector<std::string>{"sales"});
  EXPECT_EQ(schema.enums.size(), 3u);
  EXPECT_EQ(schema.sequences.size(), 3u);
  const Table& users = table(schema, "users");
  EXPECT_EQ(users.find_column("mood")->type, "\"Mood\"");
  EXPECT_EQ(users.find_column("user_no")->identity, IdentityKind::Always);
  ASSERT_TRUE(users.find_column("email_lower")->generated.has_value());
  const Table& accounts = table(schema, "accounts", "sales");
  EXPECT_EQ(accounts.find_column("region")->type, "sales.region");
  EXPECT_EQ(accounts.find_column("region")->default_expr, "'north'");
  EXPECT_EQ(accounts.foreign_keys[0].ref_table, (QualifiedName{"public", "users"}));
  const Table& line = table(schema, "Order Line");
  EXPECT_EQ(line.indexes[0].name, "Order Line_select_quote\"d_idx");
  const Table& long_table = table(schema, "a_table_name_that_is_exactly_sixty_three_bytes_long_for_testing");
  EXPECT_EQ(long_table.primary_key->name, "a_table_name_that_is_exactly_sixty_three_bytes_long_for_te_pkey");
  for (const auto& index : long_table.indexes) EXPECT_LE(index.name.size(), 63u) << index.name;
}

TEST(Loader, OneSchemaSpreadOverSeveralFiles) {
  const Schema schema = load_schema_texts({
      {"users.yaml", "tables:\n  users:\n    columns:\n      id: uuid\n    primary_key: [id]\n"},
      {"orders.yaml",
       "enums:\n  s: [a]\ntables:\n  orders:\n    columns:\n      user_id: uuid\n      st: s\n"
       "    foreign_keys:\n      - { columns: [user_id], references: users }\n"},
  });
  EXPECT_EQ(schema.tables.size(), 2u);
  EXPECT_EQ(table(schema, "orders").foreign_keys[0].ref_table.name, "users");
}

TEST(Loader, ADuplicateAcrossFilesNamesBothPlaces) {
  try {
    load_schema_texts({{"a.yaml", "tables:\n  t:\n    columns:\n      id: uuid\n"},
                       {"b.yaml", "\ntables:\n  t:\n    columns:\n      id: uuid\n"}});
    FAIL() << "expected a LoadError";
  } catch (const LoadError& error) {
    ASSERT_EQ(error.diagnostics().size(), 1u);
    EXPECT_EQ(to_string(error.diagnostics()[0].position), "b.yaml:3:3");
    EXPECT_EQ(error.diagnostics()[0].message, "duplicate table 't' (also declared at a.yaml:2:3)");
  }
}

TEST(Loader, ReadsDirectoriesInNameOrderAndReportsMissingPaths) {
  const fs::path dir = fs::temp_directory_path() / ("strata-loader-" + std::to_string(::getpid()));
  fs::create_directories(dir / "nested");
  std::ofstream(dir / "b.yaml") << "tables:\n  b:\n    columns:\n      id: uuid\n";
  std::ofstream(dir / "nested" / "a.yml") << "tables:\n  a:\n    columns:\n      id: uuid\n";
  std::ofstream(dir / "notes.txt") << "not yaml";
  const Schema schema = load_schema({dir.string()});
  EXPECT_EQ(schema.tables.size(), 2u);
  try {
    load_schema({(dir / "missing.yaml").string()});
    FAIL() << "expected a LoadError";
  } catch (const LoadError& error) {
    EXPECT_NE(std::string(error.what()).find("missing.yaml: cannot read the schema"), std::string::npos)
        << error.what();
  }
  fs::remove_all(dir);
}

// An empty declared schema drops everything: a file with nothing in it (0 bytes, or only comments)
// is refused, unless another file declares something; `tables: {}` says "empty" on purpose.
TEST(Loader, ASchemaOfEmptyFilesIsRefusedNamingThem) {
  for (const char* text : {"", "# nothing yet\n", "\n\n   \n# a\n"}) {
    try {
      load_schema_text(text, "empty.yaml");
      FAIL() << "expected a LoadError for '" << text << "'";
    } catch (const LoadError& error) {
      ASSERT_EQ(error.diagnostics().size(), 1u);
      EXPECT_EQ(error.diagnostics()[0].position.file, "empty.yaml");
      EXPECT_NE(error.diagnostics()[0].message.find("drop every table"), std::string::npos) << error.what();
    }
  }
  try {
    load_schema_texts({{"a.yaml", ""}, {"b.yaml", "# b\n"}});
    FAIL() << "expected a LoadError";
  } catch (const LoadError& error) {
    ASSERT_EQ(error.diagnostics().size(), 2u);
    EXPECT_EQ(error.diagnostics()[0].position.file, "a.yaml");
    EXPECT_EQ(error.diagnostics()[1].position.file, "b.yaml");
  }
  EXPECT_TRUE(load_schema_text("tables: {}\n", "empty.yaml").tables.empty());
  const Schema one = load_schema_texts({{"a.yaml", "tables:\n  t:\n    columns: {id: int}\n"}, {"b.yaml", ""}});
  EXPECT_EQ(one.tables.size(), 1u);
}

TEST(Loader, AnEmptyFileOrDirectoryOnDiskIsRefusedNamingThePath) {
  const fs::path dir = fs::temp_directory_path() / ("strata-empty-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "nothing");
  fs::create_directories(dir / "blank");
  std::ofstream(dir / "blank" / "schema.yaml") << "";
  for (const auto& path : {dir / "nothing", dir / "blank", dir / "blank" / "schema.yaml"}) {
    try {
      load_schema({path.string()});
      FAIL() << "expected a LoadError for " << path;
    } catch (const LoadError& error) {
      EXPECT_NE(std::string(error.what()).find(path.filename().string()), std::string::npos) << error.what();
    }
  }
  fs::remove_all(dir);
}

TEST(Loader, DefaultNamesAvoidClashesLikePostgres) {
  const Schema schema = load_schema_text(
      "tables:\n  t:\n    columns:\n      a: int\n    indexes:\n"
      "      - { name: t_a_idx, columns: [a] }\n      - { columns: [a] }\n      - { columns: [a] }\n",
      "t.yaml");
  const Table& t = table(schema, "t");
  ASSERT_EQ(t.indexes.size(), 3u);
  EXPECT_EQ(t.indexes[0].name, "t_a_idx");
  EXPECT_EQ(t.indexes[1].name, "t_a_idx1");
  EXPECT_EQ(t.indexes[2].name, "t_a_idx2");
}

}  // namespace
}  // namespace strata
