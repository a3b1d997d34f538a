// Fuzz target for the one SQL scanner: whatever the bytes, under either grammar, the tokens are in
// order, inside the text, never overlap, cover every byte that is not whitespace (with comments
// kept), and an unterminated span can only be the last token.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "engine/sql/scanner.hpp"

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void check(std::string_view text, const strata::SqlGrammar& grammar) {
  const auto tokens = strata::sql::scan(text, strata::sql::ScanOptions{grammar, true});
  std::size_t covered = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const auto& token = tokens[i];
    if (token.begin < covered || token.end <= token.begin || token.end > text.size()) std::abort();
    for (std::size_t j = covered; j < token.begin; ++j) {
      if (!is_space(text[j])) std::abort();  // a byte outside every token must be whitespace
    }
    if (token.kind == strata::sql::TokenKind::Unterminated && (i + 1 != tokens.size() || token.end != text.size())) {
      std::abort();
    }
    covered = token.end;
  }
  for (std::size_t j = covered; j < text.size(); ++j) {
    if (!is_space(text[j])) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check(text, strata::SqlGrammar{});
  check(text, strata::SqlGrammar{true, true});
  return 0;
}
