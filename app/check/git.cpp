#include "app/check/git.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstring>

#include <fmt/format.h>

#include "strata/errors.hpp"

namespace strata::check {

namespace {

struct Output {
  int status = -1;
  std::string out;
};

// Runs git -C dir ARGS…, collecting stdout (stderr is discarded: callers say what went wrong).
Output run_git(const std::filesystem::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv_text = {"git", "-C", dir.string()};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);

  int fds[2];
  if (pipe(fds) != 0) throw UsageError(fmt::format("cannot run git: {}", std::strerror(errno)));
  const pid_t pid = fork();
  if (pid < 0) throw UsageError(fmt::format("cannot run git: {}", std::strerror(errno)));
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    close(fds[0]);
    close(fds[1]);
    if (FILE* null = std::fopen("/dev/null", "w")) dup2(fileno(null), STDERR_FILENO);
    execvp("git", argv.data());
    _exit(127);
  }
  close(fds[1]);
  Output result;
  std::array<char, 8192> buffer{};
  for (;;) {
    const ssize_t n = read(fds[0], buffer.data(), buffer.size());
    if (n > 0) result.out.append(buffer.data(), static_cast<std::size_t>(n));
    if (n == 0 || (n < 0 && errno != EINTR)) break;
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  if (result.status == 127) throw UsageError("--base needs git, and git was not found on PATH");
  return result;
}

// The file names (last path component) of a listing of one path per line.
std::vector<std::string> file_names(const std::string& listing) {
  std::vector<std::string> names;
  std::size_t start = 0;
  while (start < listing.size()) {
    std::size_t end = listing.find('\n', start);
    if (end == std::string::npos) end = listing.size();
    const std::string path = listing.substr(start, end - start);
    if (!path.empty()) names.push_back(std::filesystem::path(path).filename().string());
    start = end + 1;
  }
  return names;
}

}  // namespace

void require_commit(const std::filesystem::path& dir, const std::string& ref) {
  if (ref.empty() || ref.starts_with("-")) throw UsageError(fmt::format("--base '{}' is not a git ref", ref));
  if (run_git(dir, {"rev-parse", "--verify", "--quiet", ref + "^{commit}"}).status != 0) {
    throw UsageError(fmt::format("--base {}: not a commit of the git repository holding {}", ref, dir.string()));
  }
}

std::vector<std::string> files_at(const std::filesystem::path& dir, const std::string& ref) {
  const Output listing = run_git(dir, {"ls-tree", "--name-only", ref, "--", "."});
  if (listing.status != 0) throw UsageError(fmt::format("git ls-tree {} failed in {}", ref, dir.string()));
  return file_names(listing.out);
}

std::vector<std::string> edited_since(const std::filesystem::path& dir, const std::string& ref) {
  const Output diff =
      run_git(dir, {"diff", "--name-only", "--relative", "--no-renames", "--diff-filter=MT", ref, "--", "."});
  if (diff.status != 0) throw UsageError(fmt::format("git diff {} failed in {}", ref, dir.string()));
  return file_names(diff.out);
}

}  // namespace strata::check
