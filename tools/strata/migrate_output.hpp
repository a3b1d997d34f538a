// How `strata migrate` prints its reports: text for people, JSON (with a version field) for scripts.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "strata/migrate.hpp"

namespace strata::cli {

// A dry run prints the statements it would run, each under a comment naming its file and line.
std::string report_to_text(const MigrateReport& report, std::string_view verb);
std::string report_to_json(const MigrateReport& report);

// The JSON of a report with no migrations yet (what a failed run shows before any finished), and
// of one migration run.
nlohmann::json report_document(bool dry_run);
nlohmann::json run_json(const MigrationRun& run, bool dry_run);

// A table with aligned columns; `colour` adds ANSI colours to the states.
std::string status_to_text(const MigrateStatusReport& report, bool colour);
std::string status_to_json(const MigrateStatusReport& report);

// Characters shown on a terminal (UTF-8 code points), and `text` padded to `width` of them.
std::size_t display_width(std::string_view text);
std::string pad(std::string_view text, std::size_t width);

}  // namespace strata::cli
