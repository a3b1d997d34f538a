// Retrying work that failed with a serialization failure or a deadlock (SQLSTATE 40001, 40P01),
// which CockroachDB reports often and expects clients to retry: exponential backoff with jitter.
#pragma once

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <thread>

#include "engine/db/sqlstate.hpp"
#include "strata/errors.hpp"
#include "strata/run_options.hpp"

namespace strata {

inline bool is_retryable(const DatabaseError& error) {
  return error.sqlstate() == sqlstate::kSerializationFailure || error.sqlstate() == sqlstate::kDeadlockDetected;
}

inline std::chrono::milliseconds retry_backoff(int attempt) {
  static thread_local std::mt19937 random{std::random_device{}()};
  const int base = std::min(2000, 50 << std::min(attempt, 6));
  return std::chrono::milliseconds(base / 2 + std::uniform_int_distribution<int>(0, base / 2)(random));
}

// Runs `work` until it succeeds, fails with an error that is not retryable, or failed
// `max_retries` times more. `what` names the work for the observer.
template <typename Work>
void with_retries(const std::string& what, int max_retries, RunObserver* observer, Work&& work) {
  for (int attempt = 1;; ++attempt) {
    try {
      work();
      return;
    } catch (const DatabaseError& error) {
      if (!is_retryable(error) || attempt > max_retries) throw;
      const auto delay = retry_backoff(attempt);
      if (observer) observer->retrying(what, attempt, delay);
      std::this_thread::sleep_for(delay);
    }
  }
}

}  // namespace strata
