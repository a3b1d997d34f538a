#include "tools/strata/completion.hpp"

#include <fmt/format.h>

#include "tools/strata/command_line.hpp"

namespace strata::cli {

namespace {

struct OptionInfo {
  std::vector<std::string> names;  // "--dir", "-o"
  bool takes_value = false;
  std::vector<std::string> choices;  // from CLI::IsMember
  std::string description;
};

struct CommandInfo {
  std::string path;                                              // "strata migrate up"
  std::vector<std::pair<std::string, std::string>> subcommands;  // name, description
  std::vector<OptionInfo> options;                               // its own and those of the commands above it
  std::vector<std::string> positional_choices;
};

// "TEXT:{text,sql,json}" -> text, sql, json
std::vector<std::string> choices_of(const CLI::Option& option) {
  const std::string type = option.get_type_name();
  const std::size_t open = type.find('{');
  const std::size_t close = type.find('}', open);
  std::vector<std::string> choices;
  if (open == std::string::npos || close == std::string::npos) return choices;
  const std::string inside = type.substr(open + 1, close - open - 1);
  std::size_t start = 0;
  while (start <= inside.size()) {
    const std::size_t comma = inside.find(',', start);
    choices.push_back(inside.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return choices;
}

void collect(const CLI::App& command, const std::string& path, std::vector<OptionInfo> inherited,
             std::vector<CommandInfo>& out) {
  CommandInfo info;
  info.path = path;
  for (const CLI::Option* option : command.get_options()) {
    if (option->get_positional()) {
      for (auto& choice : choices_of(*option)) info.positional_choices.push_back(choice);
      continue;
    }
    OptionInfo o;
    for (const auto& l : option->get_lnames()) o.names.push_back("--" + l);
    for (const auto& s : option->get_snames()) o.names.push_back("-" + s);
    o.takes_value = option->get_expected_max() > 0;  // not a flag
    o.choices = choices_of(*option);
    o.description = option->get_description();
    info.options.push_back(o);
    if (!o.names.empty() && o.names.front() != "--help" && o.names.front() != "--version") inherited.push_back(o);
  }
  for (const auto& o : inherited) {
    const bool own = std::any_of(info.options.begin(), info.options.end(),
                                 [&](const OptionInfo& mine) { return mine.names == o.names; });
    if (!own) info.options.push_back(o);
  }
  for (const CLI::App* sub : visible_subcommands(command)) {
    info.subcommands.emplace_back(sub->get_name(), sub->get_description());
  }
  out.push_back(info);
  for (const CLI::App* sub : visible_subcommands(command)) collect(*sub, path + " " + sub->get_name(), inherited, out);
}

std::vector<CommandInfo> commands_of(const CLI::App& app) {
  std::vector<CommandInfo> out;
  collect(app, app.get_name(), {}, out);
  return out;
}

std::string single_quoted(const std::string& text) {
  std::string out = "'";
  for (const char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::vector<std::string> all_names(const std::vector<OptionInfo>& options) {
  std::vector<std::string> names;
  for (const auto& o : options) names.insert(names.end(), o.names.begin(), o.names.end());
  return names;
}

std::vector<std::string> subcommand_names(const CommandInfo& command) {
  std::vector<std::string> names;
  for (const auto& [name, description] : command.subcommands) names.push_back(name);
  return names;
}

// The shell `case` patterns that extend the path by a subcommand: "strata migrate"|"strata plan"|...
std::string path_patterns(const std::vector<CommandInfo>& commands) {
  std::vector<std::string> patterns;
  for (const auto& c : commands) {
    if (c.path.find(' ') != std::string::npos) patterns.push_back("\"" + c.path + "\"");
  }
  return fmt::format("{}", fmt::join(patterns, "|"));
}

std::string bash_script(const std::vector<CommandInfo>& commands) {
  std::string words;
  std::string values;
  std::vector<std::string> free_values;  // options whose value is anything: a file name, a URL, a number
  for (const auto& c : commands) {
    std::vector<std::string> positional = subcommand_names(c);
    positional.insert(positional.end(), c.positional_choices.begin(), c.positional_choices.end());
    words += fmt::format("    \"{}\")\n      commands=\"{}\"\n      options=\"{}\"\n      ;;\n", c.path,
                         fmt::join(positional, " "), fmt::join(all_names(c.options), " "));
    for (const auto& o : c.options) {
      if (!o.takes_value) continue;
      std::vector<std::string> patterns;
      for (const auto& name : o.names) patterns.push_back(fmt::format("\"{} {}\"", c.path, name));
      if (o.choices.empty()) {
        free_values.insert(free_values.end(), patterns.begin(), patterns.end());
        continue;
      }
      values += fmt::format("    {})\n      COMPREPLY=($(compgen -W \"{}\" -- \"$cur\"))\n      return\n      ;;\n",
                            fmt::join(patterns, "|"), fmt::join(o.choices, " "));
    }
  }
  if (!free_values.empty()) values += fmt::format("    {})\n      return\n      ;;\n", fmt::join(free_values, "|"));
  return fmt::format(
      "# bash completion for strata, made by `strata completion bash`. Load it with\n"
      "#   source <(strata completion bash)\n"
      "# or save it as /etc/bash_completion.d/strata.\n"
      "_strata() {{\n"
      "  local cur=\"${{COMP_WORDS[COMP_CWORD]}}\" prev=\"${{COMP_WORDS[COMP_CWORD-1]}}\"\n"
      "  local cmdpath=strata i\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    case \"$cmdpath ${{COMP_WORDS[i]}}\" in\n"
      "    {}) cmdpath=\"$cmdpath ${{COMP_WORDS[i]}}\" ;;\n"
      "    esac\n"
      "  done\n"
      "  # The value of an option: its choices, or nothing to offer (then bash offers file names).\n"
      "  case \"$cmdpath $prev\" in\n"
      "{}"
      "  esac\n"
      "  local commands=\"\" options=\"\"\n"
      "  case \"$cmdpath\" in\n"
      "{}"
      "  esac\n"
      "  if [[ \"$cur\" == -* ]]; then\n"
      "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
      "  else\n"
      "    COMPREPLY=($(compgen -W \"$commands\" -- \"$cur\"))\n"
      "  fi\n"
      "}}\n"
      "complete -o default -F _strata strata\n",
      path_patterns(commands), values, words);
}

std::string zsh_described(const std::string& name, const std::string& description) {
  std::string escaped;
  for (const char c : name) {
    if (c == ':') escaped += '\\';
    escaped += c;
  }
  return single_quoted(escaped + ":" + description);
}

std::string zsh_script(const std::vector<CommandInfo>& commands) {
  std::string words;
  std::string values;
  for (const auto& c : commands) {
    std::vector<std::string> described;
    for (const auto& [name, description] : c.subcommands) described.push_back(zsh_described(name, description));
    for (const auto& choice : c.positional_choices) described.push_back(zsh_described(choice, ""));
    std::vector<std::string> options;
    for (const auto& o : c.options) {
      for (const auto& name : o.names) options.push_back(zsh_described(name, o.description));
    }
    words += fmt::format("    \"{}\")\n      subcommands=({})\n      flags=({})\n      ;;\n", c.path,
                         fmt::join(described, " "), fmt::join(options, " "));
    for (const auto& o : c.options) {
      if (!o.takes_value) continue;
      std::vector<std::string> patterns;
      for (const auto& name : o.names) patterns.push_back(fmt::format("\"{} {}\"", c.path, name));
      values += o.choices.empty()
                    ? fmt::format("    {})\n      _files\n      return\n      ;;\n", fmt::join(patterns, "|"))
                    : fmt::format("    {})\n      compadd -- {}\n      return\n      ;;\n", fmt::join(patterns, "|"),
                                  fmt::join(o.choices, " "));
    }
  }
  return fmt::format(
      "#compdef strata\n"
      "# zsh completion for strata, made by `strata completion zsh`. Load it (after compinit) with\n"
      "#   source <(strata completion zsh)\n"
      "# or save it as _strata in a directory of $fpath.\n"
      "_strata() {{\n"
      "  local cmdpath=strata i\n"
      "  for ((i = 2; i < CURRENT; i++)); do\n"
      "    case \"$cmdpath ${{words[i]}}\" in\n"
      "    {}) cmdpath=\"$cmdpath ${{words[i]}}\" ;;\n"
      "    esac\n"
      "  done\n"
      "  case \"$cmdpath ${{words[CURRENT-1]}}\" in\n"
      "{}"
      "  esac\n"
      "  local -a subcommands flags\n"
      "  case \"$cmdpath\" in\n"
      "{}"
      "  esac\n"
      "  if [[ \"${{words[CURRENT]}}\" == -* ]]; then\n"
      "    _describe -t options option flags\n"
      "  elif (( ${{#subcommands}} )); then\n"
      "    _describe -t commands command subcommands\n"
      "  else\n"
      "    _files\n"
      "  fi\n"
      "}}\n"
      "if [[ \"$funcstack[1]\" = _strata ]]; then\n"
      "  _strata \"$@\"\n"
      "else\n"
      "  compdef _strata strata\n"
      "fi\n",
      path_patterns(commands), values, words);
}

std::string fish_script(const std::vector<CommandInfo>& commands) {
  std::string lines;
  for (const auto& c : commands) {
    const std::string when = single_quoted(fmt::format("test (__strata_path) = \"{}\"", c.path));
    for (const auto& [name, description] : c.subcommands) {
      lines += fmt::format("complete -c strata -n {} -a {} -d {}\n", when, name, single_quoted(description));
    }
    for (const auto& choice : c.positional_choices) {
      lines += fmt::format("complete -c strata -n {} -a {}\n", when, choice);
    }
    for (const auto& o : c.options) {
      std::string flags;
      for (const auto& name : o.names) {
        flags += name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1);
      }
      if (o.takes_value) {
        flags += o.choices.empty()
                     ? " -r -F"
                     : fmt::format(" -x -a {}", single_quoted(fmt::format("{}", fmt::join(o.choices, " "))));
      }
      lines += fmt::format("complete -c strata -n {}{} -d {}\n", when, flags, single_quoted(o.description));
    }
  }
  std::vector<std::string> patterns;
  for (const auto& c : commands) {
    if (c.path.find(' ') != std::string::npos) patterns.push_back(single_quoted(c.path));
  }
  return fmt::format(
      "# fish completion for strata, made by `strata completion fish`. Load it with\n"
      "#   strata completion fish | source\n"
      "# or save it as ~/.config/fish/completions/strata.fish.\n"
      "function __strata_path\n"
      "    set -l cmdpath strata\n"
      "    for word in (commandline -opc)[2..-1]\n"
      "        switch \"$cmdpath $word\"\n"
      "            case {}\n"
      "                set cmdpath \"$cmdpath $word\"\n"
      "        end\n"
      "    end\n"
      "    echo $cmdpath\n"
      "end\n"
      "complete -c strata -f\n"
      "{}",
      fmt::join(patterns, " "), lines);
}

}  // namespace

std::string completion_script(const CLI::App& app, const std::string& shell) {
  const auto commands = commands_of(app);
  if (shell == "zsh") return zsh_script(commands);
  if (shell == "fish") return fish_script(commands);
  return bash_script(commands);
}

}  // namespace strata::cli
