// strata-crdb-standin: a pgwire server that answers as a CockroachDB release would, from the
// release catalogue only, and logs every statement it receives (README.md beside this file).
//
//   strata-crdb-standin --catalogue DIR --release v25.4 [--unsafe-internals on|off|default]
//                       [--state DIR] [--port N] [--log FILE]
//
// Listens on 127.0.0.1, prints "port N" when ready, serves connections (a thread each) until
// SIGTERM or SIGINT.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <thread>

#include "support/crdb_standin/connection.hpp"

namespace {

using namespace strata::standin;

struct Options {
  std::string catalogue;
  std::string release;
  std::string state;
  std::string unsafe_internals = "default";
  std::string log;
  std::string version;  // --claim-version: the text SELECT version() answers instead of the release's
  int port = 0;
};

[[noreturn]] void usage(const std::string& problem) {
  std::cerr << "strata-crdb-standin: " << problem << "\n"
            << "usage: strata-crdb-standin --catalogue DIR --release vX.Y [--unsafe-internals on|off|default]\n"
            << "                           [--state DIR] [--port N] [--log FILE] [--claim-version TEXT]\n"
            << "--claim-version makes the server claim another release's version() text (a release outside the\n"
            << "catalogue, to test a client's release policy); every other answer stays the release's.\n";
  std::exit(2);
}

Options parse_options(int argc, char** argv) {
  Options options;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (i + 1 >= argc) usage("no value for " + flag);
    const std::string value = argv[++i];
    if (flag == "--catalogue") {
      options.catalogue = value;
    } else if (flag == "--release") {
      options.release = value;
    } else if (flag == "--state") {
      options.state = value;
    } else if (flag == "--unsafe-internals") {
      options.unsafe_internals = value;
    } else if (flag == "--log") {
      options.log = value;
    } else if (flag == "--claim-version") {
      options.version = value;
    } else if (flag == "--port") {
      options.port = std::stoi(value);
    } else {
      usage("unknown option " + flag);
    }
  }
  if (options.catalogue.empty() || options.release.empty()) usage("--catalogue and --release are required");
  if (options.unsafe_internals != "on" && options.unsafe_internals != "off" && options.unsafe_internals != "default") {
    usage("--unsafe-internals takes on, off or default");
  }
  if (options.state.empty()) options.state = options.catalogue + "/state/default";
  return options;
}

int listen_on(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
  const int on = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 64) != 0) {
    throw std::runtime_error(std::string("cannot listen on 127.0.0.1:") + std::to_string(port) + ": " +
                             std::strerror(errno));
  }
  return fd;
}

int bound_port(int fd) {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  return ntohs(address.sin_port);
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse_options(argc, argv);
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);  // every thread inherits this; one waits for them
  try {
    Release release = load_release(options.catalogue, options.release);
    if (!options.version.empty()) release.version = options.version;
    const State state = load_state(options.state);
    const Responder responder(release, state);
    StatementLog log(options.log);
    std::optional<std::string> unsafe;
    if (options.unsafe_internals != "default") unsafe = options.unsafe_internals;
    if (unsafe && !release.gate) {
      std::cerr << "strata-crdb-standin: " << release.release
                << " has no allow_unsafe_internals; --unsafe-internals is ignored (nothing is gated)\n";
    }
    const ServerSetup setup{responder, log, unsafe};
    const int listener = listen_on(options.port);
    std::thread([&log, stop_signals] {
      int signal_number = 0;
      sigwait(&stop_signals, &signal_number);
      log.quiesce();
      std::_Exit(0);
    }).detach();
    std::cout << "port " << bound_port(listener) << std::endl;
    for (std::atomic<int> next_session{1};;) {
      const int client = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
      if (client < 0) {
        if (errno == EINTR || errno == ECONNABORTED) continue;
        throw std::runtime_error(std::string("accept: ") + std::strerror(errno));
      }
      std::thread(serve_connection, client, next_session++, std::cref(setup)).detach();
    }
  } catch (const std::exception& e) {
    std::cerr << "strata-crdb-standin: " << e.what() << "\n";
    return 1;
  }
}
