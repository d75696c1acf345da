// Device-mapper multipath maps in /sys/block/dm-* (dm/uuid "mpath-...", dm/name,
// dm/suspended, size, slaves/ and each slave's device/state), read as
// prometheus/procfs's blockdevice.DMMultipathDevices.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct DMMultipathPath {
  std::string device;  // sdi
  std::string state;   // /sys/block/<device>/device/state: running, offline, live, ...
};

struct DMMultipathDevice {
  std::string name;        // dm/name: mpatha
  std::string sysfs_name;  // dm-5
  std::string uuid;        // mpath-3600...
  bool suspended = false;
  std::uint64_t size_bytes = 0;  // size (512-byte sectors) * 512
  std::vector<DMMultipathPath> paths;
};

// Maps whose dm/uuid starts with "mpath-", sorted by kernel name; dm devices
// without dm/uuid are skipped. Other missing files are ErrorKind::kNotFound.
Result<std::vector<DMMultipathDevice>> ReadDMMultipathDevices(const Paths& paths);

}  // namespace host_exporter::sysfs
