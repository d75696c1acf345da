// node_exporter's bonding collector: node_bonding_slaves and node_bonding_active
// per bonding master, from /sys/class/net.
#include "host_exporter/collector.h"
#include "host_exporter/sysfs/net_bonding.h"

namespace host_exporter::collectors::bonding {
namespace {

class BondingCollector final : public Collector {
 public:
  explicit BondingCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto stats = sysfs::ReadBondingStats(paths_);
    if (!stats) {
      if (stats.error().kind == ErrorKind::kNotFound) {
        return NoData("Not collecting bonding, file does not exist: " + stats.error().message);
      }
      return std::unexpected(stats.error());
    }
    for (const auto& [master, m] : *stats) {
      out.Gauge("node_bonding_slaves", "Number of configured slaves per bonding interface.",
                m.slaves, {{"master", master}});
      out.Gauge("node_bonding_active", "Number of active slaves per bonding interface.", m.active,
                {{"master", master}});
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<BondingCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::bonding
