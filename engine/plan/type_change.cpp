#include "engine/plan/type_change.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "engine/model/type_name.hpp"

namespace strata {

namespace {

int integer_rank(const std::string& name) {
  if (name == "smallint") return 1;
  if (name == "integer") return 2;
  if (name == "bigint") return 3;
  return 0;
}

bool is_text_like(const std::string& name) {
  return name == "text" || name == "varchar";
}

}  // namespace

TypeChange classify_type_change(const std::string& from_text, const std::string& to_text) {
  if (from_text == to_text) return {true, true};
  const auto from = parse_type_name(from_text, IntWidth::Four, nullptr);
  const auto to = parse_type_name(to_text, IntWidth::Four, nullptr);
  if (!from || !to || !from->builtin || !to->builtin || from->array_dims != to->array_dims) return {};
  const auto& a = from->name;
  const auto& b = to->name;
  const auto& am = from->modifiers;
  const auto& bm = to->modifiers;
  const int ra = integer_rank(a);
  const int rb = integer_rank(b);
  if (ra > 0 && rb > 0) return {rb >= ra, false};
  if (ra > 0 && b == "numeric") return {bm.empty() || bm[0] - (bm.size() > 1 ? bm[1] : 0) >= 19, false};
  if (is_text_like(a) && is_text_like(b)) {
    if (bm.empty()) return {true, true};                     // to text or unbounded varchar
    if (!am.empty() && bm[0] >= am[0]) return {true, true};  // a longer varchar
    return {false, false};
  }
  if (a == "numeric" && b == "numeric") {
    if (bm.empty()) return {true, true};
    if (am.empty()) return {false, false};
    const auto scale_a = am.size() > 1 ? am[1] : 0;
    const auto scale_b = bm.size() > 1 ? bm[1] : 0;
    if (scale_a == scale_b && bm[0] >= am[0]) return {true, true};
    return {bm[0] - scale_b >= am[0] - scale_a && scale_b >= scale_a, false};
  }
  if ((a == "varbit" && b == "varbit") && (bm.empty() || (!am.empty() && bm[0] >= am[0]))) return {true, true};
  if (a == "real" && b == "double precision") return {true, false};
  if (a == "timestamp" && b == "timestamptz") return {true, false};
  if (a == "date" && (b == "timestamp" || b == "timestamptz")) return {true, false};
  if ((a == "json" && b == "jsonb") || (a == "char" && b == "text")) return {true, false};
  return {};
}

bool is_volatile_default(const std::string& expression) {
  std::string lower(expression);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  static constexpr std::array<std::string_view, 8> kVolatile = {"gen_random_uuid(", "uuid_generate_v", "random(",
                                                                "clock_timestamp(", "nextval(",        "timeofday(",
                                                                "unique_rowid(",    "gen_random_ulid("};
  return std::any_of(kVolatile.begin(), kVolatile.end(),
                     [&](std::string_view f) { return lower.find(f) != std::string::npos; });
}

}  // namespace strata
