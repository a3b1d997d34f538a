// The stand-in's answer to one statement, from the catalogue and the state only:
//   SELECT …                      eval.hpp / show.hpp, over relations and [SHOW …]
//   SHOW <form of the catalogue>  its recorded rows (or the state's)
//   anything else                 must match a statement form of the catalogue; an accepted SET,
//                                 RESET, SHOW <setting>, BEGIN, COMMIT or ROLLBACK then acts on the
//                                 session, any other accepted form just completes.
// A statement nothing records gets XX000 "stand-in: no recorded answer for: <statement>".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "support/crdb_standin/answer.hpp"
#include "support/crdb_standin/eval.hpp"
#include "support/crdb_standin/form_pattern.hpp"

namespace strata::standin {

class Responder {
 public:
  // Throws CatalogueError when a form's pattern does not parse.
  Responder(const Release& release, const State& state);

  // A new session with the release's defaults; `unsafe_internals` ("on", "off") overrides the
  // gate's setting where the release has one.
  Session open_session(int id, std::string database, std::string user,
                       const std::optional<std::string>& unsafe_internals) const;
  // A startup parameter (or an "options" -c name=value): sets a session setting the release has;
  // an error for one it records as absent; nullopt (and nothing done) for one it does not record.
  std::optional<SqlError> apply_startup_parameter(Session& session, const std::string& name,
                                                  const std::string& value) const;

  Answer answer(Session& session, const std::string& statement, const Params& params) const;
  // The columns `statement` would return (SELECT and SHOW only), without effect on `session`.
  std::optional<std::vector<Column>> describe(const Session& session, const std::string& statement) const;

  const Release& release() const { return release_; }

 private:
  Answer dispatch(const Context& context, Session& session, const std::vector<Token>& tokens,
                  const Params& params) const;
  const Form* find_form(const std::vector<Token>& tokens) const;

  const Release& release_;
  const State& state_;
  std::vector<FormPattern> patterns_;  // one per release_.forms entry
};

// settings.cpp: SET, RESET and SHOW of session settings; BEGIN, COMMIT and ROLLBACK.
Answer set_setting(const Context& context, Session& session, const std::vector<Token>& tokens);
Answer reset_setting(const Context& context, Session& session, const std::vector<Token>& tokens);
Answer show_setting(const Context& context, const Session& session, const std::vector<Token>& tokens);
Answer transaction_control(Session& session, const std::vector<Token>& tokens);
// Checks that `name` is a setting of the release (42704 when recorded as absent, NoAnswer when
// not recorded) and returns the value to store (allow_unsafe_internals as "on"/"off").
std::string checked_setting_value(const Context& context, const std::string& name, const std::string& value);

}  // namespace strata::standin
