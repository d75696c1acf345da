#include "host_exporter/sysfs/clocksource.h"

#include "host_exporter/file.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {

ClockSource ParseClockSource(std::string_view available, std::string_view current) {
  ClockSource cs;
  for (std::string_view f : SplitFields(available)) cs.available.emplace_back(f);
  cs.current = std::string(Trim(current));
  return cs;
}

Result<std::vector<ClockSource>> ReadClockSources(const Paths& paths) {
  std::string dir = paths.Sys("devices/system/clocksource");
  std::vector<ClockSource> out;
  auto names = ListDir(dir);
  // filepath.Glob ignores a directory it cannot open: nothing matches.
  if (!names) return out;
  constexpr std::string_view kPrefix = "clocksource";
  for (const std::string& name : *names) {
    if (!name.starts_with(kPrefix) || name.size() == kPrefix.size()) continue;
    char c = name[kPrefix.size()];
    if (c < '0' || c > '9') continue;
    std::string base = Paths::Join(dir, name);
    auto available = ReadFile(Paths::Join(base, "available_clocksource"));
    if (!available) return std::unexpected(available.error());
    auto current = ReadFile(Paths::Join(base, "current_clocksource"));
    if (!current) return std::unexpected(current.error());
    ClockSource cs = ParseClockSource(*available, *current);
    cs.name = name.substr(kPrefix.size());
    out.push_back(std::move(cs));
  }
  return out;
}

}  // namespace host_exporter::sysfs
