// node_exporter's selinux collector: whether SELinux is enabled, its configured and
// current modes, and the access vector cache statistics from selinuxfs.
#include "host_exporter/collector.h"
#include "host_exporter/sysfs/selinuxfs.h"

namespace host_exporter::collectors::selinux {
namespace {

class SelinuxCollector final : public Collector {
 public:
  explicit SelinuxCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    if (!sysfs::SelinuxEnabled(paths_)) {
      out.Gauge("node_selinux_enabled", "SELinux is enabled, 1 is true, 0 is false", 0);
      return {};
    }
    out.Gauge("node_selinux_enabled", "SELinux is enabled, 1 is true, 0 is false", 1);
    out.Gauge("node_selinux_config_mode", "Configured SELinux enforcement mode",
              sysfs::ReadSelinuxConfigMode(paths_));
    out.Gauge("node_selinux_current_mode", "Current SELinux enforcement mode",
              sysfs::ReadSelinuxCurrentMode(paths_));

    auto cache = sysfs::ReadAvcCacheStats(paths_);
    if (!cache) return std::unexpected(cache.error());
    out.Counter("node_selinux_avc_lookups_total", "SELinux AVC lookups", static_cast<double>(cache->lookups));
    out.Counter("node_selinux_avc_hits_total", "SELinux AVC hits", static_cast<double>(cache->hits));
    out.Counter("node_selinux_avc_misses_total", "SELinux AVC misses", static_cast<double>(cache->misses));
    out.Counter("node_selinux_avc_allocations_total", "SELinux AVC allocations",
                static_cast<double>(cache->allocations));
    out.Counter("node_selinux_avc_reclaims_total", "SELinux AVC reclaims",
                static_cast<double>(cache->reclaims));
    out.Counter("node_selinux_avc_frees_total", "SELinux AVC frees", static_cast<double>(cache->frees));

    auto hash = sysfs::ReadAvcHashStats(paths_);
    if (!hash) return std::unexpected(hash.error());
    out.Gauge("node_selinux_avc_hash_entries", "SELinux AVC hash entries",
              static_cast<double>(hash->entries));
    out.Gauge("node_selinux_avc_hash_buckets_available", "SELinux AVC hash buckets available",
              static_cast<double>(hash->buckets_available));
    out.Gauge("node_selinux_avc_hash_buckets_used", "SELinux AVC hash buckets used",
              static_cast<double>(hash->buckets_used));
    out.Gauge("node_selinux_avc_hash_longest_chain", "SELinux AVC hash longest chain",
              static_cast<double>(hash->longest_chain));

    auto threshold = sysfs::ReadAvcCacheThreshold(paths_);
    if (!threshold) return std::unexpected(threshold.error());
    out.Gauge("node_selinux_avc_threshold", "SELinux AVC threshold", static_cast<double>(*threshold));
    return {};
  }

 private:
  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<SelinuxCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::selinux
