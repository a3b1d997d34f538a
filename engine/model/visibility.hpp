// An index's visibility (Index::visibility, CockroachDB's NOT VISIBLE / VISIBILITY x) as text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace strata {

// "0.5", "0.50", ".25", "1": the value, rounded to hundredths as CockroachDB shows it; nullopt when
// the text is not a number from 0 to 1.
std::optional<double> parse_visibility(std::string_view text);

// The value with two decimals ("0.50"), as CockroachDB prints it after VISIBILITY.
std::string visibility_text(double visibility);

// In words, for plans and hazards: "visible", "not visible", "visible to 0.50 of queries".
std::string visibility_words(double visibility);

}  // namespace strata
