// Where the kernel's pseudo-filesystems are. The only place kernel paths are
// rooted: collectors join relative paths onto these, so --path.procfs=/host/proc
// works everywhere. Plain value; copy freely.
#pragma once

#include <string>
#include <string_view>

namespace host_exporter {

struct Paths {
  std::string procfs = "/proc";
  std::string sysfs = "/sys";
  std::string rootfs = "/";
  std::string udev_data = "/run/udev/data";
  // The exporter's own /proc (process_* metrics); not rewritten by --path.procfs,
  // as node_exporter's process collector reads the default procfs.
  std::string self_procfs = "/proc";

  std::string Proc(std::string_view rel) const { return Join(procfs, rel); }
  std::string Sys(std::string_view rel) const { return Join(sysfs, rel); }
  std::string Root(std::string_view rel) const { return Join(rootfs, rel); }
  std::string Udev(std::string_view rel) const { return Join(udev_data, rel); }

  // Joins with exactly one '/' between base and rel; an empty rel gives base.
  static std::string Join(std::string_view base, std::string_view rel);
};

}  // namespace host_exporter
