// How a failure is told. On standard error, for people: every problem with its place, at most
// kShownDiagnostics of them and then how many more, long values cut. With `--format json`, also
// one JSON document on standard output: what the command had so far (json_so_far()) with an
// "error" object (docs/json.md).
#pragma once

#include <exception>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace strata::cli {

inline constexpr std::size_t kShownDiagnostics = 50;
inline constexpr std::size_t kLongestValue = 400;  // characters of one message line before it is cut

// `text`, or when it is longer than `limit` characters its start and end around a note of how
// much was cut (never inside a UTF-8 character).
std::string cut_long(std::string_view text, std::size_t limit = kLongestValue);

// A stable name for the kind of failure: "usage", "load", "migration-changed", "plan",
// "connection", "lock-wait-timeout", "database", "migration-failed", "findings", "hazard-refused",
// "migration-interrupted", "internal".
std::string failure_code(const std::exception& error);

// The "error" object of a JSON document.
nlohmann::json error_json(const std::exception& error);

// What a command in --format json has to show so far; report_failure() prints it with "error".
nlohmann::json& json_so_far();

// Whether the command line asks for --format json (known before parsing, so that a usage error
// is a JSON document too).
bool json_requested(const std::vector<std::string>& args);

// Prints the failure on standard error (scrubbed of `secrets`) and, when `json`, the document on
// standard output. Returns the exit code (strata::exit_code_for).
int report_failure(const std::exception& error, bool json, const std::vector<std::string>& secrets);

}  // namespace strata::cli
