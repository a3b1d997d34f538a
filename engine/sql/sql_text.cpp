#include "engine/sql/sql_text.hpp"

#include "engine/sql/scanner.hpp"

namespace strata {

namespace {

std::string unterminated(const sql::Token& token) {
  if (token.prefix == "/*") return "a '/*' comment";
  if (token.prefix == "\"") return "an unterminated quoted name";
  if (token.prefix.starts_with("$")) return "an unterminated dollar-quoted string";
  return "an unterminated string literal";
}

}  // namespace

std::optional<std::string> expression_problem(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return "a NUL byte";
  bool any = false;
  int depth = 0;
  for (const auto& token : sql::scan(text, sql::ScanOptions{{}, true})) {
    any = true;
    switch (token.kind) {
      case sql::TokenKind::Comment:
        return token.text.starts_with("--") ? "a '--' comment" : "a '/*' comment";
      case sql::TokenKind::Unterminated:
        return unterminated(token);
      case sql::TokenKind::Punct:
        if (token.text == ";") return "a ';' (one expression, not statements)";
        if (token.text == "(") ++depth;
        if (token.text == ")" && --depth < 0) return "a ')' without its '('";
        break;
      default:
        break;
    }
  }
  if (!any) return "nothing (an empty expression)";
  if (depth != 0) return "a '(' without its ')'";
  return std::nullopt;
}

std::string one_line(std::string_view sql) {
  std::string out;
  std::size_t last = 0;
  for (const auto& token : sql::scan(sql)) {
    if (!out.empty() && token.begin > last) out += ' ';
    out.append(sql.substr(token.begin, token.end - token.begin));
    last = token.end;
  }
  if (out.ends_with(';')) out.pop_back();
  while (out.ends_with(' ')) out.pop_back();
  return out;
}

std::string comparable_sql(std::string_view sql) {
  std::string out;
  for (const auto& token : sql::scan(sql)) {
    if (token.kind == sql::TokenKind::Punct && token.text == ";") continue;
    if (!out.empty()) out += ' ';
    if (token.kind == sql::TokenKind::Word) {
      out += token.text;  // lower-cased by the scanner
    } else {
      out.append(sql.substr(token.begin, token.end - token.begin));
    }
  }
  return out;
}

}  // namespace strata
