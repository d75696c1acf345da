// node_exporter's cpufreq collector: per-CPU frequencies and governors from
// /sys/devices/system/cpu/cpuN/cpufreq (kHz, exported in Hz).
#include "host_exporter/collector.h"
#include "host_exporter/sysfs/cpufreq.h"
#include "host_exporter/text.h"

namespace host_exporter::collectors::cpufreq {
namespace {

class CpufreqCollector final : public Collector {
 public:
  explicit CpufreqCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto cpus = sysfs::ReadSystemCpufreq(paths_);
    if (!cpus) return std::unexpected(cpus.error());
    for (const auto& c : *cpus) {
      struct Freq {
        const std::optional<std::uint64_t>& khz;
        const char* name;
        const char* help;
      };
      const Freq freqs[] = {
          {c.cpuinfo_cur_freq, "node_cpu_frequency_hertz", "Current CPU thread frequency in hertz."},
          {c.cpuinfo_min_freq, "node_cpu_frequency_min_hertz", "Minimum CPU thread frequency in hertz."},
          {c.cpuinfo_max_freq, "node_cpu_frequency_max_hertz", "Maximum CPU thread frequency in hertz."},
          {c.scaling_cur_freq, "node_cpu_scaling_frequency_hertz", "Current scaled CPU thread frequency in hertz."},
          {c.scaling_min_freq, "node_cpu_scaling_frequency_min_hertz",
           "Minimum scaled CPU thread frequency in hertz."},
          {c.scaling_max_freq, "node_cpu_scaling_frequency_max_hertz",
           "Maximum scaled CPU thread frequency in hertz."},
      };
      for (const Freq& f : freqs) {
        if (f.khz) out.Gauge(f.name, f.help, static_cast<double>(*f.khz) * 1000.0, {{"cpu", c.cpu}});
      }
      if (!c.scaling_governor.empty()) {
        // Split on single spaces, as node_exporter does.
        for (std::string_view g : Split(c.scaling_available_governors, ' ')) {
          out.Gauge("node_cpu_scaling_governor", "Current enabled CPU frequency governor.",
                    g == c.scaling_governor ? 1 : 0, {{"cpu", c.cpu}, {"governor", g}});
        }
      }
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<CpufreqCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::cpufreq
