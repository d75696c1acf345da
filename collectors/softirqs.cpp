// node_exporter's softirqs collector: node_softirqs_functions_total{cpu,type}
// from /proc/softirqs (disabled by default, as in node_exporter).
#include <string>
#include <utility>

#include "host_exporter/collector.h"
#include "host_exporter/procfs/softirqs.h"

namespace host_exporter::collectors::softirqs {
namespace {

class SoftirqsCollector final : public Collector {
 public:
  explicit SoftirqsCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto s = procfs::ReadSoftirqs(paths_);
    if (!s) {
      Error e = s.error();
      e.message = "couldn't get softirqs: " + e.message;
      return std::unexpected(std::move(e));
    }
    using Row = std::vector<std::uint64_t> procfs::Softirqs::*;
    static constexpr std::pair<std::string_view, Row> kTypes[] = {
        {"HI", &procfs::Softirqs::hi},           {"TIMER", &procfs::Softirqs::timer},
        {"NET_TX", &procfs::Softirqs::net_tx},   {"NET_RX", &procfs::Softirqs::net_rx},
        {"BLOCK", &procfs::Softirqs::block},     {"IRQ_POLL", &procfs::Softirqs::irq_poll},
        {"TASKLET", &procfs::Softirqs::tasklet}, {"SCHED", &procfs::Softirqs::sched},
        {"HRTIMER", &procfs::Softirqs::hrtimer}, {"RCU", &procfs::Softirqs::rcu}};
    for (const auto& [type, row] : kTypes) {
      const auto& counts = (*s).*row;
      for (std::size_t cpu = 0; cpu < counts.size(); ++cpu) {
        out.Counter("node_softirqs_functions_total", "Softirq counts per CPU.", static_cast<double>(counts[cpu]),
                    {{"cpu", std::to_string(cpu)}, {"type", type}});
      }
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<SoftirqsCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::softirqs
