// node_exporter's slabinfo collector: node_slabinfo_*{slab} from /proc/slabinfo
// (readable by root only; disabled by default, as in node_exporter).
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "host_exporter/collector.h"
#include "host_exporter/procfs/slabinfo.h"
#include "host_exporter/regex.h"

namespace host_exporter::collectors::slabinfo {
namespace {

constexpr std::string_view kIncludeFlag = "collector.slabinfo.slabs-include";
constexpr std::string_view kExcludeFlag = "collector.slabinfo.slabs-exclude";

class SlabinfoCollector final : public Collector {
 public:
  SlabinfoCollector(Paths paths, DeviceFilter filter) : paths_(std::move(paths)), filter_(std::move(filter)) {}

  Status Collect(MetricWriter& out) const override {
    auto slabs = procfs::ReadSlabinfo(paths_);
    if (!slabs) {
      Error e = slabs.error();
      e.message = "couldn't get slabinfo: " + e.message;
      return std::unexpected(std::move(e));
    }
    // A repeated cache name would repeat series; node_exporter's registry keeps the first.
    std::set<std::string_view> seen;
    for (const auto& s : *slabs) {
      if (filter_.Ignored(s.name) || !seen.insert(s.name).second) continue;
      auto gauge = [&](std::string_view name, std::string_view help, std::int64_t v) {
        out.Gauge(name, help, static_cast<double>(v), {{"slab", s.name}});
      };
      gauge("node_slabinfo_active_objects", "The number of objects that are currently active (i.e., in use).",
            s.active_objs);
      gauge("node_slabinfo_objects",
            "The total number of allocated objects (i.e., objects that are both in use and not in use).",
            s.num_objs);
      gauge("node_slabinfo_object_size_bytes", "The size of objects in this slab, in bytes.", s.obj_size);
      gauge("node_slabinfo_objects_per_slab", "The number of objects stored in each slab.", s.objs_per_slab);
      gauge("node_slabinfo_pages_per_slab", "The number of pages allocated for each slab.", s.pages_per_slab);
    }
    return {};
  }

 private:
  Paths paths_;
  DeviceFilter filter_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(std::string(kIncludeFlag), ".*", "Regexp of slabs to include in slabinfo collector.");
  flags.String(std::string(kExcludeFlag), "", "Regexp of slabs to exclude in slabinfo collector.");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  // Unlike the device filters, node_exporter applies both patterns here (no mutual exclusion).
  std::optional<Regex> include, exclude;
  for (auto [flag, dst] : {std::pair{kIncludeFlag, &include}, std::pair{kExcludeFlag, &exclude}}) {
    const std::string& pattern = cfg.flags.GetString(flag);
    if (pattern.empty()) continue;
    auto re = Regex::Compile(pattern, "--" + std::string(flag));
    if (!re) return std::unexpected(re.error());
    *dst = std::move(*re);
  }
  return std::make_unique<SlabinfoCollector>(cfg.paths, DeviceFilter(std::move(exclude), std::move(include)));
}

}  // namespace host_exporter::collectors::slabinfo
