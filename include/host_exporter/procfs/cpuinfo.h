// /proc/cpuinfo, per Documentation/filesystems/proc.rst and the per-architecture
// show_cpuinfo() layouts (arch/x86/kernel/cpu/proc.c, arch/arm64/kernel/cpuinfo.c),
// parsed as prometheus/procfs does.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// One "processor" block. Text fields are kept verbatim (everything after the first
// ": "); fields the layout does not have stay empty / 0.
struct CpuInfo {
  std::uint32_t processor = 0;
  std::string vendor_id;
  std::string cpu_family;
  std::string model;
  std::string model_name;
  std::string stepping;
  std::string microcode;
  double cpu_mhz = 0;
  std::string cache_size;
  std::string physical_id;
  std::uint32_t siblings = 0;
  std::string core_id;
  std::uint32_t cpu_cores = 0;
  std::string apicid;
  std::string initial_apicid;
  std::uint32_t cpuid_level = 0;
  std::vector<std::string> flags;  // x86 "flags", arm64 "Features"
  std::vector<std::string> bugs;
  double bogomips = 0;
  std::uint32_t clflush_size = 0;
  std::uint32_t cache_alignment = 0;
  std::string address_sizes;
  std::string power_management;
};

// x86: the first non-empty line must be "processor : N"; every later "processor" line
// starts a block. A numeric field that does not parse is an error.
Result<std::vector<CpuInfo>> ParseCpuInfoX86(std::string_view text);
// arm/arm64: starts with "processor : N", or (32-bit ARM) "Processor : <model>" shared by
// all CPUs; "Features" becomes every CPU's flags and is required.
Result<std::vector<CpuInfo>> ParseCpuInfoArm(std::string_view text);
// The layout of the architecture this binary was built for, as procfs picks it at build
// time (x86 elsewhere).
Result<std::vector<CpuInfo>> ParseCpuInfo(std::string_view text);
Result<std::vector<CpuInfo>> ReadCpuInfo(const Paths& paths);

}  // namespace host_exporter::procfs
