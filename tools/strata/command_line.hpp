// Reading the command line before CLI11 does, so that a mistake is named: an unknown command or
// option with the closest known one ("did you mean"), and a command that needs a subcommand with
// the list of them. CLI11 alone says "A subcommand is required" or "Could not convert: N = d".
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace strata::cli {

// The known word closest to `word` (edit distance, a transposition counting one), or a unique
// known word that starts with it; nullopt when none is close enough to be a likely typo.
std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& known);

// The commands `args` names, in order, from `app` down ("migrate", "up"), as far as they are known.
std::vector<const CLI::App*> command_chain(const CLI::App& app, const std::vector<std::string>& args);

// "strata migrate up" for a chain.
std::string command_path(const std::vector<const CLI::App*>& chain);

// Throws UsageError for an unknown command or option (naming it and the closest known one), or a
// command given without the subcommand it needs (listing them).
void check_command_line(const CLI::App& app, const std::vector<std::string>& args);

// Throws UsageError: `chain`'s last command has no subcommand `word`; names the closest.
[[noreturn]] void unknown_command(const std::vector<const CLI::App*>& chain, const std::string& word);

// The subcommands of `command` a user may type (not the hidden ones).
std::vector<const CLI::App*> visible_subcommands(const CLI::App& command);

}  // namespace strata::cli
