// node_exporter's bcachefs collector: node_bcachefs_* from /sys/fs/bcachefs.
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/sysfs/bcachefs.h"
#include "host_exporter/text.h"

namespace host_exporter::collectors::bcachefs {
namespace {

class BcachefsCollector final : public Collector {
 public:
  explicit BcachefsCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto stats = sysfs::ReadBcachefsStats(paths_);
    if (!stats) {
      // Any missing file or directory on the way is "no data" (os.IsNotExist).
      if (stats.error().kind == ErrorKind::kNotFound) {
        return NoData("bcachefs sysfs path does not exist: " + stats.error().message);
      }
      return Fail(stats.error().kind, "failed to retrieve bcachefs stats: " + stats.error().message);
    }
    if (stats->empty()) return NoData("no bcachefs filesystems");
    for (const auto& s : *stats) Write(out, s);
    return {};
  }

 private:
  static void Write(MetricWriter& out, const sysfs::BcachefsStats& s) {
    const std::string& u = s.uuid;
    out.Gauge("node_bcachefs_info", "Filesystem information.", 1, {{"uuid", u}});
    out.Gauge("node_bcachefs_btree_cache_size_bytes", "Btree cache memory usage in bytes.",
              static_cast<double>(s.btree_cache_size_bytes), {{"uuid", u}});
    for (const auto& [alg, c] : s.compression) {
      out.Gauge("node_bcachefs_compression_compressed_bytes", "Compressed size by algorithm.",
                static_cast<double>(c.compressed_bytes), {{"uuid", u}, {"algorithm", alg}});
      out.Gauge("node_bcachefs_compression_uncompressed_bytes", "Uncompressed size by algorithm.",
                static_cast<double>(c.uncompressed_bytes), {{"uuid", u}, {"algorithm", alg}});
    }
    for (const auto& [type, e] : s.errors) {
      out.Counter("node_bcachefs_errors_total", "Error count by error type.",
                  static_cast<double>(e.count), {{"uuid", u}, {"error_type", type}});
    }
    for (const auto& [name, c] : s.counters) {
      out.Counter("node_bcachefs_" + SanitizeMetricName(name) + "_total",
                  "Bcachefs counter " + name + " since filesystem creation.",
                  static_cast<double>(c.since_filesystem_creation), {{"uuid", u}});
    }
    for (const auto& [type, w] : s.btree_writes) {
      out.Counter("node_bcachefs_btree_writes_total", "Number of btree writes by type.",
                  static_cast<double>(w.count), {{"uuid", u}, {"type", type}});
      out.Gauge("node_bcachefs_btree_write_average_size_bytes", "Average btree write size by type.",
                static_cast<double>(w.size_bytes), {{"uuid", u}, {"type", type}});
    }
    for (const auto& [dev, d] : s.devices) {
      out.Gauge("node_bcachefs_device_info", "Device information.", 1,
                {{"uuid", u}, {"device", dev}, {"label", d.label}, {"state", d.state}});
      out.Gauge("node_bcachefs_device_bucket_size_bytes", "Bucket size in bytes.",
                static_cast<double>(d.bucket_size_bytes), {{"uuid", u}, {"device", dev}});
      out.Gauge("node_bcachefs_device_buckets", "Total number of buckets.",
                static_cast<double>(d.buckets), {{"uuid", u}, {"device", dev}});
      out.Gauge("node_bcachefs_device_durability", "Device durability setting.",
                static_cast<double>(d.durability), {{"uuid", u}, {"device", dev}});
      for (const auto& [op, types] : d.io_done) {
        for (const auto& [type, v] : types) {
          out.Counter("node_bcachefs_device_io_done_bytes_total",
                      "IO bytes by operation type and data type.", static_cast<double>(v),
                      {{"uuid", u}, {"device", dev}, {"operation", op}, {"data_type", type}});
        }
      }
      for (const auto& [type, v] : d.io_errors) {
        out.Counter("node_bcachefs_device_io_errors_total", "IO errors by error type.",
                    static_cast<double>(v), {{"uuid", u}, {"device", dev}, {"type", type}});
      }
    }
  }

  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<BcachefsCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::bcachefs
