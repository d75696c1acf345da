// node_exporter's meminfo collector (Linux): node_memory_<Field>_bytes for the
// /proc/meminfo fields node_exporter knows, node_memory_HugePages_* as counts.
#include <array>
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/procfs/meminfo.h"

namespace host_exporter::collectors::meminfo {
namespace {

struct Field {
  const char* key;     // as in /proc/meminfo
  const char* metric;  // node_memory_<metric>
  bool bytes;          // value converted by its unit (kB -> bytes)
};

// node_exporter 1.12's list (meminfo_linux.go); other meminfo fields are not exported.
constexpr std::array kFields = {
    Field{"Active:", "Active_bytes", true},
    Field{"Active(anon):", "Active_anon_bytes", true},
    Field{"Active(file):", "Active_file_bytes", true},
    Field{"AnonHugePages:", "AnonHugePages_bytes", true},
    Field{"AnonPages:", "AnonPages_bytes", true},
    Field{"Bounce:", "Bounce_bytes", true},
    Field{"Buffers:", "Buffers_bytes", true},
    Field{"Cached:", "Cached_bytes", true},
    Field{"CmaFree:", "CmaFree_bytes", true},
    Field{"CmaTotal:", "CmaTotal_bytes", true},
    Field{"CommitLimit:", "CommitLimit_bytes", true},
    Field{"Committed_AS:", "Committed_AS_bytes", true},
    Field{"DirectMap1G:", "DirectMap1G_bytes", true},
    Field{"DirectMap2M:", "DirectMap2M_bytes", true},
    Field{"DirectMap4k:", "DirectMap4k_bytes", true},
    Field{"Dirty:", "Dirty_bytes", true},
    Field{"HardwareCorrupted:", "HardwareCorrupted_bytes", true},
    Field{"Hugepagesize:", "Hugepagesize_bytes", true},
    Field{"Inactive:", "Inactive_bytes", true},
    Field{"Inactive(anon):", "Inactive_anon_bytes", true},
    Field{"Inactive(file):", "Inactive_file_bytes", true},
    Field{"KernelStack:", "KernelStack_bytes", true},
    Field{"Mapped:", "Mapped_bytes", true},
    Field{"MemAvailable:", "MemAvailable_bytes", true},
    Field{"MemFree:", "MemFree_bytes", true},
    Field{"MemTotal:", "MemTotal_bytes", true},
    Field{"Mlocked:", "Mlocked_bytes", true},
    Field{"NFS_Unstable:", "NFS_Unstable_bytes", true},
    Field{"PageTables:", "PageTables_bytes", true},
    Field{"Percpu:", "Percpu_bytes", true},
    Field{"SReclaimable:", "SReclaimable_bytes", true},
    Field{"SUnreclaim:", "SUnreclaim_bytes", true},
    Field{"Shmem:", "Shmem_bytes", true},
    Field{"ShmemHugePages:", "ShmemHugePages_bytes", true},
    Field{"ShmemPmdMapped:", "ShmemPmdMapped_bytes", true},
    Field{"Slab:", "Slab_bytes", true},
    Field{"SwapCached:", "SwapCached_bytes", true},
    Field{"SwapFree:", "SwapFree_bytes", true},
    Field{"SwapTotal:", "SwapTotal_bytes", true},
    Field{"Unevictable:", "Unevictable_bytes", true},
    Field{"VmallocChunk:", "VmallocChunk_bytes", true},
    Field{"VmallocTotal:", "VmallocTotal_bytes", true},
    Field{"VmallocUsed:", "VmallocUsed_bytes", true},
    Field{"Writeback:", "Writeback_bytes", true},
    Field{"WritebackTmp:", "WritebackTmp_bytes", true},
    Field{"Zswap:", "Zswap_bytes", true},
    Field{"Zswapped:", "Zswapped_bytes", true},
    // Page counts: no unit conversion and no _bytes suffix.
    Field{"HugePages_Free:", "HugePages_Free", false},
    Field{"HugePages_Rsvd:", "HugePages_Rsvd", false},
    Field{"HugePages_Surp:", "HugePages_Surp", false},
    Field{"HugePages_Total:", "HugePages_Total", false},
};

class MeminfoCollector final : public Collector {
 public:
  explicit MeminfoCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto info = procfs::ReadMeminfo(paths_);
    if (!info) return std::unexpected(info.error());
    for (const Field& f : kFields) {
      const procfs::MeminfoLine* line = info->Find(f.key);
      if (line == nullptr) continue;
      std::string name = std::string("node_memory_") + f.metric;
      std::string help = std::string("Memory information field ") + f.metric + ".";
      out.Gauge(name, help, static_cast<double>(f.bytes ? line->bytes : line->value));
    }
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<MeminfoCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::meminfo
