// GitHub Actions workflow commands: an annotation per finding (shown on the file and line of the
// pull request), a notice per skipped check, and a summary line for the log.
#include <fmt/format.h>

#include "strata/check.hpp"

namespace strata {

namespace {

// The message part of a workflow command: %, CR and LF are escaped (GitHub undoes it).
std::string command_data(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    switch (ch) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

// A property value (file=…, title=…): also ':' and ',' are escaped.
std::string command_property(std::string_view text) {
  std::string out;
  for (const char ch : command_data(text)) {
    if (ch == ':') {
      out += "%3A";
    } else if (ch == ',') {
      out += "%2C";
    } else {
      out += ch;
    }
  }
  return out;
}

}  // namespace

std::string check_report_github(const CheckReport& report) {
  std::string out;
  std::size_t skipped = 0;
  for (const auto& c : report.cases) {
    if (c.skipped) {
      ++skipped;
      out += fmt::format(
          "::notice title={}::{}\n", command_property("strata check: skipped"),
          command_data(fmt::format("{} check of {} skipped: {}", check_kind_name(c.kind), c.name, c.skipped_reason)));
    }
    for (const auto& f : c.findings) {
      std::string properties;
      if (!f.file.empty()) properties += "file=" + command_property(f.file) + ",";
      if (!f.file.empty() && f.line > 0) properties += fmt::format("line={},", f.line);
      properties += "title=" + command_property(fmt::format("strata {} {}", f.code, check_kind_name(f.kind)));
      out += fmt::format("::error {}::{}\n", properties, command_data(f.message + "\nfix: " + f.fix));
    }
  }
  out += fmt::format("strata check: {} finding{}, {} check{} skipped\n", report.finding_count(),
                     report.finding_count() == 1 ? "" : "s", skipped, skipped == 1 ? "" : "s");
  return out;
}

}  // namespace strata
