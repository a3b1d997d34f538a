// The CockroachDB release catalogue (tests/fixtures/crdb-releases): every file loads, every fact
// says where it comes from, and the facts that differ between releases are where the research
// notes put them.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "support/crdb_standin/catalogue.hpp"
#include "support/crdb_standin/responder.hpp"

namespace strata::standin {
namespace {

const std::filesystem::path kCatalogue = std::filesystem::path(STRATA_SOURCE_DIR) / "tests/fixtures/crdb-releases";

nlohmann::json raw(const std::string& release) {
  std::ifstream in(kCatalogue / (release + ".json"));
  return nlohmann::json::parse(in);
}

void expect_source(const nlohmann::json& fact, const std::string& what) {
  ASSERT_TRUE(fact.is_object()) << what;
  ASSERT_TRUE(fact.contains("source")) << what << " has no source";
  ASSERT_TRUE(fact["source"].is_string()) << what;
  EXPECT_FALSE(fact["source"].get<std::string>().empty()) << what << " has an empty source";
}

TEST(CrdbReleaseCatalogue, HoldsEverySupportedRelease) {
  EXPECT_EQ(list_releases(kCatalogue), (std::vector<std::string>{"v24.3", "v25.2", "v25.4", "v26.2", "v26.3"}));
}

TEST(CrdbReleaseCatalogue, EveryFileParsesWithItsRowsFilesAndPatterns) {
  const State state = load_state(kCatalogue / "state" / "default");
  for (const auto& name : list_releases(kCatalogue)) {
    SCOPED_TRACE(name);
    const Release release = load_release(kCatalogue, name);
    EXPECT_EQ(release.release, name);
    EXPECT_EQ(release.version.rfind("CockroachDB CCL " + name + ".", 0), 0u) << release.version;
    EXPECT_NO_THROW(Responder(release, state));  // compiles every form pattern
    EXPECT_FALSE(release.forms.empty());
    for (const auto& form : release.show) {
      if (form.rows) {
        EXPECT_FALSE(form.rows->source.empty()) << form.form;
      }
    }
  }
}

TEST(CrdbReleaseCatalogue, EveryFactHasANonEmptySource) {
  for (const auto& name : list_releases(kCatalogue)) {
    SCOPED_TRACE(name);
    const auto json = raw(name);
    EXPECT_FALSE(json.at("version_source").get<std::string>().empty());
    expect_source(json.at("server_version"), "server_version");
    expect_source(json.at("support"), "support");
    if (!json.at("unsafe_internals").is_null()) expect_source(json["unsafe_internals"], "unsafe_internals");
    for (const char* section : {"session_settings", "relations", "show", "forms"}) {
      ASSERT_FALSE(json.at(section).empty()) << section;
      for (const auto& [key, fact] : json[section].items()) expect_source(fact, std::string(section) + " " + key);
    }
    for (const auto& fact : json.at("not_established"))
      expect_source(fact, "not_established " + fact.value("fact", ""));
  }
}

TEST(CrdbReleaseCatalogue, EveryRowsFileHasAProvenanceHeader) {
  int files = 0;
  for (auto it = std::filesystem::recursive_directory_iterator(kCatalogue); it != decltype(it){}; ++it) {
    const auto& entry = *it;
    // research/ holds the notes the catalogue was written from, not rows.
    if (entry.is_directory() && entry.path().filename() == "research") it.disable_recursion_pending();
    if (entry.path().extension() != ".txt") continue;
    SCOPED_TRACE(entry.path().string());
    const RowsFile file = read_rows_file(entry.path());
    EXPECT_FALSE(file.source.empty());
    EXPECT_FALSE(file.columns.empty());
    ++files;
  }
  EXPECT_GE(files, 7);
}

TEST(CrdbReleaseCatalogue, AllowUnsafeInternalsByRelease) {
  const std::map<std::string, std::optional<std::string>> expected = {
      {"v24.3", std::nullopt}, {"v25.2", std::nullopt}, {"v25.4", "on"}, {"v26.2", "off"}, {"v26.3", "off"}};
  for (const auto& [name, default_value] : expected) {
    SCOPED_TRACE(name);
    const Release release = load_release(kCatalogue, name);
    const Setting* setting = release.setting("allow_unsafe_internals");
    ASSERT_NE(setting, nullptr);
    EXPECT_EQ(setting->exists, default_value.has_value());
    EXPECT_EQ(setting->default_value, default_value);
    EXPECT_EQ(release.gate.has_value(), setting->exists);
    for (const auto& relation : {"crdb_internal.create_statements", "crdb_internal.jobs"}) {
      EXPECT_EQ(release.relation(relation)->unsafe_internal, setting->exists) << relation;
    }
    EXPECT_FALSE(release.relation("pg_catalog.pg_namespace")->unsafe_internal);
  }
}

TEST(CrdbReleaseCatalogue, RenamedAndRemovedColumnsByRelease) {
  for (const auto& name : list_releases(kCatalogue)) {
    SCOPED_TRACE(name);
    const Release release = load_release(kCatalogue, name);
    const bool old = name == "v24.3" || name == "v25.2";
    const Relation* create = release.relation("crdb_internal.create_statements");
    EXPECT_EQ(create->column("alter_statements") != nullptr, old);
    EXPECT_EQ(create->column("fk_statements") != nullptr, !old);
    EXPECT_EQ(release.relation("crdb_internal.jobs")->column("descriptor_ids") != nullptr, old);
    EXPECT_EQ(release.relation("information_schema.crdb_jobs_with_progress"), nullptr);
  }
}

}  // namespace
}  // namespace strata::standin
