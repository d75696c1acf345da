// node_exporter's cpu_vulnerabilities collector (disabled by default): one series per
// file in /sys/devices/system/cpu/vulnerabilities.
#include "host_exporter/collector.h"
#include "host_exporter/sysfs/cpu_vulnerabilities.h"

namespace host_exporter::collectors::cpu_vulnerabilities {
namespace {

class CpuVulnerabilitiesCollector final : public Collector {
 public:
  explicit CpuVulnerabilitiesCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto vulns = sysfs::ReadCpuVulnerabilities(paths_);
    if (!vulns) {
      Error e = vulns.error();
      e.message = "failed to get vulnerabilities: " + e.message;
      return std::unexpected(e);
    }
    for (const auto& v : *vulns) {
      out.Gauge("node_cpu_vulnerabilities_info",
                "Details of each CPU vulnerability reported by sysfs. The value of the series is an int encoded "
                "state of the vulnerability. The same state is stored as a string in the label",
                1,
                {{"codename", v.codename},
                 {"state", sysfs::VulnerabilityStateName(v.state)},
                 {"mitigation", v.mitigation}});
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<CpuVulnerabilitiesCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::cpu_vulnerabilities
