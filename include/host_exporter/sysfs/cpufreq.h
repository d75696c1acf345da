// /sys/devices/system/cpu/cpuN/cpufreq, per Documentation/admin-guide/pm/cpufreq.rst
// ("policy attributes"), read as prometheus/procfs's SystemCpufreq does.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

// One CPU's policy attributes, frequencies in kHz. A numeric attribute that is missing
// or unreadable for lack of permission is unset; the text attributes are required.
struct Cpufreq {
  std::string cpu;  // "0" for cpu0
  std::optional<std::uint64_t> cpuinfo_cur_freq;
  std::optional<std::uint64_t> cpuinfo_max_freq;
  std::optional<std::uint64_t> cpuinfo_min_freq;
  std::optional<std::uint64_t> cpuinfo_transition_latency;
  std::optional<std::uint64_t> scaling_cur_freq;
  std::optional<std::uint64_t> scaling_max_freq;
  std::optional<std::uint64_t> scaling_min_freq;
  std::string scaling_available_governors;
  std::string scaling_driver;
  std::string scaling_governor;
  std::string related_cpus;
  std::string scaling_setspeed;
};

// Parses one numeric attribute's content (surrounding whitespace allowed).
Result<std::uint64_t> ParseCpufreqValue(std::string_view text);

// Every cpuN with a cpufreq directory, skipping the CPUs listed in
// devices/system/cpu/offline. The offline file is required (kNotFound without it); no
// online cpuN at all is kNotFound; CPUs without a cpufreq directory are left out.
// Errors name the file.
Result<std::vector<Cpufreq>> ReadSystemCpufreq(const Paths& paths);

}  // namespace host_exporter::sysfs
