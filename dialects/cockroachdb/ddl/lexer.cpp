#include "dialects/cockroachdb/ddl/lexer.hpp"

#include <utility>

#include <fmt/format.h>

#include "strata/errors.hpp"

namespace strata::cockroachdb {

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

// PostgreSQL's operator characters, plus ':' so that ::, ::: come out as one token.
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
    case '#':
    case '%':
    case '^':
    case '&':
    case '|':
    case '`':
    case '?':
    case ':':
      return true;
    default:
      return false;
  }
}

char to_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

class Lexer {
 public:
  explicit Lexer(std::string_view in) : in_(in) {}

  std::vector<Token> run() {
    while (i_ < in_.size()) step();
    out_.push_back(Token{TokenKind::End, "", in_.size(), in_.size()});
    return std::move(out_);
  }

 private:
  char at(std::size_t i) const { return i < in_.size() ? in_[i] : '\0'; }

  void push(TokenKind kind, std::string text, std::size_t begin) {
    out_.push_back(Token{kind, std::move(text), begin, i_});
  }

  [[noreturn]] void unterminated(std::size_t start, std::string_view what) const {
    const LineColumn at = line_column(in_, start);
    throw UsageError(fmt::format("CockroachDB DDL, line {} column {}: {} is not terminated", at.line, at.column, what));
  }

  void step() {
    const std::size_t start = i_;
    const char c = in_[i_];
    const char next = at(i_ + 1);
    if (is_space(c)) {
      ++i_;
    } else if (c == '-' && next == '-') {
      while (i_ < in_.size() && in_[i_] != '\n') ++i_;
    } else if (c == '/' && next == '*') {
      block_comment();
    } else if (c == '\'') {
      ++i_;
      push(TokenKind::String, quoted('\'', false, start, "a string"), start);
    } else if (c == '"') {
      ++i_;
      std::string name = quoted('"', false, start, "a quoted identifier");
      push(TokenKind::QuotedIdent, std::move(name), start);
    } else if (is_ident_start(c)) {
      const char l = to_lower(c);
      if ((l == 'e' || l == 'b' || l == 'x' || l == 'n') && next == '\'') {
        i_ += 2;
        push(TokenKind::String, quoted('\'', l == 'e', start, "a string"), start);
      } else {
        while (i_ < in_.size() && is_ident_char(in_[i_])) ++i_;
        std::string word(in_.substr(start, i_ - start));
        for (char& ch : word) ch = to_lower(ch);
        push(TokenKind::Word, std::move(word), start);
      }
    } else if (is_digit(c) || (c == '.' && is_digit(next))) {
      number();
      push(TokenKind::Number, std::string(in_.substr(start, i_ - start)), start);
    } else if (c == '$' && (next == '$' || is_ident_start(next))) {
      dollar(start);
    } else if (is_operator_char(c)) {
      // An operator run, cut before "--" or "/*" (comments), as PostgreSQL does.
      while (i_ < in_.size() && is_operator_char(in_[i_])) {
        if (i_ > start && ((in_[i_] == '-' && at(i_ + 1) == '-') || (in_[i_] == '/' && at(i_ + 1) == '*'))) break;
        ++i_;
      }
      push(TokenKind::Symbol, std::string(in_.substr(start, i_ - start)), start);
    } else {
      ++i_;  // ( ) [ ] , ; . @ and any other single byte
      push(TokenKind::Symbol, std::string(1, c), start);
    }
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
    unterminated(start, "a /* comment");
  }

  // The body of a quoted token whose opening quote was consumed; a doubled quote stands for one.
  std::string quoted(char quote, bool backslash_escapes, std::size_t start, std::string_view what) {
    std::string value;
    while (i_ < in_.size()) {
      const char ch = in_[i_];
      if (backslash_escapes && ch == '\\' && i_ + 1 < in_.size()) {
        const char escaped = in_[i_ + 1];
        value += escaped == 'n' ? '\n' : escaped == 't' ? '\t' : escaped == 'r' ? '\r' : escaped;
        i_ += 2;
      } else if (ch == quote) {
        if (at(i_ + 1) == quote) {
          value += quote;
          i_ += 2;
        } else {
          ++i_;
          return value;
        }
      } else {
        value += ch;
        ++i_;
      }
    }
    unterminated(start, what);
  }

  void number() {
    while (is_digit(at(i_))) ++i_;
    if (at(i_) == '.' && at(i_ + 1) != '.') {
      ++i_;
      while (is_digit(at(i_))) ++i_;
    }
    if ((at(i_) == 'e' || at(i_) == 'E') &&
        (is_digit(at(i_ + 1)) || ((at(i_ + 1) == '+' || at(i_ + 1) == '-') && is_digit(at(i_ + 2))))) {
      i_ += 2;
      while (is_digit(at(i_))) ++i_;
    }
  }

  // $tag$ … $tag$, or a lone '$' (a placeholder such as $1 comes out as '$' then a number).
  void dollar(std::size_t start) {
    std::size_t j = i_ + 1;
    while (j < in_.size() && in_[j] != '$' && is_ident_char(in_[j])) ++j;
    if (j >= in_.size() || in_[j] != '$') {
      ++i_;
      push(TokenKind::Symbol, "$", start);
      return;
    }
    const std::string_view tag = in_.substr(i_, j + 1 - i_);
    const std::size_t close = in_.find(tag, j + 1);
    if (close == std::string_view::npos) unterminated(start, "a dollar-quoted string");
    std::string value(in_.substr(j + 1, close - j - 1));
    i_ = close + tag.size();
    push(TokenKind::String, std::move(value), start);
  }

  std::string_view in_;
  std::size_t i_ = 0;
  std::vector<Token> out_;
};

}  // namespace

std::vector<Token> lex_ddl(std::string_view sql) {
  return Lexer(sql).run();
}

LineColumn line_column(std::string_view text, std::size_t offset) {
  LineColumn at;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

}  // namespace strata::cockroachdb
