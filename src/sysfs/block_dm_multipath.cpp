#include "host_exporter/sysfs/block_dm_multipath.h"

#include "host_exporter/file.h"
#include "host_exporter/sysfs/attr_read.h"

namespace host_exporter::sysfs {
namespace {

Error For(const std::string& what, const std::string& dev, Error e) {
  e.message = "failed to read " + what + " for " + dev + ": " + e.message;
  return e;
}

}  // namespace

Result<std::vector<DMMultipathDevice>> ReadDMMultipathDevices(const Paths& paths) {
  std::string block = paths.Sys("block");
  auto entries = ListDir(block);
  if (!entries) return std::unexpected(entries.error());
  std::vector<DMMultipathDevice> out;
  for (const std::string& e : *entries) {
    if (!e.starts_with("dm-")) continue;
    std::string dir = Paths::Join(block, e);
    auto uuid = SysReadFile(Paths::Join(dir, "dm/uuid"));
    if (!uuid) {
      if (uuid.error().kind == ErrorKind::kNotFound) continue;  // not a device-mapper device
      return std::unexpected(For("dm/uuid", e, uuid.error()));
    }
    if (!uuid->starts_with("mpath-")) continue;
    DMMultipathDevice d;
    d.sysfs_name = e;
    d.uuid = std::move(*uuid);
    auto name = SysReadFile(Paths::Join(dir, "dm/name"));
    if (!name) return std::unexpected(For("dm/name", e, name.error()));
    d.name = std::move(*name);
    auto suspended = ReadUint(Paths::Join(dir, "dm/suspended"));
    if (!suspended) return std::unexpected(For("dm/suspended", e, suspended.error()));
    d.suspended = *suspended == 1;
    auto sectors = ReadUint(Paths::Join(dir, "size"));
    if (!sectors) return std::unexpected(For("size", e, sectors.error()));
    d.size_bytes = *sectors * 512;

    std::string slaves = Paths::Join(dir, "slaves");
    auto members = ListDir(slaves);
    if (!members) {
      // No slaves/ means no paths; anything else (slaves/ not a directory) is an error.
      if (members.error().kind != ErrorKind::kNotFound) return std::unexpected(members.error());
      if (PathExists(slaves)) return Fail(ErrorKind::kIo, members.error().message);
      members = std::vector<std::string>{};
    }
    for (const std::string& m : *members) {
      auto state = SysReadFile(Paths::Join(block, m + "/device/state"));
      if (!state) return std::unexpected(For("device/state", m, state.error()));
      d.paths.push_back(DMMultipathPath{m, std::move(*state)});
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace host_exporter::sysfs
