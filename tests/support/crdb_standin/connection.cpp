#include "support/crdb_standin/connection.hpp"

#include <unistd.h>

#include <iostream>
#include <map>
#include <random>

#include "support/crdb_standin/wire.hpp"

namespace strata::standin {
namespace {

constexpr std::int32_t kProtocol3 = 196608;
constexpr std::int32_t kSslRequest = 80877103;
constexpr std::int32_t kGssRequest = 80877104;
constexpr std::int32_t kCancelRequest = 80877102;

std::int16_t type_length(int oid) {
  static const std::map<int, std::int16_t> lengths = {{16, 1},   {18, 1},    {19, 64},  {20, 8},  {21, 2},
                                                      {23, 4},   {26, 4},    {700, 4},  {701, 8}, {1114, 8},
                                                      {1184, 8}, {1186, 16}, {2950, 16}};
  const auto at = lengths.find(oid);
  return at == lengths.end() ? -1 : at->second;
}

struct Prepared {
  std::string query;
  std::vector<std::int32_t> param_types;
};

class Connection {
 public:
  Connection(int fd, int id, const ServerSetup& setup) : wire_(fd), id_(id), setup_(setup) {}

  void serve() {
    if (!startup()) return;
    char type = 0;
    std::string body;
    while (wire_.read(type, body)) {
      if (type == 'X') return;
      if (skipping_ && type != 'S') continue;
      MessageReader message(body);
      switch (type) {
        case 'Q':
          simple_query(message.cstring());
          break;
        case 'P':
          parse(message);
          break;
        case 'B':
          bind(message);
          break;
        case 'D':
          describe(message);
          break;
        case 'E':
          execute(message);
          break;
        case 'S':
          sync();
          break;
        case 'H':
          wire_.flush();
          break;
        case 'C':
          close(message);
          break;
        default:
          error({"08P01", std::string("stand-in: unexpected message type '") + type + "'", "", ""}, true);
          return;
      }
    }
  }

 private:
  bool startup() {
    for (;;) {
      const auto packet = wire_.read_startup();
      if (!packet) return false;
      MessageReader message(*packet);
      const std::int32_t code = message.int32();
      if (code == kSslRequest || code == kGssRequest) {
        wire_.send(0, "N");
        wire_.flush();
        continue;
      }
      if (code == kCancelRequest) return false;
      if (code != kProtocol3) {
        error({"08P01", "stand-in: unsupported protocol " + std::to_string(code), "", ""}, true);
        return false;
      }
      return open_session(message);
    }
  }

  bool open_session(MessageReader& message) {
    std::map<std::string, std::string> params;
    for (std::string name = message.cstring(); !name.empty(); name = message.cstring())
      params[name] = message.cstring();
    const std::string user = params.count("user") ? params["user"] : "root";
    const std::string database =
        params.count("database") && !params["database"].empty() ? params["database"] : "defaultdb";
    session_ = setup_.responder.open_session(id_, database, user, setup_.unsafe_internals);
    for (const auto& [name, value] : params) {
      if (name == "user" || name == "database") continue;
      if (auto failure = setup_.responder.apply_startup_parameter(session_, name, value)) {
        error(*failure, true);
        return false;
      }
    }
    wire_.send('R', MessageWriter().int32(0).body());
    const auto timezone = session_.settings.find("timezone");
    const std::string zone = timezone != session_.settings.end() && timezone->second ? *timezone->second : "UTC";
    const auto& release = setup_.responder.release();
    for (const auto& [name, value] : std::map<std::string, std::string>{{"application_name", session_.application_name},
                                                                        {"client_encoding", "UTF8"},
                                                                        {"DateStyle", "ISO, MDY"},
                                                                        {"integer_datetimes", "on"},
                                                                        {"server_encoding", "UTF8"},
                                                                        {"server_version", release.server_version},
                                                                        {"standard_conforming_strings", "on"},
                                                                        {"TimeZone", zone},
                                                                        {"crdb_version", release.version}}) {
      wire_.send('S', MessageWriter().cstring(name).cstring(value).body());
    }
    std::mt19937 random(std::random_device{}());
    wire_.send('K', MessageWriter().int32(id_).int32(static_cast<std::int32_t>(random())).body());
    ready();
    return true;
  }

  void ready() {
    const char status = session_.transaction == TransactionState::Idle      ? 'I'
                        : session_.transaction == TransactionState::InBlock ? 'T'
                                                                            : 'E';
    wire_.send('Z', std::string(1, status));
    wire_.flush();
  }

  void error(const SqlError& failure, bool fatal = false) {
    MessageWriter message;
    const char* severity = fatal ? "FATAL" : "ERROR";
    message.byte('S').cstring(severity).byte('V').cstring(severity).byte('C').cstring(failure.sqlstate);
    message.byte('M').cstring(failure.message);
    if (!failure.detail.empty()) message.byte('D').cstring(failure.detail);
    if (!failure.hint.empty()) message.byte('H').cstring(failure.hint);
    message.byte('\0');
    wire_.send('E', message.body());
    if (fatal) wire_.flush();
  }

  Answer run(const std::string& statement, const Params& params) {
    Answer answer = setup_.responder.answer(session_, statement, params);
    setup_.log.record(id_, statement, params, answer.error);
    return answer;
  }

  void row_description(const std::vector<Column>& columns) {
    MessageWriter message;
    message.int16(static_cast<std::int16_t>(columns.size()));
    for (const auto& column : columns) {
      const int oid = type_oid(column.type);
      message.cstring(column.name).int32(0).int16(0).int32(oid).int16(type_length(oid)).int32(-1).int16(0);
    }
    wire_.send('T', message.body());
  }

  void rows_and_completion(const Answer& answer) {
    if (answer.tag.empty()) {
      wire_.send('I', "");
      return;
    }
    for (const auto& row : answer.rows) {
      MessageWriter message;
      message.int16(static_cast<std::int16_t>(row.size()));
      for (const auto& value : row) {
        message.int32(value ? static_cast<std::int32_t>(value->size()) : -1);
        if (value) message.bytes(*value);
      }
      wire_.send('D', message.body());
    }
    wire_.send('C', MessageWriter().cstring(answer.tag).body());
  }

  void simple_query(const std::string& query) {
    const auto statements = split_statements(query);
    if (statements.empty()) wire_.send('I', "");
    for (const auto& statement : statements) {
      const Answer answer = run(statement, {});
      if (answer.error) {
        error(*answer.error);
        break;
      }
      if (answer.returns_rows) row_description(answer.columns);
      rows_and_completion(answer);
    }
    ready();
  }

  void parse(MessageReader& message) {
    const std::string name = message.cstring();
    Prepared prepared{message.cstring(), {}};
    for (std::int16_t n = message.int16(); n > 0; --n) prepared.param_types.push_back(message.int32());
    if (split_statements(prepared.query).size() > 1) {
      extended_error({"42601", "cannot insert multiple commands into a prepared statement", "", ""});
      return;
    }
    prepared_[name] = std::move(prepared);
    wire_.send('1', "");
  }

  void bind(MessageReader& message) {
    const std::string portal = message.cstring();
    const std::string name = message.cstring();
    bool binary = false;
    for (std::int16_t n = message.int16(); n > 0; --n) binary |= message.int16() != 0;
    Params params;
    for (std::int16_t n = message.int16(); n > 0; --n) {
      const std::int32_t length = message.int32();
      params.push_back(length < 0 ? Text() : Text(message.bytes(static_cast<std::size_t>(length))));
    }
    for (std::int16_t n = message.int16(); n > 0; --n) binary |= message.int16() != 0;
    const auto prepared = prepared_.find(name);
    if (prepared == prepared_.end()) {
      extended_error({"26000", "prepared statement \"" + name + "\" does not exist", "", ""});
      return;
    }
    if (binary) {
      extended_error({"0A000", "stand-in: parameters and results in text format only", "", ""});
      return;
    }
    Answer answer = run(prepared->second.query, params);
    if (answer.error) {
      extended_error(*answer.error);
      return;
    }
    portals_[portal] = std::move(answer);
    wire_.send('2', "");
  }

  void describe(MessageReader& message) {
    const char what = message.byte();
    const std::string name = message.cstring();
    if (what == 'P') {
      const auto portal = portals_.find(name);
      if (portal == portals_.end()) return extended_error({"34000", "portal \"" + name + "\" does not exist", "", ""});
      if (portal->second.returns_rows) return row_description(portal->second.columns);
      return wire_.send('n', "");
    }
    const auto prepared = prepared_.find(name);
    if (prepared == prepared_.end()) {
      return extended_error({"26000", "prepared statement \"" + name + "\" does not exist", "", ""});
    }
    MessageWriter parameters;
    int count = static_cast<int>(prepared->second.param_types.size());
    try {
      for (const auto& token : tokenize(prepared->second.query)) {
        if (token.kind == TokenKind::Param) count = std::max(count, token.number);
      }
    } catch (const std::exception&) {  // the statement's error comes at Bind
    }
    parameters.int16(static_cast<std::int16_t>(count));
    for (int i = 0; i < count; ++i) {
      const auto& types = prepared->second.param_types;
      parameters.int32(
          static_cast<size_t>(i) < types.size() && types[static_cast<size_t>(i)] ? types[static_cast<size_t>(i)] : 25);
    }
    wire_.send('t', parameters.body());
    if (const auto columns = setup_.responder.describe(session_, prepared->second.query))
      return row_description(*columns);
    wire_.send('n', "");
  }

  void execute(MessageReader& message) {
    const std::string name = message.cstring();
    const auto portal = portals_.find(name);
    if (portal == portals_.end()) return extended_error({"34000", "portal \"" + name + "\" does not exist", "", ""});
    rows_and_completion(portal->second);
    portals_.erase(portal);
  }

  void close(MessageReader& message) {
    const char what = message.byte();
    const std::string name = message.cstring();
    if (what == 'S') {
      prepared_.erase(name);
    } else {
      portals_.erase(name);
    }
    wire_.send('3', "");
  }

  void sync() {
    skipping_ = false;
    portals_.erase("");
    ready();
  }

  void extended_error(const SqlError& failure) {
    error(failure);
    skipping_ = true;
  }

  Wire wire_;
  int id_;
  const ServerSetup& setup_;
  Session session_;
  std::map<std::string, Prepared> prepared_;
  std::map<std::string, Answer> portals_;
  bool skipping_ = false;
};

}  // namespace

void serve_connection(int fd, int session_id, const ServerSetup& setup) {
  try {
    Connection(fd, session_id, setup).serve();
  } catch (const std::exception& e) {
    std::cerr << "strata-crdb-standin: session " << session_id << ": " << e.what() << "\n";
  }
  ::close(fd);
}

}  // namespace strata::standin
