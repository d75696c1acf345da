// SELinux state as node_exporter's selinux collector sees it through go-selinux:
// selinuxfs (<sysfs>/fs/selinux/{enforce,avc/cache_stats,avc/hash_stats,avc/cache_threshold},
// formats of security/selinux/selinuxfs.c and avc.c), the process label
// (<procfs>/self/attr/current) and the configured mode (<rootfs>/etc/selinux/config,
// selinux_config(5)). Unlike go-selinux, every path honours --path.sysfs/procfs/rootfs.
#pragma once

#include <cstdint>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct AvcCacheStats {  // summed over the per-CPU rows
  std::uint64_t lookups = 0, hits = 0, misses = 0, allocations = 0, reclaims = 0, frees = 0;
};

struct AvcHashStats {
  std::uint64_t entries = 0, buckets_used = 0, buckets_available = 0, longest_chain = 0;
};

// Pure. The first line is a header; each later line must hold exactly six
// numbers (Go's ParseUint base 0: a leading 0 means octal).
Result<AvcCacheStats> ParseAvcCacheStats(std::string_view text);
// Pure. "entries: N\nbuckets used: U/A\nlongest chain: L\n".
Result<AvcHashStats> ParseAvcHashStats(std::string_view text);
// Pure. SELINUX= in /etc/selinux/config: enforcing 1, permissive 0, else -1.
int ParseSelinuxConfigMode(std::string_view text);
// Pure. selinuxfs "enforce" (the kernel writes no newline): the number, or -1.
int ParseSelinuxEnforce(std::string_view text);

// go-selinux's GetEnabled: selinuxfs is present (here: <sysfs>/fs/selinux/enforce
// exists) and this process's label is not "kernel" (no policy loaded).
bool SelinuxEnabled(const Paths& paths);
// DefaultEnforceMode / EnforceMode: -1 when the file cannot be read.
int ReadSelinuxConfigMode(const Paths& paths);
int ReadSelinuxCurrentMode(const Paths& paths);

// Errors: kIo (a missing file included: node_exporter fails then), kParse naming the file.
Result<AvcCacheStats> ReadAvcCacheStats(const Paths& paths);
Result<AvcHashStats> ReadAvcHashStats(const Paths& paths);
Result<std::uint64_t> ReadAvcCacheThreshold(const Paths& paths);

}  // namespace host_exporter::sysfs
