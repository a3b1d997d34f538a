#include "tools/strata/command_line.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "strata/errors.hpp"

namespace strata::cli {

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
// neighbours each count one.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

bool is_option(const std::string& arg) {
  return arg.size() > 1 && arg[0] == '-' && !(std::isdigit(static_cast<unsigned char>(arg[1])) != 0);
}

// The option `name` ("--dir", "-o") names in `command` or, since options fall through, in a
// command above it.
const CLI::Option* find_option(const std::vector<const CLI::App*>& chain, const std::string& name) {
  for (std::size_t i = chain.size(); i-- > 0;) {
    for (const CLI::Option* option : chain[i]->get_options()) {
      if (option->nonpositional() && option->check_name(name)) return option;
    }
  }
  return nullptr;
}

std::vector<std::string> option_names(const std::vector<const CLI::App*>& chain) {
  std::vector<std::string> names;
  for (const CLI::App* command : chain) {
    for (const CLI::Option* option : command->get_options()) {
      for (const auto& l : option->get_lnames()) names.push_back("--" + l);
      for (const auto& s : option->get_snames()) names.push_back("-" + s);
    }
  }
  return names;
}

const CLI::App* find_subcommand(const CLI::App& command, const std::string& name) {
  for (const CLI::App* sub : visible_subcommands(command)) {
    if (sub->check_name(name)) return sub;
  }
  return nullptr;
}

std::vector<std::string> subcommand_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* sub : visible_subcommands(command)) names.push_back(sub->get_name());
  return names;
}

bool takes_positionals(const CLI::App& command) {
  return !command.get_options([](const CLI::Option* o) { return o->get_positional(); }).empty();
}

// How many arguments after `option` are its values: one for an option with a value, as many as do
// not look like an option or a subcommand for a list, none for a flag or `--name=value`.
std::size_t values_of(const CLI::Option& option, const CLI::App& command, const std::vector<std::string>& args,
                      std::size_t at) {
  if (args[at].find('=') != std::string::npos || option.get_expected_max() == 0) return 0;  // a flag
  if (option.get_items_expected_max() <= 1) return 1;
  std::size_t n = 0;
  while (at + 1 + n < args.size() && !is_option(args[at + 1 + n]) && !find_subcommand(command, args[at + 1 + n])) ++n;
  return n;
}

[[noreturn]] void unknown_option(const std::vector<const CLI::App*>& chain, const std::string& name) {
  const std::string path = command_path(chain);
  if (const auto guess = closest(name, option_names(chain))) {
    throw UsageError(
        fmt::format("`{}` has no option {}: did you mean {}? (see `{} --help`)", path, name, *guess, path));
  }
  throw UsageError(fmt::format("`{}` has no option {} (see `{} --help`)", path, name, path));
}

}  // namespace

std::optional<std::string> closest(std::string_view word, const std::vector<std::string>& known) {
  std::optional<std::string> best;
  std::size_t best_distance = 0;
  for (const auto& candidate : known) {
    const std::size_t d = distance(word, candidate);
    if (!best || d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  // A typo: one or two edits, and fewer than half the word's letters.
  if (best && best_distance > 0 && best_distance <= 2 && best_distance * 2 < word.size()) return best;
  std::optional<std::string> prefixed;
  for (const auto& candidate : known) {
    if (word.size() < 2 || !candidate.starts_with(word)) continue;
    if (prefixed) return std::nullopt;  // two candidates: no guess
    prefixed = candidate;
  }
  return prefixed;
}

[[noreturn]] void unknown_command(const std::vector<const CLI::App*>& chain, const std::string& word) {
  const CLI::App& command = *chain.back();
  const auto names = subcommand_names(command);
  const std::string path = command_path(chain);
  if (const auto guess = closest(word, names)) {
    throw UsageError(fmt::format("`{}` has no command '{}': did you mean `{} {}`? (`strata help{}` lists them)", path,
                                 word, path, *guess, path.size() > 6 ? path.substr(6) : ""));
  }
  throw UsageError(fmt::format("`{}` has no command '{}'; its commands are: {}", path, word, fmt::join(names, ", ")));
}

std::vector<const CLI::App*> visible_subcommands(const CLI::App& command) {
  return command.get_subcommands([](const CLI::App* sub) { return !sub->get_name().empty(); });
}

std::string command_path(const std::vector<const CLI::App*>& chain) {
  std::vector<std::string> names;
  for (const CLI::App* command : chain) names.push_back(command->get_name());
  return fmt::format("{}", fmt::join(names, " "));
}

std::vector<const CLI::App*> command_chain(const CLI::App& app, const std::vector<std::string>& args) {
  std::vector<const CLI::App*> chain = {&app};
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--") break;
    if (is_option(args[i])) {
      const std::string name = args[i].substr(0, args[i].find('='));
      if (const CLI::Option* option = find_option(chain, name)) i += values_of(*option, *chain.back(), args, i);
      continue;
    }
    const CLI::App* sub = find_subcommand(*chain.back(), args[i]);
    if (!sub) continue;
    chain.push_back(sub);
  }
  return chain;
}

void check_command_line(const CLI::App& app, const std::vector<std::string>& args) {
  std::vector<const CLI::App*> chain = {&app};
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") break;
    if (is_option(arg)) {
      std::string name = arg.substr(0, arg.find('='));
      if (!name.starts_with("--") && name.size() > 2) {
        name = name.substr(0, 2);  // -oFILE: the value is attached
        const CLI::Option* option = find_option(chain, name);
        if (!option) unknown_option(chain, name);
        continue;
      }
      const CLI::Option* option = find_option(chain, name);
      if (!option) unknown_option(chain, name);
      if (option->check_name("--help") || option->check_name("--version")) return;  // nothing else matters
      i += values_of(*option, *chain.back(), args, i);
      continue;
    }
    const CLI::App& command = *chain.back();
    if (visible_subcommands(command).empty()) continue;  // a positional argument
    if (const CLI::App* sub = find_subcommand(command, arg)) {
      chain.push_back(sub);
      continue;
    }
    if (!takes_positionals(command)) unknown_command(chain, arg);
  }
  // The walk ends at the deepest command named; if that one needs a subcommand, none was given.
  const CLI::App& last = *chain.back();
  if (last.get_require_subcommand_min() > 0) {
    const std::string path = command_path(chain);
    throw UsageError(fmt::format("`{}` needs a command: {} (`strata help{}` says what each does)", path,
                                 fmt::join(subcommand_names(last), ", "), chain.size() > 1 ? path.substr(6) : ""));
  }
}

}  // namespace strata::cli
