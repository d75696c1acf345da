// node_exporter's zoneinfo collector: node_zoneinfo_*{node,zone} from
// /proc/zoneinfo (disabled by default, as in node_exporter).
#include <string>
#include <utility>

#include "host_exporter/collector.h"
#include "host_exporter/procfs/zoneinfo.h"

namespace host_exporter::collectors::zoneinfo {
namespace {

struct Metric {
  std::string_view name;
  std::string_view help;
  bool counter;
};

// Indexed like procfs::kZoneinfoKeys; node_exporter's names, help strings and types.
constexpr Metric kMetrics[] = {
    {"node_zoneinfo_nr_free_pages", "Total number of free pages in the zone", false},
    {"node_zoneinfo_min_pages", "Zone watermark pages_min", false},
    {"node_zoneinfo_low_pages", "Zone watermark pages_low", false},
    {"node_zoneinfo_high_pages", "Zone watermark pages_high", false},
    {"node_zoneinfo_scanned_pages", "Pages scanned since last reclaim", false},
    {"node_zoneinfo_spanned_pages", "Total pages spanned by the zone, including holes", false},
    {"node_zoneinfo_present_pages", "Physical pages existing within the zone", false},
    {"node_zoneinfo_managed_pages", "Present pages managed by the buddy system", false},
    {"node_zoneinfo_nr_active_anon_pages", "Number of anonymous pages recently more used", false},
    {"node_zoneinfo_nr_inactive_anon_pages", "Number of anonymous pages recently less used", false},
    {"node_zoneinfo_nr_isolated_anon_pages", "Temporary isolated pages from anon lru", false},
    {"node_zoneinfo_nr_anon_pages", "Number of anonymous pages currently used by the system", false},
    {"node_zoneinfo_nr_anon_transparent_hugepages",
     "Number of anonymous transparent huge pages currently used by the system", false},
    {"node_zoneinfo_nr_active_file_pages", "Number of active pages with file-backing", false},
    {"node_zoneinfo_nr_inactive_file_pages", "Number of inactive pages with file-backing", false},
    {"node_zoneinfo_nr_isolated_file_pages", "Temporary isolated pages from file lru", false},
    {"node_zoneinfo_nr_file_pages", "Number of file pages", false},
    {"node_zoneinfo_nr_slab_reclaimable_pages", "Number of reclaimable slab pages", false},
    {"node_zoneinfo_nr_slab_unreclaimable_pages", "Number of unreclaimable slab pages", false},
    {"node_zoneinfo_nr_mlock_stack_pages", "mlock()ed pages found and moved off LRU", false},
    {"node_zoneinfo_nr_kernel_stacks", "Number of kernel stacks", false},
    {"node_zoneinfo_nr_mapped_pages", "Number of mapped pages", false},
    {"node_zoneinfo_nr_dirty_pages", "Number of dirty pages", false},
    {"node_zoneinfo_nr_writeback_pages", "Number of writeback pages", false},
    {"node_zoneinfo_nr_unevictable_pages", "Number of unevictable pages", false},
    {"node_zoneinfo_nr_shmem_pages", "Number of shmem pages (included tmpfs/GEM pages)", false},
    {"node_zoneinfo_nr_dirtied_total", "Page dirtyings since bootup", true},
    {"node_zoneinfo_nr_written_total", "Page writings since bootup", true},
    {"node_zoneinfo_numa_hit_total", "Allocated in intended node", true},
    {"node_zoneinfo_numa_miss_total", "Allocated in non intended node", true},
    {"node_zoneinfo_numa_foreign_total", "Was intended here, hit elsewhere", true},
    {"node_zoneinfo_numa_interleave_total", "Interleaver preferred this zone", true},
    {"node_zoneinfo_numa_local_total", "Allocation from local node", true},
    {"node_zoneinfo_numa_other_total", "Allocation from other node", true},
};
static_assert(std::size(kMetrics) == procfs::kZoneinfoKeyCount);

class ZoneinfoCollector final : public Collector {
 public:
  explicit ZoneinfoCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto zones = procfs::ReadZoneinfo(paths_);
    if (!zones) {
      Error e = zones.error();
      e.message = "couldn't get zoneinfo: " + e.message;
      return std::unexpected(std::move(e));
    }
    for (const auto& z : *zones) {
      for (std::size_t i = 0; i < procfs::kZoneinfoKeyCount; ++i) {
        if (!z.values[i]) continue;
        const Metric& m = kMetrics[i];
        out.Add(m.counter ? prometheus::MetricType::Counter : prometheus::MetricType::Gauge, m.name, m.help,
                static_cast<double>(*z.values[i]), {{"node", z.node}, {"zone", z.zone}});
      }
      for (std::size_t i = 0; i < z.protection.size(); ++i) {
        std::string n = std::to_string(i);
        out.Gauge("node_zoneinfo_protection_" + n, "Protection array " + n + ". field",
                  static_cast<double>(z.protection[i]), {{"node", z.node}, {"zone", z.zone}});
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
  return std::make_unique<ZoneinfoCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::zoneinfo
