#include "engine/db/tls_diagnosis.hpp"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <pwd.h>
#include <cerrno>
#include <cstdlib>
#include <memory>

#include <fmt/format.h>
#include <libpq-fe.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

namespace strata {

namespace {

struct Target {
  std::string host;
  std::string port = "5432";
  std::string root_cert;
};

std::string first_of_list(const char* value) {
  std::string text = value ? value : "";
  return text.substr(0, text.find(','));
}

std::optional<Target> target_of(const std::string& conninfo) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
  if (error) PQfreemem(error);
  if (!options) return std::nullopt;
  Target target;
  std::string host, hostaddr;
  for (PQconninfoOption* o = options; o->keyword; ++o) {
    const std::string key = o->keyword;
    if (!o->val || !*o->val) continue;
    if (key == "host") host = first_of_list(o->val);
    if (key == "hostaddr") hostaddr = first_of_list(o->val);
    if (key == "port") target.port = first_of_list(o->val);
    if (key == "sslrootcert") target.root_cert = o->val;
  }
  PQconninfoFree(options);
  if (host.empty() && std::getenv("PGHOST")) host = first_of_list(std::getenv("PGHOST"));
  target.host = hostaddr.empty() ? (host.empty() ? "localhost" : host) : hostaddr;
  if (target.host.starts_with('/')) return std::nullopt;  // a Unix socket: no TLS there
  if (target.root_cert.empty() && std::getenv("PGSSLROOTCERT")) target.root_cert = std::getenv("PGSSLROOTCERT");
  if (target.root_cert.empty()) {
    const char* home = std::getenv("HOME");
    if (!home) {
      if (const passwd* pw = getpwuid(getuid())) home = pw->pw_dir;
    }
    if (!home) return std::nullopt;
    target.root_cert = std::string(home) + "/.postgresql/root.crt";
  }
  return target;
}

class Socket {
 public:
  explicit Socket(int fd) : fd_(fd) {}
  ~Socket() {
    if (fd_ >= 0) close(fd_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// A connected TCP socket with send and receive timeouts, or -1.
int connect_to(const Target& target, std::chrono::seconds timeout) {
  addrinfo hints{};
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* found = nullptr;
  if (getaddrinfo(target.host.c_str(), target.port.c_str(), &hints, &found) != 0) return -1;
  int fd = -1;
  for (addrinfo* a = found; a && fd < 0; a = a->ai_next) {
    fd = socket(a->ai_family, a->ai_socktype, a->ai_protocol);
    if (fd < 0) continue;
    timeval tv{static_cast<time_t>(timeout.count() > 0 ? timeout.count() : 10), 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);  // also bounds connect() on Linux
    if (connect(fd, a->ai_addr, a->ai_addrlen) != 0) {
      close(fd);
      fd = -1;
    }
  }
  freeaddrinfo(found);
  return fd;
}

// PostgreSQL's SSLRequest: length 8, code 80877103; the server answers 'S' when it speaks TLS.
bool request_tls(int fd) {
  const unsigned char request[8] = {0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f};
  if (send(fd, request, sizeof request, MSG_NOSIGNAL) != static_cast<ssize_t>(sizeof request)) return false;
  char answer = 0;
  return recv(fd, &answer, 1, 0) == 1 && answer == 'S';
}

std::string asn1_time(const ASN1_TIME* time) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  if (!bio || ASN1_TIME_print(bio.get(), time) != 1) return "?";
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

std::string issuer_of(X509* certificate) {
  char name[256] = {};
  X509_NAME_oneline(X509_get_issuer_name(certificate), name, sizeof name - 1);
  return name;
}

std::string explain(long result, X509* certificate, const Target& target) {
  const std::string reason = X509_verify_cert_error_string(result);
  switch (result) {
    case X509_V_ERR_CERT_HAS_EXPIRED:
      return fmt::format("the server's certificate has expired: it was valid until {} ({})",
                         asn1_time(X509_get0_notAfter(certificate)), reason);
    case X509_V_ERR_CERT_NOT_YET_VALID:
      return fmt::format("the server's certificate is not valid yet: it is valid from {} ({})",
                         asn1_time(X509_get0_notBefore(certificate)), reason);
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_CERT_SIGNATURE_FAILURE:
      return fmt::format(
          "the server's certificate (issued by {}) is not signed by a CA in sslrootcert {}: wrong CA file? ({})",
          issuer_of(certificate), target.root_cert, reason);
    default:
      return fmt::format("the server's certificate was refused: {}", reason);
  }
}

}  // namespace

std::optional<std::string> diagnose_server_certificate(const std::string& conninfo, std::chrono::seconds timeout) {
  const auto target = target_of(conninfo);
  if (!target) return std::nullopt;
  Socket socket(connect_to(*target, timeout));
  if (socket.fd() < 0 || !request_tls(socket.fd())) return std::nullopt;

  std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> context(SSL_CTX_new(TLS_client_method()), SSL_CTX_free);
  if (!context) return std::nullopt;
  if (SSL_CTX_load_verify_locations(context.get(), target->root_cert.c_str(), nullptr) != 1) {
    ERR_clear_error();
    return std::nullopt;  // libpq says itself that it cannot read the file
  }
  SSL_CTX_set_verify(context.get(), SSL_VERIFY_NONE, nullptr);  // look, and record the verdict
  std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(context.get()), SSL_free);
  if (!ssl || SSL_set_fd(ssl.get(), socket.fd()) != 1 || SSL_connect(ssl.get()) != 1) {
    ERR_clear_error();
    return std::nullopt;
  }
  std::unique_ptr<X509, decltype(&X509_free)> certificate(SSL_get1_peer_certificate(ssl.get()), X509_free);
  const long result = SSL_get_verify_result(ssl.get());
  ERR_clear_error();
  if (!certificate || result == X509_V_OK) return std::nullopt;
  return explain(result, certificate.get(), *target);
}

}  // namespace strata
