// node_exporter's softnet collector: per-CPU node_softnet_* from
// /proc/net/softnet_stat.
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/procfs/net_softnet_stat.h"

namespace host_exporter::collectors::softnet {
namespace {

class SoftnetCollector final : public Collector {
 public:
  explicit SoftnetCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto stats = procfs::ReadNetSoftnetStat(paths_);
    if (!stats) {
      Error e = stats.error();
      if (e.kind != ErrorKind::kNotFound) e.message = "could not get softnet statistics: " + e.message;
      return std::unexpected(std::move(e));
    }
    for (const auto& s : *stats) {
      std::string cpu = std::to_string(s.index);
      out.Counter("node_softnet_processed_total", "Number of processed packets", s.processed, {{"cpu", cpu}});
      out.Counter("node_softnet_dropped_total", "Number of dropped packets", s.dropped, {{"cpu", cpu}});
      out.Counter("node_softnet_times_squeezed_total", "Number of times processing packets ran out of quota",
                  s.time_squeezed, {{"cpu", cpu}});
      out.Counter("node_softnet_cpu_collision_total",
                  "Number of collision occur while obtaining device lock while transmitting", s.cpu_collision,
                  {{"cpu", cpu}});
      out.Counter("node_softnet_received_rps_total", "Number of times cpu woken up received_rps", s.received_rps,
                  {{"cpu", cpu}});
      out.Counter("node_softnet_flow_limit_count_total", "Number of times flow limit has been reached",
                  s.flow_limit_count, {{"cpu", cpu}});
      out.Gauge("node_softnet_backlog_len", "Softnet backlog status", s.backlog_len, {{"cpu", cpu}});
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<SoftnetCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::softnet
