// The text report of `strata check`: one line per check case, its findings under it as
// file:line: CODE message, and a summary. Colours only when asked (a terminal without NO_COLOR).
#include <fmt/format.h>

#include "strata/check.hpp"

namespace strata {

namespace {

struct Paint {
  bool on;
  std::string operator()(std::string_view text, std::string_view code) const {
    return on ? fmt::format("\033[{}m{}\033[0m", code, text) : std::string(text);
  }
};

constexpr std::string_view kBold = "1", kRed = "31", kGreen = "32", kYellow = "33", kDim = "2";

}  // namespace

std::string check_report_text(const CheckReport& report, bool colour) {
  const Paint paint{colour};
  std::string out;
  std::size_t skipped = 0;
  std::size_t counts[3] = {0, 0, 0};
  for (const auto& c : report.cases) {
    const std::string kind = fmt::format("{:<9}", check_kind_name(c.kind));
    if (c.skipped) {
      ++skipped;
      out += fmt::format("{} {}: {}\n", kind, c.name, paint("skipped, " + c.skipped_reason, kDim));
      continue;
    }
    if (c.findings.empty()) {
      out += fmt::format("{} {}: {}\n", kind, c.name, paint("ok", kGreen));
      continue;
    }
    out += fmt::format("{} {}: {}\n", kind, c.name,
                       paint(fmt::format("{} finding{}", c.findings.size(), c.findings.size() == 1 ? "" : "s"), kRed));
    for (const auto& f : c.findings) {
      ++counts[static_cast<int>(f.kind)];
      std::string where = f.file;
      if (!where.empty() && f.line > 0) where += fmt::format(":{}", f.line);
      out += fmt::format("  {}{}{} {}\n", paint(where, kBold), where.empty() ? "" : ": ",
                         paint(f.code, f.kind == CheckKind::Lint ? kYellow : kRed), f.message);
      out += fmt::format("      fix: {}\n", f.fix);
    }
  }
  const std::size_t total = report.finding_count();
  out += fmt::format(
      "strata check: {} (integrity {}, lint {}, drift {}); {} check{} skipped\n",
      total == 0 ? paint("clean", kGreen) : paint(fmt::format("{} finding{}", total, total == 1 ? "" : "s"), kRed),
      counts[0], counts[1], counts[2], skipped, skipped == 1 ? "" : "s");
  return out;
}

}  // namespace strata
