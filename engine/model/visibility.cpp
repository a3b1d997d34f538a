#include "engine/model/visibility.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace strata {

std::optional<double> parse_visibility(std::string_view text) {
  std::string digits(text);
  if (digits.starts_with('.')) digits.insert(digits.begin(), '0');
  double value = 0;
  const char* end = digits.data() + digits.size();
  const auto [stop, error] = std::from_chars(digits.data(), end, value);
  if (error != std::errc() || stop != end || !(value >= 0.0 && value <= 1.0)) return std::nullopt;
  return std::round(value * 100.0) / 100.0;
}

std::string visibility_text(double visibility) {
  return fmt::format("{:.2f}", visibility);
}

std::string visibility_words(double visibility) {
  if (visibility >= 1.0) return "visible";
  if (visibility <= 0.0) return "not visible";
  return "visible to " + visibility_text(visibility) + " of queries";
}

}  // namespace strata
