// `strata completion bash|zsh|fish`: a completion script for the shell, made from the CLI11 app
// itself (its commands, subcommands, options and their choices), so it never lags behind them.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace strata::cli {

// The script for `shell` ("bash", "zsh" or "fish").
std::string completion_script(const CLI::App& app, const std::string& shell);

}  // namespace strata::cli
