// node_exporter's kernel_hung collector: node_kernel_hung_tasks_total from
// /proc/sys/kernel/hung_task_detect_count.
#include "host_exporter/collector.h"
#include "host_exporter/procfs/kernel_hung.h"

namespace host_exporter::collectors::kernel_hung {
namespace {

class KernelHungCollector final : public Collector {
 public:
  explicit KernelHungCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    // A missing file is kNotFound (node_exporter's ErrNoData); anything else fails.
    auto hung = procfs::ReadKernelHung(paths_);
    if (!hung) return std::unexpected(hung.error());
    out.Counter("node_kernel_hung_tasks_total",
                "Total number of tasks that have been detected as hung since the system booted.",
                static_cast<double>(hung->hung_task_detect_count));
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<KernelHungCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::kernel_hung
