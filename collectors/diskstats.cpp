// node_exporter's diskstats collector (collector/diskstats_linux.go,
// diskstats_common.go): node_disk_* from /proc/diskstats, with node_disk_info
// and the udev-derived info metrics.
#include <array>
#include <bitset>
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/file.h"
#include "host_exporter/log.h"
#include "host_exporter/procfs/diskstats.h"
#include "host_exporter/regex.h"
#include "host_exporter/sysfs/block.h"
#include "host_exporter/text.h"
#include "host_exporter/udev/data.h"

namespace host_exporter::collectors::diskstats {
namespace {

constexpr const char* kDefaultIgnoredDevices =
    "^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$";
constexpr const char* kExcludeFlag = "collector.diskstats.device-exclude";
constexpr const char* kOldExcludeFlag = "collector.diskstats.ignored-devices";
constexpr const char* kIncludeFlag = "collector.diskstats.device-include";

constexpr double kSecondsPerTick = 1.0 / 1000.0;  // the kernel counts milliseconds
constexpr double kUnixSectorSize = 512.0;        // "standard UNIX 512-byte sectors"

struct CounterDesc {
  const char* name;
  const char* help;
  bool gauge;
  double scale;
};

// In /proc/diskstats order; a line with N fields gives the first N-3.
constexpr std::array<CounterDesc, procfs::kDiskCounterCount> kCounters = {{
    {"node_disk_reads_completed_total", "The total number of reads completed successfully.", false, 1},
    {"node_disk_reads_merged_total", "The total number of reads merged.", false, 1},
    {"node_disk_read_bytes_total", "The total number of bytes read successfully.", false, kUnixSectorSize},
    {"node_disk_read_time_seconds_total", "The total number of seconds spent by all reads.", false,
     kSecondsPerTick},
    {"node_disk_writes_completed_total", "The total number of writes completed successfully.", false, 1},
    {"node_disk_writes_merged_total", "The number of writes merged.", false, 1},
    {"node_disk_written_bytes_total", "The total number of bytes written successfully.", false,
     kUnixSectorSize},
    {"node_disk_write_time_seconds_total", "This is the total number of seconds spent by all writes.", false,
     kSecondsPerTick},
    {"node_disk_io_now", "The number of I/Os currently in progress.", true, 1},
    {"node_disk_io_time_seconds_total", "Total seconds spent doing I/Os.", false, kSecondsPerTick},
    {"node_disk_io_time_weighted_seconds_total", "The weighted # of seconds spent doing I/Os.", false,
     kSecondsPerTick},
    {"node_disk_discards_completed_total", "The total number of discards completed successfully.", false, 1},
    {"node_disk_discards_merged_total", "The total number of discards merged.", false, 1},
    {"node_disk_discarded_sectors_total", "The total number of sectors discarded successfully.", false, 1},
    {"node_disk_discard_time_seconds_total", "This is the total number of seconds spent by all discards.", false,
     kSecondsPerTick},
    {"node_disk_flush_requests_total", "The total number of flush requests completed successfully", false, 1},
    {"node_disk_flush_requests_time_seconds_total",
     "This is the total number of seconds spent by all flush requests.", false, kSecondsPerTick},
}};

struct AtaDesc {
  const char* property;
  const char* name;
  const char* help;
};
constexpr AtaDesc kAta[] = {
    {"ID_ATA_WRITE_CACHE", "node_disk_ata_write_cache", "ATA disk has a write cache."},
    {"ID_ATA_WRITE_CACHE_ENABLED", "node_disk_ata_write_cache_enabled", "ATA disk has its write cache enabled."},
    {"ID_ATA_ROTATION_RATE_RPM", "node_disk_ata_rotation_rate_rpm", "ATA disk rotation rate in RPMs (0 for SSDs)."},
};

// strconv.FormatUint(v, 2), as node_disk_info's rotational label is written.
std::string Binary(std::uint64_t v) {
  if (v == 0) return "0";
  std::string s = std::bitset<64>(v).to_string();
  return s.substr(s.find('1'));
}

// Thread safety: immutable after construction; Collect is reentrant.
class DiskstatsCollector final : public Collector {
 public:
  DiskstatsCollector(Paths paths, DeviceFilter filter) : paths_(std::move(paths)), filter_(std::move(filter)) {}

  Status Collect(MetricWriter& out) const override {
    auto stats = procfs::ReadDiskstats(paths_);
    if (!stats) {
      // node_exporter fails the collector (logged as an error) even when the file is missing.
      return Fail(stats.error().kind == ErrorKind::kParse ? ErrorKind::kParse : ErrorKind::kIo,
                  "couldn't get diskstats: " + stats.error().message);
    }
    for (const procfs::DiskStats& d : *stats) {
      if (filter_.Ignored(d.device)) continue;
      CollectDevice(d, out);
    }
    return {};
  }

 private:
  void CollectDevice(const procfs::DiskStats& d, MetricWriter& out) const {
    const std::string& dev = d.device;
    udev::Properties info;
    if (auto props = udev::ReadBlockDeviceProperties(paths_, d.major, d.minor)) {
      info = std::move(*props);
    } else {
      log::Debug("Failed to parse udev info", {{"collector", "diskstats"}, {"err", props.error().message}});
    }
    // Usually the serial printed on the disk label, then the short serial, then
    // ID_SERIAL (virtio devices).
    std::string_view serial = udev::Get(info, "SCSI_IDENT_SERIAL");
    if (serial.empty()) serial = udev::Get(info, "ID_SERIAL_SHORT");
    if (serial.empty()) serial = udev::Get(info, "ID_SERIAL");

    std::uint64_t rotational = 0;
    if (auto rot = sysfs::ReadBlockQueueRotational(paths_, dev)) {
      rotational = *rot;
    } else if (rot.error().kind != ErrorKind::kNotFound) {
      log::Debug("Failed to get block device queue stats",
                 {{"collector", "diskstats"}, {"device", dev}, {"err", rot.error().message}});
    }
    std::string major = std::to_string(d.major);
    std::string minor = std::to_string(d.minor);
    std::string rot_label = Binary(rotational);
    out.Gauge("node_disk_info", "Info of /sys/block/<block_device>.", 1,
              {{"device", dev},
               {"major", major},
               {"minor", minor},
               {"path", udev::Get(info, "ID_PATH")},
               {"wwn", udev::Get(info, "ID_WWN")},
               {"model", udev::Get(info, "ID_MODEL")},
               {"serial", serial},
               {"revision", udev::Get(info, "ID_REVISION")},
               {"rotational", rot_label}});

    std::size_t count = d.field_count > 3 ? static_cast<std::size_t>(d.field_count - 3) : 0;
    for (std::size_t i = 0; i < count && i < kCounters.size(); ++i) {
      const CounterDesc& c = kCounters[i];
      double v = static_cast<double>(d.counters[i]) * c.scale;
      if (c.gauge) {
        out.Gauge(c.name, c.help, v, {{"device", dev}});
      } else {
        out.Counter(c.name, c.help, v, {{"device", dev}});
      }
    }

    if (std::string_view fs_type = udev::Get(info, "ID_FS_TYPE"); !fs_type.empty()) {
      out.Gauge("node_disk_filesystem_info", "Info about disk filesystem.", 1,
                {{"device", dev},
                 {"type", fs_type},
                 {"usage", udev::Get(info, "ID_FS_USAGE")},
                 {"uuid", udev::Get(info, "ID_FS_UUID")},
                 {"version", udev::Get(info, "ID_FS_VERSION")}});
    }
    if (std::string_view name = udev::Get(info, "DM_NAME"); !name.empty()) {
      out.Gauge("node_disk_device_mapper_info", "Info about disk device mapper.", 1,
                {{"device", dev},
                 {"name", name},
                 {"uuid", udev::Get(info, "DM_UUID")},
                 {"vg_name", udev::Get(info, "DM_VG_NAME")},
                 {"lv_name", udev::Get(info, "DM_LV_NAME")},
                 {"lv_layer", udev::Get(info, "DM_LV_LAYER")}});
    }
    if (!udev::Get(info, "ID_ATA").empty()) {
      for (const AtaDesc& a : kAta) {
        auto it = info.find(std::string_view(a.property));
        if (it == info.end()) {
          log::Debug("Udev attribute does not exist", {{"collector", "diskstats"}, {"attribute", a.property}});
          continue;
        }
        if (auto v = ParseDouble(it->second)) {
          out.Gauge(a.name, a.help, *v, {{"device", dev}});
        } else {
          log::Error("Failed to parse ATA value", {{"collector", "diskstats"}, {"err", v.error().message}});
        }
      }
    }
  }

  Paths paths_;
  DeviceFilter filter_;
};

// node_exporter's newDiskstatsDeviceFilter. Unlike most include/exclude pairs,
// the exclude default stays in force when only an include is given, so that
// combination is refused (node_exporter refuses to start); pass
// --collector.diskstats.device-exclude= with the include.
Result<DeviceFilter> FilterFromFlags(const FlagValues& flags) {
  std::string exclude = flags.GetString(kExcludeFlag);
  const std::string& old = flags.GetString(kOldExcludeFlag);
  const std::string& include = flags.GetString(kIncludeFlag);
  auto fail = [](std::string msg) {
    return Fail(ErrorKind::kInvalidArgument, "failed to parse device filter flags: " + std::move(msg));
  };
  if (!old.empty()) {
    if (flags.IsSet(kExcludeFlag)) {
      return fail("--collector.diskstats.ignored-devices and --collector.diskstats.device-exclude are "
                  "mutually exclusive");
    }
    log::Warn("--collector.diskstats.ignored-devices is DEPRECATED and will be removed in 2.0.0, use "
              "--collector.diskstats.device-exclude",
              {{"collector", "diskstats"}});
    exclude = old;
  }
  if (!exclude.empty() && !include.empty()) return fail("device-exclude & device-include are mutually exclusive");
  std::optional<Regex> ex, in;
  if (!exclude.empty()) {
    log::Info("Parsed flag --collector.diskstats.device-exclude", {{"collector", "diskstats"}, {"flag", exclude}});
    auto r = Regex::Compile(exclude, "--collector.diskstats.device-exclude");
    if (!r) return fail(r.error().message);
    ex = std::move(*r);
  }
  if (!include.empty()) {
    log::Info("Parsed Flag --collector.diskstats.device-include", {{"collector", "diskstats"}, {"flag", include}});
    auto r = Regex::Compile(include, "--collector.diskstats.device-include");
    if (!r) return fail(r.error().message);
    in = std::move(*r);
  }
  return DeviceFilter(std::move(ex), std::move(in));
}

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(kExcludeFlag, kDefaultIgnoredDevices,
               "Regexp of diskstats devices to exclude (mutually exclusive to device-include).");
  flags.String(kOldExcludeFlag, "", "DEPRECATED: Use collector.diskstats.device-exclude").Hidden();
  flags.String(kIncludeFlag, "", "Regexp of diskstats devices to include (mutually exclusive to device-exclude).");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  // procfs's blockdevice.NewFS insists on both mount points being directories.
  for (const std::string* dir : {&cfg.paths.procfs, &cfg.paths.sysfs}) {
    if (!IsDirectory(*dir)) {
      return Fail(ErrorKind::kInvalidArgument, "failed to open sysfs: could not read \"" + *dir +
                                                   "\": not an accessible directory");
    }
  }
  auto filter = FilterFromFlags(cfg.flags);
  if (!filter) return std::unexpected(filter.error());
  if (!IsDirectory(cfg.paths.udev_data)) {
    // node_exporter logs this and still reads udev files (which then are absent).
    log::Error("Failed to open directory, disabling udev device properties",
               {{"collector", "diskstats"}, {"path", cfg.paths.udev_data}});
  }
  return std::make_unique<DiskstatsCollector>(cfg.paths, std::move(*filter));
}

}  // namespace host_exporter::collectors::diskstats
