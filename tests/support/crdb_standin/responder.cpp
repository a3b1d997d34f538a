#include "support/crdb_standin/responder.hpp"

#include <set>

#include "support/crdb_standin/show.hpp"

namespace strata::standin {
namespace {

bool first_is(const std::vector<Token>& tokens, std::initializer_list<std::string_view> words) {
  for (auto word : words) {
    if (tokens[0].is(word)) return true;
  }
  return false;
}

// The CommandComplete tag of an accepted DDL or DML statement.
std::string command_tag(const std::vector<Token>& tokens) {
  const std::string verb = to_upper(tokens[0].text);
  if (verb == "INSERT" || verb == "UPSERT") return "INSERT 0 0";
  if (verb == "UPDATE" || verb == "DELETE") return verb + " 0";
  if (verb == "COMMENT") return "COMMENT ON";
  static const std::set<std::string> kModifiers = {"UNIQUE", "INVERTED",  "VECTOR", "MATERIALIZED", "OR",    "REPLACE",
                                                   "TEMP",   "TEMPORARY", "IF",     "NOT",          "EXISTS"};
  for (size_t i = 1; i < tokens.size(); ++i) {
    const std::string word = to_upper(tokens[i].text);
    if (tokens[i].kind == TokenKind::Word && !kModifiers.count(word)) return verb + " " + word;
  }
  return verb;
}

Answer table_answer(const ShowTable& table) {
  Answer answer;
  answer.returns_rows = true;
  answer.columns = table.columns;
  answer.rows = table.rows;
  answer.tag = "SHOW " + std::to_string(table.rows.size());
  return answer;
}

SqlError no_answer(const std::string& statement, const std::string& reason) {
  return SqlError{"XX000", "stand-in: no recorded answer for: " + statement, reason, ""};
}

// "-c a=b -c d=e" or "--a=b": the name=value pairs of a startup "options" parameter.
std::vector<std::pair<std::string, std::string>> startup_options(const std::string& options) {
  std::vector<std::pair<std::string, std::string>> pairs;
  std::vector<std::string> words;
  std::string word;
  for (char c : options + " ") {
    if (c == ' ') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  for (size_t i = 0; i < words.size(); ++i) {
    std::string item = words[i];
    if (item == "-c" && i + 1 < words.size()) {
      item = words[++i];
    } else if (item.rfind("-c", 0) == 0) {
      item = item.substr(2);
    } else if (item.rfind("--", 0) == 0) {
      item = item.substr(2);
    }
    const auto equals = item.find('=');
    if (equals != std::string::npos) pairs.emplace_back(item.substr(0, equals), item.substr(equals + 1));
  }
  return pairs;
}

}  // namespace

Responder::Responder(const Release& release, const State& state) : release_(release), state_(state) {
  for (const auto& form : release_.forms) {
    try {
      patterns_.emplace_back(form.pattern);
    } catch (const std::invalid_argument& e) {
      throw CatalogueError(release_.release + ": form \"" + form.pattern + "\": " + e.what());
    }
  }
}

Session Responder::open_session(int id, std::string database, std::string user,
                                const std::optional<std::string>& unsafe_internals) const {
  Session session;
  session.id = id;
  session.database = std::move(database);
  session.user = std::move(user);
  for (const auto& [name, setting] : release_.settings) {
    if (setting.exists) session.settings[name] = setting.default_value;
  }
  if (release_.gate && unsafe_internals) session.settings[release_.gate->setting] = *unsafe_internals;
  return session;
}

std::optional<SqlError> Responder::apply_startup_parameter(Session& session, const std::string& name,
                                                           const std::string& value) const {
  if (name == "options") {
    for (const auto& [option, option_value] : startup_options(value)) {
      if (auto error = apply_startup_parameter(session, option, option_value)) return error;
    }
    return std::nullopt;
  }
  if (!release_.setting(name)) return std::nullopt;
  const Context context{release_, state_, std::chrono::system_clock::now()};
  try {
    session.settings[name] = checked_setting_value(context, name, value);
    if (name == "application_name") session.application_name = value;
  } catch (const SqlFailure& failure) {
    return failure.error;
  } catch (const NoAnswer& reason) {
    return no_answer("startup parameter " + name + "=" + value, reason.what());
  }
  return std::nullopt;
}

const Form* Responder::find_form(const std::vector<Token>& tokens) const {
  for (size_t i = 0; i < patterns_.size(); ++i) {
    if (patterns_[i].matches(tokens)) return &release_.forms[i];
  }
  return nullptr;
}

Answer Responder::dispatch(const Context& context, Session& session, const std::vector<Token>& tokens,
                           const Params& params) const {
  if (tokens.empty()) return Answer{};
  const bool ends_transaction = first_is(tokens, {"COMMIT", "END", "ROLLBACK", "ABORT"});
  if (session.transaction == TransactionState::Failed && !ends_transaction) {
    fail("25P02", "current transaction is aborted, commands ignored until end of transaction block");
  }
  if (tokens[0].is("SELECT")) return run_select(context, session, parse_select(tokens), params);
  if (tokens[0].is("SHOW")) {
    if (const auto table = run_show(context, session, tokens)) return table_answer(*table);
  }
  const Form* form = find_form(tokens);
  if (!form) throw NoAnswer("no statement form of the " + release_.release + " catalogue matches it");
  if (!form->accepted) {
    fail(form->sqlstate.empty() ? "42601" : form->sqlstate,
         form->message.empty() ? "syntax error: " + release_.release + " does not accept this form (" + form->id + ")"
                               : form->message,
         form->note);
  }
  if (tokens[0].is("SET")) return set_setting(context, session, tokens);
  if (tokens[0].is("RESET")) return reset_setting(context, session, tokens);
  if (tokens[0].is("SHOW")) return show_setting(context, session, tokens);
  if (ends_transaction || first_is(tokens, {"BEGIN", "START"})) return transaction_control(session, tokens);
  Answer answer;
  answer.tag = command_tag(tokens);
  return answer;
}

Answer Responder::answer(Session& session, const std::string& statement, const Params& params) const {
  const Context context{release_, state_, std::chrono::system_clock::now()};
  Answer answer;
  try {
    answer = dispatch(context, session, tokenize(statement), params);
  } catch (const SqlFailure& failure) {
    answer = Answer{};
    answer.error = failure.error;
  } catch (const SyntaxError& error) {
    answer = Answer{};
    answer.error = SqlError{"42601", std::string("syntax error: ") + error.what(), "", ""};
  } catch (const NoAnswer& reason) {
    answer = Answer{};
    answer.error = no_answer(statement, reason.what());
  } catch (const Unsupported& reason) {
    answer = Answer{};
    answer.error = no_answer(statement, std::string("outside what the stand-in reads: ") + reason.what());
  } catch (const std::exception& reason) {  // CatalogueError; a number std::stoll cannot hold
    answer = Answer{};
    answer.error = no_answer(statement, reason.what());
  }
  if (answer.error && session.transaction == TransactionState::InBlock) {
    session.transaction = TransactionState::Failed;
  }
  return answer;
}

std::optional<std::vector<Column>> Responder::describe(const Session& session, const std::string& statement) const {
  Session scratch = session;
  std::vector<Token> tokens;
  try {
    tokens = tokenize(statement);
  } catch (const SyntaxError&) {
    return std::nullopt;
  }
  if (tokens.empty() || !(tokens[0].is("SELECT") || tokens[0].is("SHOW"))) return std::nullopt;
  const Answer answer = this->answer(scratch, statement, Params(64));
  if (!answer.returns_rows) return std::nullopt;
  return answer.columns;
}

}  // namespace strata::standin
