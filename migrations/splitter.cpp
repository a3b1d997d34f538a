#include "migrations/splitter.hpp"

#include <cctype>

#include <fmt/format.h>

#include "strata/errors.hpp"

namespace strata::migrations {

namespace {

bool is_word_start(unsigned char c) {
  return std::isalpha(c) || c == '_' || c >= 0x80;
}

bool is_word_char(unsigned char c) {
  return is_word_start(c) || std::isdigit(c) || c == '$';
}

std::string upper(std::string_view word) {
  std::string out(word);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Walks the text once, keeping the line and the start of the current line for positions.
class Scanner {
 public:
  Scanner(std::string_view text, const std::string& file) : text_(text), file_(file) {
    if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;  // a UTF-8 byte order mark
    line_start_ = start_ = pos_;
  }

  std::vector<Statement> split() {
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      const char next = pos_ + 1 < text_.size() ? text_[pos_ + 1] : '\0';
      if (c == '-' && next == '-') {
        skip_line_comment();
      } else if (c == '/' && next == '*') {
        skip_block_comment();
      } else if (c == '\'') {
        begin_content();
        skip_string(escapes_backslash());
      } else if (c == '"') {
        begin_content();
        skip_quoted('"', "a closing \" for the quoted identifier that starts here");
      } else if (c == '$' && !dollar_tag().empty()) {
        begin_content();
        skip_dollar_quote();
      } else if (c == ';') {
        if (atomic_ && !atomic_done_) {
          ++pos_;
          continue;
        }
        end_statement(pos_);
        ++pos_;
      } else if (is_word_start(static_cast<unsigned char>(c)) &&
                 !after_word_char()) {
        begin_content();
        word();
      } else {
        if (c == '\n') {
          ++line_;
          line_start_ = pos_ + 1;
        } else if (!std::isspace(static_cast<unsigned char>(c))) {
          begin_content();
        }
        ++pos_;
      }
    }
    if (atomic_ && !atomic_done_) {
      // Without its END, the body would swallow every later statement: PostgreSQL refuses it too.
      fail(atomic_line_, atomic_column_, "an END for the BEGIN ATOMIC body that starts here");
    }
    end_statement(text_.size());
    return std::move(statements_);
  }

 private:
  [[noreturn]] void fail(int line, std::size_t column, const std::string& expected) const {
    throw LoadError({Diagnostic{SourcePosition{file_, line, static_cast<int>(column)}, "expected " + expected}});
  }

  std::size_t column() const { return pos_ - line_start_ + 1; }

  // The byte before pos_ belongs to a word (a byte order mark before the text does not).
  bool after_word_char() const { return pos_ > start_ && is_word_char(static_cast<unsigned char>(text_[pos_ - 1])); }

  void advance_over(std::size_t end) {
    for (; pos_ < end; ++pos_) {
      if (text_[pos_] == '\n') {
        ++line_;
        line_start_ = pos_ + 1;
      }
    }
  }

  void begin_content() {
    if (in_statement_) return;
    in_statement_ = true;
    statement_begin_ = pos_;
    statement_line_ = line_;
  }

  void end_statement(std::size_t end) {
    if (in_statement_) {
      std::string_view sql = text_.substr(statement_begin_, end - statement_begin_);
      while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.back()))) sql.remove_suffix(1);
      statements_.push_back(Statement{std::string(sql), statement_line_});
    }
    in_statement_ = false;
    atomic_ = atomic_done_ = false;
    case_depth_ = 0;
    last_word_.clear();
  }

  void skip_line_comment() {
    while (pos_ < text_.size() && text_[pos_] != '\n') ++pos_;
  }

  void skip_block_comment() {
    const int line = line_;
    const std::size_t col = column();
    int depth = 0;
    while (pos_ < text_.size()) {
      if (text_.compare(pos_, 2, "/*") == 0) {
        ++depth;
        pos_ += 2;
      } else if (text_.compare(pos_, 2, "*/") == 0) {
        pos_ += 2;
        if (--depth == 0) return;
      } else {
        advance_over(pos_ + 1);
      }
    }
    fail(line, col, "a closing */ for the block comment that starts here (block comments nest)");
  }

  // E'...' (or e'...'): backslash escapes; a plain '...' has none (standard_conforming_strings).
  bool escapes_backslash() const {
    if (pos_ == start_) return false;
    const char prefix = text_[pos_ - 1];
    if (prefix != 'E' && prefix != 'e') return false;
    return pos_ < start_ + 2 || !is_word_char(static_cast<unsigned char>(text_[pos_ - 2]));
  }

  void skip_string(bool backslash) {
    const int line = line_;
    const std::size_t col = column();
    ++pos_;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (backslash && c == '\\') {
        advance_over(std::min(pos_ + 2, text_.size()));
      } else if (c == '\'') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\'') {
          pos_ += 2;
        } else {
          ++pos_;
          return;
        }
      } else {
        advance_over(pos_ + 1);
      }
    }
    fail(line, col, "a closing ' for the string that starts here");
  }

  void skip_quoted(char quote, const std::string& expected) {
    const int line = line_;
    const std::size_t col = column();
    ++pos_;
    while (pos_ < text_.size()) {
      if (text_[pos_] == quote) {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == quote) {
          pos_ += 2;
          continue;
        }
        ++pos_;
        return;
      }
      advance_over(pos_ + 1);
    }
    fail(line, col, expected);
  }

  // At '$': the whole opening tag ("$$" or "$name$") when one starts here, else empty. A '$'
  // inside a word (an identifier may contain '$') or before a digit ($1) starts none.
  std::string_view dollar_tag() const {
    if (after_word_char()) return {};
    std::size_t end = pos_ + 1;
    if (end < text_.size() && is_word_start(static_cast<unsigned char>(text_[end]))) {
      while (end < text_.size() && is_word_char(static_cast<unsigned char>(text_[end])) && text_[end] != '$') ++end;
    }
    if (end >= text_.size() || text_[end] != '$') return {};
    return text_.substr(pos_, end - pos_ + 1);
  }

  void skip_dollar_quote() {
    const std::string tag(dollar_tag());
    const int line = line_;
    const std::size_t col = column();
    const std::size_t close = text_.find(tag, pos_ + tag.size());
    if (close == std::string_view::npos) fail(line, col, fmt::format("a closing {} for the body that starts here", tag));
    advance_over(close + tag.size());
  }

  // A word outside quotes: notes BEGIN ATOMIC bodies, whose semicolons end nothing until their END.
  void word() {
    const std::size_t begin = pos_;
    while (pos_ < text_.size() && is_word_char(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    const std::string w = upper(text_.substr(begin, pos_ - begin));
    if (!atomic_) {
      if (last_word_ == "BEGIN" && w == "ATOMIC") {
        atomic_ = true;
        atomic_line_ = line_;
        atomic_column_ = begin - line_start_ + 1;
      }
    } else if (!atomic_done_) {
      if (w == "CASE") ++case_depth_;
      if (w == "END") {
        if (case_depth_ > 0) {
          --case_depth_;
        } else {
          atomic_done_ = true;
        }
      }
    }
    last_word_ = w;
  }

  std::string_view text_;
  const std::string& file_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;  // after the byte order mark, if any
  int line_ = 1;
  std::size_t line_start_ = 0;
  bool in_statement_ = false;
  std::size_t statement_begin_ = 0;
  int statement_line_ = 0;
  std::string last_word_;
  bool atomic_ = false;
  bool atomic_done_ = false;
  int atomic_line_ = 0;
  std::size_t atomic_column_ = 0;
  int case_depth_ = 0;
  std::vector<Statement> statements_;
};

}  // namespace

std::vector<Statement> split_statements(std::string_view text, const std::string& file) {
  return Scanner(text, file).split();
}

bool has_directive(std::string_view text, std::string_view name) {
  const std::string wanted = "strata:" + std::string(name);
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    if (line.starts_with("--")) {
      line.remove_prefix(2);
      while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
      while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
      if (line == wanted || (line.starts_with(wanted) && std::isspace(static_cast<unsigned char>(line[wanted.size()])))) {
        return true;
      }
    }
    pos = end + 1;
  }
  return false;
}

}  // namespace strata::migrations
