#include "host_exporter/sysfs/class_thermal.h"

#include <cerrno>

#include "host_exporter/sysfs/class_dir.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

// Why reading one device failed: a system error (kept to classify it) or a parse error.
struct DeviceError {
  bool sys = false;
  SysErr err;
  Error parse;
};

bool HasPrefixThenDigit(std::string_view name, std::string_view prefix) {
  return name.size() > prefix.size() && name.starts_with(prefix) && name[prefix.size()] >= '0' &&
         name[prefix.size()] <= '9';
}

std::string Base(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// What node_exporter makes of an error it does not skip: missing or forbidden
// files are "no data"; anything else fails the collector.
Error CollectorError(const DeviceError& e) {
  if (!e.sys) return e.parse;
  Error out = e.err.ToError();
  out.kind = (e.err.NotExist() || e.err.Permission()) ? ErrorKind::kNoData : ErrorKind::kIo;
  return out;
}

std::expected<ThermalZone, DeviceError> ReadZone(const std::string& dir) {
  auto sys_fail = [](SysErr e) { return std::unexpected(DeviceError{true, std::move(e), {}}); };
  auto parse_fail = [](const std::string& path, Error e) {
    return std::unexpected(DeviceError{false, {}, InFile(path, std::move(e))});
  };
  ThermalZone z;
  auto type = ReadAttr(dir + "/type");
  if (!type) return sys_fail(type.error());
  z.type = *type;
  auto policy = ReadAttr(dir + "/policy");
  if (!policy) return sys_fail(policy.error());
  z.policy = *policy;
  auto temp = ReadAttr(dir + "/temp");
  if (!temp) return sys_fail(temp.error());
  auto t = ParseThermalTemp(*temp);
  if (!t) return parse_fail(dir + "/temp", t.error());
  z.temp = *t;

  auto mode = ReadAttr(dir + "/mode");
  if (mode) {
    z.mode = ParseThermalMode(*mode);
  } else if (!mode.error().NotExist() && !mode.error().Permission()) {
    return sys_fail(mode.error());
  }
  auto passive = ReadAttr(dir + "/passive");
  if (passive) {
    auto p = ParseThermalPassive(*passive);
    if (!p) return parse_fail(dir + "/passive", p.error());
    z.passive = *p;
  } else if (!passive.error().NotExist() && !passive.error().Permission()) {
    return sys_fail(passive.error());
  }
  return z;
}

std::expected<CoolingDevice, DeviceError> ReadCooling(const std::string& dir) {
  auto sys_fail = [](SysErr e) { return std::unexpected(DeviceError{true, std::move(e), {}}); };
  CoolingDevice cd;
  auto type = ReadAttr(dir + "/type");
  if (!type) return sys_fail(type.error());
  cd.type = *type;
  for (auto [file, dst] : {std::pair{"/max_state", &cd.max_state}, std::pair{"/cur_state", &cd.cur_state}}) {
    auto text = ReadAttr(dir + file);
    if (!text) return sys_fail(text.error());
    auto v = ParseCoolingState(*text);
    if (!v) return std::unexpected(DeviceError{false, {}, InFile(dir + file, v.error())});
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
                      [](std::string_view n) { return HasPrefixThenDigit(n, "thermal_zone"); });
  for (const auto& dir : dirs) {
    auto z = ReadZone(dir);
    if (!z) {
      const DeviceError& e = z.error();
      // procfs skips zones it cannot open or whose sensor is not answering.
      if (e.sys &&
          (e.err.at_open || e.err.errnum == ENODATA || e.err.errnum == EAGAIN || e.err.errnum == EINVAL)) {
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
                      [](std::string_view n) { return HasPrefixThenDigit(n, "cooling_device"); });
  for (const auto& dir : dirs) {
    auto cd = ReadCooling(dir);
    if (!cd) {
      const DeviceError& e = cd.error();
      // procfs's canIgnoreError.
      if (e.sys && (e.err.NotExist() || e.err.Permission() || e.err.errnum == EINVAL ||
                    (!e.err.at_open && e.err.errnum == EOPNOTSUPP))) {
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
