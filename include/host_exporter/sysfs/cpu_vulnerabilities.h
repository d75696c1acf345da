// /sys/devices/system/cpu/vulnerabilities/*, per
// Documentation/ABI/testing/sysfs-devices-system-cpu ("vulnerabilities"), classified as
// prometheus/procfs does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

enum class VulnerabilityState { kNotAffected, kVulnerable, kMitigation, kUnknown };

// "not affected", "vulnerable", "mitigation", "unknown" (procfs's VulnerabilityHumanEncoding).
std::string_view VulnerabilityStateName(VulnerabilityState s);

struct Vulnerability {
  std::string codename;  // the file name
  VulnerabilityState state = VulnerabilityState::kUnknown;
  std::string mitigation;  // the words after the state word, single-spaced
};

// One file's content. The state is the case-insensitive prefix; content that starts
// with none of them is state unknown with the whole (trimmed) text as mitigation.
Vulnerability ParseVulnerability(std::string_view codename, std::string_view text);

// Every file in the directory, sorted by name. A missing or unreadable directory gives
// an empty list (procfs globs it); an unreadable file is an error naming it.
Result<std::vector<Vulnerability>> ReadCpuVulnerabilities(const Paths& paths);

}  // namespace host_exporter::sysfs
