#include "support/crdb_standin/wire.hpp"

#include <arpa/inet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace strata::standin {
namespace {

constexpr std::int32_t kMaxMessage = 64 * 1024 * 1024;

}  // namespace

std::int32_t MessageReader::int32() {
  const std::string raw = bytes(4);
  std::uint32_t value = 0;
  std::memcpy(&value, raw.data(), 4);
  return static_cast<std::int32_t>(ntohl(value));
}

std::int16_t MessageReader::int16() {
  const std::string raw = bytes(2);
  std::uint16_t value = 0;
  std::memcpy(&value, raw.data(), 2);
  return static_cast<std::int16_t>(ntohs(value));
}

char MessageReader::byte() {
  return bytes(1)[0];
}

std::string MessageReader::cstring() {
  const std::size_t end = body_.find('\0', at_);
  if (end == std::string_view::npos) throw ProtocolError("a string without its terminating NUL");
  std::string text(body_.substr(at_, end - at_));
  at_ = end + 1;
  return text;
}

std::string MessageReader::bytes(std::size_t count) {
  if (at_ + count > body_.size()) throw ProtocolError("a message shorter than its fields");
  std::string data(body_.substr(at_, count));
  at_ += count;
  return data;
}

MessageWriter& MessageWriter::int32(std::int32_t value) {
  const std::uint32_t network = htonl(static_cast<std::uint32_t>(value));
  body_.append(reinterpret_cast<const char*>(&network), 4);
  return *this;
}

MessageWriter& MessageWriter::int16(std::int16_t value) {
  const std::uint16_t network = htons(static_cast<std::uint16_t>(value));
  body_.append(reinterpret_cast<const char*>(&network), 2);
  return *this;
}

MessageWriter& MessageWriter::byte(char value) {
  body_ += value;
  return *this;
}

MessageWriter& MessageWriter::cstring(std::string_view text) {
  body_.append(text);
  body_ += '\0';
  return *this;
}

MessageWriter& MessageWriter::bytes(std::string_view data) {
  body_.append(data);
  return *this;
}

bool Wire::read_exact(char* data, std::size_t size) {
  std::size_t got = 0;
  while (got < size) {
    const ssize_t n = ::recv(fd_, data + got, size - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    got += static_cast<std::size_t>(n);
  }
  return true;
}

std::optional<std::string> Wire::read_startup() {
  char header[4];
  if (!read_exact(header, 4)) return std::nullopt;
  const std::int32_t length = MessageReader(std::string_view(header, 4)).int32();
  if (length < 8 || length > kMaxMessage) throw ProtocolError("a startup packet of length " + std::to_string(length));
  std::string body(static_cast<std::size_t>(length - 4), '\0');
  if (!read_exact(body.data(), body.size())) return std::nullopt;
  return body;
}

bool Wire::read(char& type, std::string& body) {
  char header[5];
  if (!read_exact(header, 5)) return false;
  type = header[0];
  const std::int32_t length = MessageReader(std::string_view(header + 1, 4)).int32();
  if (length < 4 || length > kMaxMessage) throw ProtocolError("a message of length " + std::to_string(length));
  body.assign(static_cast<std::size_t>(length - 4), '\0');
  return read_exact(body.data(), body.size());
}

void Wire::send(char type, std::string_view body) {
  if (type == 0) {
    out_.append(body);
    return;
  }
  out_ += type;
  MessageWriter length;
  length.int32(static_cast<std::int32_t>(body.size() + 4));
  out_ += length.body();
  out_.append(body);
}

void Wire::flush() {
  std::size_t sent = 0;
  while (sent < out_.size()) {
    const ssize_t n = ::send(fd_, out_.data() + sent, out_.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw ProtocolError("the client went away");
    sent += static_cast<std::size_t>(n);
  }
  out_.clear();
}

}  // namespace strata::standin
