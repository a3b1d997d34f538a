#include "support/crdb_standin/sql_lexer.hpp"

#include <cctype>

namespace strata::standin {
namespace {

bool word_start(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || (c & 0x80);
}
bool word_char(char c) {
  return word_start(c) || std::isdigit(static_cast<unsigned char>(c)) || c == '$';
}
bool digit(char c) {
  return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

class Lexer {
 public:
  explicit Lexer(std::string_view sql) : sql_(sql) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    while (skip_space_and_comments(), at_ < sql_.size()) tokens.push_back(next());
    return tokens;
  }

 private:
  void skip_space_and_comments() {
    while (at_ < sql_.size()) {
      if (std::isspace(static_cast<unsigned char>(sql_[at_]))) {
        ++at_;
      } else if (sql_.substr(at_, 2) == "--") {
        while (at_ < sql_.size() && sql_[at_] != '\n') ++at_;
      } else if (sql_.substr(at_, 2) == "/*") {
        const size_t end = sql_.find("*/", at_ + 2);
        if (end == std::string_view::npos) throw SyntaxError("unterminated comment");
        at_ = end + 2;
      } else {
        return;
      }
    }
  }

  Token make(TokenKind kind, size_t start, std::string name = "") {
    Token token;
    token.kind = kind;
    token.text = std::string(sql_.substr(start, at_ - start));
    token.name = std::move(name);
    return token;
  }

  Token string(size_t start, bool escapes) {
    std::string value;
    for (++at_;; ++at_) {
      if (at_ >= sql_.size()) throw SyntaxError("unterminated string literal");
      const char c = sql_[at_];
      if (c == '\'') {
        if (at_ + 1 < sql_.size() && sql_[at_ + 1] == '\'') {
          value += '\'';
          ++at_;
          continue;
        }
        ++at_;
        return make(TokenKind::String, start, value);
      }
      if (escapes && c == '\\' && at_ + 1 < sql_.size()) {
        const char e = sql_[++at_];
        value += e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : e;
        continue;
      }
      value += c;
    }
  }

  Token quoted_name(size_t start) {
    std::string value;
    for (++at_;; ++at_) {
      if (at_ >= sql_.size()) throw SyntaxError("unterminated quoted identifier");
      if (sql_[at_] == '"') {
        if (at_ + 1 < sql_.size() && sql_[at_ + 1] == '"') {
          value += '"';
          ++at_;
          continue;
        }
        ++at_;
        return make(TokenKind::QuotedName, start, value);
      }
      value += sql_[at_];
    }
  }

  Token dollar(size_t start) {
    size_t end = at_ + 1;
    if (end < sql_.size() && digit(sql_[end])) {
      while (end < sql_.size() && digit(sql_[end])) ++end;
      at_ = end;
      Token token = make(TokenKind::Param, start);
      token.number = std::stoi(token.text.substr(1));
      return token;
    }
    while (end < sql_.size() && word_char(sql_[end]) && sql_[end] != '$') ++end;
    if (end >= sql_.size() || sql_[end] != '$') throw SyntaxError("unexpected '$'");
    const std::string tag(sql_.substr(at_, end - at_ + 1));
    const size_t close = sql_.find(tag, end + 1);
    if (close == std::string_view::npos) throw SyntaxError("unterminated dollar-quoted string");
    const std::string value(sql_.substr(end + 1, close - end - 1));
    at_ = close + tag.size();
    return make(TokenKind::String, start, value);
  }

  Token number(size_t start) {
    while (at_ < sql_.size() && (digit(sql_[at_]) || sql_[at_] == '.')) ++at_;
    if (at_ < sql_.size() && (sql_[at_] == 'e' || sql_[at_] == 'E')) {
      ++at_;
      if (at_ < sql_.size() && (sql_[at_] == '+' || sql_[at_] == '-')) ++at_;
      while (at_ < sql_.size() && digit(sql_[at_])) ++at_;
    }
    return make(TokenKind::Number, start);
  }

  Token op(size_t start) {
    static const char* const kTwo[] = {"<>", "!=", "<=", ">=", "||", "->", "~*", "!~", "@>", "<@", "&&"};
    for (const char* two : kTwo) {
      if (sql_.substr(at_, 2) == two) {
        at_ += 2;
        return make(TokenKind::Operator, start);
      }
    }
    ++at_;
    return make(TokenKind::Operator, start);
  }

  Token next() {
    const size_t start = at_;
    const char c = sql_[at_];
    if ((c == 'e' || c == 'E') && at_ + 1 < sql_.size() && sql_[at_ + 1] == '\'') {
      ++at_;
      return string(start, true);
    }
    if (word_start(c)) {
      while (at_ < sql_.size() && word_char(sql_[at_])) ++at_;
      return make(TokenKind::Word, start, to_lower(sql_.substr(start, at_ - start)));
    }
    if (c == '\'') return string(start, false);
    if (c == '"') return quoted_name(start);
    if (c == '$') return dollar(start);
    if (digit(c) || (c == '.' && at_ + 1 < sql_.size() && digit(sql_[at_ + 1]))) return number(start);
    if (sql_.substr(at_, 2) == "::") {
      at_ += 2;
      return make(TokenKind::Cast, start);
    }
    if (std::string_view("()[],.;").find(c) != std::string_view::npos) {
      ++at_;
      return make(TokenKind::Punctuation, start);
    }
    return op(start);
  }

  std::string_view sql_;
  size_t at_ = 0;
};

}  // namespace

bool Token::is(std::string_view upper_word) const {
  if (kind != TokenKind::Word || text.size() != upper_word.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(text[i])) != upper_word[i]) return false;
  }
  return true;
}

std::vector<Token> tokenize(std::string_view sql) {
  return Lexer(sql).run();
}

std::vector<std::string> split_statements(std::string_view sql) {
  std::vector<std::string> statements;
  std::string current;
  auto flush = [&] {
    const size_t begin = current.find_first_not_of(" \t\r\n");
    if (begin != std::string::npos) {
      const size_t end = current.find_last_not_of(" \t\r\n");
      statements.push_back(current.substr(begin, end - begin + 1));
    }
    current.clear();
  };
  for (size_t i = 0; i < sql.size(); ++i) {
    const char c = sql[i];
    if (c == '\'' || c == '"') {
      const size_t end = sql.find(c, i + 1);
      const size_t stop = end == std::string_view::npos ? sql.size() : end + 1;
      current += sql.substr(i, stop - i);
      i = stop - 1;
    } else if (sql.substr(i, 2) == "--") {
      const size_t end = sql.find('\n', i);
      const size_t stop = end == std::string_view::npos ? sql.size() : end;
      current += sql.substr(i, stop - i);
      i = stop - 1;
    } else if (c == ';') {
      flush();
    } else {
      current += c;
    }
  }
  flush();
  return statements;
}

std::string to_upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string to_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace strata::standin
