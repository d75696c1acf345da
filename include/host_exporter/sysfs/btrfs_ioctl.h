// Per-device btrfs statistics from the BTRFS_IOC_FS_INFO, BTRFS_IOC_DEV_INFO and
// BTRFS_IOC_GET_DEV_STATS ioctls (include/uapi/linux/btrfs.h) on mounted btrfs
// filesystems found in /proc/1/mountinfo, as node_exporter's btrfs collector
// does through github.com/dennwc/btrfs. The ioctls sit behind BtrfsIoctl so
// tests can feed values.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

using BtrfsId = std::array<std::uint8_t, 16>;

struct BtrfsFsInfo {
  std::uint64_t max_id = 0;
  std::uint64_t num_devices = 0;
  BtrfsId fsid{};
};

struct BtrfsDevInfo {
  std::string path;  // "/dev/sda1"
  BtrfsId uuid{};
  std::uint64_t bytes_used = 0;
  std::uint64_t total_bytes = 0;
};

struct BtrfsDevStats {
  std::uint64_t write_errs = 0;
  std::uint64_t read_errs = 0;
  std::uint64_t flush_errs = 0;
  std::uint64_t corruption_errs = 0;
  std::uint64_t generation_errs = 0;
};

// The ioctl seam. Handles are file descriptors for the real implementation.
// Thread safety: implementations must be safe to call from any thread.
class BtrfsIoctl {
 public:
  virtual ~BtrfsIoctl() = default;
  // Opens a btrfs subvolume root read-only; fails for anything else.
  virtual Result<int> Open(const std::string& path) const = 0;
  virtual void Close(int handle) const = 0;
  virtual Result<BtrfsFsInfo> FsInfo(int handle) const = 0;
  // nullopt: no device with this id (ENODEV; ids need not be contiguous).
  virtual Result<std::optional<BtrfsDevInfo>> DevInfo(int handle, std::uint64_t devid) const = 0;
  virtual Result<BtrfsDevStats> DevStats(int handle, std::uint64_t devid) const = 0;
};

const BtrfsIoctl& RealBtrfsIoctl();
// The implementation in use on this thread: the real one unless overridden.
const BtrfsIoctl& CurrentBtrfsIoctl();

// Replaces this thread's BtrfsIoctl while alive (tests).
class ScopedBtrfsIoctlOverride {
 public:
  explicit ScopedBtrfsIoctlOverride(const BtrfsIoctl& fake);
  ~ScopedBtrfsIoctlOverride();
  ScopedBtrfsIoctlOverride(const ScopedBtrfsIoctlOverride&) = delete;
  ScopedBtrfsIoctlOverride& operator=(const ScopedBtrfsIoctlOverride&) = delete;

 private:
  const BtrfsIoctl* previous_;
};

// dennwc/btrfs's spellings: a device UUID is dashed lowercase hex ("<zero>" when
// all zero); a filesystem id is 32 hex digits.
std::string FormatBtrfsDevUuid(const BtrfsId& id);
std::string FormatBtrfsFsid(const BtrfsId& id);

struct BtrfsIoctlDevice {
  std::string path;
  std::string uuid;
  std::uint64_t bytes_used = 0;
  std::uint64_t total_bytes = 0;
  BtrfsDevStats stats;
};
// Devices per filesystem id (FormatBtrfsFsid).
using BtrfsIoctlStats = std::map<std::string, std::vector<BtrfsIoctlDevice>>;

// Reads the mount table (procfs::ReadMountPoints) and queries every
// btrfs mount once per filesystem, opening it under --path.rootfs. Mounts that
// cannot be opened or queried are skipped (debug log); only an unreadable or
// malformed mount table is an error.
Result<BtrfsIoctlStats> ReadBtrfsIoctlStats(const Paths& paths, const BtrfsIoctl& ioctl);

}  // namespace host_exporter::sysfs
