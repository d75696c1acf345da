// node_exporter's cgroups collector: node_cgroups_cgroups and
// node_cgroups_enabled per cgroup v1 controller from /proc/cgroups.
#include "host_exporter/procfs/cgroups.h"

#include "host_exporter/collector.h"
#include "series_set.h"

namespace host_exporter::collectors::cgroups {
namespace {

// Thread safety: immutable after Create; Collect is const and reentrant.
class CgroupsCollector final : public Collector {
 public:
  explicit CgroupsCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto summaries = procfs::ReadCgroups(paths_);
    if (!summaries) {
      // node_exporter fails (an error, not "no data") when the file is missing.
      Error e = summaries.error();
      if (e.kind == ErrorKind::kNotFound) e.kind = ErrorKind::kIo;
      return std::unexpected(std::move(e));
    }
    SeriesSet seen;
    for (const auto& c : *summaries) {
      if (!seen.Insert("", {{"subsys_name", c.subsys_name}})) continue;
      // Both HELP texts are node_exporter's, the second one copied from the first.
      out.Gauge("node_cgroups_cgroups", "Current cgroup number of the subsystem.", static_cast<double>(c.cgroups),
                {{"subsys_name", c.subsys_name}});
      out.Gauge("node_cgroups_enabled", "Current cgroup number of the subsystem.", static_cast<double>(c.enabled),
                {{"subsys_name", c.subsys_name}});
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<CgroupsCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::cgroups
