#include "strata/redact.hpp"

#include <algorithm>
#include <cctype>

namespace strata {

namespace {

constexpr std::string_view kMask = "***";

bool is_uri(std::string_view url) {
  return url.starts_with("postgresql://") || url.starts_with("postgres://") || url.starts_with("cockroachdb://");
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      const int hi = hex_value(text[i + 1]);
      const int lo = hex_value(text[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

bool is_secret_key(std::string_view key) {
  return key == "password" || key == "sslpassword";
}

// A span [begin, end) of `url` that holds a secret.
struct Span {
  std::size_t begin;
  std::size_t end;
};

std::vector<Span> uri_secret_spans(std::string_view url) {
  std::vector<Span> spans;
  const std::size_t scheme_end = url.find("://");
  const std::size_t authority = scheme_end + 3;
  // The user information ends at the last '@' before the query: a password with an unencoded '/'
  // is still a password (libpq then reads part of it as a host or port, and says so).
  std::size_t authority_end = url.find('?', authority);
  if (authority_end == std::string_view::npos) authority_end = url.size();
  const std::size_t at = authority_end > authority ? url.rfind('@', authority_end - 1) : std::string_view::npos;
  if (at != std::string_view::npos && at >= authority) {
    const std::size_t colon = url.find(':', authority);
    if (colon != std::string_view::npos && colon < at) spans.push_back({colon + 1, at});
  }
  const std::size_t query = url.find('?', authority);
  if (query != std::string_view::npos) {
    std::size_t pos = query + 1;
    while (pos < url.size()) {
      std::size_t end = url.find('&', pos);
      if (end == std::string_view::npos) end = url.size();
      const std::string_view pair = url.substr(pos, end - pos);
      const std::size_t eq = pair.find('=');
      if (eq != std::string_view::npos && is_secret_key(pair.substr(0, eq))) spans.push_back({pos + eq + 1, end});
      pos = end + 1;
    }
  }
  return spans;
}

// A URL that is not quite one ("postgresql//app:pw@host/db", "app:pw@host"): libpq reads it as
// key=value pairs and echoes it in its error. The text between the ':' and the '@' of what looks
// like user information is a password.
void add_userinfo_span(std::string_view word, std::size_t offset, std::vector<Span>& spans) {
  const std::size_t at = word.rfind('@');
  if (at == std::string_view::npos) return;
  const std::size_t slash = word.rfind('/', at);
  const std::size_t start = slash == std::string_view::npos ? 0 : slash + 1;
  const std::size_t colon = word.find(':', start);
  if (colon != std::string_view::npos && colon < at) spans.push_back({offset + colon + 1, offset + at});
}

// key = value pairs, values optionally single-quoted with backslash escapes (libpq's rules).
std::vector<Span> keyword_secret_spans(std::string_view url) {
  std::vector<Span> spans;
  std::size_t pos = 0;
  while (pos < url.size()) {
    while (pos < url.size() && std::isspace(static_cast<unsigned char>(url[pos]))) ++pos;
    const std::size_t key_begin = pos;
    while (pos < url.size() && url[pos] != '=' && !std::isspace(static_cast<unsigned char>(url[pos]))) ++pos;
    const std::string_view key = url.substr(key_begin, pos - key_begin);
    add_userinfo_span(key, key_begin, spans);
    while (pos < url.size() && std::isspace(static_cast<unsigned char>(url[pos]))) ++pos;
    if (pos >= url.size() || url[pos] != '=') {
      if (pos == key_begin) ++pos;
      continue;
    }
    ++pos;
    while (pos < url.size() && std::isspace(static_cast<unsigned char>(url[pos]))) ++pos;
    const std::size_t value_begin = pos;
    if (pos < url.size() && url[pos] == '\'') {
      ++pos;
      while (pos < url.size() && url[pos] != '\'') pos += (url[pos] == '\\' && pos + 1 < url.size()) ? 2 : 1;
      if (pos < url.size()) ++pos;
    } else {
      while (pos < url.size() && !std::isspace(static_cast<unsigned char>(url[pos]))) ++pos;
    }
    if (is_secret_key(key)) spans.push_back({value_begin, pos});
  }
  return spans;
}

std::vector<Span> secret_spans(std::string_view url) {
  return is_uri(url) ? uri_secret_spans(url) : keyword_secret_spans(url);
}

std::string unquote_keyword_value(std::string_view value) {
  if (value.size() < 2 || value.front() != '\'') return std::string(value);
  std::string out;
  for (std::size_t i = 1; i + 1 < value.size(); ++i) {
    if (value[i] == '\\' && i + 2 < value.size()) ++i;
    out += value[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> secrets_of(std::string_view url) {
  std::vector<std::string> secrets;
  const bool uri = is_uri(url);
  for (const Span& span : secret_spans(url)) {
    const std::string_view raw = url.substr(span.begin, span.end - span.begin);
    if (raw.empty()) continue;
    secrets.emplace_back(raw);
    std::string decoded = uri ? percent_decode(raw) : unquote_keyword_value(raw);
    if (!decoded.empty() && decoded != raw) secrets.push_back(std::move(decoded));
  }
  return secrets;
}

std::string redact_url(std::string_view url) {
  std::string out(url);
  auto spans = secret_spans(url);
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.begin > b.begin; });
  for (const Span& span : spans) {
    if (span.end > span.begin) out.replace(span.begin, span.end - span.begin, kMask);
  }
  return out;
}

std::string scrub(std::string text, const std::vector<std::string>& secrets) {
  for (const auto& secret : secrets) {
    if (secret.empty()) continue;
    std::size_t pos = 0;
    while ((pos = text.find(secret, pos)) != std::string::npos) {
      text.replace(pos, secret.size(), kMask);
      pos += kMask.size();
    }
  }
  return text;
}

}  // namespace strata
