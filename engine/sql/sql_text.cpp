#include "engine/sql/sql_text.hpp"

#include <cctype>

namespace strata {

namespace {

// The end of a dollar-quote tag starting at `i` ("$$" or "$tag$"), or npos when none starts there.
std::size_t dollar_tag_end(std::string_view text, std::size_t i) {
  std::size_t j = i + 1;
  while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) || text[j] == '_')) ++j;
  if (j < text.size() && text[j] == '$' && (j == i + 1 || !std::isdigit(static_cast<unsigned char>(text[i + 1])))) {
    return j + 1;
  }
  return std::string_view::npos;
}

}  // namespace

std::optional<std::string> expression_problem(std::string_view text) {
  bool any = false;
  int depth = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\0') return "a NUL byte";
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    any = true;
    if (c == '\'' || c == '"') {
      std::size_t j = i + 1;
      for (;;) {
        if (j >= text.size()) return c == '\'' ? "an unterminated string literal" : "an unterminated quoted name";
        if (text[j] == '\0') return "a NUL byte";
        if (text[j] == c) {
          if (j + 1 < text.size() && text[j + 1] == c) {
            j += 2;
            continue;
          }
          break;
        }
        // E'...' strings allow backslash escapes; a backslash before a quote never ends the literal early.
        if (c == '\'' && text[j] == '\\' && i > 0 && (text[i - 1] == 'E' || text[i - 1] == 'e')) ++j;
        ++j;
      }
      i = j + 1;
      continue;
    }
    if (c == '$') {
      const std::size_t tag_end = dollar_tag_end(text, i);
      if (tag_end != std::string_view::npos) {
        const std::string_view tag = text.substr(i, tag_end - i);
        const std::size_t close = text.find(tag, tag_end);
        if (close == std::string_view::npos) return "an unterminated dollar-quoted string";
        if (text.substr(tag_end, close - tag_end).find('\0') != std::string_view::npos) return "a NUL byte";
        i = close + tag.size();
        continue;
      }
    }
    if (c == ';') return "a ';' (one expression, not statements)";
    if (c == '-' && i + 1 < text.size() && text[i + 1] == '-') return "a '--' comment";
    if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') return "a '/*' comment";
    if (c == '(') ++depth;
    if (c == ')' && --depth < 0) return "a ')' without its '('";
    ++i;
  }
  if (!any) return "nothing (an empty expression)";
  if (depth != 0) return "a '(' without its ')'";
  return std::nullopt;
}

}  // namespace strata
