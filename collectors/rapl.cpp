// node_exporter's rapl collector: node_rapl_<zone>_joules_total from the RAPL
// energy counters under /sys/class/powercap (or node_rapl_joules_total with a
// rapl_zone label when --collector.rapl.enable-zone-label is set).
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/sysfs/powercap.h"
#include "host_exporter/text.h"

namespace host_exporter::collectors::rapl {
namespace {

constexpr std::string_view kZoneLabelFlag = "collector.rapl.enable-zone-label";

class RaplCollector final : public Collector {
 public:
  RaplCollector(Paths paths, bool zone_label) : paths_(std::move(paths)), zone_label_(zone_label) {}

  Status Collect(MetricWriter& out) const override {
    auto zones = sysfs::ReadRaplZones(paths_);
    if (!zones) {
      Error e = zones.error();
      if (e.IsNoData()) {
        e.message = "Platform doesn't have powercap files present or they are not readable: " + e.message;
      } else {
        e.message = "failed to retrieve rapl stats: " + e.message;
      }
      return std::unexpected(e);
    }
    for (const auto& zone : *zones) {
      auto uj = sysfs::ReadRaplEnergyMicrojoules(zone);
      if (!uj) {
        Error e = uj.error();
        // Only permission problems are "no data" here; a missing counter fails.
        if (e.kind == ErrorKind::kNotFound) e.kind = ErrorKind::kIo;
        if (e.kind == ErrorKind::kNoData) e.message = "Can't access energy_uj file: " + e.message;
        return std::unexpected(e);
      }
      double joules = static_cast<double>(*uj) / 1000000.0;
      std::string index = std::to_string(zone.index);
      if (zone_label_) {
        out.Counter("node_rapl_joules_total", "Current RAPL value in joules", joules,
                    {{"index", index}, {"path", zone.path}, {"rapl_zone", zone.name}});
      } else {
        out.Counter("node_rapl_" + SanitizeMetricName(zone.name) + "_joules_total",
                    "Current RAPL " + zone.name + " value in joules", joules,
                    {{"index", index}, {"path", zone.path}});
      }
    }
    return {};
  }

 private:
  Paths paths_;
  bool zone_label_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  // node_exporter's help text, copied as it is (it names another collector's metric).
  flags.Bool(std::string(kZoneLabelFlag), false, "Enables service unit metric unit_start_time_seconds");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<RaplCollector>(cfg.paths, cfg.flags.GetBool(kZoneLabelFlag));
}

}  // namespace host_exporter::collectors::rapl
