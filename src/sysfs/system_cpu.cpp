#include "host_exporter/sysfs/system_cpu.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

std::string CpuPath(const Paths& paths, std::string_view cpu, std::string_view rel) {
  std::string p = "devices/system/cpu/";
  p += cpu;
  p += '/';
  p += rel;
  return paths.Sys(p);
}

Result<std::uint16_t> ParseCpuNumber(std::string_view s, std::string_view what) {
  auto v = ParseInt(s);
  if (!v) return ParseFail("invalid cpu " + std::string(what) + " \"" + std::string(s) + "\"");
  return static_cast<std::uint16_t>(*v);
}

Result<std::vector<std::uint16_t>> ReadCpuListFile(const std::string& path) {
  auto text = ReadFile(path, 1 << 20);
  if (!text) return std::unexpected(text.error());
  auto list = ParseCpuList(*text);
  if (!list) return std::unexpected(InFile(path, list.error()));
  return list;
}

}  // namespace

Result<std::vector<std::uint16_t>> ParseCpuList(std::string_view text) {
  if (text.ends_with('\n')) text.remove_suffix(1);
  std::vector<std::uint16_t> out;
  for (std::string_view item : Split(text, ',')) {
    if (item.empty()) continue;
    if (item.find('-') == std::string_view::npos) {
      auto n = ParseCpuNumber(item, "number");
      if (!n) return std::unexpected(n.error());
      out.push_back(*n);
      continue;
    }
    auto bounds = Split(item, '-');
    if (bounds.size() != 2) return ParseFail("invalid cpu range \"" + std::string(item) + "\"");
    auto first = ParseInt(bounds[0]);
    if (!first) return ParseFail("invalid cpu start range \"" + std::string(item) + "\"");
    auto last = ParseInt(bounds[1]);
    if (!last) return ParseFail("invalid cpu end range \"" + std::string(item) + "\"");
    if (*last - *first > 65536) return ParseFail("cpu range too large \"" + std::string(item) + "\"");
    for (std::int64_t i = *first; i <= *last; ++i) out.push_back(static_cast<std::uint16_t>(i));
  }
  return out;
}

std::vector<std::string> ListCpuDirs(const Paths& paths) {
  auto names = ListDir(paths.Sys("devices/system/cpu"));
  // procfs globs cpu[0-9]*, and a glob reports an unreadable directory as no match.
  if (!names) return {};
  std::vector<std::string> out;
  for (auto& n : *names) {
    if (n.size() > 3 && n.starts_with("cpu") && n[3] >= '0' && n[3] <= '9') out.push_back(std::move(n));
  }
  return out;
}

Result<std::vector<std::uint16_t>> ReadIsolatedCpus(const Paths& paths) {
  return ReadCpuListFile(paths.Sys("devices/system/cpu/isolated"));
}

Result<std::vector<std::uint16_t>> ReadOfflineCpus(const Paths& paths) {
  return ReadCpuListFile(paths.Sys("devices/system/cpu/offline"));
}

Result<bool> ReadCpuOnline(const Paths& paths, std::string_view cpu) {
  auto text = ReadTrimmed(CpuPath(paths, cpu, "online"));
  if (!text) return std::unexpected(text.error());
  return *text == "1";
}

Result<CpuThrottleSource> ReadCpuTopology(const Paths& paths, std::string_view cpu) {
  auto package = ReadUint(CpuPath(paths, cpu, "topology/physical_package_id"));
  if (!package) return std::unexpected(package.error());
  auto core = ReadUint(CpuPath(paths, cpu, "topology/core_id"));
  if (!core) return std::unexpected(core.error());
  return CpuThrottleSource{*package, *core};
}

Result<std::uint64_t> ReadCoreThrottleCount(const Paths& paths, std::string_view cpu) {
  return ReadUint(CpuPath(paths, cpu, "thermal_throttle/core_throttle_count"));
}

Result<std::uint64_t> ReadPackageThrottleCount(const Paths& paths, std::string_view cpu) {
  return ReadUint(CpuPath(paths, cpu, "thermal_throttle/package_throttle_count"));
}

std::string_view CpuNumber(std::string_view cpu_dir) {
  if (cpu_dir.starts_with("cpu")) cpu_dir.remove_prefix(3);
  return cpu_dir;
}

}  // namespace host_exporter::sysfs
