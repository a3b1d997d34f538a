// The documentation promises only what is there: every command the README's synopsis shows
// exists, with every flag it shows in that command's --help, and every command `strata` has is in
// the synopsis. Shell completion is made from the same commands and flags, and works in bash.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/migration_dir.hpp"
#include "support/run_command.hpp"

namespace strata {
namespace {

using testing::CommandResult;
using ::testing::HasSubstr;
using ::testing::Not;
using testing::run_command;
using testing::strata_binary;

CommandResult strata(std::vector<std::string> args) {
  args.insert(args.begin(), strata_binary());
  return run_command(args);
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

struct SynopsisEntry {
  std::vector<std::string> command;  // {"migrate", "up"}
  std::vector<std::string> flags;    // {"--dir", "--dry-run", ...}
  std::string text;
};

// The README's synopsis: the code block after "## The strata command". An entry is a line that
// starts with "strata " and the lines after it that start with spaces and then '[' or '-'
// (description lines, indented and starting with a word, are not part of it).
std::vector<SynopsisEntry> readme_synopsis() {
  const std::string readme = read_file(std::filesystem::path(STRATA_SOURCE_DIR) / "README.md");
  const std::size_t section = readme.find("## The strata command");
  const std::size_t start = readme.find("```\n", section) + 4;
  const std::size_t end = readme.find("```", start);
  std::istringstream block(readme.substr(start, end - start));
  std::vector<SynopsisEntry> entries;
  std::string line;
  while (std::getline(block, line)) {
    if (line.starts_with("strata ")) {
      entries.emplace_back();
      std::istringstream words(line.substr(7));
      std::string word;
      while (words >> word && std::regex_match(word, std::regex("[a-z]+"))) entries.back().command.push_back(word);
    } else if (entries.empty() || !std::regex_search(line, std::regex("^ +[\\[-]"))) {
      continue;
    }
    entries.back().text += line + "\n";
  }
  const std::regex flag("(^|[\\s\\[|])(--?[a-z][a-z-]*)");
  for (auto& entry : entries) {
    for (std::sregex_iterator it(entry.text.begin(), entry.text.end(), flag), stop; it != stop; ++it) {
      entry.flags.push_back((*it)[2]);
    }
  }
  return entries;
}

// The subcommands a --help lists.
std::vector<std::string> subcommands_in_help(const std::string& help) {
  std::vector<std::string> names;
  const std::size_t at = help.find("Subcommands:");
  if (at == std::string::npos) return names;
  std::istringstream lines(help.substr(at));
  std::string line;
  std::getline(lines, line);
  while (std::getline(lines, line) && line.starts_with("  ")) {
    std::istringstream words(line);
    std::string name;
    words >> name;
    names.push_back(name);
  }
  return names;
}

TEST(CliDocs, EveryFlagTheReadmeSynopsisShowsIsInTheCommandsHelp) {
  const auto entries = readme_synopsis();
  ASSERT_GE(entries.size(), 15u);
  for (const auto& entry : entries) {
    std::vector<std::string> args = entry.command;
    args.push_back("--help");
    const auto help = strata(args);
    ASSERT_EQ(help.exit_code, 0) << "README shows `strata " << ::testing::PrintToString(entry.command)
                                 << "`, which does not exist:\n"
                                 << help.err;
    for (const auto& flag : entry.flags) {
      const std::regex shown("(^|[\\s,])" + flag + "([\\s=,]|$)");
      EXPECT_TRUE(std::regex_search(help.out, shown))
          << "README shows " << flag << " for `strata " << ::testing::PrintToString(entry.command)
          << "`, but its --help does not:\n"
          << help.out;
    }
  }
}

TEST(CliDocs, EveryCommandIsInTheReadmeSynopsis) {
  const auto entries = readme_synopsis();
  auto documented = [&](const std::vector<std::string>& command) {
    return std::any_of(entries.begin(), entries.end(), [&](const SynopsisEntry& e) { return e.command == command; });
  };
  for (const auto& top : subcommands_in_help(strata({"--help"}).out)) {
    const auto subs = subcommands_in_help(strata({top, "--help"}).out);
    if (subs.empty()) {
      EXPECT_TRUE(documented({top})) << "`strata " << top << "` is not in the README's synopsis";
    }
    for (const auto& sub : subs) {
      EXPECT_TRUE(documented({top, sub})) << "`strata " << top << " " << sub << "` is not in the README's synopsis";
    }
  }
}

TEST(CliDocs, HelpSaysWhichCommandsTakeTheLock) {
  const auto migrate = strata({"migrate", "--help"});
  EXPECT_THAT(migrate.out, Not(HasSubstr("Every run takes")));
  EXPECT_THAT(migrate.out, HasSubstr("status, hash and new do not"));
  EXPECT_THAT(strata({"migrate", "status", "--help"}).out, HasSubstr("without taking strata's lock"));
  EXPECT_THAT(strata({"migrate", "hash", "--help"}).out, HasSubstr("Touches no database"));
  EXPECT_THAT(strata({"migrate", "hash", "--help"}).out, Not(HasSubstr("--url")));
}

TEST(Completion, ScriptsCoverEveryCommandAndFlag) {
  const auto bash = strata({"completion", "bash"});
  const auto zsh = strata({"completion", "zsh"});
  const auto fish = strata({"completion", "fish"});
  ASSERT_EQ(bash.exit_code, 0) << bash.err;
  ASSERT_EQ(zsh.exit_code, 0) << zsh.err;
  ASSERT_EQ(fish.exit_code, 0) << fish.err;
  for (const auto& entry : readme_synopsis()) {
    std::string joined = "strata";
    for (const auto& word : entry.command) joined += " " + word;
    EXPECT_THAT(bash.out, HasSubstr("\"" + joined + "\")")) << joined;
    EXPECT_THAT(zsh.out, HasSubstr("\"" + joined + "\")")) << joined;
    EXPECT_THAT(fish.out, HasSubstr("= \"" + joined + "\"")) << joined;
    for (const auto& flag : entry.flags) {
      EXPECT_THAT(bash.out, HasSubstr(flag)) << joined;
      EXPECT_THAT(fish.out, HasSubstr(flag.starts_with("--") ? "-l " + flag.substr(2) : "-s " + flag.substr(1)))
          << joined;
    }
  }
  for (const std::string shell : {"/usr/bin/zsh", "/usr/bin/fish"}) {
    if (!std::filesystem::exists(shell)) {
      std::cout << shell << " is not installed: its script's syntax is not checked (tools/deps installs it)\n";
      continue;
    }
    testing::MigrationDir dir;
    const auto file = dir.path() / "script";
    std::ofstream(file) << (shell.ends_with("zsh") ? zsh.out : fish.out);
    const auto checked = run_command({shell, "-n", file.string()});
    EXPECT_EQ(checked.exit_code, 0) << shell << " -n: " << checked.err;
    if (shell.ends_with("fish")) {
      const auto completed =
          run_command({shell, "-c", "source '" + file.string() + "'; complete -C 'strata migrate up --dr'"});
      EXPECT_THAT(completed.out, HasSubstr("--dry-run\t")) << completed.err;
    }
  }
}

// Completes `words` (the last one being typed) with the bash script, as bash would.
std::vector<std::string> complete_in_bash(const std::string& script, const std::vector<std::string>& words) {
  testing::MigrationDir dir;
  std::ofstream(dir.path() / "strata.bash") << script;
  std::string array;
  for (const auto& w : words) array += " '" + w + "'";
  const std::string program = "source '" + (dir.path() / "strata.bash").string() + "'; COMP_WORDS=(" + array +
                              "); COMP_CWORD=" + std::to_string(words.size() - 1) +
                              "; _strata; printf '%s\\n' \"${COMPREPLY[@]}\"";
  const auto result = run_command({"/bin/bash", "-c", program});
  EXPECT_EQ(result.exit_code, 0) << result.err;
  std::vector<std::string> out;
  std::istringstream lines(result.out);
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

TEST(Completion, BashCompletesCommandsSubcommandsFlagsAndChoices) {
  const std::string script = strata({"completion", "bash"}).out;
  using ::testing::Contains;
  using ::testing::ElementsAre;
  EXPECT_THAT(complete_in_bash(script, {"strata", "mi"}), ElementsAre("migrate"));
  EXPECT_THAT(complete_in_bash(script, {"strata", "migrate", "st"}), ElementsAre("status"));
  EXPECT_THAT(complete_in_bash(script, {"strata", "lock", "st"}), ElementsAre("status"));
  EXPECT_THAT(complete_in_bash(script, {"strata", "migrate", "up", "--dr"}), ElementsAre("--dry-run"));
  EXPECT_THAT(complete_in_bash(script, {"strata", "migrate", "up", "--format", ""}), ElementsAre("text", "json"));
  EXPECT_THAT(complete_in_bash(script, {"strata", "plan", "--format", "s"}), ElementsAre("sql"));
  EXPECT_THAT(complete_in_bash(script, {"strata", "completion", ""}), ElementsAre("bash", "zsh", "fish"));
  EXPECT_THAT(complete_in_bash(script, {"strata", "migrate", "status", "--"}), Contains("--dir"));
  EXPECT_THAT(complete_in_bash(script, {"strata", "migrate", "status", "--"}), Not(Contains("--dry-run")));
}

}  // namespace
}  // namespace strata
