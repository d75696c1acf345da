// node_exporter's thermal_zone collector: node_thermal_zone_temp per thermal zone
// and node_cooling_device_{cur,max}_state per cooling device, from /sys/class/thermal.
#include "host_exporter/collector.h"
#include "host_exporter/sysfs/class_thermal.h"

namespace host_exporter::collectors::thermal_zone {
namespace {

class ThermalZoneCollector final : public Collector {
 public:
  explicit ThermalZoneCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto zones = sysfs::ReadThermalZones(paths_);
    if (!zones) return Annotate(zones.error(), "Could not read thermal zone stats: ");
    for (const auto& z : *zones) {
      out.Gauge("node_thermal_zone_temp", "Zone temperature in Celsius", static_cast<double>(z.temp) / 1000.0,
                {{"zone", z.name}, {"type", z.type}});
    }
    // As node_exporter: zone samples already written stay when this fails.
    auto devices = sysfs::ReadCoolingDevices(paths_);
    if (!devices) return Annotate(devices.error(), "Could not read cooling device stats: ");
    for (const auto& d : *devices) {
      out.Gauge("node_cooling_device_cur_state", "Current throttle state of the cooling device",
                static_cast<double>(d.cur_state), {{"name", d.name}, {"type", d.type}});
      out.Gauge("node_cooling_device_max_state", "Maximum throttle state of the cooling device",
                static_cast<double>(d.max_state), {{"name", d.name}, {"type", d.type}});
    }
    return {};
  }

 private:
  static std::unexpected<Error> Annotate(Error e, std::string_view prefix) {
    if (e.IsNoData()) e.message = std::string(prefix) + e.message;
    return std::unexpected(std::move(e));
  }

  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<ThermalZoneCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::thermal_zone
