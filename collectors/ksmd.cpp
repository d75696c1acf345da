// node_exporter's ksmd collector: node_ksmd_* from /sys/kernel/mm/ksm; files
// the kernel does not have are left out.
#include <array>

#include "host_exporter/collector.h"
#include "host_exporter/sysfs/kernel_mm_ksm.h"

namespace host_exporter::collectors::ksmd {
namespace {

struct KsmMetric {
  std::string_view file;
  std::string_view name;
  std::string_view help;
  bool counter;
  bool millisecs;  // exposed in seconds
};

// Help texts are node_exporter's (from the kernel's ksm.rst).
constexpr std::array<KsmMetric, 10> kMetrics = {{
    {"full_scans", "node_ksmd_full_scans_total", "How many times all mergeable areas have been scanned.", true, false},
    {"general_profit", "node_ksmd_general_profit_bytes",
     "How effective is KSM. ksm_saved_pages * sizeof(page) - (all_rmap_items) * sizeof(rmap_item)", false, false},
    {"merge_across_nodes", "node_ksmd_merge_across_nodes",
     "Specifies if pages from different NUMA nodes can be merged.", false, false},
    {"pages_shared", "node_ksmd_pages_shared", "How many shared pages are being used.", false, false},
    {"pages_sharing", "node_ksmd_pages_sharing", "How many more sites are sharing them i.e. how much saved.", false,
     false},
    {"pages_to_scan", "node_ksmd_pages_to_scan", "How many pages to scan before ksmd goes to sleep.", false, false},
    {"pages_unshared", "node_ksmd_pages_unshared", "How many pages unique but repeatedly checked for merging.", false,
     false},
    {"pages_volatile", "node_ksmd_pages_volatile", "How many pages changing too fast to be placed in a tree.", false,
     false},
    {"run", "node_ksmd_run", "The status of ksmd. stopped = 0, running = 1", false, false},
    {"sleep_millisecs", "node_ksmd_sleep_seconds", "How many seconds ksmd should sleep before next scan.", false, true},
}};

// Thread safety: immutable after Create; Collect is const and reentrant.
class KsmdCollector final : public Collector {
 public:
  explicit KsmdCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto values = sysfs::ReadKsm(paths_);
    if (!values) return std::unexpected(values.error());
    for (const sysfs::KsmValue& v : *values) {
      for (const KsmMetric& m : kMetrics) {
        if (m.file != v.file) continue;
        double value = static_cast<double>(v.value);
        if (m.millisecs) value /= 1000;
        if (m.counter) {
          out.Counter(m.name, m.help, value);
        } else {
          out.Gauge(m.name, m.help, value);
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
  return std::make_unique<KsmdCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::ksmd
