// PostgreSQL protocol 3.0 framing over a socket: reading messages, building and sending them.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace strata::standin {

struct ProtocolError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Reads the fields of a message body in order; throws ProtocolError past its end.
class MessageReader {
 public:
  explicit MessageReader(std::string_view body) : body_(body) {}
  std::int32_t int32();
  std::int16_t int16();
  char byte();
  std::string cstring();  // up to the next NUL
  std::string bytes(std::size_t count);
  bool done() const { return at_ >= body_.size(); }

 private:
  std::string_view body_;
  std::size_t at_ = 0;
};

// Builds a message body.
class MessageWriter {
 public:
  MessageWriter& int32(std::int32_t value);
  MessageWriter& int16(std::int16_t value);
  MessageWriter& byte(char value);
  MessageWriter& cstring(std::string_view text);
  MessageWriter& bytes(std::string_view data);
  const std::string& body() const { return body_; }

 private:
  std::string body_;
};

class Wire {
 public:
  explicit Wire(int fd) : fd_(fd) {}

  // The body of an untyped startup-phase packet; nullopt at end of stream.
  std::optional<std::string> read_startup();
  // The next typed message; false at end of stream.
  bool read(char& type, std::string& body);
  // Queues a typed message (or, with type 0, raw bytes); flush() sends the queue.
  void send(char type, std::string_view body);
  void flush();

 private:
  bool read_exact(char* data, std::size_t size);

  int fd_;
  std::string out_;
};

}  // namespace strata::standin
