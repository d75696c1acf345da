// Every procfs parser on the fixtures/basic file it is written for, and the
// ones whose input grows with the host (CPUs, devices, mounts, interfaces) on
// generated inputs of growing size: their cost should be linear in the size.
#include <benchmark/benchmark.h>

#include "bench_util.h"
#include "host_exporter/procfs/cpuinfo.h"
#include "host_exporter/procfs/diskstats.h"
#include "host_exporter/procfs/file_nr.h"
#include "host_exporter/procfs/kernel_hung.h"
#include "host_exporter/procfs/kernel_random.h"
#include "host_exporter/procfs/loadavg.h"
#include "host_exporter/procfs/meminfo.h"
#include "host_exporter/procfs/mountinfo.h"
#include "host_exporter/procfs/net_arp.h"
#include "host_exporter/procfs/net_dev.h"
#include "host_exporter/procfs/net_netstat.h"
#include "host_exporter/procfs/net_sockstat.h"
#include "host_exporter/procfs/net_softnet_stat.h"
#include "host_exporter/procfs/net_udp.h"
#include "host_exporter/procfs/nf_conntrack.h"
#include "host_exporter/procfs/pid.h"
#include "host_exporter/procfs/pressure.h"
#include "host_exporter/procfs/schedstat.h"
#include "host_exporter/procfs/spl_kstat_zfs.h"
#include "host_exporter/procfs/stat.h"
#include "host_exporter/procfs/vmstat.h"
#include "host_exporter/procfs/xfs_stat.h"

namespace host_exporter::bench {
namespace {

// Runs parse(text) in the loop; the input size is reported as bytes/s.
template <class F>
void ParseLoop(benchmark::State& state, const std::string& text, F parse) {
  for (auto _ : state) {
    auto r = parse(text);
    benchmark::DoNotOptimize(r);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}

#define HE_PARSER_BENCH(name, file, expr)                                   \
  void BM_##name(benchmark::State& state) {                                 \
    static const std::string text = Fixture(file);                         \
    ParseLoop(state, text, [](std::string_view t) { return expr; });        \
  }                                                                         \
  BENCHMARK(BM_##name)

HE_PARSER_BENCH(ParseCpuInfo, "basic/proc/cpuinfo", procfs::ParseCpuInfo(t));
HE_PARSER_BENCH(ParseDiskstats, "basic/proc/diskstats", procfs::ParseDiskstats(t));
HE_PARSER_BENCH(ParseFileNr, "basic/proc/sys/fs/file-nr", procfs::ParseFileNr(t));
HE_PARSER_BENCH(ParseKernelHung, "basic/proc/sys/kernel/hung_task_detect_count", procfs::ParseKernelHung(t));
HE_PARSER_BENCH(ParseKernelRandomValue, "basic/proc/sys/kernel/random/entropy_avail",
                procfs::ParseKernelRandomValue(t));
HE_PARSER_BENCH(ParseLoadAvg, "basic/proc/loadavg", procfs::ParseLoadAvg(t));
HE_PARSER_BENCH(ParseMeminfo, "basic/proc/meminfo", procfs::ParseMeminfo(t));
HE_PARSER_BENCH(ParseMountInfo, "basic/proc/1/mountinfo", procfs::ParseMountInfo(t));
HE_PARSER_BENCH(ParseNetArp, "basic/proc/net/arp", procfs::ParseNetArp(t));
HE_PARSER_BENCH(ParseNetDev, "basic/proc/net/dev", procfs::ParseNetDev(t));
HE_PARSER_BENCH(ParseNetStats_netstat, "basic/proc/net/netstat", procfs::ParseNetStats(t));
HE_PARSER_BENCH(ParseNetStats_snmp, "basic/proc/net/snmp", procfs::ParseNetStats(t));
HE_PARSER_BENCH(ParseSnmp6, "basic/proc/net/snmp6", procfs::ParseSnmp6(t));
HE_PARSER_BENCH(ParseNetSockstat, "basic/proc/net/sockstat", procfs::ParseNetSockstat(t));
HE_PARSER_BENCH(ParseNetSoftnetStat, "basic/proc/net/softnet_stat", procfs::ParseNetSoftnetStat(t));
HE_PARSER_BENCH(ParseNetUDP, "basic/proc/net/udp", procfs::ParseNetUDP(t));
HE_PARSER_BENCH(ParseNfConntrackStat, "basic/proc/net/stat/nf_conntrack", procfs::ParseNfConntrackStat(t));
HE_PARSER_BENCH(ParsePressure, "basic/proc/pressure/memory", procfs::ParsePressure(t));
HE_PARSER_BENCH(ParseSchedstat, "basic/proc/schedstat", procfs::ParseSchedstat(t));
HE_PARSER_BENCH(ParseZfsKstats, "basic/proc/spl/kstat/zfs/arcstats", procfs::ParseZfsKstats(t));
HE_PARSER_BENCH(ParseZpoolIo, "basic/proc/spl/kstat/zfs/rpool/io", procfs::ParseZpoolIo(t));
HE_PARSER_BENCH(ParseStat, "basic/proc/stat", procfs::ParseStat(t));
HE_PARSER_BENCH(ParseVmstat, "basic/proc/vmstat", procfs::ParseVmstat(t));
HE_PARSER_BENCH(ParseXfsStats, "basic/proc/fs/xfs/stat", procfs::ParseXfsStats(t));

void BM_ParsePidStat(benchmark::State& state) {
  static const std::string text =
      "1234 (host_exporter) S 1 1234 1234 0 -1 4194560 1234 0 0 0 152 87 0 0 20 0 9 0 3456789 "
      "812345344 4123 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
  ParseLoop(state, text, [](std::string_view t) { return procfs::ParsePidStat(t); });
}
BENCHMARK(BM_ParsePidStat);

// Growing inputs: n is the number of CPUs / devices / mounts / interfaces.
void BM_ParseStat_Cpus(benchmark::State& state) {
  const std::string text = GenStat(static_cast<int>(state.range(0)));
  ParseLoop(state, text, [](std::string_view t) { return procfs::ParseStat(t); });
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ParseStat_Cpus)->RangeMultiplier(4)->Range(2, 1024)->Complexity();

void BM_ParseDiskstats_Devices(benchmark::State& state) {
  const std::string text = GenDiskstats(static_cast<int>(state.range(0)));
  ParseLoop(state, text, [](std::string_view t) { return procfs::ParseDiskstats(t); });
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ParseDiskstats_Devices)->RangeMultiplier(4)->Range(16, 4096)->Complexity();

void BM_ParseMountInfo_Mounts(benchmark::State& state) {
  const std::string text = GenMountInfo(static_cast<int>(state.range(0)));
  ParseLoop(state, text, [](std::string_view t) { return procfs::ParseMountInfo(t); });
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ParseMountInfo_Mounts)->RangeMultiplier(4)->Range(16, 4096)->Complexity();

void BM_ParseNetDev_Interfaces(benchmark::State& state) {
  const std::string text = GenNetDev(static_cast<int>(state.range(0)));
  ParseLoop(state, text, [](std::string_view t) { return procfs::ParseNetDev(t); });
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ParseNetDev_Interfaces)->RangeMultiplier(4)->Range(16, 4096)->Complexity();

}  // namespace
}  // namespace host_exporter::bench
