// The JUnit XML report of `strata check`: a test suite per check, a test case per CheckCase (a
// lint case per file), a <failure> listing its findings, <skipped> with the reason.
#include <fmt/format.h>

#include "strata/check.hpp"

namespace strata {

namespace {

// XML 1.0 text: markup characters escaped, control characters other than tab, newline and
// carriage return (which XML cannot hold at all) replaced by '?'.
std::string xml(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&apos;";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
          out += '?';
        } else {
          out += ch;
        }
    }
  }
  return out;
}

std::string finding_text(const Finding& f) {
  std::string where = f.file;
  if (!where.empty() && f.line > 0) where += fmt::format(":{}", f.line);
  return fmt::format("{}{}{} {}\n  fix: {}\n", where, where.empty() ? "" : ": ", f.code, f.message, f.fix);
}

struct Counts {
  std::size_t tests = 0, failures = 0, skipped = 0;
};

Counts counts(const CheckReport& report, const CheckKind* kind) {
  Counts n;
  for (const auto& c : report.cases) {
    if (kind && c.kind != *kind) continue;
    ++n.tests;
    if (c.skipped) ++n.skipped;
    if (!c.findings.empty()) ++n.failures;
  }
  return n;
}

}  // namespace

std::string check_report_junit(const CheckReport& report) {
  const Counts all = counts(report, nullptr);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"strata check\" tests=\"{}\" failures=\"{}\" skipped=\"{}\">\n", all.tests,
                     all.failures, all.skipped);
  for (const CheckKind kind : {CheckKind::Integrity, CheckKind::Lint, CheckKind::Drift}) {
    const Counts n = counts(report, &kind);
    if (n.tests == 0) continue;
    const std::string suite = fmt::format("strata.{}", check_kind_name(kind));
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n", suite,
                       n.tests, n.failures, n.skipped);
    for (const auto& c : report.cases) {
      if (c.kind != kind) continue;
      out += fmt::format("    <testcase classname=\"{}\" name=\"{}\"", suite, xml(c.name));
      if (c.skipped) {
        out += fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n", xml(c.skipped_reason));
      } else if (c.findings.empty()) {
        out += "/>\n";
      } else {
        std::string body;
        for (const auto& f : c.findings) body += finding_text(f);
        const Finding& first = c.findings.front();
        const std::string message = c.findings.size() == 1 ? fmt::format("{} {}", first.code, first.message)
                                                           : fmt::format("{} findings, first: {} {}", c.findings.size(),
                                                                         first.code, first.message);
        out += fmt::format(">\n      <failure type=\"{}\" message=\"{}\">{}</failure>\n    </testcase>\n",
                           xml(first.code), xml(message), xml(body));
      }
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace strata
