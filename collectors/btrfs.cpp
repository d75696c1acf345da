// node_exporter's btrfs collector: node_btrfs_* from /sys/fs/btrfs, plus
// per-device sizes and error counters from the btrfs ioctls on mounted
// filesystems (falling back to sysfs device sizes when those are unavailable).
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/log.h"
#include "host_exporter/sysfs/btrfs.h"
#include "host_exporter/sysfs/btrfs_ioctl.h"

namespace host_exporter::collectors::btrfs {
namespace {

std::string WithoutDashes(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '-') out += c;
  }
  return out;
}

std::string_view BaseName(std::string_view path) {
  auto pos = path.rfind('/');
  return pos == std::string_view::npos ? path : path.substr(pos + 1);
}

void WriteAllocation(MetricWriter& out, const std::string& uuid, std::string_view type,
                     const sysfs::BtrfsAllocation& a) {
  out.Gauge("node_btrfs_reserved_bytes", "Amount of space reserved for a data type",
            static_cast<double>(a.reserved_bytes), {{"uuid", uuid}, {"block_group_type", type}});
  for (const auto& [mode, l] : a.layouts) {
    std::initializer_list<LabelView> labels = {
        {"uuid", uuid}, {"block_group_type", type}, {"mode", mode}};
    out.Gauge("node_btrfs_used_bytes", "Amount of used space by a layout/data type",
              static_cast<double>(l.used_bytes), labels);
    out.Gauge("node_btrfs_size_bytes", "Amount of space allocated for a layout/data type",
              static_cast<double>(l.total_bytes), labels);
    out.Gauge("node_btrfs_allocation_ratio", "Data allocation ratio for a layout/data type",
              l.ratio, labels);
  }
}

class BtrfsCollector final : public Collector {
 public:
  explicit BtrfsCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    auto stats = sysfs::ReadBtrfsStats(paths_);
    if (!stats) {
      // node_exporter fails the collector here even for a missing file.
      ErrorKind kind = stats.error().kind == ErrorKind::kNotFound ? ErrorKind::kIo
                                                                  : stats.error().kind;
      return Fail(kind, "failed to retrieve Btrfs stats from procfs: " + stats.error().message);
    }
    sysfs::BtrfsIoctlStats ioctl;
    if (!stats->empty()) {
      auto got = sysfs::ReadBtrfsIoctlStats(paths_, sysfs::CurrentBtrfsIoctl());
      if (got) {
        ioctl = std::move(*got);
      } else {
        log::Debug("Error querying btrfs device stats with ioctl", {{"err", got.error().message}});
      }
    }
    for (const auto& s : *stats) {
      auto it = ioctl.find(WithoutDashes(s.uuid));
      Write(out, s, it == ioctl.end() ? nullptr : &it->second);
    }
    return {};
  }

 private:
  static void Write(MetricWriter& out, const sysfs::BtrfsStats& s,
                    const std::vector<sysfs::BtrfsIoctlDevice>* devices) {
    const std::string& u = s.uuid;
    out.Gauge("node_btrfs_info", "Filesystem information", 1, {{"uuid", u}, {"label", s.label}});
    out.Gauge("node_btrfs_global_rsv_size_bytes", "Size of global reserve.",
              static_cast<double>(s.global_rsv_size), {{"uuid", u}});
    out.Counter("node_btrfs_commits_total", "The total number of commits that have occurred.",
                static_cast<double>(s.commit.commits), {{"uuid", u}});
    out.Gauge("node_btrfs_last_commit_seconds", "Duration of the most recent commit, in seconds.",
              static_cast<double>(s.commit.last_commit_ms) / 1000, {{"uuid", u}});
    out.Gauge("node_btrfs_max_commit_seconds", "Duration of the slowest commit, in seconds.",
              static_cast<double>(s.commit.max_commit_ms) / 1000, {{"uuid", u}});
    out.Counter("node_btrfs_commit_seconds_total",
                "Sum of the duration of all commits, in seconds.",
                static_cast<double>(s.commit.total_commit_ms) / 1000, {{"uuid", u}});
    WriteAllocation(out, u, "data", s.data);
    WriteAllocation(out, u, "metadata", s.metadata);
    WriteAllocation(out, u, "system", s.system);

    if (devices == nullptr) {
      for (const auto& [name, size] : s.device_size_bytes) {
        out.Gauge("node_btrfs_device_size_bytes",
                  "Size of a device that is part of the filesystem.", static_cast<double>(size),
                  {{"uuid", u}, {"device", name}});
      }
      return;
    }
    for (const auto& d : *devices) {
      std::string_view dev = BaseName(d.path);
      out.Gauge("node_btrfs_device_size_bytes", "Size of a device that is part of the filesystem.",
                static_cast<double>(d.total_bytes),
                {{"uuid", u}, {"device", dev}, {"btrfs_dev_uuid", d.uuid}});
      out.Gauge("node_btrfs_device_unused_bytes",
                "Unused bytes unused on a device that is part of the filesystem.",
                static_cast<double>(d.total_bytes - d.bytes_used),
                {{"uuid", u}, {"device", dev}, {"btrfs_dev_uuid", d.uuid}});
      const std::pair<std::string_view, std::uint64_t> errors[] = {
          {"write", d.stats.write_errs},
          {"read", d.stats.read_errs},
          {"flush", d.stats.flush_errs},
          {"corruption", d.stats.corruption_errs},
          {"generation", d.stats.generation_errs},
      };
      for (const auto& [type, v] : errors) {
        out.Counter("node_btrfs_device_errors_total", "Errors reported for the device",
                    static_cast<double>(v),
                    {{"uuid", u}, {"type", type}, {"device", dev}, {"btrfs_dev_uuid", d.uuid}});
      }
    }
  }

  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<BtrfsCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::btrfs
