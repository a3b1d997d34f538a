// Waiting in tests for a state a program or the server reports (never for a time): `condition` is
// asked until it holds or `limit` runs out (a limit only so that a broken build fails instead of
// hanging). Returns whether it held.
#pragma once

#include <chrono>
#include <functional>
#include <string>

namespace strata::testing {

bool eventually(const std::function<bool()>& condition, std::chrono::seconds limit = std::chrono::seconds(120));

// A query's first value, on a connection of its own ("" when it returns no row or NULL).
std::string query_value(const std::string& url, const std::string& sql);

}  // namespace strata::testing
