#include "host_exporter/sysfs/btrfs_ioctl.h"

#include <fcntl.h>
#include <linux/btrfs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <set>

#include "host_exporter/file.h"
#include "host_exporter/log.h"
#include "host_exporter/procfs/mountinfo.h"
#include "host_exporter/text.h"

namespace host_exporter::sysfs {
namespace {

constexpr long kBtrfsSuperMagic = 0x9123683E;
constexpr ino_t kFirstFreeObjectId = 256;  // a subvolume root's inode number

Error Errno(std::string_view what, const std::string& path, int err) {
  return Error{ErrorKind::kIo, std::string(what) + " " + path + ": " + std::strerror(err), err};
}

int RetryIoctl(int fd, unsigned long req, void* arg) {
  int rc;
  do {
    rc = ::ioctl(fd, req, arg);
  } while (rc < 0 && errno == EINTR);
  return rc;
}

class RealIoctl final : public BtrfsIoctl {
 public:
  Result<int> Open(const std::string& path) const override {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return std::unexpected(Errno("stat", path, errno));
    if (st.st_ino != kFirstFreeObjectId || !S_ISDIR(st.st_mode)) {
      return Fail(ErrorKind::kIo, "not a btrfs filesystem: " + path);
    }
    struct statfs sfs;
    if (::statfs(path.c_str(), &sfs) != 0) return std::unexpected(Errno("statfs", path, errno));
    if (static_cast<long>(sfs.f_type) != kBtrfsSuperMagic) {
      return Fail(ErrorKind::kIo, "not a btrfs filesystem: " + path);
    }
    int fd;
    do {
      fd = ::open(path.c_str(), O_RDONLY | O_NOATIME | O_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) return std::unexpected(Errno("open", path, errno));
    return fd;
  }

  void Close(int handle) const override { ::close(handle); }

  Result<BtrfsFsInfo> FsInfo(int fd) const override {
    btrfs_ioctl_fs_info_args args{};
    if (RetryIoctl(fd, BTRFS_IOC_FS_INFO, &args) != 0) {
      return std::unexpected(Errno("BTRFS_IOC_FS_INFO", "", errno));
    }
    BtrfsFsInfo out;
    out.max_id = args.max_id;
    out.num_devices = args.num_devices;
    std::memcpy(out.fsid.data(), args.fsid, out.fsid.size());
    return out;
  }

  Result<std::optional<BtrfsDevInfo>> DevInfo(int fd, std::uint64_t devid) const override {
    btrfs_ioctl_dev_info_args args{};
    args.devid = devid;
    if (RetryIoctl(fd, BTRFS_IOC_DEV_INFO, &args) != 0) {
      if (errno == ENODEV) return std::optional<BtrfsDevInfo>();
      return std::unexpected(Errno("BTRFS_IOC_DEV_INFO", "", errno));
    }
    BtrfsDevInfo out;
    const char* p = reinterpret_cast<const char*>(args.path);
    out.path.assign(p, ::strnlen(p, sizeof args.path));
    std::memcpy(out.uuid.data(), args.uuid, out.uuid.size());
    out.bytes_used = args.bytes_used;
    out.total_bytes = args.total_bytes;
    return std::optional<BtrfsDevInfo>(std::move(out));
  }

  Result<BtrfsDevStats> DevStats(int fd, std::uint64_t devid) const override {
    btrfs_ioctl_get_dev_stats args{};
    args.devid = devid;
    args.nr_items = BTRFS_DEV_STAT_VALUES_MAX;
    if (RetryIoctl(fd, BTRFS_IOC_GET_DEV_STATS, &args) != 0) {
      return std::unexpected(Errno("BTRFS_IOC_GET_DEV_STATS", "", errno));
    }
    BtrfsDevStats out;
    out.write_errs = args.values[BTRFS_DEV_STAT_WRITE_ERRS];
    out.read_errs = args.values[BTRFS_DEV_STAT_READ_ERRS];
    out.flush_errs = args.values[BTRFS_DEV_STAT_FLUSH_ERRS];
    out.corruption_errs = args.values[BTRFS_DEV_STAT_CORRUPTION_ERRS];
    out.generation_errs = args.values[BTRFS_DEV_STAT_GENERATION_ERRS];
    return out;
  }
};

const RealIoctl kReal;
thread_local const BtrfsIoctl* tls_ioctl = &kReal;

std::string Hex(const std::uint8_t* p, std::size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kDigits[p[i] >> 4];
    out += kDigits[p[i] & 0xf];
  }
  return out;
}

Result<std::vector<BtrfsIoctlDevice>> QueryDevices(const BtrfsIoctl& io, int h,
                                                   const BtrfsFsInfo& info) {
  std::vector<BtrfsIoctlDevice> out;
  for (std::uint64_t id = 0; id <= info.max_id; ++id) {
    auto dev = io.DevInfo(h, id);
    if (!dev) return std::unexpected(dev.error());
    if (!*dev) continue;
    auto st = io.DevStats(h, id);
    if (!st) return std::unexpected(st.error());
    out.push_back({(*dev)->path, FormatBtrfsDevUuid((*dev)->uuid), (*dev)->bytes_used,
                   (*dev)->total_bytes, *st});
    if (out.size() == info.num_devices) break;
  }
  return out;
}

}  // namespace

const BtrfsIoctl& RealBtrfsIoctl() { return kReal; }
const BtrfsIoctl& CurrentBtrfsIoctl() { return *tls_ioctl; }

ScopedBtrfsIoctlOverride::ScopedBtrfsIoctlOverride(const BtrfsIoctl& fake) : previous_(tls_ioctl) {
  tls_ioctl = &fake;
}
ScopedBtrfsIoctlOverride::~ScopedBtrfsIoctlOverride() { tls_ioctl = previous_; }

std::string FormatBtrfsDevUuid(const BtrfsId& id) {
  if (id == BtrfsId{}) return "<zero>";
  const std::uint8_t* p = id.data();
  return Hex(p, 4) + "-" + Hex(p + 4, 2) + "-" + Hex(p + 6, 2) + "-" + Hex(p + 8, 2) + "-" +
         Hex(p + 10, 6);
}

std::string FormatBtrfsFsid(const BtrfsId& id) { return Hex(id.data(), id.size()); }

Result<BtrfsIoctlStats> ReadBtrfsIoctlStats(const Paths& paths, const BtrfsIoctl& io) {
  auto mounts = procfs::ReadMountPoints(paths, "btrfs");
  if (!mounts) return std::unexpected(mounts.error());

  BtrfsIoctlStats out;
  std::set<std::string> devices_done;
  for (const auto& m : *mounts) {
    const std::string& source = m.info.source;
    if (m.info.fs_type != "btrfs" || devices_done.contains(source)) continue;
    // filepath.Join(rootfs, mount point), which cleans "/x/" + "/" to "/x".
    std::string rel = m.mount_point;
    while (rel.starts_with('/')) rel.erase(0, 1);
    std::string mount_path = rel.empty() ? paths.rootfs : Paths::Join(paths.rootfs, rel);
    auto h = io.Open(mount_path);
    if (!h) {
      log::Debug("Error inspecting btrfs mountpoint",
                 {{"mountPoint", mount_path}, {"err", h.error().message}});
      continue;
    }
    struct Closer {
      const BtrfsIoctl& io;
      int h;
      ~Closer() { io.Close(h); }
    } closer{io, *h};
    auto info = io.FsInfo(*h);
    if (!info) {
      log::Debug("Error querying btrfs filesystem",
                 {{"mountPoint", mount_path}, {"err", info.error().message}});
      continue;
    }
    std::string fsid = FormatBtrfsFsid(info->fsid);
    if (out.contains(fsid)) continue;
    auto devs = QueryDevices(io, *h, *info);
    if (!devs) {
      log::Debug("Error querying btrfs device stats",
                 {{"mountPoint", mount_path}, {"err", devs.error().message}});
      continue;
    }
    devices_done.insert(source);
    out[fsid] = std::move(*devs);
  }
  return out;
}

}  // namespace host_exporter::sysfs
