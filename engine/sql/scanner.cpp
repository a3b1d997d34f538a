#include "engine/sql/scanner.hpp"

#include <utility>

namespace strata::sql {

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

char to_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

// The character a backslash escape in E'…' stands for (octal and hex escapes are kept as written:
// the value only matters for comparisons, where both sides are written the same way).
char escaped(char c) {
  switch (c) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    case 'b':
      return '\b';
    case 'f':
      return '\f';
    default:
      return c;
  }
}

class Scanner {
 public:
  Scanner(std::string_view in, const ScanOptions& options) : in_(in), options_(options) {
    if (in_.starts_with("\xEF\xBB\xBF")) i_ = 3;
  }

  std::vector<Token> run() {
    while (i_ < in_.size()) step();
    return std::move(out_);
  }

 private:
  // The byte at `i`, or NUL past the end (callers never treat NUL as the end).
  char at(std::size_t i) const { return i < in_.size() ? in_[i] : '\0'; }

  void push(TokenKind kind, std::string text, std::size_t begin, std::string prefix = {}) {
    out_.push_back(Token{kind, std::move(text), begin, i_, std::move(prefix)});
  }

  void step() {
    const std::size_t start = i_;
    const char c = in_[i_];
    const char next = at(i_ + 1);
    if (is_space(c)) {
      ++i_;
    } else if (c == '-' && next == '-') {
      while (i_ < in_.size() && in_[i_] != '\n') ++i_;
      if (options_.comments) push(TokenKind::Comment, std::string(in_.substr(start, i_ - start)), start);
    } else if (c == '/' && next == '*') {
      block_comment();
    } else if (c == '\'') {
      string_literal(start, 1, "");
    } else if (c == '"') {
      quoted_ident();
    } else if (is_ident_start(c)) {
      word_or_prefixed_string(start);
    } else if (is_digit(c) || (c == '.' && is_digit(next))) {
      number();
    } else if (c == '$') {
      dollar();
    } else if (c == ':') {
      colons();
    } else if (c == '(' || c == ')' || c == '[' || c == ']' || c == ',' || c == ';' || c == '.') {
      ++i_;
      push(TokenKind::Punct, std::string(1, c), start);
    } else if (c == '@' && options_.grammar.cockroach_lexicon && !is_operator_char(next)) {
      ++i_;
      push(TokenKind::Punct, "@", start);
    } else if (is_operator_char(c)) {
      operator_run();
    } else {
      ++i_;
      push(TokenKind::Other, std::string(1, c), start);
    }
  }

  // The rest of the input as one token.
  void unterminated(std::size_t start, std::string opener) {
    i_ = in_.size();
    push(TokenKind::Unterminated, std::string(in_.substr(start)), start, std::move(opener));
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
        if (--depth == 0) {
          if (options_.comments) push(TokenKind::Comment, std::string(in_.substr(start, i_ - start)), start);
          return;
        }
      } else {
        ++i_;
      }
    }
    unterminated(start, "/*");
  }

  void word_or_prefixed_string(std::size_t start) {
    const char l = to_lower(in_[i_]);
    const char next = at(i_ + 1);
    if ((l == 'e' || l == 'b' || l == 'x' || l == 'n') && next == '\'') return string_literal(start, 2, {to_upper(l)});
    if (l == 'u' && next == '&' && at(i_ + 2) == '\'') return string_literal(start, 3, "U");
    while (i_ < in_.size() && is_ident_char(in_[i_])) ++i_;
    std::string word(in_.substr(start, i_ - start));
    for (char& ch : word) ch = to_lower(ch);
    push(TokenKind::Word, std::move(word), start);
  }

  // '…' (opener_length 1) or a prefixed literal (E'…', U&'…'); `prefix` names it. A second
  // literal after whitespace holding a newline continues the first (PostgreSQL's rule).
  void string_literal(std::size_t start, std::size_t opener_length, std::string prefix) {
    const bool escapes = prefix == "E";
    std::string value;
    std::size_t j = start + opener_length;
    for (;;) {
      if (j >= in_.size()) return unterminated(start, std::string(in_.substr(start, opener_length)));
      const char ch = in_[j];
      if (escapes && ch == '\\' && j + 1 < in_.size()) {
        value += escaped(in_[j + 1]);
        j += 2;
      } else if (ch != '\'') {
        value += ch;
        ++j;
      } else if (at(j + 1) == '\'') {
        value += '\'';
        j += 2;
      } else {
        std::size_t k = j + 1;
        bool newline = false;
        for (; k < in_.size() && is_space(in_[k]); ++k) newline = newline || in_[k] == '\n';
        if (!newline || at(k) != '\'') {
          i_ = j + 1;
          break;
        }
        j = k + 1;
      }
    }
    if (!prefix.empty() && !escapes)
      value = std::string(in_.substr(start + opener_length, i_ - 1 - start - opener_length));
    push(TokenKind::String, std::move(value), start, std::move(prefix));
  }

  void quoted_ident() {
    const std::size_t start = i_;
    std::string name;
    std::size_t j = i_ + 1;
    for (;;) {
      if (j >= in_.size()) return unterminated(start, "\"");
      if (in_[j] != '"') {
        name += in_[j++];
      } else if (at(j + 1) == '"') {
        name += '"';
        j += 2;
      } else {
        break;
      }
    }
    i_ = j + 1;
    push(TokenKind::QuotedIdent, std::move(name), start);
  }

  void number() {
    const std::size_t start = i_;
    const char radix = to_lower(at(i_ + 1));
    if (in_[i_] == '0' && (radix == 'x' || radix == 'o' || radix == 'b') && is_alnum(at(i_ + 2))) {
      i_ += 2;
      while (is_alnum(at(i_)) || at(i_) == '_') ++i_;
    } else {
      while (is_digit(at(i_)) || (at(i_) == '_' && is_digit(at(i_ + 1)))) ++i_;
      if (at(i_) == '.' && at(i_ + 1) != '.') {
        ++i_;
        while (is_digit(at(i_))) ++i_;
      }
      const char sign = at(i_ + 1);
      if (to_lower(at(i_)) == 'e' && (is_digit(sign) || ((sign == '+' || sign == '-') && is_digit(at(i_ + 2))))) {
        i_ += 2;
        while (is_digit(at(i_))) ++i_;
      }
    }
    push(TokenKind::Number, std::string(in_.substr(start, i_ - start)), start);
  }

  // $1, $$…$$ or $tag$…$tag$ (a tag does not start with a digit); a lone "$" is an Other token.
  void dollar() {
    const std::size_t start = i_;
    std::size_t j = i_ + 1;
    if (is_digit(at(j))) {
      while (is_digit(at(j))) ++j;
      i_ = j;
      return push(TokenKind::Param, std::string(in_.substr(start, j - start)), start);
    }
    if (is_ident_start(at(j))) {
      while (is_ident_start(at(j)) || is_digit(at(j))) ++j;
    }
    if (at(j) != '$') {
      ++i_;
      return push(TokenKind::Other, "$", start);
    }
    const std::string_view tag = in_.substr(start, j + 1 - start);
    const std::size_t close = in_.find(tag, j + 1);
    if (close == std::string_view::npos) return unterminated(start, std::string(tag));
    i_ = close + tag.size();
    push(TokenKind::String, std::string(in_.substr(j + 1, close - (j + 1))), start, "$");
  }

  void colons() {
    const std::size_t start = i_;
    std::size_t length = at(i_ + 1) == ':' ? 2 : 1;
    if (length == 2 && at(i_ + 2) == ':' && options_.grammar.cockroach_lexicon) length = 3;
    i_ += length;
    push(TokenKind::Punct, std::string(in_.substr(start, length)), start);
  }

  // PostgreSQL's rule: the longest run of operator characters, stopping before "--" or "/*"; a
  // multi-character operator ends in + or - only when it holds one of ~ ! @ # % ^ & | ` ?.
  void operator_run() {
    const std::size_t start = i_;
    std::size_t j = i_;
    while (j < in_.size() && is_operator_char(in_[j])) {
      const bool comment = (in_[j] == '-' && at(j + 1) == '-') || (in_[j] == '/' && at(j + 1) == '*');
      if (j > start && comment) break;
      ++j;
    }
    std::string_view text = in_.substr(start, j - start);
    if (text.size() > 1 && (text.back() == '+' || text.back() == '-') &&
        text.find_first_of("~!@#^&|`?%") == std::string_view::npos) {
      while (text.size() > 1 && (text.back() == '+' || text.back() == '-')) text.remove_suffix(1);
    }
    i_ += text.size();
    push(TokenKind::Operator, std::string(text), start);
  }

  std::string_view in_;
  const ScanOptions& options_;
  std::size_t i_ = 0;
  std::vector<Token> out_;
};

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

std::vector<Token> scan(std::string_view sql, const ScanOptions& options) {
  return Scanner(sql, options).run();
}

LineColumn line_column(std::string_view text, std::size_t offset) {
  LineColumn at;
  const std::size_t start = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;  // a byte order mark is not a column
  for (std::size_t i = start; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++at.line;
      at.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++at.column;
    }
  }
  return at;
}

std::string unterminated_what(const Token& token) {
  const std::string& opener = token.prefix;
  if (opener == "/*") return "a closing */ for the block comment that starts here (block comments nest)";
  if (opener == "\"") return "a closing \" for the quoted identifier that starts here";
  if (!opener.empty() && opener.front() == '$') return "a closing " + opener + " for the body that starts here";
  return "a closing ' for the string that starts here";
}

}  // namespace strata::sql
