// node_exporter's filefd collector: node_filefd_allocated and
// node_filefd_maximum from /proc/sys/fs/file-nr.
#include "host_exporter/collector.h"
#include "host_exporter/procfs/file_nr.h"

namespace host_exporter::collectors::filefd {
namespace {

class FilefdCollector final : public Collector {
 public:
  explicit FilefdCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto nr = procfs::ReadFileNr(paths_);
    if (!nr) return std::unexpected(nr.error());
    out.Gauge("node_filefd_allocated", "File descriptor statistics: allocated.", nr->allocated);
    out.Gauge("node_filefd_maximum", "File descriptor statistics: maximum.", nr->maximum);
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<FilefdCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::filefd
