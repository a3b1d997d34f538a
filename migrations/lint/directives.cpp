#include "migrations/lint/directives.hpp"

#include <cctype>

namespace strata::migrations::lint {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

constexpr std::string_view kMarker = "strata:ignore";

}  // namespace

std::vector<IgnoreDirective> ignore_directives(std::string_view text) {
  std::vector<IgnoreDirective> out;
  int line = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    ++line;
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view row = text.substr(start, end - start);
    for (std::size_t dash = row.find("--"); dash != std::string_view::npos; dash = row.find("--", dash + 2)) {
      std::string_view comment = trim(row.substr(dash + 2));
      if (!comment.starts_with(kMarker)) continue;
      comment = trim(comment.substr(kMarker.size()));
      IgnoreDirective directive;
      directive.line = line;
      const std::size_t space = comment.find_first_of(" \t");
      directive.code = std::string(comment.substr(0, space));
      if (space != std::string_view::npos) directive.reason = std::string(trim(comment.substr(space)));
      out.push_back(std::move(directive));
      break;
    }
    start = end + 1;
  }
  return out;
}

}  // namespace strata::migrations::lint
