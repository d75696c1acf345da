#include "host_exporter/sysfs/class_thermal.h"

#include <cerrno>

#include "host_exporter/sysfs/attr.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

std::string Base(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// What node_exporter makes of an error it does not skip: missing or forbidden
// files are "no data"; anything else fails the collector. (Parse errors carry
// no errno.)
Error CollectorError(Error e) {
  if (e.errnum == 0) return e;
  e.kind = (e.kind == ErrorKind::kNotFound || e.IsPermission()) ? ErrorKind::kNoData : ErrorKind::kIo;
  return e;
}

// An optional attribute: absent or forbidden is no value.
bool Unreadable(const Error& e) { return e.kind == ErrorKind::kNotFound || e.IsPermission(); }

Result<ThermalZone> ReadZone(const std::string& dir) {
  auto parse_fail = [](const std::string& path, Error e) { return std::unexpected(InFile(path, std::move(e))); };
  ThermalZone z;
  auto type = ReadSysAttr(dir + "/type");
  if (!type) return std::unexpected(type.error());
  z.type = *type;
  auto policy = ReadSysAttr(dir + "/policy");
  if (!policy) return std::unexpected(policy.error());
  z.policy = *policy;
  auto temp = ReadSysAttr(dir + "/temp");
  if (!temp) return std::unexpected(temp.error());
  auto t = ParseThermalTemp(*temp);
  if (!t) return parse_fail(dir + "/temp", t.error());
  z.temp = *t;

  auto mode = ReadSysAttr(dir + "/mode");
  if (mode) {
    z.mode = ParseThermalMode(*mode);
  } else if (!Unreadable(mode.error())) {
    return std::unexpected(mode.error());
  }
  auto passive = ReadSysAttr(dir + "/passive");
  if (passive) {
    auto p = ParseThermalPassive(*passive);
    if (!p) return parse_fail(dir + "/passive", p.error());
    z.passive = *p;
  } else if (!Unreadable(passive.error())) {
    return std::unexpected(passive.error());
  }
  return z;
}

Result<CoolingDevice> ReadCooling(const std::string& dir) {
  CoolingDevice cd;
  auto type = ReadSysAttr(dir + "/type");
  if (!type) return std::unexpected(type.error());
  cd.type = *type;
  for (auto [file, dst] : {std::pair{"/max_state", &cd.max_state}, std::pair{"/cur_state", &cd.cur_state}}) {
    auto text = ReadSysAttr(dir + file);
    if (!text) return std::unexpected(text.error());
    auto v = ParseCoolingState(*text);
    if (!v) return std::unexpected(InFile(dir + file, v.error()));
    *dst = *v;
  }
  return cd;
}

}  // namespace

Result<std::int64_t> ParseThermalTemp(std::string_view s) { return ParseInt(s); }

std::optional<bool> ParseThermalMode(std::string_view s) {
  if (s == "enabled") return true;
  if (s == "disabled") return false;
  return std::nullopt;
}

Result<std::uint64_t> ParseThermalPassive(std::string_view s) { return ParseUint(s); }

Result<std::int64_t> ParseCoolingState(std::string_view s) { return ParseInt(s); }

Result<std::vector<ThermalZone>> ReadThermalZones(const Paths& paths) {
  std::vector<ThermalZone> out;
  auto dirs = GlobDir(paths.Sys("class/thermal"),
                      [](std::string_view n) { return MatchPrefixDigit(n, "thermal_zone"); });
  for (const auto& dir : dirs) {
    auto z = ReadZone(dir);
    if (!z) {
      const Error& e = z.error();
      // procfs skips zones it cannot open or whose sensor is not answering.
      if (e.errnum != 0 && (e.at_open || e.errnum == ENODATA || e.errnum == EAGAIN || e.errnum == EINVAL)) {
        continue;
      }
      return std::unexpected(CollectorError(e));
    }
    z->name = Base(dir).substr(std::string_view("thermal_zone").size());
    out.push_back(std::move(*z));
  }
  return out;
}

Result<std::vector<CoolingDevice>> ReadCoolingDevices(const Paths& paths) {
  std::vector<CoolingDevice> out;
  auto dirs = GlobDir(paths.Sys("class/thermal"),
                      [](std::string_view n) { return MatchPrefixDigit(n, "cooling_device"); });
  for (const auto& dir : dirs) {
    auto cd = ReadCooling(dir);
    if (!cd) {
      const Error& e = cd.error();
      // procfs's canIgnoreError.
      if (e.errnum != 0 && (e.kind == ErrorKind::kNotFound || e.IsPermission() || e.errnum == EINVAL ||
                            (!e.at_open && e.errnum == EOPNOTSUPP))) {
        continue;
      }
      return std::unexpected(CollectorError(e));
    }
    cd->name = Base(dir).substr(std::string_view("cooling_device").size());
    out.push_back(std::move(*cd));
  }
  return out;
}

}  // namespace host_exporter::sysfs
