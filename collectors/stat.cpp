// node_exporter's stat collector: system totals from /proc/stat (interrupts, context
// switches, forks, boot time, runnable/blocked processes) and, with
// --collector.stat.softirq, softirq calls per vector.
#include <utility>

#include "host_exporter/collector.h"
#include "host_exporter/procfs/stat.h"

namespace host_exporter::collectors::stat {
namespace {

class StatCollector final : public Collector {
 public:
  StatCollector(Paths paths, bool softirq) : paths_(std::move(paths)), softirq_(softirq) {}

  Status Collect(MetricWriter& out) const override {
    auto s = procfs::ReadStat(paths_);
    if (!s) return std::unexpected(s.error());
    auto d = [](std::uint64_t v) { return static_cast<double>(v); };
    out.Counter("node_intr_total", "Total number of interrupts serviced.", d(s->irq_total));
    out.Counter("node_context_switches_total", "Total number of context switches.", d(s->context_switches));
    out.Counter("node_forks_total", "Total number of forks.", d(s->process_created));
    out.Gauge("node_boot_time_seconds", "Node boot time, in unixtime.", d(s->boot_time));
    out.Gauge("node_procs_running", "Number of processes in runnable state.", d(s->processes_running));
    out.Gauge("node_procs_blocked", "Number of processes blocked waiting for I/O to complete.",
              d(s->processes_blocked));
    if (softirq_) {
      const procfs::SoftIrqStat& si = s->softirq;
      const std::pair<const char*, std::uint64_t> vectors[] = {
          {"hi", si.hi},       {"timer", si.timer},     {"net_tx", si.net_tx},
          {"net_rx", si.net_rx}, {"block", si.block},   {"block_iopoll", si.block_iopoll},
          {"tasklet", si.tasklet}, {"sched", si.sched}, {"hrtimer", si.hrtimer},
          {"rcu", si.rcu},
      };
      for (const auto& [name, v] : vectors) {
        out.Counter("node_softirqs_total", "Number of softirq calls.", d(v), {{"vector", name}});
      }
    }
    return {};
  }

 private:
  Paths paths_;
  bool softirq_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.Bool("collector.stat.softirq", false, "Export softirq calls per vector");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<StatCollector>(cfg.paths, cfg.flags.GetBool("collector.stat.softirq"));
}

}  // namespace host_exporter::collectors::stat
