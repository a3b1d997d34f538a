#include "engine/model/names.hpp"

#include <cctype>

namespace strata {

namespace {

constexpr std::size_t kMaxName = 63;

// The longest prefix of `text` of at most `bytes` bytes that ends on a UTF-8 character boundary.
std::size_t clip(std::string_view text, std::size_t bytes) {
  if (bytes >= text.size()) return text.size();
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) --bytes;
  return bytes;
}

}  // namespace

std::string make_object_name(std::string_view name1, std::string_view name2, std::string_view label) {
  std::size_t overhead = 0;
  if (!name2.empty()) overhead += 1;
  if (!label.empty()) overhead += label.size() + 1;
  const std::size_t available = kMaxName > overhead ? kMaxName - overhead : 0;
  std::size_t len1 = name1.size();
  std::size_t len2 = name2.size();
  while (len1 + len2 > available) {
    if (len1 > len2) {
      --len1;
    } else {
      --len2;
    }
  }
  len1 = clip(name1, len1);
  len2 = clip(name2, len2);
  std::string out(name1.substr(0, len1));
  if (!name2.empty()) {
    out += '_';
    out += name2.substr(0, len2);
  }
  if (!label.empty()) {
    out += '_';
    out += label;
  }
  return out;
}

std::string choose_name(std::string_view name1, std::string_view name2, std::string_view label,
                        const std::function<bool(const std::string&)>& taken) {
  std::string candidate = make_object_name(name1, name2, label);
  for (int pass = 1; taken(candidate); ++pass) {
    candidate = make_object_name(name1, name2, std::string(label) + std::to_string(pass));
  }
  return candidate;
}

std::string expression_name_part(std::string_view expression) {
  std::size_t i = 0;
  while (i < expression.size() && std::isspace(static_cast<unsigned char>(expression[i]))) ++i;
  const std::size_t start = i;
  while (i < expression.size() &&
         (std::isalnum(static_cast<unsigned char>(expression[i])) || expression[i] == '_' || expression[i] == '.')) {
    ++i;
  }
  std::size_t j = i;
  while (j < expression.size() && std::isspace(static_cast<unsigned char>(expression[j]))) ++j;
  if (i == start || j >= expression.size() || expression[j] != '(' ||
      std::isdigit(static_cast<unsigned char>(expression[start]))) {
    return "expr";
  }
  std::string name(expression.substr(start, i - start));
  if (const auto dot = name.rfind('.'); dot != std::string::npos) name = name.substr(dot + 1);
  for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return name.empty() ? "expr" : name;
}

}  // namespace strata
