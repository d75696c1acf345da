// node_exporter's buddyinfo collector: node_buddyinfo_blocks per node, zone and
// order from /proc/buddyinfo.
#include "host_exporter/procfs/buddyinfo.h"

#include <string>

#include "host_exporter/collector.h"
#include "series_set.h"

namespace host_exporter::collectors::buddyinfo {
namespace {

// Thread safety: immutable after Create; Collect is const and reentrant.
class BuddyinfoCollector final : public Collector {
 public:
  explicit BuddyinfoCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto zones = procfs::ReadBuddyinfo(paths_);
    if (!zones) {
      // node_exporter fails (an error, not "no data") when the file is missing.
      Error e = zones.error();
      if (e.kind == ErrorKind::kNotFound) e.kind = ErrorKind::kIo;
      return std::unexpected(std::move(e));
    }
    SeriesSet seen;
    for (const auto& z : *zones) {
      for (std::size_t size = 0; size < z.sizes.size(); ++size) {
        std::string order = std::to_string(size);
        if (!seen.Insert("", {{"node", z.node}, {"zone", z.zone}, {"size", order}})) continue;
        out.Gauge("node_buddyinfo_blocks", "Count of free blocks according to size.", z.sizes[size],
                  {{"node", z.node}, {"zone", z.zone}, {"size", order}});
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
  return std::make_unique<BuddyinfoCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::buddyinfo
