// node_exporter's filesystem collector (collector/filesystem_linux.go,
// filesystem_common.go): node_filesystem_* for every mount in
// <procfs>/1/mountinfo (or self/mountinfo), from statfs(2) on
// <rootfs>/<mount point>.
#include <chrono>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "host_exporter/collector.h"
#include "host_exporter/log.h"
#include "host_exporter/mount/statfs.h"
#include "host_exporter/procfs/mountinfo.h"
#include "host_exporter/regex.h"
#include "host_exporter/text.h"

namespace host_exporter::collectors::filesystem {
namespace {

constexpr const char* kDefMountPointsExcluded =
    "^/(dev|proc|run/credentials/.+|sys|var/lib/docker/.+|var/lib/containers/storage/.+)($|/)";
constexpr const char* kDefFSTypesExcluded =
    "^(autofs|binfmt_misc|bpf|cgroup2?|configfs|debugfs|devpts|devtmpfs|fusectl|hugetlbfs|iso9660|mqueue|nsfs|"
    "overlay|proc|procfs|pstore|rpc_pipefs|securityfs|selinuxfs|squashfs|erofs|sysfs|tracefs)$";

constexpr const char* kMountPointsExclude = "collector.filesystem.mount-points-exclude";
constexpr const char* kOldMountPointsExclude = "collector.filesystem.ignored-mount-points";
constexpr const char* kMountPointsInclude = "collector.filesystem.mount-points-include";
constexpr const char* kFSTypesExclude = "collector.filesystem.fs-types-exclude";
constexpr const char* kOldFSTypesExclude = "collector.filesystem.ignored-fs-types";
constexpr const char* kFSTypesInclude = "collector.filesystem.fs-types-include";
constexpr const char* kMountTimeout = "collector.filesystem.mount-timeout";
constexpr const char* kStatWorkers = "collector.filesystem.stat-workers";
// How long before the scrape deadline the filesystem collector stops waiting
// for statfs calls, so the scrape still takes its output in time.
constexpr std::chrono::milliseconds kDeadlineMargin{100};

constexpr const char* kStuckError = "mountpoint timeout";

struct Options {
  DeviceFilter mount_points;
  DeviceFilter fs_types;
  std::chrono::nanoseconds timeout{};
  std::size_t workers = 1;
};

// One mount table entry, as node_exporter's filesystemLabels plus its result.
struct Entry {
  std::string device, mount_point, fs_type, major, minor;
  std::string stat_path;
  bool ro = false;
  mount::StatFsRunner::Outcome outcome;
};

// rootfsFilePath: filepath.Join(rootfs, mount point), without a trailing '/'.
std::string RootfsFilePath(const std::string& rootfs, const std::string& mp) {
  std::string p = Paths::Join(rootfs, mp);
  while (p.size() > 1 && p.back() == '/') p.pop_back();
  return p;
}

// isFilesystemReadOnly: "ro" among the mount or the superblock options.
bool ReadOnly(const procfs::MountInfo& m) {
  auto is_ro = [](const procfs::MountOptions& o) {
    auto it = o.find("ro");
    return it != o.end() && it->second.empty();
  };
  return is_ro(m.options) || is_ro(m.super_options);
}

// Thread safety: Collect is reentrant; the stuck-mount state is in the
// thread-safe runner.
class FilesystemCollector final : public Collector {
 public:
  FilesystemCollector(Paths paths, Options opts, mount::StatFsFunc statfs)
      : paths_(std::move(paths)), opts_(std::move(opts)), runner_(std::move(statfs), opts_.timeout) {}

  Status Collect(MetricWriter& out) const override {
    auto mounts = procfs::ReadMountPoints(paths_, "filesystem");
    if (!mounts) {
      // node_exporter fails the collector (logged as an error) even when the file is missing.
      ErrorKind kind = mounts.error().kind == ErrorKind::kParse ? ErrorKind::kParse : ErrorKind::kIo;
      return Fail(kind, mounts.error().message);
    }
    std::vector<Entry> entries;
    for (procfs::MountPoint& m : *mounts) {
      Entry e;
      e.device = m.info.source;
      e.mount_point = std::move(m.mount_point);
      e.fs_type = m.info.fs_type;
      e.major = std::to_string(m.major);
      e.minor = std::to_string(m.minor);
      e.ro = ReadOnly(m.info);
      if (opts_.mount_points.Ignored(e.mount_point)) {
        log::Debug("Ignoring mount point", {{"collector", "filesystem"}, {"mountpoint", e.mount_point}});
        continue;
      }
      if (opts_.fs_types.Ignored(e.fs_type)) {
        log::Debug("Ignoring fs type", {{"collector", "filesystem"}, {"type", e.fs_type}});
        continue;
      }
      e.stat_path = RootfsFilePath(paths_.rootfs, e.mount_point);
      entries.push_back(std::move(e));
    }
    StatAll(entries, out.deadline());
    Emit(entries, out);
    return {};
  }

 private:
  // At most `workers` calls in flight, each waited for at most the timeout
  // from its start; all are handed to the runner at once. A scrape deadline
  // that comes before a mount's timeout ends the wait early: that mount is
  // reported as stuck (device_error 1) in this scrape, so even the first
  // scrape after a mount hangs carries the other mounts and its error series.
  void StatAll(std::vector<Entry>& entries, const MetricWriter::Deadline& deadline) const {
    std::optional<mount::StatFsRunner::Clock::time_point> give_up;
    // Leave the scrape a moment to take the output before its deadline.
    if (deadline) give_up = *deadline - kDeadlineMargin;
    std::vector<std::string> paths;
    paths.reserve(entries.size());
    for (const Entry& e : entries) {
      if (runner_.IsStuck(e.stat_path)) {
        log::Debug("Mount point is in an unresponsive state",
                   {{"collector", "filesystem"}, {"mountpoint", e.mount_point}});
      }
      paths.push_back(e.stat_path);
    }
    auto calls = runner_.StartAll(paths, opts_.workers);
    for (std::size_t i = 0; i < entries.size(); ++i) entries[i].outcome = runner_.Wait(calls[i], give_up);
  }

  static void Emit(const std::vector<Entry>& entries, MetricWriter& out) {
    using State = mount::StatFsRunner::Outcome::State;
    // A repeated mount is reported once per label set: node_exporter's registry
    // drops a series collected twice and keeps the first.
    std::set<std::tuple<std::string, std::string, std::string, std::string>> seen, seen_info;
    for (const Entry& e : entries) {
      std::string error_label;
      double ro = e.ro ? 1 : 0;
      if (e.outcome.state == State::kStuck) {
        error_label = kStuckError;
        ro = 0;  // node_exporter does not look at a stuck mount's options
      } else if (e.outcome.state == State::kError) {
        error_label = mount::GoErrnoText(e.outcome.err);
      }
      bool failed = e.outcome.state != State::kOk;
      if (seen.emplace(e.device, e.mount_point, e.fs_type, error_label).second) {
        // In name order, so the serializer has no labels to sort per sample.
        Labels labels = {{"device", e.device}, {"device_error", error_label}, {"fstype", e.fs_type},
                         {"mountpoint", e.mount_point}};
        out.Gauge("node_filesystem_device_error",
                  "Whether an error occurred while getting statistics for the given device.", failed ? 1 : 0,
                  labels);
        out.Gauge("node_filesystem_readonly", "Filesystem read-only status.", ro, labels);
        if (!failed) {
          const mount::StatFs& s = e.outcome.stat;
          double bsize = static_cast<double>(s.bsize);
          out.Gauge("node_filesystem_size_bytes", "Filesystem size in bytes.",
                    static_cast<double>(s.blocks) * bsize, labels);
          out.Gauge("node_filesystem_free_bytes", "Filesystem free space in bytes.",
                    static_cast<double>(s.bfree) * bsize, labels);
          out.Gauge("node_filesystem_avail_bytes", "Filesystem space available to non-root users in bytes.",
                    static_cast<double>(s.bavail) * bsize, labels);
          out.Gauge("node_filesystem_files", "Filesystem total file nodes.", static_cast<double>(s.files), labels);
          out.Gauge("node_filesystem_files_free", "Filesystem total free file nodes.",
                    static_cast<double>(s.ffree), labels);
        }
      }
      if (!failed && seen_info.emplace(e.device, e.major, e.minor, e.mount_point).second) {
        out.Gauge("node_filesystem_mount_info", "Filesystem mount information.", 1,
                  {{"device", e.device}, {"major", e.major}, {"minor", e.minor}, {"mountpoint", e.mount_point}});
      }
    }
  }

  Paths paths_;
  Options opts_;
  mount::StatFsRunner runner_;
};

// newMountPointsFilter / newFSTypeFilter: an include given without an explicit
// exclude drops the exclude default; a deprecated "ignored-*" flag stands in
// for an exclude that was not given.
Result<DeviceFilter> FilterFromFlags(const FlagValues& flags, const char* exclude_flag, const char* old_flag,
                                     const char* include_flag, std::string_view what) {
  std::string exclude = flags.GetString(exclude_flag);
  const std::string& old = flags.GetString(old_flag);
  const std::string& include = flags.GetString(include_flag);
  bool exclude_set = flags.IsSet(exclude_flag);
  auto fail = [&](std::string msg) {
    return Fail(ErrorKind::kInvalidArgument,
                "unable to parse " + std::string(what) + " filter flags: " + std::move(msg));
  };
  if (!old.empty()) {
    if (exclude_set) {
      return fail("--" + std::string(old_flag) + " and --" + exclude_flag + " are mutually exclusive");
    }
    log::Warn("--" + std::string(old_flag) + " is DEPRECATED and will be removed in 2.0.0, use --" + exclude_flag,
              {{"collector", "filesystem"}});
    exclude = old;
  }
  if (!include.empty() && !exclude_set) exclude.clear();
  if (!exclude.empty() && !include.empty()) {
    return fail("--" + std::string(exclude_flag) + " and --" + include_flag + " are mutually exclusive");
  }
  std::optional<Regex> ex, in;
  if (!exclude.empty()) {
    log::Info("Parsed flag --" + std::string(exclude_flag), {{"collector", "filesystem"}, {"flag", exclude}});
    auto r = Regex::Compile(exclude, "--" + std::string(exclude_flag));
    if (!r) return fail(r.error().message);
    ex = std::move(*r);
  }
  if (!include.empty()) {
    log::Info("Parsed flag --" + std::string(include_flag), {{"collector", "filesystem"}, {"flag", include}});
    auto r = Regex::Compile(include, "--" + std::string(include_flag));
    if (!r) return fail(r.error().message);
    in = std::move(*r);
  }
  return DeviceFilter(std::move(ex), std::move(in));
}

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.String(kMountPointsExclude, kDefMountPointsExcluded,
               "Regexp of mount points to exclude for filesystem collector. (mutually exclusive to "
               "mount-points-include)");
  flags.String(kOldMountPointsExclude, "", "Regexp of mount points to ignore for filesystem collector.").Hidden();
  flags.String(kMountPointsInclude, "",
               "Regexp of mount points to include for filesystem collector. (mutually exclusive to "
               "mount-points-exclude)");
  flags.String(kFSTypesExclude, kDefFSTypesExcluded,
               "Regexp of filesystem types to exclude for filesystem collector. (mutually exclusive to "
               "fs-types-include)");
  flags.String(kOldFSTypesExclude, "", "Regexp of filesystem types to ignore for filesystem collector.").Hidden();
  flags.String(kFSTypesInclude, "",
               "Regexp of filesystem types to exclude for filesystem collector. (mutually exclusive to "
               "fs-types-exclude)");
  flags.String(kMountTimeout, "5s", "how long to wait for a mount to respond before marking it as stale").Hidden();
  flags.String(kStatWorkers, "4", "how many stat calls to process simultaneously").Hidden();
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  Options opts;
  auto mp = FilterFromFlags(cfg.flags, kMountPointsExclude, kOldMountPointsExclude, kMountPointsInclude,
                            "mount points");
  if (!mp) return std::unexpected(mp.error());
  auto fs = FilterFromFlags(cfg.flags, kFSTypesExclude, kOldFSTypesExclude, kFSTypesInclude, "fs types");
  if (!fs) return std::unexpected(fs.error());
  opts.mount_points = std::move(*mp);
  opts.fs_types = std::move(*fs);
  auto timeout = ParseGoDuration(cfg.flags.GetString(kMountTimeout));
  if (!timeout) {
    return Fail(ErrorKind::kInvalidArgument, "flag --" + std::string(kMountTimeout) + ": " + timeout.error().message);
  }
  opts.timeout = std::max(*timeout, std::chrono::nanoseconds(0));
  auto workers = ParseInt(cfg.flags.GetString(kStatWorkers));
  if (!workers || *workers > INT32_MAX || *workers < INT32_MIN) {
    return Fail(ErrorKind::kInvalidArgument, "flag --" + std::string(kStatWorkers) + ": expected an integer, got \"" +
                                                 cfg.flags.GetString(kStatWorkers) + "\"");
  }
  opts.workers = static_cast<std::size_t>(std::max<std::int64_t>(*workers, 1));
  return std::make_unique<FilesystemCollector>(cfg.paths, std::move(opts), mount::CurrentStatFs());
}

}  // namespace host_exporter::collectors::filesystem
