// /proc/sys/<name with '.' as '/'> (Documentation/admin-guide/sysctl/), read as
// prometheus/procfs's SysctlStrings/SysctlInts do (proc_sys.go) and as
// node_exporter's readUintFromFile reads a single number.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// "kernel.seccomp.actions_avail" -> "sys/kernel/seccomp/actions_avail" (relative to procfs).
std::string SysctlPath(std::string_view name);

// Pure. The value split on whitespace.
std::vector<std::string> ParseSysctlStrings(std::string_view value);
// Pure. Each field an integer in Go's base-0 syntax ("0x10", "-1"); the error
// names the field's index.
Result<std::vector<std::int64_t>> ParseSysctlInts(std::string_view value);

// One read of at most 128 bytes, as procfs's util.SysReadFile (longer values are cut).
Result<std::vector<std::string>> ReadSysctlStrings(const Paths& paths, std::string_view name);
Result<std::vector<std::int64_t>> ReadSysctlInts(const Paths& paths, std::string_view name);

// Pure. A whole file holding one decimal uint64, surrounding whitespace allowed.
Result<std::uint64_t> ParseSysctlUint(std::string_view text);
// /proc/<rel> (e.g. "sys/kernel/pid_max") read whole and parsed with ParseSysctlUint.
Result<std::uint64_t> ReadSysctlUint(const Paths& paths, std::string_view rel);

}  // namespace host_exporter::procfs
