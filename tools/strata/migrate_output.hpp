// How `strata migrate` prints its reports: text for people, JSON (with a version field) for scripts.
#pragma once

#include <string>
#include <string_view>

#include "strata/migrate.hpp"

namespace strata::cli {

std::string report_to_text(const MigrateReport& report, std::string_view verb);
std::string report_to_json(const MigrateReport& report);

// A table; `colour` adds ANSI colours to the states.
std::string status_to_text(const MigrateStatusReport& report, bool colour);
std::string status_to_json(const MigrateStatusReport& report);

}  // namespace strata::cli
