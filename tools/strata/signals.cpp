#include "tools/strata/signals.hpp"

#include <unistd.h>

#include <csignal>
#include <cstring>

namespace strata::cli {

namespace {

StopToken the_token;
volatile std::sig_atomic_t the_signal = 0;

void say(const char* text) {
  // write(2) is async-signal-safe; what it returns changes nothing here.
  const ssize_t written = ::write(STDERR_FILENO, text, std::strlen(text));
  (void)written;
}

extern "C" void on_signal(int number) {
  if (the_signal != 0) {
    say("\nstrata: stopped at once; the statement that was running is rolled back by the server\n");
    ::_exit(128 + number);
  }
  the_signal = number;
  the_token.request_stop();
  say("\nstrata: stopping after the current step (or migration), which is recorded; send the signal again to "
      "stop at once\n");
}

}  // namespace

const StopToken* stop_on_signals() {
  static const bool installed = [] {
    struct sigaction action {};
    action.sa_handler = on_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    return true;
  }();
  (void)installed;
  return &the_token;
}

int stopped_exit_code() {
  return the_signal != 0 ? 128 + the_signal : 128 + SIGINT;
}

}  // namespace strata::cli
