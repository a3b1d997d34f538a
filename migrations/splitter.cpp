#include "migrations/splitter.hpp"

#include <cctype>
#include <optional>

#include "engine/sql/scanner.hpp"
#include "strata/errors.hpp"

namespace strata::migrations {

namespace {

// Walks the scanner's tokens once: a ';' ends a statement unless it is inside a BEGIN ATOMIC body
// (up to its END, counting CASE … END inside it).
class Splitter {
 public:
  Splitter(std::string_view text, const std::string& file) : text_(text), file_(file) {}

  std::vector<Statement> split() {
    for (const auto& token : sql::scan(text_)) {
      if (token.kind == sql::TokenKind::Unterminated) {
        // A prefixed literal (E'…) is reported at its quote, where the unclosed span begins.
        const bool prefixed = token.prefix.size() > 1 && token.prefix.back() == '\'';
        fail(token.begin + (prefixed ? token.prefix.size() - 1 : 0), sql::unterminated_what(token));
      }
      if (token.kind == sql::TokenKind::Punct && token.text == ";" && !inside_atomic_body()) {
        end_statement(token.begin);
        continue;
      }
      if (!first_) first_ = token.begin;
      if (token.kind == sql::TokenKind::Word) word(token);
    }
    if (atomic_ && !atomic_done_) {
      // Without its END, the body would swallow every later statement: PostgreSQL refuses it too.
      fail(atomic_begin_, "an END for the BEGIN ATOMIC body that starts here");
    }
    end_statement(text_.size());
    return std::move(statements_);
  }

 private:
  [[noreturn]] void fail(std::size_t offset, const std::string& expected) const {
    const sql::LineColumn at = sql::line_column(text_, offset);
    throw LoadError({Diagnostic{SourcePosition{file_, at.line, at.column}, "expected " + expected}},
                    "a migration file");
  }

  bool inside_atomic_body() const { return atomic_ && !atomic_done_; }

  // The line of byte `offset`, counting on from the last one asked for (offsets only grow).
  int line_of(std::size_t offset) {
    for (; counted_ < offset; ++counted_) {
      if (text_[counted_] == '\n') ++line_;
    }
    return line_;
  }

  void end_statement(std::size_t end) {
    if (first_) {
      std::string_view sql = text_.substr(*first_, end - *first_);
      while (!sql.empty() && std::isspace(static_cast<unsigned char>(sql.back()))) sql.remove_suffix(1);
      statements_.push_back(Statement{std::string(sql), line_of(*first_)});
    }
    first_.reset();
    atomic_ = atomic_done_ = false;
    case_depth_ = 0;
    last_word_.clear();
  }

  // Notes BEGIN ATOMIC bodies, whose semicolons end nothing until their END.
  void word(const sql::Token& token) {
    const std::string& w = token.text;
    if (!atomic_) {
      if (last_word_ == "begin" && w == "atomic") {
        atomic_ = true;
        atomic_begin_ = token.begin;
      }
    } else if (!atomic_done_) {
      if (w == "case") ++case_depth_;
      if (w == "end") {
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
  std::optional<std::size_t> first_;  // where the current statement's first token begins
  std::size_t counted_ = 0;
  int line_ = 1;
  std::string last_word_;
  bool atomic_ = false;
  bool atomic_done_ = false;
  std::size_t atomic_begin_ = 0;
  int case_depth_ = 0;
  std::vector<Statement> statements_;
};

}  // namespace

std::vector<Statement> split_statements(std::string_view text, const std::string& file) {
  return Splitter(text, file).split();
}

std::vector<std::string> directive_values(std::string_view text, std::string_view name) {
  const std::string wanted = "strata:" + std::string(name);
  std::vector<std::string> values;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t end = std::min(text.find('\n', pos), text.size());
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    if (!line.starts_with("--")) continue;
    line.remove_prefix(2);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
    if (!line.starts_with(wanted)) continue;
    line.remove_prefix(wanted.size());
    if (!line.empty() && !std::isspace(static_cast<unsigned char>(line.front()))) continue;  // strata:<name>x
    while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
    values.emplace_back(line);
  }
  return values;
}

bool has_directive(std::string_view text, std::string_view name) {
  return !directive_values(text, name).empty();
}

}  // namespace strata::migrations
