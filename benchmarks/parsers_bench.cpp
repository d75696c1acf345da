// Every procfs parser on the fixtures file it is written for (fixtures/basic
// unless only another scenario has one), or on a literal where no fixture holds
// the input; and the ones whose input grows with the host (CPUs, devices,
// mounts, interfaces) on generated inputs of growing size: their cost should be
// linear in the size. sysfs_parsers_bench.cpp and other_parsers_bench.cpp cover
// the other layers.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string>
#include <vector>

#include "bench_util.h"
#include "host_exporter/procfs/buddyinfo.h"
#include "host_exporter/procfs/cgroups.h"
#include "host_exporter/procfs/cpuinfo.h"
#include "host_exporter/procfs/diskstats.h"
#include "host_exporter/procfs/drbd.h"
#include "host_exporter/procfs/file_nr.h"
#include "host_exporter/procfs/interrupts.h"
#include "host_exporter/procfs/kernel_hung.h"
#include "host_exporter/procfs/kernel_random.h"
#include "host_exporter/procfs/loadavg.h"
#include "host_exporter/procfs/mdstat.h"
#include "host_exporter/procfs/meminfo.h"
#include "host_exporter/procfs/mountinfo.h"
#include "host_exporter/procfs/mountstats.h"
#include "host_exporter/procfs/net_arp.h"
#include "host_exporter/procfs/net_dev.h"
#include "host_exporter/procfs/net_ip_vs.h"
#include "host_exporter/procfs/net_netstat.h"
#include "host_exporter/procfs/net_rpc_nfs.h"
#include "host_exporter/procfs/net_rpc_nfsd.h"
#include "host_exporter/procfs/net_sockstat.h"
#include "host_exporter/procfs/net_softnet_stat.h"
#include "host_exporter/procfs/net_stat.h"
#include "host_exporter/procfs/net_udp.h"
#include "host_exporter/procfs/net_xfrm_stat.h"
#include "host_exporter/procfs/nf_conntrack.h"
#include "host_exporter/procfs/pid.h"
#include "host_exporter/procfs/pressure.h"
#include "host_exporter/procfs/schedstat.h"
#include "host_exporter/procfs/self.h"
#include "host_exporter/procfs/slabinfo.h"
#include "host_exporter/procfs/softirqs.h"
#include "host_exporter/procfs/spl_kstat_zfs.h"
#include "host_exporter/procfs/stat.h"
#include "host_exporter/procfs/sysctl.h"
#include "host_exporter/procfs/vmstat.h"
#include "host_exporter/procfs/xfs_stat.h"
#include "host_exporter/procfs/zoneinfo.h"
#include "host_exporter/text.h"
#include "parser_bench.h"

namespace host_exporter::bench {
namespace {

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

HE_PARSER_BENCH(ParseBuddyinfo, "basic/proc/buddyinfo", procfs::ParseBuddyinfo(t));
HE_PARSER_BENCH(ParseCgroups, "basic/proc/cgroups", procfs::ParseCgroups(t));
HE_PARSER_BENCH(ParseCpuInfoX86, "basic/proc/cpuinfo", procfs::ParseCpuInfoX86(t));
HE_PARSER_BENCH(ParseCpuInfoArm, "cpu-arm64/proc/cpuinfo", procfs::ParseCpuInfoArm(t));
HE_PARSER_BENCH(ParseDrbd, "basic/proc/drbd", procfs::ParseDrbd(t));
HE_PARSER_BENCH(ParseInterrupts, "basic/proc/interrupts", procfs::ParseInterrupts(t));
HE_PARSER_BENCH(ParseMDStat, "basic/proc/mdstat", procfs::ParseMDStat(t));
HE_PARSER_BENCH(ParseMountStats, "basic/proc/4242/mountstats", procfs::ParseMountStats(t));
HE_PARSER_BENCH(ParseIPVSStats, "basic/proc/net/ip_vs_stats", procfs::ParseIPVSStats(t));
HE_PARSER_BENCH(ParseIPVSBackendStatus, "basic/proc/net/ip_vs", procfs::ParseIPVSBackendStatus(t));
HE_PARSER_BENCH(ParseClientRpcStats, "basic/proc/net/rpc/nfs", procfs::ParseClientRpcStats(t));
HE_PARSER_BENCH(ParseServerRpcStats, "basic/proc/net/rpc/nfsd", procfs::ParseServerRpcStats(t));
HE_PARSER_BENCH(ParseNetStatTable, "basic/proc/net/stat/arp_cache", procfs::ParseNetStatTable(t));
HE_PARSER_BENCH(ParseNetXfrmStat, "basic/proc/net/xfrm_stat", procfs::ParseNetXfrmStat(t));
HE_PARSER_BENCH(ParseNfConntrackValue, "basic/proc/sys/net/netfilter/nf_conntrack_count",
                procfs::ParseNfConntrackValue(t));
HE_PARSER_BENCH(ParseSlabinfo, "basic/proc/slabinfo", procfs::ParseSlabinfo(t));
HE_PARSER_BENCH(ParseSoftirqs, "basic/proc/softirqs", procfs::ParseSoftirqs(t));
HE_PARSER_BENCH(ParseSysctlStrings, "basic/proc/sys/net/ipv4/tcp_available_congestion_control",
                procfs::ParseSysctlStrings(t));
HE_PARSER_BENCH(ParseSysctlInts, "basic/proc/sys/net/ipv4/tcp_rmem", procfs::ParseSysctlInts(t));
HE_PARSER_BENCH(ParseSysctlUint, "basic/proc/sys/kernel/threads-max", procfs::ParseSysctlUint(t));
HE_PARSER_BENCH(ParseZpoolObjset, "basic/proc/spl/kstat/zfs/rpool/objset-0x36", procfs::ParseZpoolObjset(t));
HE_PARSER_BENCH(ParseZpoolState, "basic/proc/spl/kstat/zfs/rpool/state", procfs::ParseZpoolState(t));
HE_PARSER_BENCH(ParseZoneinfo, "basic/proc/zoneinfo", procfs::ParseZoneinfo(t));

// Fields of mountinfo lines (ParseMountInfo calls these per line), an ip_vs
// address, and the /proc/self link target: no file of their own.
HE_LITERAL_BENCH(ParseMountOptions, "rw,nosuid,nodev,noexec,relatime,size=5120k,mode=755,inode64",
                 procfs::ParseMountOptions(t));
HE_LITERAL_BENCH(ParseMajorMinor, "259:2", procfs::ParseMajorMinor(t));
HE_LITERAL_BENCH(ParseIPVSAddress, "0A000A64:0050", procfs::ParseIPVSAddress(t));
HE_LITERAL_BENCH(ParseSelfLink, "4242", procfs::ParseSelfLink(t, "/proc"));
// /proc/<pid>/limits as a 6.1 kernel prints it (no fixture has one).
HE_LITERAL_BENCH(ParsePidLimits,
                 "Limit                     Soft Limit           Hard Limit           Units     \n"
                 "Max cpu time              unlimited            unlimited            seconds   \n"
                 "Max file size             unlimited            unlimited            bytes     \n"
                 "Max data size             unlimited            unlimited            bytes     \n"
                 "Max stack size            8388608              unlimited            bytes     \n"
                 "Max core file size        0                    unlimited            bytes     \n"
                 "Max resident set          unlimited            unlimited            bytes     \n"
                 "Max processes             96365                96365                processes \n"
                 "Max open files            20000                20000                files     \n"
                 "Max locked memory         8388608              8388608              bytes     \n"
                 "Max address space         unlimited            unlimited            bytes     \n"
                 "Max file locks            unlimited            unlimited            locks     \n"
                 "Max pending signals       96365                96365                signals   \n"
                 "Max msgqueue size         819200               819200               bytes     \n"
                 "Max nice priority         0                    0                    \n"
                 "Max realtime priority     0                    0                    \n"
                 "Max realtime timeout      unlimited            unlimited            us        \n",
                 procfs::ParsePidLimits(t));

// The /proc/net/rpc line helpers ParseClientRpcStats and ParseServerRpcStats
// call, on the "<key>" line of a fixture: the words after the key, or their values.
std::vector<std::string_view> RpcFields(std::string_view file, std::string_view key) {
  static std::deque<std::string> texts;  // the views returned point into these; push_back keeps them
  texts.push_back(Fixture(file));
  for (std::string_view line : SplitLines(texts.back())) {
    auto f = SplitFields(line);
    if (!f.empty() && f[0] == key) return {f.begin() + 1, f.end()};
  }
  std::fprintf(stderr, "benchmark input %.*s: no %.*s line\n", static_cast<int>(file.size()), file.data(),
               static_cast<int>(key.size()), key.data());
  std::abort();
}

std::vector<std::uint64_t> RpcValues(std::string_view file, std::string_view key) {
  auto v = procfs::ParseRpcValues(RpcFields(file, key));
  ExpectParsed(v, file);
  return *v;
}

void BM_ParseRpcValues(benchmark::State& state) {
  static const auto fields = RpcFields("basic/proc/net/rpc/nfs", "proc4");
  std::size_t bytes = 0;
  for (std::string_view f : fields) bytes += f.size();
  RunParse(state, "proc4 line", bytes, [] { return procfs::ParseRpcValues(fields); });
}
BENCHMARK(BM_ParseRpcValues);

void BM_ParseRpcNetwork(benchmark::State& state) {
  static const auto v = RpcValues("nfs-old-kernel/proc/net/rpc/nfs", "net");
  RunParse(state, "net line", 0, [] { return procfs::ParseRpcNetwork(v); });
}
BENCHMARK(BM_ParseRpcNetwork);

void BM_ParseNfsV2Stats(benchmark::State& state) {
  static const auto v = RpcValues("nfs-old-kernel/proc/net/rpc/nfs", "proc2");
  RunParse(state, "proc2 line", 0, [] { return procfs::ParseNfsV2Stats(v); });
}
BENCHMARK(BM_ParseNfsV2Stats);

void BM_ParseNfsV3Stats(benchmark::State& state) {
  static const auto v = RpcValues("basic/proc/net/rpc/nfs", "proc3");
  RunParse(state, "proc3 line", 0, [] { return procfs::ParseNfsV3Stats(v); });
}
BENCHMARK(BM_ParseNfsV3Stats);

void BM_ParsePidStat(benchmark::State& state) {
  static const std::string text =
      "1234 (host_exporter) S 1 1234 1234 0 -1 4194560 1234 0 0 0 152 87 0 0 20 0 9 0 3456789 "
      "812345344 4123 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
  ParseLoop(state, "pid stat", text, [](std::string_view t) { return procfs::ParsePidStat(t); });
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
