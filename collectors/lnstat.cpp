// node_exporter's lnstat collector: node_lnstat_<counter>_total per table and
// CPU from /proc/net/stat/*.
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/procfs/net_stat.h"
#include "metric_name.h"

namespace host_exporter::collectors::lnstat {
namespace {

// Thread safety: immutable after Create; Collect is const and reentrant.
class LnstatCollector final : public Collector {
 public:
  explicit LnstatCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto tables = procfs::ReadNetStatTables(paths_);
    if (!tables) return std::unexpected(tables.error());
    for (const procfs::NetStatTable& t : *tables) {
      for (const procfs::NetStatColumn& col : t.columns) {
        std::string name = "node_lnstat_" + col.name + "_total";
        if (!ValidMetricName(name)) {
          return ParseFail(paths_.Proc("net/stat/" + t.file) + ": counter name \"" + col.name +
                           "\" gives an invalid metric name");
        }
        for (std::size_t cpu = 0; cpu < col.per_cpu.size(); ++cpu) {
          out.Counter(name, "linux network cache stats", static_cast<double>(col.per_cpu[cpu]),
                      {{"subsystem", t.file}, {"cpu", std::to_string(cpu)}});
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
  return std::make_unique<LnstatCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::lnstat
