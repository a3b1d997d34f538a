#include "support/crdb_standin.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "support/crdb_standin/catalogue.hpp"

extern char** environ;

namespace strata::testing {
namespace {

constexpr int kStartTimeoutMs = 30'000;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Reads the child's stdout up to its first newline; empty when it closes or times out first.
std::string first_line(int fd) {
  std::string line;
  while (line.find('\n') == std::string::npos) {
    pollfd ready{fd, POLLIN, 0};
    const int n = ::poll(&ready, 1, kStartTimeoutMs);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return "";
    char buffer[256];
    const ssize_t got = ::read(fd, buffer, sizeof buffer);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return "";
    line.append(buffer, static_cast<size_t>(got));
  }
  return line.substr(0, line.find('\n'));
}

}  // namespace

std::filesystem::path CrdbStandin::catalogue_dir() {
  return std::filesystem::path(STRATA_SOURCE_DIR) / "tests" / "fixtures" / "crdb-releases";
}

std::vector<std::string> CrdbStandin::releases() {
  return standin::list_releases(catalogue_dir());
}

CrdbStandin::CrdbStandin(const std::string& release, const std::string& unsafe_internals,
                         const std::string& claimed_version) {
  char pattern[] = "/tmp/strata-crdb-standin-XXXXXX";
  if (!::mkdtemp(pattern)) throw std::runtime_error(std::string("mkdtemp: ") + std::strerror(errno));
  work_dir_ = pattern;
  const std::string log = (work_dir_ / "statements.log").string();
  const std::string err = (work_dir_ / "stderr.txt").string();
  std::vector<std::string> args = {STRATA_CRDB_STANDIN_PATH,
                                   "--catalogue",
                                   catalogue_dir().string(),
                                   "--release",
                                   release,
                                   "--unsafe-internals",
                                   unsafe_internals,
                                   "--port",
                                   "0",
                                   "--log",
                                   log};
  if (!claimed_version.empty()) args.insert(args.end(), {"--claim-version", claimed_version});
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);

  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  const int spawned = ::posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out[1]);
  if (spawned != 0) {
    ::close(out[0]);
    throw std::runtime_error(std::string("cannot start ") + argv[0] + ": " + std::strerror(spawned));
  }
  const std::string line = first_line(out[0]);
  ::close(out[0]);
  if (line.rfind("port ", 0) != 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
    throw std::runtime_error("strata-crdb-standin " + release + " did not start: " + read_file(err));
  }
  port_ = std::stoi(line.substr(5));
}

CrdbStandin::~CrdbStandin() {
  if (pid_ > 0) {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  std::error_code ignored;
  std::filesystem::remove_all(work_dir_, ignored);
}

std::string CrdbStandin::url(const std::string& database) const {
  return "postgresql://root@127.0.0.1:" + std::to_string(port_) + "/" + database + "?sslmode=disable";
}

std::vector<LoggedStatement> CrdbStandin::statements() const {
  return standin::parse_statement_log(read_file(work_dir_ / "statements.log"));
}

std::vector<StandinCase> standin_cases() {
  std::vector<StandinCase> out;
  for (const auto& release : CrdbStandin::releases()) {
    for (const char* setting : {"on", "off"}) out.push_back({release, setting});
  }
  return out;
}

std::string standin_case_name(const ::testing::TestParamInfo<StandinCase>& info) {
  std::string name = info.param.release + "_" + info.param.unsafe_internals;
  for (char& c : name) {
    if (c == '.') c = '_';
  }
  return name;
}

void PrintTo(const StandinCase& c, std::ostream* out) {
  *out << c.release << " allow_unsafe_internals=" << c.unsafe_internals;
}

}  // namespace strata::testing
