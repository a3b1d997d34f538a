#include "support/crdb_standin/show.hpp"

namespace strata::standin {
namespace {

std::vector<std::string> form_words(const std::string& form) {
  std::vector<std::string> words;
  for (const auto& token : tokenize(form)) words.push_back(to_upper(token.text));
  return words;
}

// How many leading tokens the form's words take, or 0 when they do not start `tokens`.
size_t leading_match(const std::string& form, const std::vector<Token>& tokens) {
  const auto words = form_words(form);
  if (words.size() > tokens.size()) return 0;
  for (size_t i = 0; i < words.size(); ++i) {
    if (!tokens[i].is(words[i])) return 0;
  }
  return words.size();
}

// The text of a SHOW argument: a name, string or number.
std::string argument(const Token& token) {
  if (token.kind == TokenKind::Number) return token.text;
  if (token.is_name() || token.kind == TokenKind::String) return token.name;
  throw NoAnswer("a SHOW argument the stand-in cannot read: " + token.text);
}

std::string statement_text(const std::vector<Token>& tokens) {
  std::string text;
  for (const auto& token : tokens) text += (text.empty() ? "" : " ") + token.text;
  return text;
}

}  // namespace

std::optional<ShowTable> run_show(const Context& context, const Session& session, const std::vector<Token>& tokens) {
  const ShowForm* best = nullptr;
  size_t taken = 0;
  for (const auto& form : context.release.show) {
    if (const size_t n = leading_match(form.form, tokens); n > taken) {
      best = &form;
      taken = n;
    }
  }
  if (!best) return std::nullopt;
  if (!best->exists) {
    fail("42601", "at or near \"" + tokens[taken - 1].text + "\": syntax error",
         context.release.release + " has no " + best->form + " (" + best->note + ")");
  }
  std::optional<std::string> wanted;
  if (best->filter) {
    if (taken + 1 == tokens.size()) {
      wanted = argument(tokens[taken]);
    } else if (taken == tokens.size() && !best->filter->argument_required) {
      wanted = session.database;
    }
  }
  if (taken != tokens.size() && !wanted) {
    throw NoAnswer("the catalogue records " + best->form + " but not the rest of \"" + statement_text(tokens) + "\"");
  }
  if (best->filter && !wanted) throw NoAnswer(best->form + " needs an argument");
  const auto from_state = context.state.show.find(best->form);
  const RowsFile* rows = from_state != context.state.show.end() ? &from_state->second
                         : best->rows                           ? &*best->rows
                                                                : nullptr;
  if (!rows) throw NoAnswer("no rows are recorded for " + best->form + " in " + context.release.release);
  ShowTable table{best->form, best->columns, {}};
  const int filter_column = best->filter ? rows->column_index(best->filter->column) : -1;
  if (best->filter && filter_column < 0) throw NoAnswer(best->form + ": no column " + best->filter->column);
  for (const auto& row : rows->rows) {
    if (rows->columns.size() != best->columns.size())
      throw NoAnswer(best->form + ": the state's rows have other columns");
    if (filter_column < 0 || row[static_cast<size_t>(filter_column)] == wanted) table.rows.push_back(row);
  }
  if (wanted && table.rows.empty() && from_state == context.state.show.end()) {
    throw NoAnswer("no recorded row of " + best->form + " is for " + *wanted);
  }
  return table;
}

}  // namespace strata::standin
