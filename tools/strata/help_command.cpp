// `strata help [COMMAND...]` and `strata completion bash|zsh|fish`.
#include <algorithm>
#include <iostream>

#include "tools/strata/command_line.hpp"
#include "tools/strata/commands.hpp"
#include "tools/strata/completion.hpp"

namespace strata::cli {

namespace {

struct HelpArgs {
  std::vector<std::string> words;
  std::string shell;
};

std::string help_of(const std::vector<const CLI::App*>& chain) {
  const CLI::App* command = chain.back();
  return command->get_formatter()->make_help(command, command_path(chain), CLI::AppFormatMode::Normal);
}

}  // namespace

void add_help_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<HelpArgs>();
  auto* help = app.add_subcommand("help", "Print the help of strata or of a command (strata help migrate up)");
  help->add_option("COMMAND", args->words, "The command, and its subcommand");
  help->callback([args, &app, &run] {
    run = [args, &app] {
      std::vector<const CLI::App*> chain = {&app};
      for (const auto& word : args->words) {
        const auto subs = visible_subcommands(*chain.back());
        const auto it = std::find_if(subs.begin(), subs.end(), [&](const CLI::App* s) { return s->check_name(word); });
        if (it == subs.end()) unknown_command(chain, word);
        chain.push_back(*it);
      }
      std::cout << help_of(chain) << std::flush;
      return 0;
    };
  });
}

void add_completion_command(CLI::App& app, Runner& run) {
  auto args = std::make_shared<HelpArgs>();
  auto* completion = app.add_subcommand("completion", "Print a shell completion script: bash, zsh or fish");
  completion->footer(
      "Load it in the current shell:  source <(strata completion bash)   (zsh: after compinit)\n"
      "                               strata completion fish | source\n"
      "or save it where the shell looks: /etc/bash_completion.d/strata, a directory of $fpath as _strata,\n"
      "~/.config/fish/completions/strata.fish. It is made from strata's own commands and options.");
  completion->add_option("SHELL", args->shell, "The shell")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  completion->callback([args, &app, &run] {
    run = [args, &app] {
      std::cout << completion_script(app, args->shell) << std::flush;
      return 0;
    };
  });
}

}  // namespace strata::cli
