// node_exporter's pressure collector: pressure stall totals from /proc/pressure
// (microseconds, exported in seconds).
#include "host_exporter/collector.h"
#include "host_exporter/log.h"
#include "host_exporter/procfs/pressure.h"

namespace host_exporter::collectors::pressure {
namespace {

double Seconds(std::uint64_t micros) { return static_cast<double>(micros) / 1000.0 / 1000.0; }

class PressureCollector final : public Collector {
 public:
  explicit PressureCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    int found = 0;
    for (std::string_view res : {"cpu", "io", "memory", "irq"}) {
      auto psi = procfs::ReadPressure(paths_, res);
      if (!psi) {
        const Error& e = psi.error();
        if (e.kind == ErrorKind::kNotFound) {
          // Each file is optional: irq needs Linux 6.1, the others 4.20 and CONFIG_PSI.
          log::Debug("pressure information is unavailable, you need a Linux kernel >= 4.20 (6.1 for irq) "
                     "and/or CONFIG_PSI enabled for your kernel",
                     {{"resource", res}});
          continue;
        }
        if (e.kind == ErrorKind::kNoData) {
          return NoData("pressure information is disabled, add psi=1 kernel command line to enable it: " +
                        e.message);
        }
        return Fail(e.kind, "failed to retrieve pressure stats: " + e.message);
      }
      // irq has no "some" line and cpu needs no "full" line.
      if (!psi->some && res != "irq") {
        return NoData("pressure information returned no 'some' data for " + std::string(res));
      }
      if (!psi->full && res != "cpu") {
        return NoData("pressure information returned no 'full' data for " + std::string(res));
      }
      if (res == "cpu") {
        out.Counter("node_pressure_cpu_waiting_seconds_total",
                    "Total time in seconds that processes have waited for CPU time", Seconds(psi->some->total));
      } else if (res == "io") {
        out.Counter("node_pressure_io_waiting_seconds_total",
                    "Total time in seconds that processes have waited due to IO congestion",
                    Seconds(psi->some->total));
        out.Counter("node_pressure_io_stalled_seconds_total",
                    "Total time in seconds no process could make progress due to IO congestion",
                    Seconds(psi->full->total));
      } else if (res == "memory") {
        out.Counter("node_pressure_memory_waiting_seconds_total",
                    "Total time in seconds that processes have waited for memory", Seconds(psi->some->total));
        out.Counter("node_pressure_memory_stalled_seconds_total",
                    "Total time in seconds no process could make progress due to memory congestion",
                    Seconds(psi->full->total));
      } else {
        out.Counter("node_pressure_irq_stalled_seconds_total",
                    "Total time in seconds no process could make progress due to IRQ congestion",
                    Seconds(psi->full->total));
      }
      ++found;
    }
    if (found == 0) {
      return NoData(
          "pressure information is unavailable, you need a Linux kernel >= 4.20 and/or CONFIG_PSI enabled for "
          "your kernel");
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<PressureCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::pressure
