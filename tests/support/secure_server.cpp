#include "support/secure_server.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>
#include <pqxx/pqxx>

#include "support/run_command.hpp"

namespace strata::testing {

namespace fs = std::filesystem;

namespace {

std::string pg_bindir() {
  const char* dir = std::getenv("STRATA_PG_BINDIR");
  return dir ? dir : "/usr/lib/postgresql/15/bin";
}

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
  if (!out.flush()) throw std::runtime_error("cannot write " + path.string());
}

void openssl(const fs::path& dir, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {"/bin/sh", "-c", "cd \"$0\" && exec openssl \"$@\"", dir.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto result = run_command(argv);
  if (result.exit_code != 0) {
    std::string command = "openssl";
    for (const auto& arg : args) command += " " + arg;
    throw std::runtime_error(fmt::format("`{}` failed (exit {}): {}", command, result.exit_code, result.err));
  }
}

// A CA, a second CA, the server's certificate (valid now, and expired), a client certificate.
void make_certificates(const fs::path& dir) {
  for (const std::string name : {"ca", "other-ca"}) {
    openssl(dir, {"req", "-x509", "-new", "-nodes", "-newkey", "rsa:2048", "-keyout", name + ".key", "-out",
                  name + ".crt", "-days", "3650", "-subj", "/CN=strata test " + name});
  }
  write_file(dir / "server.ext", "subjectAltName=DNS:localhost\n");
  openssl(dir, {"req", "-new", "-nodes", "-newkey", "rsa:2048", "-keyout", "server.key", "-out", "server.csr", "-subj",
                "/CN=strata test server"});
  openssl(dir, {"x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "server.crt", "-days", "365", "-extfile", "server.ext"});
  // `openssl x509` cannot date a certificate in the past; `openssl ca` can.
  write_file(dir / "ca.cnf",
             "[ca]\ndefault_ca = test_ca\n[test_ca]\ndatabase = index.txt\nnew_certs_dir = .\nserial = ca.srl\n"
             "default_md = sha256\npolicy = any\nunique_subject = no\n[any]\ncommonName = supplied\n");
  write_file(dir / "index.txt", "");
  openssl(dir, {"ca", "-batch", "-config", "ca.cnf", "-cert", "ca.crt", "-keyfile", "ca.key", "-in", "server.csr",
                "-out", "expired.crt", "-startdate", "20200101000000Z", "-enddate", "20200201000000Z", "-extfile",
                "server.ext", "-notext"});
  openssl(dir, {"req", "-new", "-nodes", "-newkey", "rsa:2048", "-keyout", "client.key", "-out", "client.csr", "-subj",
                std::string("/CN=") + kCertUser});
  openssl(dir, {"x509", "-req", "-in", "client.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial", "-out",
                "client.crt", "-days", "365"});
  fs::permissions(dir / "client.key", fs::perms::owner_read | fs::perms::owner_write);  // libpq insists
}

}  // namespace

std::string secure_server_unavailable() {
  if (!fs::exists(fs::path(pg_bindir()) / "initdb")) {
    return fmt::format(
        "TLS and password tests need PostgreSQL's server programs here ({}/initdb is missing; tools/deps "
        "installs postgresql-15, or set STRATA_PG_BINDIR)",
        pg_bindir());
  }
  return "";
}

SecureServer::SecureServer() {
  char cert_template[] = "/tmp/strata-tls-XXXXXX";
  char server_template[] = "/tmp/strata-tls-pg-XXXXXX";
  if (!mkdtemp(cert_template) || !mkdtemp(server_template)) throw std::runtime_error("mkdtemp failed");
  cert_dir_ = cert_template;
  server_dir_ = server_template;
  fs::permissions(cert_dir_, fs::perms::owner_all);
  make_certificates(cert_dir_);
  // The server's files: what `pg-throwaway --tls` copies (every .crt and .key) minus the CAs' keys.
  const fs::path server_files = cert_dir_ / "server-files";
  fs::create_directory(server_files);
  for (const std::string file : {"ca.crt", "server.crt", "server.key", "expired.crt"}) {
    fs::copy_file(cert_dir_ / file, server_files / file);
  }
  write_file(cert_dir_ / "hba",
             fmt::format("hostssl all {0} 127.0.0.1/32 cert\nhost all {0} 127.0.0.1/32 reject\n"
                         "host all {1} 127.0.0.1/32 scram-sha-256\nhost all {2} 127.0.0.1/32 scram-sha-256\n",
                         kCertUser, kPasswordUser, kOtherUser));
  const auto started =
      run_command({STRATA_PG_THROWAWAY_PATH, "start", server_dir_.string(), "--tls", server_files.string(), "--hba",
                   (cert_dir_ / "hba").string(), "--watch", std::to_string(getpid())});
  if (started.exit_code != 0) throw std::runtime_error("pg-throwaway start --tls failed: " + started.err);
  std::ifstream port_file(server_dir_ / "port");
  port_file >> port_;
  if (port_ <= 0) throw std::runtime_error("pg-throwaway wrote no port");

  pqxx::connection admin(admin_url());
  pqxx::nontransaction tx(admin);
  tx.exec(fmt::format("CREATE ROLE {} LOGIN", kCertUser));
  tx.exec(fmt::format("CREATE ROLE {} LOGIN CREATEDB PASSWORD '{}'", kPasswordUser, kPassword));
  tx.exec(fmt::format("CREATE ROLE {} LOGIN PASSWORD 'not-the-one-in-any-url'", kOtherUser));
}

SecureServer::~SecureServer() {
  run_command({STRATA_PG_THROWAWAY_PATH, "stop", server_dir_.string()});
  std::error_code ec;
  fs::remove_all(cert_dir_, ec);
}

std::string SecureServer::admin_url() const {
  return url("127.0.0.1", "postgres", "postgres", "sslmode=disable");
}

std::string SecureServer::url(const std::string& host, const std::string& user_info, const std::string& database,
                              const std::string& query) const {
  return fmt::format("postgresql://{}@{}:{}/{}{}{}", user_info, host, port_, database, query.empty() ? "" : "?", query);
}

void SecureServer::use_server_certificate(const std::string& file_name) const {
  pqxx::connection admin(admin_url());
  pqxx::nontransaction tx(admin);
  tx.exec("ALTER SYSTEM SET ssl_cert_file = " + tx.quote("tls/" + file_name));
  tx.exec("SELECT pg_reload_conf()");
  // The postmaster rereads its files in the background: wait until new sessions see the change.
  for (int i = 0; i < 100; ++i) {
    pqxx::connection probe(admin_url());
    pqxx::nontransaction check(probe);
    if (check.exec1("SHOW ssl_cert_file")[0].as<std::string>() == "tls/" + file_name) return;
    usleep(50'000);
  }
  throw std::runtime_error("the server did not switch to " + file_name);
}

}  // namespace strata::testing
