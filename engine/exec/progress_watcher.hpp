// Progress of long statements while they run (PostgreSQL's index builds): a thread with a
// connection of its own asks the server (ServerDialect::statement_progress) how far the session
// running them has got, and hands each change to RunObserver::index_build_progress, from that
// thread. The connection is opened on the first statement worth watching and kept for the run.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "engine/db/server_dialect.hpp"
#include "strata/run_options.hpp"

namespace strata {

class Connection;

class ProgressWatcher {
 public:
  // Watches the session `backend_pid` of the server `url` names.
  ProgressWatcher(const ServerDialect& dialect, std::string url, ConnectOptions connect, int backend_pid,
                  RunObserver* observer, std::chrono::milliseconds interval = std::chrono::milliseconds(500));
  ~ProgressWatcher();
  ProgressWatcher(const ProgressWatcher&) = delete;
  ProgressWatcher& operator=(const ProgressWatcher&) = delete;

  // While a Watch lives, the statements given to watch() are polled for; its end stops the polling
  // (and waits for the thread).
  class Watch {
   public:
    Watch() = default;
    explicit Watch(ProgressWatcher* watcher) : watcher_(watcher) {}
    Watch(Watch&& other) noexcept : watcher_(std::exchange(other.watcher_, nullptr)) {}
    Watch& operator=(Watch&&) = delete;
    Watch(const Watch&) = delete;
    Watch& operator=(const Watch&) = delete;
    ~Watch();

   private:
    ProgressWatcher* watcher_ = nullptr;
  };

  // Starts polling when one of `statements` is one the server reports progress for; else an empty
  // Watch. One watch at a time.
  [[nodiscard]] Watch watch(const std::vector<std::string>& statements);

 private:
  void poll(std::string statement);
  void stop();

  const ServerDialect& dialect_;
  std::string url_;
  ConnectOptions connect_;
  int backend_pid_;
  RunObserver* observer_;
  std::chrono::milliseconds interval_;
  std::unique_ptr<Connection> connection_;  // used by the polling thread only
  std::atomic<bool> broken_{false};         // the watcher's connection failed: no more polling
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace strata
