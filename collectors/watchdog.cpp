// node_exporter's watchdog collector: node_watchdog_* from /sys/class/watchdog.
#include <optional>

#include "host_exporter/collector.h"
#include "host_exporter/sysfs/class_watchdog.h"

namespace host_exporter::collectors::watchdog {
namespace {

struct NumericMetric {
  std::string_view name;
  std::string_view help;
  std::optional<std::int64_t> sysfs::Watchdog::*field;
};

constexpr NumericMetric kNumeric[] = {
    {"node_watchdog_bootstatus", "Value of /sys/class/watchdog/<watchdog>/bootstatus",
     &sysfs::Watchdog::bootstatus},
    {"node_watchdog_fw_version", "Value of /sys/class/watchdog/<watchdog>/fw_version",
     &sysfs::Watchdog::fw_version},
    {"node_watchdog_nowayout", "Value of /sys/class/watchdog/<watchdog>/nowayout",
     &sysfs::Watchdog::nowayout},
    {"node_watchdog_timeleft_seconds", "Value of /sys/class/watchdog/<watchdog>/timeleft",
     &sysfs::Watchdog::timeleft},
    {"node_watchdog_timeout_seconds", "Value of /sys/class/watchdog/<watchdog>/timeout",
     &sysfs::Watchdog::timeout},
    {"node_watchdog_pretimeout_seconds", "Value of /sys/class/watchdog/<watchdog>/pretimeout",
     &sysfs::Watchdog::pretimeout},
    {"node_watchdog_access_cs0", "Value of /sys/class/watchdog/<watchdog>/access_cs0",
     &sysfs::Watchdog::access_cs0},
};

std::string_view OrEmpty(const std::optional<std::string>& s) { return s ? std::string_view(*s) : ""; }

class WatchdogCollector final : public Collector {
 public:
  explicit WatchdogCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto watchdogs = sysfs::ReadWatchdogs(paths_);
    if (!watchdogs) {
      Error e = watchdogs.error();
      if (e.IsNoData()) e.message = "Could not read watchdog stats: " + e.message;
      return std::unexpected(e);
    }
    for (const auto& wd : *watchdogs) {
      for (const auto& m : kNumeric) {
        const auto& v = wd.*(m.field);
        if (v) out.Gauge(m.name, m.help, static_cast<double>(*v), {{"name", wd.name}});
      }
      out.Gauge("node_watchdog_info", "Info of /sys/class/watchdog/<watchdog>", 1,
                {{"name", wd.name},
                 {"options", OrEmpty(wd.options)},
                 {"identity", OrEmpty(wd.identity)},
                 {"state", OrEmpty(wd.state)},
                 {"status", OrEmpty(wd.status)},
                 {"pretimeout_governor", OrEmpty(wd.pretimeout_governor)}});
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<WatchdogCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::watchdog
