#include "support/crdb_standin/responder.hpp"

namespace strata::standin {
namespace {

const Setting& known_setting(const Context& context, const std::string& name) {
  const Setting* setting = context.release.setting(name);
  if (!setting) throw NoAnswer("the catalogue records nothing about the session setting " + name);
  if (!setting->exists) fail("42704", "unrecognized configuration parameter \"" + name + "\"");
  return *setting;
}

// The setting a SET/RESET/SHOW names, from tokens[at]: "TIME ZONE" is timezone.
std::string setting_name(const std::vector<Token>& tokens, size_t& at) {
  if (at < tokens.size() && tokens[at].is("SESSION")) ++at;
  if (at + 1 < tokens.size() && tokens[at].is("TIME") && tokens[at + 1].is("ZONE")) {
    at += 2;
    return "timezone";
  }
  if (at >= tokens.size() || !tokens[at].is_name()) throw NoAnswer("a setting name the stand-in cannot read");
  return tokens[at++].name;
}

Answer command(std::string tag) {
  Answer answer;
  answer.tag = std::move(tag);
  return answer;
}

}  // namespace

std::string checked_setting_value(const Context& context, const std::string& name, const std::string& value) {
  known_setting(context, name);
  if (!context.release.gate || name != context.release.gate->setting) return value;
  const std::string lower = to_lower(value);
  if (lower == "on" || lower == "true" || lower == "yes" || lower == "1") return "on";
  if (lower == "off" || lower == "false" || lower == "no" || lower == "0") return "off";
  throw NoAnswer("a value of " + name + " nothing records: " + value);
}

Answer set_setting(const Context& context, Session& session, const std::vector<Token>& tokens) {
  size_t at = 1;
  const std::string name = setting_name(tokens, at);
  if (at < tokens.size() && (tokens[at].is_op("=") || tokens[at].is("TO"))) ++at;
  if (at + 1 != tokens.size()) throw NoAnswer("SET with other than one value");
  const Token& value = tokens[at];
  if (value.is("DEFAULT")) {
    session.settings[name] = known_setting(context, name).default_value;
    return command("SET");
  }
  std::string text = value.kind == TokenKind::String || value.kind == TokenKind::QuotedName ? value.name : value.text;
  session.settings[name] = checked_setting_value(context, name, text);
  if (name == "application_name") session.application_name = text;
  return command("SET");
}

Answer reset_setting(const Context& context, Session& session, const std::vector<Token>& tokens) {
  size_t at = 1;
  const std::string name = setting_name(tokens, at);
  if (at != tokens.size()) throw NoAnswer("RESET with more than a name");
  session.settings[name] = known_setting(context, name).default_value;
  return command("RESET");
}

Answer show_setting(const Context& context, const Session& session, const std::vector<Token>& tokens) {
  size_t at = 1;
  const std::string name = setting_name(tokens, at);
  if (at != tokens.size()) throw NoAnswer("SHOW with more than a setting name");
  known_setting(context, name);
  const auto value = session.settings.find(name);
  if (value == session.settings.end() || !value->second) {
    throw NoAnswer("the default of " + name + " in " + context.release.release +
                   " is not established and this session did not set it");
  }
  Answer answer;
  answer.returns_rows = true;
  answer.columns = {{name, "STRING"}};
  answer.rows = {{*value->second}};
  answer.tag = "SHOW 1";
  return answer;
}

Answer transaction_control(Session& session, const std::vector<Token>& tokens) {
  const Token& verb = tokens[0];
  if (verb.is("BEGIN") || verb.is("START")) {
    session.transaction = TransactionState::InBlock;
    return command("BEGIN");
  }
  const bool failed = session.transaction == TransactionState::Failed;
  session.transaction = TransactionState::Idle;
  if (verb.is("COMMIT") || verb.is("END")) return command(failed ? "ROLLBACK" : "COMMIT");
  return command("ROLLBACK");
}

}  // namespace strata::standin
