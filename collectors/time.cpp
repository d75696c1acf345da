// node_exporter's time collector: node_time_seconds, node_time_zone_offset_seconds
// and the clocksources from /sys/devices/system/clocksource.
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/syscall/clock.h"
#include "host_exporter/sysfs/clocksource.h"

namespace host_exporter::collectors::time {
namespace {

class TimeCollector final : public Collector {
 public:
  explicit TimeCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    syscall::WallTime now = syscall::Now();
    out.Gauge("node_time_seconds", "System time in seconds since epoch (1970).", now.unix_seconds);
    out.Gauge("node_time_zone_offset_seconds", "System time zone offset in seconds.",
              static_cast<double>(now.zone_offset_seconds), {{"time_zone", now.zone}});

    auto sources = sysfs::ReadClockSources(paths_);
    if (!sources) {
      Error e = sources.error();
      e.message = "couldn't get clocksources: " + e.message;
      return std::unexpected(std::move(e));
    }
    // The device label is the position in the sorted list, as node_exporter sets it.
    for (std::size_t i = 0; i < sources->size(); ++i) {
      const sysfs::ClockSource& cs = (*sources)[i];
      std::string device = std::to_string(i);
      for (const std::string& a : cs.available) {
        out.Gauge("node_time_clocksource_available_info",
                  "Available clocksources read from '/sys/devices/system/clocksource'.", 1,
                  {{"device", device}, {"clocksource", a}});
      }
      out.Gauge("node_time_clocksource_current_info",
                "Current clocksource read from '/sys/devices/system/clocksource'.", 1,
                {{"device", device}, {"clocksource", cs.current}});
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<TimeCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::time
