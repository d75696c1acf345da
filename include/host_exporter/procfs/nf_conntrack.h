// Netfilter connection tracking: /proc/sys/net/netfilter/nf_conntrack_{count,max}
// (Documentation/networking/nf_conntrack-sysctl.rst) and the per-CPU statistics in
// /proc/net/stat/nf_conntrack (net/netfilter/nf_conntrack_standalone.c, ct_cpu_seq_show).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// One CPU's line of /proc/net/stat/nf_conntrack (all fields hexadecimal).
struct NfConntrackStatEntry {
  std::uint64_t entries = 0;
  std::uint64_t searched = 0;
  std::uint64_t found = 0;
  std::uint64_t new_ = 0;
  std::uint64_t invalid = 0;
  std::uint64_t ignore = 0;
  std::uint64_t delete_ = 0;
  std::uint64_t delete_list = 0;
  std::uint64_t insert = 0;
  std::uint64_t insert_failed = 0;
  std::uint64_t drop = 0;
  std::uint64_t early_drop = 0;
  std::uint64_t search_restart = 0;  // 0 before Linux 2.6.35 (16-field lines)
};

// The header line is skipped; every other line must have 16 or 17 hex fields,
// as prometheus/procfs requires.
Result<std::vector<NfConntrackStatEntry>> ParseNfConntrackStat(std::string_view text);
Result<std::vector<NfConntrackStatEntry>> ReadNfConntrackStat(const Paths& paths);

// nf_conntrack_count / nf_conntrack_max: one decimal integer.
Result<std::uint64_t> ParseNfConntrackValue(std::string_view text);
// A missing file (module not loaded) is kNotFound.
Result<std::uint64_t> ReadNfConntrackCount(const Paths& paths);
Result<std::uint64_t> ReadNfConntrackMax(const Paths& paths);

}  // namespace host_exporter::procfs
