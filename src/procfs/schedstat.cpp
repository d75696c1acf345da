#include "host_exporter/procfs/schedstat.h"

#include <array>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Matches `cpu(\d+)( \d+){9}` at the start of s (procfs's unanchored regexp,
// tried at each "cpu"): the CPU number and the nine fields.
bool MatchCpuLine(std::string_view s, std::string_view& cpu, std::array<std::string_view, 9>& f) {
  if (!s.starts_with("cpu")) return false;
  std::size_t i = 3;
  auto digits = [&](std::string_view& out) {
    std::size_t start = i;
    while (i < s.size() && IsDigit(s[i])) ++i;
    out = s.substr(start, i - start);
    return i > start;
  };
  if (!digits(cpu)) return false;
  for (auto& field : f) {
    if (i >= s.size() || s[i] != ' ') return false;
    ++i;
    if (!digits(field)) return false;
  }
  return true;
}

}  // namespace

std::vector<SchedstatCPU> ParseSchedstat(std::string_view text) {
  std::vector<SchedstatCPU> out;
  for (std::string_view line : ScanLines(text)) {
    std::string_view cpu;
    std::array<std::string_view, 9> f;
    bool matched = false;
    for (std::size_t pos = line.find("cpu"); pos != std::string_view::npos;
         pos = line.find("cpu", pos + 1)) {
      if (MatchCpuLine(line.substr(pos), cpu, f)) {
        matched = true;
        break;
      }
    }
    if (!matched) continue;
    auto running = ParseUint(f[6]);
    auto waiting = ParseUint(f[7]);
    auto slices = ParseUint(f[8]);
    if (!running || !waiting || !slices) continue;  // overflow: procfs skips the line
    out.push_back(SchedstatCPU{std::string(cpu), *running, *waiting, *slices});
  }
  return out;
}

Result<std::vector<SchedstatCPU>> ReadSchedstat(const Paths& paths) {
  auto text = ReadFile(paths.Proc("schedstat"));
  if (!text) return std::unexpected(text.error());
  return ParseSchedstat(*text);
}

}  // namespace host_exporter::procfs
