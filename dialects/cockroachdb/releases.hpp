// What strata knows of CockroachDB's releases, in one place: which releases it supports, and from
// which release each catalog surface and statement form it uses exists. The dialect chooses by
// these facts and nothing else; tests/unit/crdb_release_facts_test.cpp holds every fact against
// the release catalogue (tests/fixtures/crdb-releases/<release>.json, each fact with its source).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace strata::cockroachdb {

// A server version, e.g. v23.2.1 -> {23, 2}.
struct Version {
  int major = 0;
  int minor = 0;
  // NOLINTNEXTLINE(modernize-use-nullptr): clang-tidy 14 misreads a defaulted <=>
  friend auto operator<=>(const Version&, const Version&) = default;
};

std::string to_string(Version version);  // "v25.4"

// Reads "CockroachDB CCL v23.2.1 (x86_64-pc-linux-gnu, …)" (the text of SELECT version()).
// Returns {0, 0} when no version is found.
Version parse_version(std::string_view version_text);

// The releases Cockroach Labs supports on 2026-12-06 (tests/fixtures/crdb-releases/README.md):
// v24.3 (LTS), v25.2 (LTS), v25.4, v26.2, v26.3. Older servers are refused; newer ones run with a
// warning, read as the newest strata knows.
inline constexpr Version kOldestSupported{24, 3};
inline constexpr Version kNewestKnown{26, 3};

// The version the dialect plans for when it has no server to ask (strata ddl, offline plans).
inline constexpr Version kAssumedWithoutServer = kNewestKnown;

// A catalog surface or statement form strata sends, with the first release that has it.
enum class Feature {
  ShowCreateAllTables,    // SHOW CREATE ALL TABLES: introspection of tables, views, sequences, FKs
  ShowCreateAllTypes,     // SHOW CREATE ALL TYPES: introspection of enums
  ShowDatabasesRegions,   // primary_region, regions, survival_goal columns of SHOW DATABASES
  ShowJobs,               // SELECT … FROM [SHOW JOBS]: job_id, job_type, description, user_name,
                          // status, created (TIMESTAMPTZ), fraction_completed, error
  ShowJob,                // SHOW JOB <id>: one job with its full description
  AllowUnsafeInternals,   // the allow_unsafe_internals session variable exists
  UnsafeInternalsOff,     // ... and defaults to off: crdb_internal is refused (42501)
  LockTimeout,            // SET lock_timeout to a non-zero value takes effect
  IdentityColumnChanges,  // ALTER COLUMN … ADD GENERATED … AS IDENTITY, SET GENERATED, DROP IDENTITY
  HashShardedIndex,       // USING HASH WITH (bucket_count = n)
  EnumDropValue,          // ALTER TYPE … DROP VALUE
  SequenceAsType,         // CREATE/ALTER SEQUENCE … AS type
  VectorIndex,            // CREATE VECTOR INDEX
  OnlineRegionalByRow,    // SET LOCALITY to or from REGIONAL BY ROW by the declarative schema changer:
                          // writes to the table go on while it converts
  AlterColumnTypeFlag,    // SET enable_experimental_alter_column_type_general (needed for ALTER COLUMN
                          // TYPE up to v24.3, accepted after)
  UniqueWithoutIndex,     // UNIQUE WITHOUT INDEX (…) [WHERE …], after
                          // SET experimental_enable_unique_without_index_constraints = true
  RowLevelTtl,            // CREATE TABLE … WITH (ttl_…), ALTER TABLE … SET (ttl_…) / RESET (ttl…)
};

struct FeatureFact {
  Feature feature;
  std::string_view name;  // for messages: "ALTER COLUMN … ADD GENERATED … AS IDENTITY"
  Version since;
  std::optional<Version> until;  // the first release that no longer has it
  // The release catalogue's key for it: a `forms` pattern, a `show` form, a `session_settings`
  // name, or "default <setting> <value>" for a setting's default; empty when the catalogue has no
  // entry (a fact about behaviour).
  std::string_view catalogue_key;
  std::string_view source;  // where the fact comes from (path@commit, PR, docs page)
};

const std::vector<FeatureFact>& feature_facts();
const FeatureFact& fact(Feature feature);

// Whether a server of `version` has `feature`.
bool has(Version version, Feature feature);

// The policy for a server's release: throws UsageError (exit 2) for one older than
// kOldestSupported, or when `version_text` names no release, saying which is the oldest supported;
// returns a one-line warning for one newer than kNewestKnown, which is read as kNewestKnown.
std::optional<std::string> check_release(Version version, std::string_view version_text);

}  // namespace strata::cockroachdb
