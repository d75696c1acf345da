#include "host_exporter/sysfs/class_watchdog.h"

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr.h"

namespace host_exporter::sysfs {
namespace {

Error WatchdogError(Error out, std::string prefix) {
  if (out.IsPermission()) out.kind = ErrorKind::kNoData;
  out.message = std::move(prefix) + out.message;
  return out;
}

}  // namespace

Status SetWatchdogAttribute(Watchdog& wd, std::string_view attr, std::string_view value) {
  using Num = std::optional<std::int64_t> Watchdog::*;
  using Text = std::optional<std::string> Watchdog::*;
  static constexpr std::pair<std::string_view, Num> kNumbers[] = {
      {"bootstatus", &Watchdog::bootstatus}, {"fw_version", &Watchdog::fw_version},
      {"nowayout", &Watchdog::nowayout},     {"timeleft", &Watchdog::timeleft},
      {"timeout", &Watchdog::timeout},       {"pretimeout", &Watchdog::pretimeout},
      {"access_cs0", &Watchdog::access_cs0}};
  static constexpr std::pair<std::string_view, Text> kTexts[] = {
      {"options", &Watchdog::options},
      {"identity", &Watchdog::identity},
      {"state", &Watchdog::state},
      {"status", &Watchdog::status},
      {"pretimeout_governor", &Watchdog::pretimeout_governor}};
  for (const auto& [name, field] : kNumbers) {
    if (name != attr) continue;
    auto v = ParseSysInt64(value);
    if (!v) return std::unexpected(v.error());
    wd.*field = *v;
    return {};
  }
  for (const auto& [name, field] : kTexts) {
    if (name == attr) wd.*field = std::string(value);
  }
  return {};
}

Result<Watchdog> ParseWatchdog(std::string name,
                               const std::vector<std::pair<std::string, std::string>>& attrs) {
  Watchdog wd;
  wd.name = std::move(name);
  for (const auto& [attr, value] : attrs) {
    if (auto s = SetWatchdogAttribute(wd, attr, value); !s) return std::unexpected(InFile(attr, s.error()));
  }
  return wd;
}

Result<std::vector<Watchdog>> ReadWatchdogs(const Paths& paths) {
  std::string dir = paths.Sys("class/watchdog");
  auto entries = ReadDir(dir);
  if (!entries) return std::unexpected(WatchdogError(entries.error(), "failed to list watchdog devices: "));
  std::vector<Watchdog> out;
  for (const auto& entry : *entries) {
    Watchdog wd;
    wd.name = entry.name;
    for (std::string_view attr : kWatchdogAttributes) {
      std::string path = dir + "/" + entry.name + "/" + std::string(attr);
      auto value = ReadSysAttr(path);
      if (!value) {
        if (value.error().kind == ErrorKind::kNotFound) continue;
        return std::unexpected(WatchdogError(value.error(), "failed to read file: "));
      }
      if (auto s = SetWatchdogAttribute(wd, attr, *value); !s) {
        return std::unexpected(InFile(path, s.error()));
      }
    }
    out.push_back(std::move(wd));
  }
  return out;
}

}  // namespace host_exporter::sysfs
