// node_exporter's bcache collector: node_bcache_* from /sys/fs/bcache.
#include "host_exporter/collector.h"
#include "host_exporter/sysfs/bcache.h"

namespace host_exporter::collectors::bcache {
namespace {


void WritePeriod(MetricWriter& out, const std::string& uuid, const sysfs::BcacheBdev& b) {
  const auto& p = b.total;
  Labels l = {{"uuid", uuid}, {"backing_device", b.name}};
  out.Counter("node_bcache_bypassed_bytes_total",
              "Amount of IO (both reads and writes) that has bypassed the cache.",
              static_cast<double>(p.bypassed), l);
  out.Counter("node_bcache_cache_hits_total", "Hits counted per individual IO as bcache sees them.",
              static_cast<double>(p.cache_hits), l);
  out.Counter("node_bcache_cache_misses_total",
              "Misses counted per individual IO as bcache sees them.",
              static_cast<double>(p.cache_misses), l);
  out.Counter("node_bcache_cache_bypass_hits_total", "Hits for IO intended to skip the cache.",
              static_cast<double>(p.cache_bypass_hits), l);
  out.Counter("node_bcache_cache_bypass_misses_total", "Misses for IO intended to skip the cache.",
              static_cast<double>(p.cache_bypass_misses), l);
  out.Counter("node_bcache_cache_miss_collisions_total",
              "Instances where data insertion from cache miss raced with write (data already "
              "present).",
              static_cast<double>(p.cache_miss_collisions), l);
  // Kernels since 5.13 no longer count readaheads; node_exporter hides the zero.
  if (p.cache_readaheads != 0) {
    out.Counter("node_bcache_cache_readaheads_total", "Count of times readahead occurred.",
                static_cast<double>(p.cache_readaheads), l);
  }
}

class BcacheCollector final : public Collector {
 public:
  BcacheCollector(Paths paths, bool priority_stats)
      : paths_(std::move(paths)), priority_stats_(priority_stats) {}

  Status Collect(MetricWriter& out) const override {
    auto stats = sysfs::ReadBcacheStats(paths_, priority_stats_);
    if (!stats) {
      Error e = stats.error();
      e.message = "failed to retrieve bcache stats: " + e.message;
      return std::unexpected(e);
    }
    for (const auto& s : *stats) Write(out, s);
    return {};
  }

 private:
  void Write(MetricWriter& out, const sysfs::BcacheStats& s) const {
    Labels u = {{"uuid", s.uuid}};
    auto g = [&](std::string_view name, std::string_view help, std::uint64_t v) {
      out.Gauge(name, help, static_cast<double>(v), u);
    };
    g("node_bcache_average_key_size_sectors", "Average data per key in the btree (sectors).",
      s.average_key_size);
    g("node_bcache_btree_cache_size_bytes", "Amount of memory currently used by the btree cache.",
      s.btree_cache_size);
    g("node_bcache_cache_available_percent",
      "Percentage of cache device without dirty data, usable for writeback (may contain clean "
      "cached data).",
      s.cache_available_percent);
    g("node_bcache_congested", "Congestion.", s.congested);
    g("node_bcache_root_usage_percent",
      "Percentage of the root btree node in use (tree depth increases if too high).",
      s.root_usage_percent);
    g("node_bcache_tree_depth", "Depth of the btree.", s.tree_depth);
    g("node_bcache_active_journal_entries",
      "Number of journal entries that are newer than the index.", s.active_journal_entries);
    g("node_bcache_btree_nodes", "Total nodes in the btree.", s.btree_nodes);
    out.Gauge("node_bcache_btree_read_average_duration_seconds", "Average btree read duration.",
              static_cast<double>(s.btree_read_average_duration_ns) * 1e-9, u);
    out.Counter("node_bcache_cache_read_races_total",
                "Counts instances where while data was being read from the cache, the bucket was "
                "reused and invalidated - i.e. where the pointer was stale after the read "
                "completed.",
                static_cast<double>(s.cache_read_races), u);

    for (const auto& b : s.bdevs) {
      Labels l = {{"uuid", s.uuid}, {"backing_device", b.name}};
      const auto& w = b.writeback_rate_debug;
      out.Gauge("node_bcache_dirty_data_bytes",
                "Amount of dirty data for this backing device in the cache.",
                static_cast<double>(b.dirty_data), l);
      out.Gauge("node_bcache_dirty_target_bytes",
                "Current dirty data target threshold for this backing device in bytes.",
                static_cast<double>(w.target), l);
      out.Gauge("node_bcache_writeback_rate",
                "Current writeback rate for this backing device in bytes.",
                static_cast<double>(w.rate), l);
      out.Gauge("node_bcache_writeback_rate_proportional_term",
                "Current result of proportional controller, part of writeback rate",
                static_cast<double>(w.proportional), l);
      out.Gauge("node_bcache_writeback_rate_integral_term",
                "Current result of integral controller, part of writeback rate",
                static_cast<double>(w.integral), l);
      out.Gauge("node_bcache_writeback_change",
                "Last writeback rate change step for this backing device.",
                static_cast<double>(w.change), l);
      WritePeriod(out, s.uuid, b);
    }

    for (const auto& c : s.caches) {
      Labels l = {{"uuid", s.uuid}, {"cache_device", c.name}};
      out.Gauge("node_bcache_io_errors",
                "Number of errors that have occurred, decayed by io_error_halflife.",
                static_cast<double>(c.io_errors), l);
      out.Counter("node_bcache_metadata_written_bytes_total",
                  "Sum of all non data writes (btree writes and all other metadata).",
                  static_cast<double>(c.metadata_written), l);
      out.Counter("node_bcache_written_bytes_total",
                  "Sum of all data that has been written to the cache.",
                  static_cast<double>(c.written), l);
      if (priority_stats_) {
        out.Gauge("node_bcache_priority_stats_unused_percent",
                  "The percentage of the cache that doesn't contain any data.",
                  static_cast<double>(c.priority.unused_percent), l);
        out.Gauge("node_bcache_priority_stats_metadata_percent", "Bcache's metadata overhead.",
                  static_cast<double>(c.priority.metadata_percent), l);
      }
    }
  }

  Paths paths_;
  bool priority_stats_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.Bool("collector.bcache.priorityStats", false, "Expose expensive priority stats.");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<BcacheCollector>(cfg.paths,
                                           cfg.flags.GetBool("collector.bcache.priorityStats"));
}

}  // namespace host_exporter::collectors::bcache
