// Running a program (the `strata` command) from a test and capturing what it printed.
#pragma once

#include <string>
#include <vector>

namespace strata::testing {

struct CommandResult {
  int exit_code = -1;  // the exit status, or 128 + signal number
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is the program path) with the current environment plus `env`
// ("NAME=value" entries; "NAME=" with nothing after unsets NAME), feeding `input` on stdin.
CommandResult run_command(const std::vector<std::string>& argv, const std::vector<std::string>& env = {},
                          const std::string& input = "");

// A program running in the background, its output going to temporary files (so it never blocks
// on a full pipe). The destructor kills it (SIGKILL) if it still runs.
class Process {
 public:
  explicit Process(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  int pid() const { return pid_; }
  void signal(int signal_number) const;
  bool running();                  // not yet exited
  CommandResult wait();            // waits for the exit, returns what it printed
  std::string err_so_far() const;  // standard error up to now

 private:
  int pid_ = -1;
  bool reaped_ = false;
  int status_ = 0;
  std::string out_path_;
  std::string err_path_;
};

// The path of the built `strata` command.
std::string strata_binary();

// The path of `name` (psql, pg_dump) in a directory of $PATH; throws std::runtime_error when none has it.
std::string program_on_path(const std::string& name);

}  // namespace strata::testing
