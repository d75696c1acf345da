// Every sysfs parser on the fixture file it is written for: fixtures/basic, or
// the scenario that holds the file (selinux-enforcing, mdadm-states), or a
// literal when the value is a field of another file. Parsers of a whole device
// directory (power supply, watchdog, tape, PCI device, fc_host, net class) get
// the directory's trimmed attribute files, as their readers pass them.
#include <benchmark/benchmark.h>

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "bench_util.h"
#include "host_exporter/sysfs/attr.h"
#include "host_exporter/sysfs/bcache.h"
#include "host_exporter/sysfs/bcachefs.h"
#include "host_exporter/sysfs/block_md.h"
#include "host_exporter/sysfs/btrfs.h"
#include "host_exporter/sysfs/class_infiniband.h"
#include "host_exporter/sysfs/class_scsi_tape.h"
#include "host_exporter/sysfs/class_thermal.h"
#include "host_exporter/sysfs/class_watchdog.h"
#include "host_exporter/sysfs/clocksource.h"
#include "host_exporter/sysfs/cpu_vulnerabilities.h"
#include "host_exporter/sysfs/cpufreq.h"
#include "host_exporter/sysfs/fc_host.h"
#include "host_exporter/sysfs/kernel_mm_ksm.h"
#include "host_exporter/sysfs/net_bonding.h"
#include "host_exporter/sysfs/net_class.h"
#include "host_exporter/sysfs/pci_device.h"
#include "host_exporter/sysfs/pci_ids.h"
#include "host_exporter/sysfs/power_supply.h"
#include "host_exporter/sysfs/selinuxfs.h"
#include "host_exporter/sysfs/system_cpu.h"
#include "host_exporter/sysfs/system_node.h"
#include "parser_bench.h"

namespace host_exporter::bench {
namespace {

#define HE_BCACHE "basic/sys/devices/pci0000:00/0000:00:17.0/ata2/host1/target1:0:0/1:0:0:0/block/sdb/bcache/"
#define HE_BCACHEFS "basic/sys/fs/bcachefs/9d3f1a2b-5c6d-4e7f-8091-a2b3c4d5e6f7/"
#define HE_THERMAL "basic/sys/class/thermal/"

// Whole files.
HE_PARSER_BENCH(ParseBcacheValue, HE_BCACHE "dirty_data", sysfs::ParseBcacheValue(t));
HE_PARSER_BENCH(ParseBcachePriorityStats, "basic/sys/block/nvme0n1/bcache/priority_stats",
                sysfs::ParseBcachePriorityStats(t));
HE_PARSER_BENCH(ParseBcacheWritebackRateDebug, HE_BCACHE "writeback_rate_debug",
                sysfs::ParseBcacheWritebackRateDebug(t));
HE_PARSER_BENCH(ParseBcachefsCompressionStats, HE_BCACHEFS "compression_stats",
                sysfs::ParseBcachefsCompressionStats(t));
HE_PARSER_BENCH(ParseBcachefsErrors, HE_BCACHEFS "errors", sysfs::ParseBcachefsErrors(t));
HE_PARSER_BENCH(ParseBcachefsCounter, HE_BCACHEFS "counters/bucket_alloc", sysfs::ParseBcachefsCounter(t));
HE_PARSER_BENCH(ParseBcachefsBtreeWriteStats, HE_BCACHEFS "btree_write_stats",
                sysfs::ParseBcachefsBtreeWriteStats(t));
HE_PARSER_BENCH(ParseBcachefsIoDone, HE_BCACHEFS "dev-0/io_done", sysfs::ParseBcachefsIoDone(t));
HE_PARSER_BENCH(ParseBcachefsIoErrors, HE_BCACHEFS "dev-0/io_errors", sysfs::ParseBcachefsIoErrors(t));
HE_PARSER_BENCH(ParseBtrfsCommitStats, "basic/sys/fs/btrfs/c3a1e58f-2b4d-4f6a-9e71-0d8b5c2f4a96/commit_stats",
                sysfs::ParseBtrfsCommitStats(t));
HE_PARSER_BENCH(ParseCpufreqValue, "basic/sys/devices/system/cpu/cpufreq/policy0/cpuinfo_cur_freq",
                sysfs::ParseCpufreqValue(t));
HE_PARSER_BENCH(ParseCpuList, "basic/sys/devices/system/cpu/online", sysfs::ParseCpuList(t));
HE_PARSER_BENCH(ParseKsmValue, "basic/sys/kernel/mm/ksm/pages_shared", sysfs::ParseKsmValue(t));
HE_PARSER_BENCH(ParseBondingNames, "basic/sys/class/net/bond0/bonding/slaves", sysfs::ParseBondingNames(t));
HE_PARSER_BENCH(ParsePciIds, "basic/rootfs/usr/share/misc/pci.ids", sysfs::ParsePciIds(t));
HE_PARSER_BENCH(ParseAvcCacheStats, "selinux-enforcing/sys/fs/selinux/avc/cache_stats",
                sysfs::ParseAvcCacheStats(t));
HE_PARSER_BENCH(ParseAvcHashStats, "selinux-enforcing/sys/fs/selinux/avc/hash_stats",
                sysfs::ParseAvcHashStats(t));
HE_PARSER_BENCH(ParseSelinuxConfigMode, "selinux-enforcing/rootfs/etc/selinux/config",
                sysfs::ParseSelinuxConfigMode(t));
HE_PARSER_BENCH(ParseSelinuxEnforce, "selinux-enforcing/sys/fs/selinux/enforce",
                sysfs::ParseSelinuxEnforce(t));
HE_PARSER_BENCH(ParseNodeMeminfo, "basic/sys/devices/system/node/node0/meminfo", sysfs::ParseNodeMeminfo(t));
HE_PARSER_BENCH(ParseNodeNumastat, "basic/sys/devices/system/node/node0/numastat",
                sysfs::ParseNodeNumastat(t));
HE_PARSER_BENCH(ParseVulnerability, "basic/sys/devices/system/cpu/vulnerabilities/spectre_v2",
                sysfs::ParseVulnerability("spectre_v2", t));

// Single attributes, trimmed by their readers.
HE_ATTR_BENCH(ParseBcacheHuman, HE_BCACHE "dirty_data", sysfs::ParseBcacheHuman(t));
HE_ATTR_BENCH(ParseSysInt64, "basic/sys/class/power_supply/BAT0/energy_now", sysfs::ParseSysInt64(t));
HE_ATTR_BENCH(ParseSysUint64, "basic/sys/class/scsi_tape/st0/stats/read_byte_cnt", sysfs::ParseSysUint64(t));
HE_ATTR_BENCH(ParseMdSyncCompleted, "mdadm-states/sys/devices/virtual/block/md5/md/sync_completed",
              sysfs::ParseMdSyncCompleted(t));
HE_ATTR_BENCH(ParseInfiniBandState, "basic/sys/class/infiniband/mlx5_0/ports/1/state",
              sysfs::ParseInfiniBandState(t));
HE_ATTR_BENCH(ParseInfiniBandRate, "basic/sys/class/infiniband/mlx5_0/ports/1/rate",
              sysfs::ParseInfiniBandRate(t));
HE_ATTR_BENCH(ParseThermalTemp, HE_THERMAL "thermal_zone0/temp", sysfs::ParseThermalTemp(t));
HE_ATTR_BENCH(ParseThermalMode, HE_THERMAL "thermal_zone0/mode", sysfs::ParseThermalMode(t));
HE_ATTR_BENCH(ParseThermalPassive, HE_THERMAL "thermal_zone0/passive", sysfs::ParseThermalPassive(t));
HE_ATTR_BENCH(ParseCoolingState, HE_THERMAL "cooling_device1/cur_state", sysfs::ParseCoolingState(t));

// Values inside other files: writeback_rate_debug's "integral:" (ParseBcacheWritebackRateDebug
// calls ParseBcacheHumanSigned on each), compression_stats' sizes, a PCI device's name.
HE_LITERAL_BENCH(ParseBcacheHumanSigned, "-251.6k", sysfs::ParseBcacheHumanSigned(t));
HE_LITERAL_BENCH(ParseBcachefsHumanBytes, "2.17G", sysfs::ParseBcachefsHumanBytes(t));
HE_LITERAL_BENCH(ParsePciDeviceLocation, "0000:04:00.0", sysfs::ParsePciDeviceLocation(t));

std::size_t ValueBytes(const std::vector<std::pair<std::string, std::string>>& attrs) {
  std::size_t n = 0;
  for (const auto& [name, value] : attrs) n += value.size();
  return n;
}

// Only the attributes the reader reads (it never opens dev or uevent).
std::vector<std::pair<std::string, std::string>> WatchdogAttributes() {
  std::vector<std::pair<std::string, std::string>> out;
  for (auto& [name, value] : FixtureAttributes("basic/sys/class/watchdog/watchdog0")) {
    for (std::string_view known : sysfs::kWatchdogAttributes) {
      if (name == known) out.emplace_back(name, value);
    }
  }
  return out;
}

void BM_ParseClockSource(benchmark::State& state) {
  static const std::string available =
      Fixture("basic/sys/devices/system/clocksource/clocksource0/available_clocksource");
  static const std::string current =
      Fixture("basic/sys/devices/system/clocksource/clocksource0/current_clocksource");
  RunParse(state, "clocksource0", available.size() + current.size(),
           [] { return sysfs::ParseClockSource(available, current); });
}
BENCHMARK(BM_ParseClockSource);

void BM_ParsePowerSupply(benchmark::State& state) {
  static const auto attrs = FixtureAttributes("basic/sys/class/power_supply/BAT0");
  RunParse(state, "power_supply/BAT0", ValueBytes(attrs),
           [] { return sysfs::ParsePowerSupply("BAT0", attrs); });
}
BENCHMARK(BM_ParsePowerSupply);

void BM_ParseWatchdog(benchmark::State& state) {
  static const auto attrs = WatchdogAttributes();
  RunParse(state, "watchdog/watchdog0", ValueBytes(attrs),
           [] { return sysfs::ParseWatchdog("watchdog0", attrs); });
}
BENCHMARK(BM_ParseWatchdog);

void BM_ParseTapeCounters(benchmark::State& state) {
  static const auto files = FixtureAttributes("basic/sys/class/scsi_tape/st0/stats");
  RunParse(state, "scsi_tape/st0/stats", ValueBytes(files), [] { return sysfs::ParseTapeCounters(files); });
}
BENCHMARK(BM_ParseTapeCounters);

void BM_ParsePciDevice(benchmark::State& state) {
  static const std::string dev = "basic/sys/bus/pci/devices/0000:04:00.0";
  static const std::string target = FixtureLink(dev);
  static const auto attrs = [] {
    std::map<std::string, std::string, std::less<>> m;
    for (auto& [name, value] : FixtureAttributes(dev)) m.emplace(name, value);
    return m;
  }();
  std::size_t bytes = target.size();
  for (const auto& [name, value] : attrs) bytes += value.size();
  RunParse(state, dev, bytes, [] { return sysfs::ParsePciDevice(target, attrs); });
}
BENCHMARK(BM_ParsePciDevice);

// The reader calls these once per file of the directory.
void BM_ParseFcHostStatistic(benchmark::State& state) {
  static const auto stats = FixtureAttributes("basic/sys/class/fc_host/host1/statistics");
  RunParse(state, "fc_host/host1/statistics", ValueBytes(stats), [] {
    sysfs::FcHostCounters c;
    for (const auto& [name, value] : stats) {
      if (auto s = sysfs::ParseFcHostStatistic(name, value, c); !s) {
        return Result<sysfs::FcHostCounters>(std::unexpected(s.error()));
      }
    }
    return Result<sysfs::FcHostCounters>(c);
  });
}
BENCHMARK(BM_ParseFcHostStatistic);

// Every regular file of the device: the reader reads only the ones it knows,
// and the parser ignores the rest (uevent, proto_down, ...) after one lookup.
void BM_ParseNetClassAttribute(benchmark::State& state) {
  static const auto attrs = FixtureAttributes("basic/sys/class/net/eno1");
  RunParse(state, "net/eno1", ValueBytes(attrs), [] {
    sysfs::NetClassIface iface;
    for (const auto& [name, value] : attrs) sysfs::ParseNetClassAttribute(name, value, iface);
    return iface;
  });
}
BENCHMARK(BM_ParseNetClassAttribute);

}  // namespace
}  // namespace host_exporter::bench
