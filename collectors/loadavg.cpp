// node_exporter's loadavg collector: node_load1, node_load5, node_load15.
#include "host_exporter/collector.h"
#include "host_exporter/procfs/loadavg.h"

namespace host_exporter::collectors::loadavg {
namespace {

class LoadavgCollector final : public Collector {
 public:
  explicit LoadavgCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto load = procfs::ReadLoadAvg(paths_);
    if (!load) return std::unexpected(load.error());
    out.Gauge("node_load1", "1m load average.", load->load1);
    out.Gauge("node_load5", "5m load average.", load->load5);
    out.Gauge("node_load15", "15m load average.", load->load15);
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<LoadavgCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::loadavg
