// The release facts the CockroachDB dialect chooses by (dialects/cockroachdb/releases.hpp), held
// against the release catalogue (tests/fixtures/crdb-releases/<release>.json): the supported
// releases are the catalogue's, every fact with a catalogue entry says what the catalogue says for
// every release, and every statement the dialect sends in introspection is one each release has.
#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "dialects/cockroachdb/queries.hpp"
#include "dialects/cockroachdb/releases.hpp"
#include "strata/errors.hpp"

namespace strata::cockroachdb {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::json;

std::map<std::string, Json> catalogue() {
  std::map<std::string, Json> releases;
  for (const auto& entry : fs::directory_iterator(fs::path(STRATA_SOURCE_DIR) / "tests/fixtures/crdb-releases")) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    Json release = Json::parse(in);
    const std::string name = release.at("release").get<std::string>();
    releases.emplace(name, std::move(release));
  }
  return releases;
}

// What the catalogue says of `key` for `release`: a form's `accepted`, a SHOW form's existence,
// a session setting's existence, or for "default <setting> <value>" whether that is its default.
std::optional<bool> catalogue_says(const Json& release, std::string_view key) {
  const std::string k(key);
  if (k.starts_with("default ")) {
    const auto space = k.find(' ', 8);
    const auto& setting = release.at("session_settings").at(k.substr(8, space - 8));
    return setting.value("exists", false) && setting.at("default") == k.substr(space + 1);
  }
  if (release.at("forms").contains(k)) return release.at("forms").at(k).at("accepted").get<bool>();
  if (release.at("show").contains(k)) return release.at("show").at(k).value("exists", true);
  if (release.at("session_settings").contains(k)) return release.at("session_settings").at(k).at("exists").get<bool>();
  return std::nullopt;
}

TEST(CrdbReleaseFacts, TheSupportedReleasesAreTheCatalogues) {
  const auto releases = catalogue();
  ASSERT_FALSE(releases.empty());
  std::vector<Version> versions;
  for (const auto& [name, release] : releases) {
    const Version version = parse_version(release.at("version").get<std::string>());
    EXPECT_EQ(to_string(version), name) << "the version() text parses as its release";
    EXPECT_FALSE(check_release(version, release.at("version").get<std::string>()).has_value()) << name;
    versions.push_back(version);
  }
  EXPECT_EQ(*std::min_element(versions.begin(), versions.end()), kOldestSupported);
  EXPECT_EQ(*std::max_element(versions.begin(), versions.end()), kNewestKnown);
}

TEST(CrdbReleaseFacts, EveryFactWithAnEntryMatchesTheCatalogueInEveryRelease) {
  int checked = 0;
  for (const auto& [name, release] : catalogue()) {
    const Version version = parse_version(release.at("version").get<std::string>());
    for (const auto& f : feature_facts()) {
      EXPECT_FALSE(f.source.empty()) << f.name;
      if (f.catalogue_key.empty()) continue;
      const auto says = catalogue_says(release, f.catalogue_key);
      ASSERT_TRUE(says.has_value()) << "the catalogue has no entry " << f.catalogue_key << " (" << f.name << ")";
      EXPECT_EQ(has(version, f.feature), *says) << f.name << " in " << name;
      ++checked;
    }
  }
  EXPECT_GT(checked, 40);
}

// Introspection sends only what every supported release answers with allow_unsafe_internals off:
// SHOW forms the catalogue records, and pg_catalog (never crdb_internal).
TEST(CrdbReleaseFacts, IntrospectionUsesOnlySurfacesEveryReleaseAnswersWithInternalsOff) {
  for (const auto& [name, release] : catalogue()) {
    for (const char* form : {queries::kTypes, queries::kCreateStatements}) {
      EXPECT_TRUE(catalogue_says(release, form).value_or(false)) << form << " in " << name;
    }
    EXPECT_TRUE(catalogue_says(release, "SHOW DATABASES").value_or(false)) << name;
    EXPECT_FALSE(release.at("relations").at("pg_catalog.pg_namespace").at("unsafe_internal").get<bool>()) << name;
  }
  for (const char* sql : {queries::kCurrentDatabase, queries::kSchemas, queries::kTypes, queries::kCreateStatements,
                          queries::kDatabase}) {
    EXPECT_EQ(std::string_view(sql).find("crdb_internal."), std::string_view::npos) << sql;
  }
}

TEST(CrdbReleaseFacts, OlderServersAreRefusedAndNewerOnesWarned) {
  EXPECT_THROW(check_release({24, 2}, "CockroachDB CCL v24.2.10"), UsageError);
  EXPECT_THROW(check_release({23, 2}, "CockroachDB CCL v23.2.28"), UsageError);
  EXPECT_THROW(check_release({}, "PostgreSQL 15"), UsageError);
  try {
    check_release({21, 2}, "CockroachDB CCL v21.2.17");
    FAIL();
  } catch (const UsageError& error) {
    EXPECT_NE(std::string(error.what()).find("strata supports v24.3 and later"), std::string::npos) << error.what();
  }
  EXPECT_FALSE(check_release(kOldestSupported, "").has_value());
  EXPECT_FALSE(check_release({25, 1}, "").has_value()) << "an unsupported release between supported ones still runs";
  const auto warning = check_release({27, 1}, "CockroachDB CCL v27.1.0");
  ASSERT_TRUE(warning.has_value());
  EXPECT_EQ(warning->find('\n'), std::string::npos) << "one line";
}

TEST(CrdbReleaseFacts, ParsesServerVersions) {
  EXPECT_EQ(parse_version("CockroachDB CCL v24.3.14 (x86_64-pc-linux-gnu, built 2025/05/01)"), (Version{24, 3}));
  EXPECT_EQ(parse_version("CockroachDB OSS v26.3.0-alpha.1-dev (x86_64-pc-linux-gnu)"), (Version{26, 3}));
  EXPECT_EQ(parse_version("PostgreSQL 15.4"), (Version{}));
}

}  // namespace
}  // namespace strata::cockroachdb
