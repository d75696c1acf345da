#include "host_exporter/sysfs/cpufreq.h"

#include <algorithm>
#include <cerrno>

#include "host_exporter/file.h"
#include "host_exporter/sysfs/system_cpu.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

// procfs skips numeric attributes it may not read (cpuinfo_cur_freq is root-only).
bool IsMissingOrDenied(const Error& e) {
  return e.kind == ErrorKind::kNotFound || e.errnum == EACCES || e.errnum == EPERM;
}

Result<Cpufreq> ReadOne(const std::string& dir, std::string cpu) {
  Cpufreq out;
  out.cpu = std::move(cpu);
  struct Num {
    const char* name;
    std::optional<std::uint64_t>* dst;
  };
  const Num nums[] = {
      {"cpuinfo_cur_freq", &out.cpuinfo_cur_freq},
      {"cpuinfo_max_freq", &out.cpuinfo_max_freq},
      {"cpuinfo_min_freq", &out.cpuinfo_min_freq},
      {"cpuinfo_transition_latency", &out.cpuinfo_transition_latency},
      {"scaling_cur_freq", &out.scaling_cur_freq},
      {"scaling_max_freq", &out.scaling_max_freq},
      {"scaling_min_freq", &out.scaling_min_freq},
  };
  for (const Num& n : nums) {
    std::string path = Paths::Join(dir, n.name);
    auto text = ReadFile(path, 1 << 16);
    if (!text) {
      if (IsMissingOrDenied(text.error())) continue;
      return std::unexpected(text.error());
    }
    auto v = ParseCpufreqValue(*text);
    if (!v) return std::unexpected(InFile(path, v.error()));
    *n.dst = *v;
  }
  struct Str {
    const char* name;
    std::string* dst;
  };
  const Str strs[] = {
      {"scaling_available_governors", &out.scaling_available_governors},
      {"scaling_driver", &out.scaling_driver},
      {"scaling_governor", &out.scaling_governor},
      {"related_cpus", &out.related_cpus},
      {"scaling_setspeed", &out.scaling_setspeed},
  };
  for (const Str& s : strs) {
    auto text = ReadTrimmed(Paths::Join(dir, s.name));
    if (!text) return std::unexpected(text.error());
    *s.dst = std::move(*text);
  }
  return out;
}

}  // namespace

Result<std::uint64_t> ParseCpufreqValue(std::string_view text) { return ParseUint(Trim(text)); }

Result<std::vector<Cpufreq>> ReadSystemCpufreq(const Paths& paths) {
  std::vector<std::string> cpus = ListCpuDirs(paths);
  auto offline = ReadOfflineCpus(paths);
  if (!offline) return std::unexpected(offline.error());

  std::vector<Cpufreq> out;
  std::size_t considered = 0;
  for (const std::string& cpu : cpus) {
    std::string_view number = CpuNumber(cpu);
    if (!offline->empty()) {
      auto n = ParseInt(number);
      if (!n) return ParseFail("cpu directory name \"" + cpu + "\" is not cpu<number>");
      auto id = static_cast<std::uint16_t>(*n);
      if (std::find(offline->begin(), offline->end(), id) != offline->end()) continue;
    }
    ++considered;
    std::string dir = paths.Sys("devices/system/cpu/" + cpu + "/cpufreq");
    if (!PathExists(dir)) continue;  // no cpufreq driver for this CPU
    auto one = ReadOne(dir, std::string(number));
    if (!one) return std::unexpected(one.error());
    out.push_back(std::move(*one));
  }
  // As procfs: only "no online CPU at all" is an error; CPUs without a cpufreq
  // directory just contribute nothing.
  if (considered == 0) {
    return Fail(ErrorKind::kNotFound,
                "could not find any cpufreq files in " + paths.Sys("devices/system/cpu"));
  }
  return out;
}

}  // namespace host_exporter::sysfs
