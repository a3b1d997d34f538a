#include "dialects/cockroachdb/releases.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

#include "strata/errors.hpp"

namespace strata::cockroachdb {

std::string to_string(Version version) {
  return fmt::format("v{}.{}", version.major, version.minor);
}

Version parse_version(std::string_view text) {
  const auto at = text.find(" v");
  if (at == std::string_view::npos) return {};
  Version version;
  const char* begin = text.data() + at + 2;
  const char* end = text.data() + text.size();
  auto [after_major, ec] = std::from_chars(begin, end, version.major);
  if (ec != std::errc() || after_major == end || *after_major != '.') return {};
  std::from_chars(after_major + 1, end, version.minor);
  return version;
}

const std::vector<FeatureFact>& feature_facts() {
  // Sources as the release catalogue records them (tests/fixtures/crdb-releases/research/*.md
  // give the reading behind each).
  static const std::vector<FeatureFact> facts = {
      {Feature::ShowCreateAllTables,
       "SHOW CREATE ALL TABLES",
       {21, 1},
       std::nullopt,
       "SHOW CREATE ALL TABLES",
       "PR cockroachdb/cockroach#60539; pkg/sql/delegate/show_table.go (delegated: allowed with "
       "allow_unsafe_internals off, PR #152084)"},
      {Feature::ShowCreateAllTypes,
       "SHOW CREATE ALL TYPES",
       {22, 1},
       std::nullopt,
       "SHOW CREATE ALL TYPES",
       "PR cockroachdb/cockroach#71326; logic_test/show_create_all_types@913f2196"},
      {Feature::ShowDatabasesRegions,
       "SHOW DATABASES (primary_region, regions, survival_goal)",
       {21, 1},
       std::nullopt,
       "SHOW DATABASES",
       "docs show-databases v22.2-v25.2; multi-region logic tests (research/introspection.md 3)"},
      {Feature::ShowJobs,
       "SELECT … FROM [SHOW JOBS]",
       {23, 2},
       std::nullopt,
       "SHOW JOBS",
       "pkg/sql/delegate/show_jobs.go (PR #121272); created is TIMESTAMPTZ from v23.2 (research/jobs.md 1)"},
      {Feature::ShowJob,
       "SHOW JOB <id>",
       {1, 0},
       std::nullopt,
       "SHOW JOB",
       "pkg/sql/delegate/show_jobs.go; docs show-jobs (research/jobs.md 1)"},
      {Feature::AllowUnsafeInternals,
       "the allow_unsafe_internals session variable",
       {25, 4},
       std::nullopt,
       "allow_unsafe_internals",
       "PR cockroachdb/cockroach#151362 (v25.4, default on)"},
      {Feature::UnsafeInternalsOff,
       "allow_unsafe_internals off by default",
       {26, 1},
       std::nullopt,
       "default allow_unsafe_internals off",
       "PR cockroachdb/cockroach#158085 (v26.1 default off); docs v26.2 crdb-internal 'Access control'"},
      {Feature::LockTimeout,
       "SET lock_timeout",
       {21, 2},
       std::nullopt,
       "lock_timeout",
       "PR cockroachdb/cockroach#68042 (v21.2); docs PR cockroachdb/docs#12199"},
      {Feature::IdentityColumnChanges,
       "ALTER COLUMN … ADD GENERATED … AS IDENTITY / SET GENERATED / DROP IDENTITY",
       {24, 1},
       std::nullopt,
       "ALTER TABLE name ALTER COLUMN name ADD GENERATED { ALWAYS | BY DEFAULT } AS IDENTITY [ ( ... ) ]",
       "PRs cockroachdb/cockroach#115889, #119263 (v24.1.0-alpha.5 release notes)"},
      {Feature::HashShardedIndex,
       "USING HASH WITH (bucket_count = n)",
       {22, 1},
       std::nullopt,
       "CREATE [ UNIQUE ] [ INVERTED ] INDEX name ON name ( ... ) [ USING HASH [ WITH ( BUCKET_COUNT = number ) ] ] "
       "[ STORING ( ... ) ] [ WHERE ... ] [ { NOT VISIBLE | VISIBILITY number } ]",
       "PR cockroachdb/cockroach#76068 (v22.1)"},
      {Feature::EnumDropValue,
       "ALTER TYPE … DROP VALUE",
       {21, 1},
       std::nullopt,
       "ALTER TYPE name DROP VALUE string",
       "PRs cockroachdb/cockroach#58688, #61595; docs v23.1 alter-type (no gate)"},
      {Feature::SequenceAsType,
       "CREATE/ALTER SEQUENCE … AS type",
       {22, 1},
       std::nullopt,
       "CREATE SEQUENCE [ IF NOT EXISTS ] name [ AS name ] [ INCREMENT [ BY ] number ] [ MINVALUE number ] "
       "[ MAXVALUE number ] [ START [ WITH ] number ] [ CACHE number ]",
       "PR cockroachdb/cockroach#57339 (v22.1)"},
      {Feature::VectorIndex,
       "CREATE VECTOR INDEX",
       {25, 2},
       std::nullopt,
       "CREATE VECTOR INDEX name ON name ( ... ) ...",
       "issue cockroachdb/cockroach#137370; docs PR cockroachdb/docs#19595 (v25.2; enabled by default from v25.4)"},
      {Feature::OnlineRegionalByRow,
       "SET LOCALITY REGIONAL BY ROW with writes going on",
       {26, 2},
       std::nullopt,
       "",
       "issue cockroachdb/cockroach#150945 (UPDATE/DELETE can fail during the conversion on the legacy schema "
       "changer); PR #161763 (to/from REGIONAL BY ROW by the declarative schema changer, v26.2)"},
      {Feature::AlterColumnTypeFlag,
       "enable_experimental_alter_column_type_general",
       {20, 2},
       std::nullopt,
       "enable_experimental_alter_column_type_general",
       "PR cockroachdb/cockroach#46933 (v20.2); still defined (and harmless) after general availability in v25.1 "
       "(PR #135936)"},
      {Feature::UniqueWithoutIndex,
       "UNIQUE WITHOUT INDEX",
       {21, 1},
       std::nullopt,
       "ALTER TABLE name ADD CONSTRAINT name UNIQUE WITHOUT INDEX ( ... ) [ WHERE ... ]",
       "pkg/sql/logictest/testdata/logic_test/unique@0404c5e25d51f5f1cefc083a2ac2bc90293a3a7c (v21.1, behind "
       "experimental_enable_unique_without_index_constraints, which a v25-era pkg/sql/vars.go still defines)"},
      {Feature::RowLevelTtl,
       "row-level TTL",
       {22, 2},
       std::nullopt,
       "ALTER TABLE name SET ( ... )",
       "pkg/sql/logictest/testdata/logic_test/row_level_ttl@0017defd4fb3e8290cceab454da45af622e36db9; docs PRs "
       "cockroachdb/docs#13340, #15358 (GA in v22.2)"},
  };
  return facts;
}

const FeatureFact& fact(Feature feature) {
  const auto& facts = feature_facts();
  const auto found =
      std::find_if(facts.begin(), facts.end(), [&](const FeatureFact& f) { return f.feature == feature; });
  if (found == facts.end()) throw std::logic_error("no release fact for a CockroachDB feature");  // a programming error
  return *found;
}

bool has(Version version, Feature feature) {
  const FeatureFact& f = fact(feature);
  return version >= f.since && (!f.until || version < *f.until);
}

std::optional<std::string> check_release(Version version, std::string_view version_text) {
  if (version == Version{}) {
    throw UsageError(
        fmt::format("cannot tell which CockroachDB release this is from its version ({}); strata "
                    "supports {} and later",
                    version_text.substr(0, 80), to_string(kOldestSupported)));
  }
  if (version < kOldestSupported) {
    throw UsageError(
        fmt::format("CockroachDB {} is not supported: strata supports {} and later, the releases "
                    "Cockroach Labs supports (upgrade the cluster, or use an older strata)",
                    to_string(version), to_string(kOldestSupported)));
  }
  if (version > kNewestKnown) {
    return fmt::format(
        "CockroachDB {} is newer than the newest release strata knows ({}): strata uses {}'s "
        "catalog and statement forms",
        to_string(version), to_string(kNewestKnown), to_string(kNewestKnown));
  }
  return std::nullopt;
}

}  // namespace strata::cockroachdb
