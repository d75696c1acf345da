// node_exporter's entropy collector: node_entropy_available_bits and
// node_entropy_pool_size_bits from /proc/sys/kernel/random.
#include "host_exporter/collector.h"
#include "host_exporter/procfs/kernel_random.h"

namespace host_exporter::collectors::entropy {
namespace {

class EntropyCollector final : public Collector {
 public:
  explicit EntropyCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto stats = procfs::ReadKernelRandom(paths_);
    if (!stats) {
      return Fail(stats.error().kind, "failed to get kernel random stats: " + stats.error().message);
    }
    // Missing files are failures too, not ErrNoData, as in node_exporter.
    if (!stats->entropy_avail) return Fail(ErrorKind::kIo, "couldn't get entropy_avail");
    out.Gauge("node_entropy_available_bits", "Bits of available entropy.",
              static_cast<double>(*stats->entropy_avail));
    if (!stats->poolsize) return Fail(ErrorKind::kIo, "couldn't get entropy poolsize");
    out.Gauge("node_entropy_pool_size_bits", "Bits of entropy pool.",
              static_cast<double>(*stats->poolsize));
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<EntropyCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::entropy
