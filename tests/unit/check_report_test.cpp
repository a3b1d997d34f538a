// The reports of `strata check`: JSON (shape and version), JUnit XML (valid against
// tests/fixtures/junit.xsd, checked with xmllint), GitHub workflow commands (escaping), text
// (colour only when asked). Findings carry the characters each format must escape.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include "strata/check.hpp"
#include "support/case_files.hpp"
#include "support/run_command.hpp"

namespace strata {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kAwkward = "a \"quote\", <tag> & 'apostrophe': 100% sure\nsecond line\x01";

CheckReport sample_report() {
  CheckReport report;
  CheckCase integrity{CheckKind::Integrity, "migrations in migrations", false, "", {}};
  integrity.findings.push_back(
      {"SI101", CheckKind::Integrity, "migrations/strata.sum", 3, "0002_x.up.sql was edited", "run hash", ""});
  CheckCase lint{CheckKind::Lint, "migrations/0002_a,b:c.up.sql", false, "", {}};
  lint.findings.push_back(
      {"SL101", CheckKind::Lint, "migrations/0002_a,b:c.up.sql", 7, kAwkward, "think twice", "DROP TABLE \"x\""});
  lint.findings.push_back({"SL102", CheckKind::Lint, "migrations/0002_a,b:c.up.sql", 9, "drops", "fix", ""});
  CheckCase clean{CheckKind::Lint, "migrations/0001_init.up.sql", false, "", {}};
  CheckCase skipped{CheckKind::Drift, "live database against the declared schema", true, "no database (--url)", {}};
  CheckCase drift{CheckKind::Drift, "migrations against the declared schema", false, "", {}};
  drift.findings.push_back({"SD102", CheckKind::Drift, "", 0, "the migrations miss: add column", "migrate new",
                            "ALTER TABLE t ADD COLUMN c int;\n"});
  report.cases = {integrity, lint, clean, skipped, drift};
  return report;
}

TEST(CheckReportJson, HasTheDocumentedShapeAndVersion) {
  const auto json = nlohmann::json::parse(check_report_json(sample_report()));
  EXPECT_EQ(json["version"], 1);
  EXPECT_EQ(json["status"], "findings");
  EXPECT_EQ(json["summary"]["findings"], 4);
  EXPECT_EQ(json["summary"]["by_check"]["lint"], 2);
  EXPECT_EQ(json["summary"]["by_check"]["integrity"], 1);
  EXPECT_EQ(json["summary"]["skipped_checks"], 1);
  ASSERT_EQ(json["checks"].size(), 5u);
  EXPECT_EQ(json["checks"][2]["status"], "passed");
  EXPECT_EQ(json["checks"][3]["status"], "skipped");
  EXPECT_EQ(json["checks"][3]["reason"], "no database (--url)");
  ASSERT_EQ(json["findings"].size(), 4u);
  const auto& f = json["findings"][1];
  EXPECT_EQ(f["code"], "SL101");
  EXPECT_EQ(f["check"], "lint");
  EXPECT_EQ(f["file"], "migrations/0002_a,b:c.up.sql");
  EXPECT_EQ(f["line"], 7);
  EXPECT_EQ(f["message"], kAwkward);
  EXPECT_EQ(f["fix"], "think twice");
  EXPECT_TRUE(json["findings"][3]["file"].is_null());
  EXPECT_TRUE(json["findings"][3]["line"].is_null());
  EXPECT_EQ(nlohmann::json::parse(check_report_json(CheckReport{}))["status"], "clean");
}

TEST(CheckReportJunit, IsValidAgainstTheJunitSchema) {
  const auto dir = std::filesystem::temp_directory_path() / ("strata-junit-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "report.xml";
  const std::string xml = check_report_junit(sample_report());
  std::ofstream(file) << xml;
  const auto result =
      testing::run_command({"/usr/bin/env", "xmllint", "--noout", "--schema",
                            std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/junit.xsd", file.string()});
  EXPECT_EQ(result.exit_code, 0) << result.err << "\n" << xml;
  EXPECT_THAT(xml, HasSubstr("<testsuites name=\"strata check\" tests=\"5\" failures=\"3\" skipped=\"1\">"));
  EXPECT_THAT(xml, HasSubstr("<testcase classname=\"strata.lint\" name=\"migrations/0001_init.up.sql\"/>"));
  EXPECT_THAT(xml, HasSubstr("<skipped message=\"no database (--url)\"/>"));
  EXPECT_THAT(xml, HasSubstr("&lt;tag&gt; &amp; &apos;apostrophe&apos;"));
  EXPECT_THAT(xml, Not(HasSubstr("\x01")));

  // A document that breaks the schema is refused, so the check above can fail.
  std::ofstream(file) << "<testsuites><testsuite name=\"x\"/></testsuites>\n";
  EXPECT_NE(testing::run_command({"/usr/bin/env", "xmllint", "--noout", "--schema",
                                  std::string(STRATA_SOURCE_DIR) + "/tests/fixtures/junit.xsd", file.string()})
                .exit_code,
            0);
  std::filesystem::remove_all(dir);
}

TEST(CheckReportGithub, OneEscapedCommandPerFinding) {
  const std::string out = check_report_github(sample_report());
  std::vector<std::string> lines;
  for (std::size_t start = 0, end; start < out.size(); start = end + 1) {
    end = out.find('\n', start);
    lines.push_back(out.substr(start, end - start));
  }
  ASSERT_EQ(lines.size(), 6u) << out;  // 4 findings, 1 skipped notice, the summary
  EXPECT_EQ(lines[0],
            "::error file=migrations/strata.sum,line=3,title=strata SI101 integrity::0002_x.up.sql was edited%0Afix: "
            "run hash");
  EXPECT_EQ(lines[1],
            "::error file=migrations/0002_a%2Cb%3Ac.up.sql,line=7,title=strata SL101 lint::a \"quote\", <tag> & "
            "'apostrophe': 100%25 sure%0Asecond line\x01%0Afix: think twice");
  EXPECT_EQ(lines[4], "::error title=strata SD102 drift::the migrations miss: add column%0Afix: migrate new");
  EXPECT_THAT(lines[3], ::testing::StartsWith("::notice title=strata check%3A skipped::drift check of live database"));
  EXPECT_EQ(lines[5], "strata check: 4 findings, 1 check skipped");
}

TEST(CheckReportText, ColoursOnlyWhenAsked) {
  const std::string plain = check_report_text(sample_report(), false);
  EXPECT_THAT(plain, Not(HasSubstr("\033[")));
  EXPECT_THAT(plain, HasSubstr("  migrations/0002_a,b:c.up.sql:7: SL101 a \"quote\""));
  EXPECT_THAT(plain, HasSubstr("      fix: think twice\n"));
  EXPECT_THAT(plain, HasSubstr("drift     live database against the declared schema: skipped, no database (--url)\n"));
  EXPECT_THAT(plain, HasSubstr("lint      migrations/0001_init.up.sql: ok\n"));
  EXPECT_THAT(plain, HasSubstr("strata check: 4 findings (integrity 1, lint 2, drift 1); 1 check skipped\n"));
  EXPECT_THAT(check_report_text(sample_report(), true), HasSubstr("\033[33mSL101\033[0m"));
  EXPECT_THAT(check_report_text(CheckReport{}, false), HasSubstr("strata check: clean"));
}

}  // namespace
}  // namespace strata

namespace strata {
namespace {

std::string read_source(const std::string& relative) {
  return testing::read_file(std::filesystem::path(STRATA_SOURCE_DIR) / relative);
}

TEST(CheckDocs, EveryCodeIsDocumentedWithItsCheck) {
  const std::string doc = read_source("docs/check.md");
  ASSERT_FALSE(doc.empty());
  for (const auto& code : check_codes()) {
    EXPECT_THAT(doc, HasSubstr(fmt::format("| {} | {} |", code.code, check_kind_name(code.kind))))
        << code.code << " is missing from the table in docs/check.md";
  }
}

TEST(CheckDocs, TheExampleWorkflowIsYamlThatRunsStrataCheck) {
  const YAML::Node workflow = YAML::Load(read_source("examples/ci/strata-check.yml"));
  const YAML::Node job = workflow["jobs"]["check"];
  ASSERT_TRUE(job.IsMap());
  EXPECT_EQ(job["services"]["postgres"]["image"].as<std::string>(), "postgres:15");
  std::string runs;
  for (const auto& step : job["steps"]) {
    if (step["run"]) runs += step["run"].as<std::string>() + "\n";
  }
  EXPECT_THAT(runs, HasSubstr("start-single-node"));
  EXPECT_THAT(runs, HasSubstr("strata check --dir migrations --schema schema --base"));
  EXPECT_THAT(runs, HasSubstr("--format github"));
  EXPECT_THAT(runs, HasSubstr("--format junit"));
}

}  // namespace
}  // namespace strata
