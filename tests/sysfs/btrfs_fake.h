// A scripted BtrfsIoctl for tests: two filesystems, the second with a hole in
// its device ids, mounted at "/" (+"/home") and "/srv/bulk store" under rootfs.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "host_exporter/sysfs/btrfs_ioctl.h"

namespace host_exporter::testing {

class FakeBtrfs final : public sysfs::BtrfsIoctl {
 public:
  mutable std::vector<std::string> opened;
  mutable int closed = 0;

  Result<int> Open(const std::string& path) const override {
    opened.push_back(path);
    if (path.ends_with("/srv/bulk store")) return 2;
    if (path.ends_with("/rootfs")) return 1;
    return Fail(ErrorKind::kIo, "not a btrfs filesystem: " + path);
  }
  void Close(int) const override { ++closed; }
  Result<sysfs::BtrfsFsInfo> FsInfo(int h) const override {
    sysfs::BtrfsFsInfo i;
    if (h == 1) {
      i.max_id = 1;
      i.num_devices = 1;
      i.fsid = {0xc3, 0xa1, 0xe5, 0x8f, 0x2b, 0x4d, 0x4f, 0x6a,
                0x9e, 0x71, 0x0d, 0x8b, 0x5c, 0x2f, 0x4a, 0x96};
    } else {
      i.max_id = 4;
      i.num_devices = 3;
      i.fsid = {0x7f, 0x07, 0xc5, 0x9f, 0x61, 0x36, 0x44, 0x9c,
                0xab, 0x87, 0xe1, 0xcf, 0x23, 0x28, 0x73, 0x1b};
    }
    return i;
  }
  Result<std::optional<sysfs::BtrfsDevInfo>> DevInfo(int h, std::uint64_t id) const override {
    static const std::map<std::pair<int, std::uint64_t>, std::string> kDevs = {
        {{1, 1}, "/dev/nvme0n1p3"}, {{2, 1}, "/dev/sdb"}, {{2, 3}, "/dev/sdc"}, {{2, 4}, "/dev/sdd"}};
    auto it = kDevs.find({h, id});
    if (it == kDevs.end()) return std::optional<sysfs::BtrfsDevInfo>();
    sysfs::BtrfsDevInfo d;
    d.path = it->second;
    d.uuid = {0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88,
              0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff, static_cast<std::uint8_t>(id)};
    d.total_bytes = h == 1 ? 500107862016ULL : 4000787030016ULL;
    d.bytes_used = h == 1 ? 211527139328ULL : 500000000000ULL * id;
    return std::optional<sysfs::BtrfsDevInfo>(d);
  }
  Result<sysfs::BtrfsDevStats> DevStats(int h, std::uint64_t id) const override {
    sysfs::BtrfsDevStats s;
    if (h == 2) {
      s.read_errs = id;
      s.corruption_errs = id == 3 ? 7 : 0;
    }
    return s;
  }
};

}  // namespace host_exporter::testing
