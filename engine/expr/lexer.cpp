#include "engine/expr/lexer.hpp"

#include <cstddef>
#include <utility>

#include "engine/expr/words.hpp"
#include "engine/sql/scanner.hpp"

namespace strata::expr {

namespace {

// The expression token of a scanner token: CockroachDB's ::: is spelled ::, != is <>, a prefixed
// literal keeps its spelling (prefix upper-cased), numbers are lower-cased, and comments go.
void append_converted(std::vector<Token>& out, const sql::Token& token, std::string_view sql) {
  switch (token.kind) {
    case sql::TokenKind::Word:
      out.push_back({TokenKind::Word, token.text});
      return;
    case sql::TokenKind::QuotedIdent:
      out.push_back({TokenKind::QuotedIdent, token.text});
      return;
    case sql::TokenKind::String:
      if (token.prefix.empty() || token.prefix == "$") {
        out.push_back({TokenKind::String, token.text});
      } else {
        const std::size_t opener = token.prefix == "U" ? 2 : 1;  // U& or E, B, X, N
        std::string spelling = token.prefix == "U" ? "U&" : token.prefix;
        spelling += sql.substr(token.begin + opener, token.end - token.begin - opener);
        out.push_back({TokenKind::PrefixString, std::move(spelling)});
      }
      return;
    case sql::TokenKind::Number: {
      std::string text = token.text;
      for (char& c : text) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
      out.push_back({TokenKind::Number, std::move(text)});
      return;
    }
    case sql::TokenKind::Param:
      out.push_back({TokenKind::Param, token.text});
      return;
    case sql::TokenKind::Operator:
      out.push_back({TokenKind::Operator, token.text == "!=" ? std::string("<>") : token.text});
      return;
    case sql::TokenKind::Punct:
      out.push_back({TokenKind::Punct, token.text == ":::" ? std::string("::") : token.text});
      return;
    case sql::TokenKind::Unterminated: {
      std::string_view rest = sql.substr(token.begin);
      while (!rest.empty() && (rest.back() == ' ' || (rest.back() >= '\t' && rest.back() <= '\r'))) {
        rest.remove_suffix(1);
      }
      out.push_back({TokenKind::Unterminated, std::string(rest)});
      return;
    }
    case sql::TokenKind::Comment:
      return;
    case sql::TokenKind::Other:
      out.push_back({TokenKind::Other, token.text});
      return;
  }
}

bool is_punct(const Token& token, std::string_view text) {
  return token.kind == TokenKind::Punct && token.text == text;
}

bool is_name(const Token& token) {
  return token.kind == TokenKind::Word || token.kind == TokenKind::QuotedIdent;
}

// Whether `token` closes an operand, so that an operator after it is binary.
bool ends_operand(const Token& token) {
  switch (token.kind) {
    case TokenKind::Word:
      return !is_upper_word(token.text) || is_value_word(token.text);
    case TokenKind::Punct:
      return token.text == ")" || token.text == "]";
    case TokenKind::Operator:
    case TokenKind::Other:
      return false;
    default:
      return true;
  }
}

// The separator between two tokens in the token form.
std::string_view separator(const Token& prev, const Token& cur, bool prev_is_prefix) {
  if (is_punct(cur, ")") || is_punct(cur, "]") || is_punct(cur, ",") || is_punct(cur, ";")) return "";
  if (is_punct(prev, "(") || is_punct(prev, "[")) return "";
  if (is_punct(prev, ",") || is_punct(prev, ";")) return " ";
  const bool colon_before = prev.kind == TokenKind::Punct && prev.text.back() == ':';
  const bool colon_after = cur.kind == TokenKind::Punct && cur.text.front() == ':';
  if (colon_before && colon_after) return " ";
  if (colon_before || colon_after) return "";
  if (is_punct(cur, ".")) return is_name(prev) || is_punct(prev, ")") || is_punct(prev, "]") ? "" : " ";
  if (is_punct(prev, ".")) return is_name(cur) || (cur.kind == TokenKind::Operator && cur.text == "*") ? "" : " ";
  if (is_punct(cur, "(")) {
    const bool call = prev.kind == TokenKind::QuotedIdent ||
                      (prev.kind == TokenKind::Word && (!is_upper_word(prev.text) || is_call_word(prev.text)));
    return call ? "" : " ";
  }
  if (is_punct(cur, "[")) return is_name(prev) || is_punct(prev, ")") || is_punct(prev, "]") ? "" : " ";
  if (prev_is_prefix) return cur.kind == TokenKind::Operator ? " " : "";
  return " ";
}

void append_token(std::string& out, const Token& token) {
  switch (token.kind) {
    case TokenKind::Word:
      if (is_upper_word(token.text)) {
        for (const char c : token.text) out += c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
      } else {
        out += token.text;
      }
      return;
    case TokenKind::QuotedIdent:
      out += is_bare_in_token_form(token.text) ? token.text : double_quoted(token.text);
      return;
    case TokenKind::String:
      out += quote_string(token.text);
      return;
    default:
      out += token.text;
      return;
  }
}

}  // namespace

bool is_operator_char(char c) {
  return sql::is_operator_char(c);
}

std::vector<Token> lex(std::string_view sql, const SqlGrammar& grammar) {
  std::vector<Token> out;
  for (const auto& token : sql::scan(sql, sql::ScanOptions{grammar, false})) append_converted(out, token, sql);
  return out;
}

std::string print_tokens(std::span<const Token> tokens) {
  std::string out;
  bool prev_is_prefix = false;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& token = tokens[i];
    if (i > 0) out += separator(tokens[i - 1], token, prev_is_prefix);
    append_token(out, token);
    prev_is_prefix = token.kind == TokenKind::Operator && (i == 0 || !ends_operand(tokens[i - 1]));
  }
  return out;
}

}  // namespace strata::expr
