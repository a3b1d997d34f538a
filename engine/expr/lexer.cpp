#include "engine/expr/lexer.hpp"

#include <cstddef>
#include <utility>

#include "engine/expr/words.hpp"

namespace strata::expr {

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool is_ident_start(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u == '_' || u >= 0x80;
}

bool is_ident_char(char c) {
  return is_ident_start(c) || is_digit(c) || c == '$';
}

bool is_alnum(char c) {
  return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

char to_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowered(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = to_lower(c);
  return out;
}

class Lexer {
 public:
  explicit Lexer(std::string_view in) : in_(in) {}

  std::vector<Token> run() {
    while (i_ < in_.size()) step();
    return std::move(out_);
  }

 private:
  // The byte at `i`, or NUL past the end (callers never treat NUL as the end).
  char at(std::size_t i) const { return i < in_.size() ? in_[i] : '\0'; }

  void push(TokenKind kind, std::string text) { out_.push_back(Token{kind, std::move(text)}); }

  void step() {
    const char c = in_[i_];
    const char next = at(i_ + 1);
    if (is_space(c)) {
      ++i_;
    } else if (c == '-' && next == '-') {
      while (i_ < in_.size() && in_[i_] != '\n') ++i_;
    } else if (c == '/' && next == '*') {
      block_comment();
    } else if (c == '\'') {
      standard_string();
    } else if (c == '"') {
      quoted_ident();
    } else if (is_ident_start(c)) {
      const char l = to_lower(c);
      if ((l == 'e' || l == 'b' || l == 'x' || l == 'n') && next == '\'') {
        prefixed_string(1);
      } else if (l == 'u' && next == '&' && at(i_ + 2) == '\'') {
        prefixed_string(2);
      } else {
        word();
      }
    } else if (is_digit(c) || (c == '.' && is_digit(next))) {
      number();
    } else if (c == '$') {
      dollar();
    } else if (c == ':') {
      const std::size_t length = next != ':' ? 1 : at(i_ + 2) == ':' ? 3 : 2;
      push(TokenKind::Punct, length == 1 ? ":" : "::");
      i_ += length;
    } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == ';' || c == '.') {
      push(TokenKind::Punct, std::string(1, c));
      ++i_;
    } else if (is_operator_char(c)) {
      operator_token();
    } else {
      push(TokenKind::Other, std::string(1, c));
      ++i_;
    }
  }

  // The rest of the input as one token, without trailing whitespace.
  void unterminated(std::size_t start) {
    std::string_view rest = in_.substr(start);
    while (!rest.empty() && is_space(rest.back())) rest.remove_suffix(1);
    push(TokenKind::Unterminated, std::string(rest));
    i_ = in_.size();
  }

  void block_comment() {  // nested, as in PostgreSQL
    const std::size_t start = i_;
    int depth = 0;
    while (i_ < in_.size()) {
      if (in_[i_] == '/' && at(i_ + 1) == '*') {
        ++depth;
        i_ += 2;
      } else if (in_[i_] == '*' && at(i_ + 1) == '/') {
        i_ += 2;
        if (--depth == 0) return;
      } else {
        ++i_;
      }
    }
    unterminated(start);
  }

  // '…' with '' escapes; a second literal after whitespace holding a newline continues the first.
  void standard_string() {
    const std::size_t start = i_;
    std::string value;
    std::size_t j = i_ + 1;
    for (;;) {
      if (j >= in_.size()) return unterminated(start);
      if (in_[j] != '\'') {
        value += in_[j++];
      } else if (at(j + 1) == '\'') {
        value += '\'';
        j += 2;
      } else {
        std::size_t k = j + 1;
        bool newline = false;
        for (; k < in_.size() && is_space(in_[k]); ++k) {
          if (in_[k] == '\n') newline = true;
        }
        if (!newline || at(k) != '\'') {
          i_ = j + 1;
          break;
        }
        j = k + 1;
      }
    }
    push(TokenKind::String, std::move(value));
  }

  void prefixed_string(std::size_t prefix_length) {
    const std::size_t start = i_;
    const bool escapes = to_lower(in_[i_]) == 'e';
    std::size_t j = i_ + prefix_length + 1;
    for (;;) {
      if (j >= in_.size()) return unterminated(start);
      if (escapes && in_[j] == '\\') {
        j += 2;
      } else if (in_[j] != '\'') {
        ++j;
      } else if (at(j + 1) == '\'') {
        j += 2;
      } else {
        break;
      }
    }
    std::string text = prefix_length == 1 ? std::string(1, static_cast<char>(in_[i_] & ~0x20)) : "U&";
    text += in_.substr(i_ + prefix_length, j + 1 - (i_ + prefix_length));
    push(TokenKind::PrefixString, std::move(text));
    i_ = j + 1;
  }

  void quoted_ident() {
    const std::size_t start = i_;
    std::string name;
    std::size_t j = i_ + 1;
    for (;;) {
      if (j >= in_.size()) return unterminated(start);
      if (in_[j] != '"') {
        name += in_[j++];
      } else if (at(j + 1) == '"') {
        name += '"';
        j += 2;
      } else {
        break;
      }
    }
    push(TokenKind::QuotedIdent, std::move(name));
    i_ = j + 1;
  }

  void word() {
    std::size_t j = i_;
    while (j < in_.size() && is_ident_char(in_[j])) ++j;
    push(TokenKind::Word, lowered(in_.substr(i_, j - i_)));
    i_ = j;
  }

  void number() {
    std::size_t j = i_;
    const char radix = to_lower(at(j + 1));
    if (in_[j] == '0' && (radix == 'x' || radix == 'o' || radix == 'b') && is_alnum(at(j + 2))) {
      j += 2;
      while (is_alnum(at(j)) || at(j) == '_') ++j;
    } else {
      while (is_digit(at(j)) || (at(j) == '_' && is_digit(at(j + 1)))) ++j;
      if (at(j) == '.' && at(j + 1) != '.') {
        ++j;
        while (is_digit(at(j))) ++j;
      }
      const char sign = at(j + 1);
      if (to_lower(at(j)) == 'e' && (is_digit(sign) || ((sign == '+' || sign == '-') && is_digit(at(j + 2))))) {
        j += 2;
        while (is_digit(at(j))) ++j;
      }
    }
    push(TokenKind::Number, lowered(in_.substr(i_, j - i_)));
    i_ = j;
  }

  // $1, $$…$$ or $tag$…$tag$; a lone "$" is an Other token.
  void dollar() {
    std::size_t j = i_ + 1;
    if (is_digit(at(j))) {
      while (is_digit(at(j))) ++j;
      push(TokenKind::Param, std::string(in_.substr(i_, j - i_)));
      i_ = j;
      return;
    }
    if (is_ident_start(at(j))) {
      while (is_ident_start(at(j)) || is_digit(at(j))) ++j;
    }
    if (at(j) != '$') {
      push(TokenKind::Other, "$");
      ++i_;
      return;
    }
    const std::string_view tag = in_.substr(i_, j + 1 - i_);
    const std::size_t close = in_.find(tag, j + 1);
    if (close == std::string_view::npos) return unterminated(i_);
    push(TokenKind::String, std::string(in_.substr(j + 1, close - (j + 1))));
    i_ = close + tag.size();
  }

  // PostgreSQL's rule: the longest run of operator characters, stopping before "--" or "/*"; a
  // multi-character operator ends in + or - only when it holds one of ~ ! @ # % ^ & | ` ?.
  void operator_token() {
    std::size_t j = i_;
    while (j < in_.size() && is_operator_char(in_[j])) {
      const bool comment = (in_[j] == '-' && at(j + 1) == '-') || (in_[j] == '/' && at(j + 1) == '*');
      if (j > i_ && comment) break;
      ++j;
    }
    std::string_view text = in_.substr(i_, j - i_);
    if (text.size() > 1 && (text.back() == '+' || text.back() == '-') &&
        text.find_first_of("~!@#^&|`?%") == std::string_view::npos) {
      while (text.size() > 1 && (text.back() == '+' || text.back() == '-')) text.remove_suffix(1);
    }
    push(TokenKind::Operator, text == "!=" ? std::string("<>") : std::string(text));
    i_ += text.size();
  }

  std::string_view in_;
  std::size_t i_ = 0;
  std::vector<Token> out_;
};

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
  switch (c) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '<':
    case '>':
    case '=':
    case '~':
    case '!':
    case '@':
    case '#':
    case '%':
    case '^':
    case '&':
    case '|':
    case '`':
    case '?':
      return true;
    default:
      return false;
  }
}

std::vector<Token> lex(std::string_view sql) {
  return Lexer(sql).run();
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
