// node_exporter's cpu collector: per-CPU time from /proc/stat (kept monotonic across
// scrapes), /proc/cpuinfo details with --collector.cpu.info, and from sysfs the
// isolated CPUs, thermal throttle counters and online state.
#include <cstdio>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "host_exporter/collector.h"
#include "host_exporter/log.h"
#include "host_exporter/procfs/cpuinfo.h"
#include "host_exporter/procfs/stat.h"
#include "host_exporter/regex.h"
#include "host_exporter/sysfs/system_cpu.h"

namespace host_exporter::collectors::cpu {
namespace {

// An idle counter that falls by at least this many seconds means the CPU was
// hot-plugged: its cached counters are dropped instead of held.
constexpr double kJumpBackSeconds = 3.0;

constexpr const char* kSecondsHelp = "Seconds the CPUs spent in each mode.";
constexpr const char* kGuestHelp = "Seconds the CPUs spent in guests (VMs) for each mode.";

struct Options {
  bool guest = true;
  bool info = false;
  bool cpufreq_enabled = true;
  std::optional<Regex> flags_include;
  std::optional<Regex> bugs_include;
};

std::string Num(std::uint64_t v) { return std::to_string(v); }

// Whether collector `name` runs, as node_exporter's collectorState says: the explicit
// flag, else its default unless --collector.disable-defaults.
bool CollectorEnabled(const FlagValues& flags, std::string_view name) {
  std::string flag = "collector." + std::string(name);
  if (flags.IsSet(flag)) return flags.GetBool(flag);
  const CollectorInfo* info = FindCollector(name);
  return info != nullptr && info->enabled_by_default && !flags.GetBool("collector.disable-defaults");
}

// Thread safety: Collect may run concurrently; the counter cache is guarded by mu_.
class CpuCollector final : public Collector {
 public:
  CpuCollector(Paths paths, Options opts, std::optional<std::vector<std::uint16_t>> isolated)
      : paths_(std::move(paths)), opts_(std::move(opts)), isolated_(std::move(isolated)) {}

  Status Collect(MetricWriter& out) const override {
    if (opts_.info) {
      if (auto s = CollectInfo(out); !s) return s;
    }
    if (auto s = CollectStat(out); !s) return s;
    if (isolated_) {
      for (std::uint16_t cpu : *isolated_) {
        out.Gauge("node_cpu_isolated",
                  "Whether each core is isolated, information from /sys/devices/system/cpu/isolated.", 1,
                  {{"cpu", Num(cpu)}});
      }
    }
    std::vector<std::string> cpus = sysfs::ListCpuDirs(paths_);
    CollectThrottles(cpus, out);
    CollectOnline(cpus, out);
    return {};
  }

 private:
  Status CollectInfo(MetricWriter& out) const {
    auto info = procfs::ReadCpuInfo(paths_);
    if (!info) return std::unexpected(info.error());
    for (const auto& c : *info) {
      out.Gauge("node_cpu_info", "CPU information from /proc/cpuinfo.", 1,
                {{"package", c.physical_id},
                 {"core", c.core_id},
                 {"cpu", Num(c.processor)},
                 {"vendor", c.vendor_id},
                 {"family", c.cpu_family},
                 {"model", c.model},
                 {"model_name", c.model_name},
                 {"microcode", c.microcode},
                 {"stepping", c.stepping},
                 {"cachesize", c.cache_size}});
    }
    // node_exporter 1.12 emits the /proc/cpuinfo frequency only while the cpufreq
    // collector is enabled.
    if (opts_.cpufreq_enabled) {
      for (const auto& c : *info) {
        out.Gauge("node_cpu_frequency_hertz", "CPU frequency in hertz from /proc/cpuinfo.", c.cpu_mhz * 1e6,
                  {{"package", c.physical_id}, {"core", c.core_id}, {"cpu", Num(c.processor)}});
      }
    }
    if (!info->empty()) {
      const auto& first = info->front();
      if (opts_.flags_include) {
        for (const auto& f : first.flags) {
          if (!opts_.flags_include->Match(f)) continue;
          out.Gauge("node_cpu_flag_info",
                    "The `flags` field of CPU information from /proc/cpuinfo taken from the first core.", 1,
                    {{"flag", f}});
        }
      }
      if (opts_.bugs_include) {
        for (const auto& b : first.bugs) {
          if (!opts_.bugs_include->Match(b)) continue;
          out.Gauge("node_cpu_bug_info",
                    "The `bugs` field of CPU information from /proc/cpuinfo taken from the first core.", 1,
                    {{"bug", b}});
        }
      }
    }
    return {};
  }

  Status CollectStat(MetricWriter& out) const {
    auto stat = procfs::ReadStat(paths_);
    if (!stat) return std::unexpected(stat.error());
    std::lock_guard lock(mu_);
    UpdateCache(stat->cpu);
    for (const auto& [id, s] : cache_) {
      std::string cpu = std::to_string(id);
      const std::pair<const char*, double> modes[] = {
          {"user", s.user},     {"nice", s.nice}, {"system", s.system},   {"idle", s.idle},
          {"iowait", s.iowait}, {"irq", s.irq},   {"softirq", s.softirq}, {"steal", s.steal},
      };
      for (const auto& [mode, v] : modes) {
        out.Counter("node_cpu_seconds_total", kSecondsHelp, v, {{"cpu", cpu}, {"mode", mode}});
      }
      if (opts_.guest) {
        // Guest time is also counted in user and nice; exposed separately.
        out.Counter("node_cpu_guest_seconds_total", kGuestHelp, s.guest, {{"cpu", cpu}, {"mode", "user"}});
        out.Counter("node_cpu_guest_seconds_total", kGuestHelp, s.guest_nice, {{"cpu", cpu}, {"mode", "nice"}});
      }
    }
    return {};
  }

  // node_exporter's updateCPUStats: each counter only moves forward; an idle counter
  // that jumps back by kJumpBackSeconds or more resets that CPU; CPUs that are gone
  // are dropped when the CPU count changes. Caller holds mu_.
  void UpdateCache(const std::map<std::int64_t, procfs::CpuStat>& fresh) const {
    for (const auto& [id, n] : fresh) {
      procfs::CpuStat c = cache_[id];
      std::string cpu = std::to_string(id);
      if (c.idle - n.idle >= kJumpBackSeconds) {
        if (log::DebugEnabled()) {
          log::Debug("CPU Idle counter jumped backwards more than 3.000000 seconds, possible hotplug event, "
                     "resetting CPU stats",
                     {{"cpu", cpu}, {"old_value", Fmt(c.idle)}, {"new_value", Fmt(n.idle)}});
        }
        c = procfs::CpuStat{};
      }
      struct Field {
        const char* name;
        double procfs::CpuStat::*member;
      };
      static constexpr Field kFields[] = {
          {"Idle", &procfs::CpuStat::idle},       {"User", &procfs::CpuStat::user},
          {"Nice", &procfs::CpuStat::nice},       {"System", &procfs::CpuStat::system},
          {"Iowait", &procfs::CpuStat::iowait},   {"IRQ", &procfs::CpuStat::irq},
          {"SoftIRQ", &procfs::CpuStat::softirq}, {"Steal", &procfs::CpuStat::steal},
          {"Guest", &procfs::CpuStat::guest},     {"GuestNice", &procfs::CpuStat::guest_nice},
      };
      for (const Field& f : kFields) {
        if (n.*f.member >= c.*f.member) {
          c.*f.member = n.*f.member;
        } else if (log::DebugEnabled()) {
          log::Debug(std::string("CPU ") + f.name + " counter jumped backwards",
                     {{"cpu", cpu}, {"old_value", Fmt(c.*f.member)}, {"new_value", Fmt(n.*f.member)}});
        }
      }
      cache_[id] = c;
    }
    if (fresh.size() != cache_.size()) {
      std::erase_if(cache_, [&](const auto& kv) { return !fresh.contains(kv.first); });
    }
  }

  static std::string Fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
  }

  // Throttle counters per package and per (package, core); each is read from the
  // first CPU of its package/core whose file reads, as node_exporter does.
  void CollectThrottles(const std::vector<std::string>& cpus, MetricWriter& out) const {
    std::map<std::uint64_t, std::uint64_t> package_throttles;
    std::map<std::uint64_t, std::map<std::uint64_t, std::uint64_t>> core_throttles;
    for (const std::string& cpu : cpus) {
      auto topo = sysfs::ReadCpuTopology(paths_, cpu);
      if (!topo) {
        // Also when physical_package_id is -1 (no package information).
        log::Debug("CPU is missing physical_package_id or core_id", {{"cpu", cpu}, {"err", topo.error().message}});
        continue;
      }
      auto& cores = core_throttles[topo->package];
      if (!cores.contains(topo->core)) {
        if (auto n = sysfs::ReadCoreThrottleCount(paths_, cpu)) {
          cores[topo->core] = *n;
        } else {
          log::Debug("CPU is missing core_throttle_count", {{"cpu", cpu}});
        }
      }
      if (!package_throttles.contains(topo->package)) {
        if (auto n = sysfs::ReadPackageThrottleCount(paths_, cpu)) {
          package_throttles[topo->package] = *n;
        } else {
          log::Debug("CPU is missing package_throttle_count", {{"cpu", cpu}});
        }
      }
    }
    for (const auto& [package, n] : package_throttles) {
      out.Counter("node_cpu_package_throttles_total", "Number of times this CPU package has been throttled.",
                  static_cast<double>(n), {{"package", Num(package)}});
    }
    for (const auto& [package, cores] : core_throttles) {
      for (const auto& [core, n] : cores) {
        out.Counter("node_cpu_core_throttles_total", "Number of times this CPU core has been throttled.",
                    static_cast<double>(n), {{"package", Num(package)}, {"core", Num(core)}});
      }
    }
  }

  // node_cpu_online for every cpuN, unless the first one has no "online" file (cpu0
  // usually has none when it cannot be unplugged): then the kernel offers no hotplug
  // and nothing is emitted.
  void CollectOnline(const std::vector<std::string>& cpus, MetricWriter& out) const {
    if (cpus.empty()) return;
    auto first = sysfs::ReadCpuOnline(paths_, cpus.front());
    if (!first && first.error().kind == ErrorKind::kNotFound) return;
    for (const std::string& cpu : cpus) {
      auto online = sysfs::ReadCpuOnline(paths_, cpu);
      out.Gauge("node_cpu_online", "CPUs that are online and being scheduled.", online && *online ? 1 : 0,
                {{"cpu", std::string(sysfs::CpuNumber(cpu))}});
    }
  }

  Paths paths_;
  Options opts_;
  std::optional<std::vector<std::uint16_t>> isolated_;  // read once, at start-up
  mutable std::mutex mu_;
  mutable std::map<std::int64_t, procfs::CpuStat> cache_;
};

}  // namespace

void DeclareFlags(FlagSet& flags) {
  flags.Bool("collector.cpu.guest", true, "Enables metric node_cpu_guest_seconds_total");
  flags.Bool("collector.cpu.info", false, "Enables metric cpu_info");
  flags.String("collector.cpu.info.flags-include", "",
               "Filter the `flags` field in cpuInfo with a value that must be a regular expression");
  flags.String("collector.cpu.info.bugs-include", "",
               "Filter the `bugs` field in cpuInfo with a value that must be a regular expression");
}

Result<std::unique_ptr<Collector>> Create(const CollectorConfig& cfg) {
  Options opts;
  opts.guest = cfg.flags.GetBool("collector.cpu.guest");
  opts.info = cfg.flags.GetBool("collector.cpu.info");
  opts.cpufreq_enabled = CollectorEnabled(cfg.flags, "cpufreq");

  const std::string& flags_include = cfg.flags.GetString("collector.cpu.info.flags-include");
  const std::string& bugs_include = cfg.flags.GetString("collector.cpu.info.bugs-include");
  if ((!flags_include.empty() || !bugs_include.empty()) && !opts.info) {
    opts.info = true;
    log::Info(
        "--collector.cpu.info has been set to `true` because you set the following flags, like "
        "--collector.cpu.info.flags-include and --collector.cpu.info.bugs-include");
  }
  constexpr std::string_view kCompileError =
      "fail to compile --collector.cpu.info.flags-include and --collector.cpu.info.bugs-include, the values of "
      "them must be regular expressions: ";
  if (!flags_include.empty()) {
    auto re = Regex::Compile(flags_include, "--collector.cpu.info.flags-include");
    if (!re) return Fail(ErrorKind::kInvalidArgument, std::string(kCompileError) + re.error().message);
    opts.flags_include = std::move(*re);
  }
  if (!bugs_include.empty()) {
    auto re = Regex::Compile(bugs_include, "--collector.cpu.info.bugs-include");
    if (!re) return Fail(ErrorKind::kInvalidArgument, std::string(kCompileError) + re.error().message);
    opts.bugs_include = std::move(*re);
  }

  // Like node_exporter, the isolated CPU list is read once; a missing file means no
  // node_cpu_isolated, anything else wrong with it stops start-up.
  std::optional<std::vector<std::uint16_t>> isolated;
  auto iso = sysfs::ReadIsolatedCpus(cfg.paths);
  if (iso) {
    isolated = std::move(*iso);
  } else if (iso.error().kind != ErrorKind::kNotFound) {
    return Fail(iso.error().kind, "unable to get isolated cpus: " + iso.error().message);
  } else {
    log::Debug("couldn't open isolated file", {{"err", iso.error().message}});
  }
  return std::make_unique<CpuCollector>(cfg.paths, std::move(opts), std::move(isolated));
}

}  // namespace host_exporter::collectors::cpu
