// node_exporter's schedstat collector: node_schedstat_{running,waiting}_seconds_total
// and node_schedstat_timeslices_total per CPU from /proc/schedstat.
#include "host_exporter/collector.h"
#include "host_exporter/procfs/schedstat.h"

namespace host_exporter::collectors::schedstat {
namespace {

constexpr double kNsPerSec = 1e9;

class SchedstatCollector final : public Collector {
 public:
  explicit SchedstatCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    // A missing file is kNotFound (node_exporter's ErrNoData).
    auto cpus = procfs::ReadSchedstat(paths_);
    if (!cpus) return std::unexpected(cpus.error());
    for (const auto& c : *cpus) {
      out.Counter("node_schedstat_running_seconds_total", "Number of seconds CPU spent running a process.",
                  static_cast<double>(c.running_ns) / kNsPerSec, {{"cpu", c.cpu}});
      out.Counter("node_schedstat_waiting_seconds_total",
                  "Number of seconds spent by processing waiting for this CPU.",
                  static_cast<double>(c.waiting_ns) / kNsPerSec, {{"cpu", c.cpu}});
      out.Counter("node_schedstat_timeslices_total", "Number of timeslices executed by CPU.",
                  static_cast<double>(c.timeslices), {{"cpu", c.cpu}});
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<SchedstatCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::schedstat
