#include "host_exporter/procfs/softirqs.h"

#include <string>
#include <utility>

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::procfs {

Result<Softirqs> ParseSoftirqs(std::string_view text) {
  using Row = std::vector<std::uint64_t> Softirqs::*;
  static constexpr std::pair<std::string_view, Row> kRows[] = {
      {"HI:", &Softirqs::hi},           {"TIMER:", &Softirqs::timer},       {"NET_TX:", &Softirqs::net_tx},
      {"NET_RX:", &Softirqs::net_rx},   {"BLOCK:", &Softirqs::block},       {"IRQ_POLL:", &Softirqs::irq_poll},
      {"TASKLET:", &Softirqs::tasklet}, {"SCHED:", &Softirqs::sched},       {"HRTIMER:", &Softirqs::hrtimer},
      {"RCU:", &Softirqs::rcu}};
  auto lines = SplitLines(text);
  if (lines.empty()) return ParseFail("softirqs empty");
  Softirqs out;
  for (std::size_t n = 1; n < lines.size(); ++n) {
    auto fields = SplitFields(lines[n]);
    if (fields.size() < 2) continue;
    for (const auto& [name, row] : kRows) {
      if (fields[0] != name) continue;
      std::vector<std::uint64_t> counts;
      counts.reserve(fields.size() - 1);
      for (std::size_t i = 1; i < fields.size(); ++i) {
        auto v = ParseUint(fields[i]);
        if (!v) {
          return ParseFail("line " + std::to_string(n + 1) + ": couldn't parse " + std::string(name) +
                           " count " + std::to_string(i - 1) + ": " + v.error().message);
        }
        counts.push_back(*v);
      }
      out.*row = std::move(counts);
    }
  }
  return out;
}

Result<Softirqs> ReadSoftirqs(const Paths& paths) {
  std::string path = paths.Proc("softirqs");
  auto text = ReadFile(path);
  if (!text) return std::unexpected(text.error());
  auto parsed = ParseSoftirqs(*text);
  if (!parsed) return std::unexpected(InFile(path, parsed.error()));
  return parsed;
}

}  // namespace host_exporter::procfs
