// node_exporter's zfs collector (Linux): every numeric kstat of OpenZFS's
// /proc/spl/kstat/zfs files as node_zfs_<subsystem>_<name>, plus per-pool I/O,
// per-dataset and pool state metrics.
#include <set>
#include <string>

#include "host_exporter/collector.h"
#include "host_exporter/log.h"
#include "host_exporter/procfs/spl_kstat_zfs.h"

namespace host_exporter::collectors::zfs {
namespace {

struct Subsystem {
  std::string_view prefix;  // node_<prefix>_<kstat>
  std::string_view file;    // under /proc/spl/kstat/zfs
};

// node_exporter's linuxPathMap (a Go map, so its order varies; sorted here).
constexpr Subsystem kSubsystems[] = {
    {"zfs_abd", "abdstats"},
    {"zfs_arc", "arcstats"},
    {"zfs_dbuf", "dbufstats"},
    {"zfs_dmu_tx", "dmu_tx"},
    {"zfs_dnode", "dnodestats"},
    {"zfs_fm", "fm"},
    {"zfs_vdev_cache", "vdev_cache_stats"},  // vdev_cache is deprecated
    {"zfs_vdev_mirror", "vdev_mirror_stats"},
    {"zfs_xuio", "xuio_stats"},  // no known consumers of the XUIO interface on Linux
    {"zfs_zfetch", "zfetchstats"},
    {"zfs_zil", "zil"},
};

constexpr std::string_view kPoolStates[] = {"online",  "degraded", "faulted",  "offline",
                                            "removed", "unavail",  "suspended"};

// node_exporter's zfsSysctl.metricName: '-' -> '_'.
std::string MetricPart(std::string_view kstat) {
  std::string out(kstat);
  for (char& c : out) {
    if (c == '-') c = '_';
  }
  return out;
}

bool ValidMetricName(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

// Writes samples, dropping a repeated series (client_golang keeps the first and
// reports the rest) and refusing names that are not metric names (client_golang
// panics on them), so the exposition stays valid.
class ZfsWriter {
 public:
  explicit ZfsWriter(MetricWriter& out) : out_(out) {}

  Status Add(prometheus::MetricType type, const std::string& name, const std::string& help, double v,
             Labels labels, const std::string& path) {
    if (!ValidMetricName(name)) {
      return Fail(ErrorKind::kParse, path + ": kstat gives invalid metric name \"" + name + "\"");
    }
    std::string key = name;
    for (const auto& l : labels) key += '\0' + l.name + '\0' + l.value;
    if (!seen_.insert(std::move(key)).second) {
      log::Debug("dropping repeated ZFS series", {{"name", name}, {"path", path}});
      return {};
    }
    out_.Add(type, name, help, v, std::move(labels));
    return {};
  }

 private:
  MetricWriter& out_;
  std::set<std::string> seen_;
};

class ZfsCollector final : public Collector {
 public:
  explicit ZfsCollector(Paths paths) : paths_(std::move(paths)) {}

  Status Collect(MetricWriter& out) const override {
    if (!procfs::ZfsKstatsAvailable(paths_)) {
      return NoData("ZFS / ZFS statistics are not available: cannot open " + paths_.Proc("spl/kstat/zfs"));
    }
    ZfsWriter w(out);
    for (const auto& sub : kSubsystems) {
      auto stats = procfs::ReadZfsKstats(paths_, sub.file);
      if (!stats) {
        if (stats.error().kind == ErrorKind::kNotFound) {
          // Files come and go with OpenZFS releases; a missing one is fine.
          log::Debug("Cannot open file for reading", {{"err", stats.error().message}});
          continue;
        }
        return std::unexpected(stats.error());
      }
      std::string path = paths_.Proc("spl/kstat/zfs/" + std::string(sub.file));
      for (const auto& k : *stats) {
        std::string name = "node_" + std::string(sub.prefix) + "_" + MetricPart(k.name);
        std::string help = "kstat.zfs.misc." + std::string(sub.file) + "." + k.name;
        if (auto s = w.Add(prometheus::MetricType::Untyped, name, help, k.value, {}, path); !s) return s;
      }
    }
    return CollectPools(w);
  }

 private:
  // A pool file listed a moment ago that cannot be read fails the collector in
  // node_exporter ("ZFS / ZFS statistics are not available"); it is not "no data".
  static std::unexpected<Error> PoolError(Error e) {
    if (e.kind == ErrorKind::kIo) e.message = "ZFS / ZFS statistics are not available: " + e.message;
    return std::unexpected(std::move(e));
  }

  Status CollectPools(ZfsWriter& w) const {
    for (const auto& f : procfs::ListZpoolFiles(paths_, [](std::string_view n) { return n == "io"; })) {
      auto stats = procfs::ReadZpoolIo(f);
      if (!stats) return PoolError(stats.error());
      for (const auto& s : *stats) {
        std::string name = "node_zfs_zpool_" + MetricPart(s.field);
        if (auto st = w.Add(prometheus::MetricType::Untyped, name, "kstat.zfs.misc." + f.file + "." + s.field,
                            static_cast<double>(s.value), {{"zpool", f.pool}}, f.path);
            !st) {
          return st;
        }
      }
    }
    for (const auto& f :
         procfs::ListZpoolFiles(paths_, [](std::string_view n) { return n.starts_with("objset-"); })) {
      auto stats = procfs::ReadZpoolObjset(f);
      if (!stats) return PoolError(stats.error());
      for (const auto& s : *stats) {
        std::string name = "node_zfs_zpool_dataset_" + MetricPart(s.name);
        Labels labels = {{"zpool", s.after_dataset_name ? f.pool : ""}, {"dataset", s.dataset}};
        if (auto st = w.Add(prometheus::MetricType::Untyped, name, "kstat.zfs.misc.objset." + s.name,
                            static_cast<double>(s.value), std::move(labels), f.path);
            !st) {
          return st;
        }
      }
    }
    auto states = procfs::ListZpoolFiles(paths_, [](std::string_view n) { return n == "state"; });
    if (states.empty()) {
      // OpenZFS before 0.8 has no state files.
      log::Debug("No pool state files found");
      return {};
    }
    for (const auto& f : states) {
      auto actual = procfs::ReadZpoolState(f);
      if (!actual) return PoolError(actual.error());
      for (std::string_view state : kPoolStates) {
        if (auto st =
                w.Add(prometheus::MetricType::Gauge, "node_zfs_zpool_state", "kstat.zfs.misc.state",
                      *actual == state ? 1 : 0, {{"zpool", f.pool}, {"state", std::string(state)}}, f.path);
            !st) {
          return st;
        }
      }
    }
    return {};
  }

  Paths paths_;
};

}  // namespace

void DeclareFlags(FlagSet&) {}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  return std::make_unique<ZfsCollector>(cfg.paths);
}

}  // namespace host_exporter::collectors::zfs
