// /proc/<pid>/mountinfo, per proc_pid_mountinfo(5) and
// Documentation/filesystems/proc.rst ("mountinfo").
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::procfs {

// "rw,relatime,size=5120k" -> {rw:"", relatime:"", size:"5120k"}; a repeated
// key keeps its last value (prometheus/procfs's mountOptionsParser).
using MountOptions = std::map<std::string, std::string, std::less<>>;
MountOptions ParseMountOptions(std::string_view text);

struct MountInfo {
  int mount_id = 0;
  int parent_id = 0;
  std::string major_minor;  // "8:1", as written
  std::string root;
  std::string mount_point;  // as written: spaces are still "\040"
  MountOptions options;
  std::vector<std::string> optional_fields;  // "shared:1", "master:7", ...
  std::string fs_type;
  std::string source;
  MountOptions super_options;
};

// One mount per line:
//   36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw,errors=continue
// with prometheus/procfs's checks: exactly one " - ", at least six
// single-space-separated fields before it, numeric mount and parent IDs, and
// three fields after it (the last one takes the rest of the line). Any bad line
// fails the whole file.
Result<std::vector<MountInfo>> ParseMountInfo(std::string_view text);
// <procfs>/<pid>/mountinfo; pid is a number or "self".
Result<std::vector<MountInfo>> ReadMountInfo(const Paths& paths, std::string_view pid);

// node_exporter's Sscanf(MajorMinorVer, "%d:%d").
Result<std::pair<long long, long long>> ParseMajorMinor(std::string_view text);

// One mount as node_exporter's mountPointDetails gives it.
struct MountPoint {
  MountInfo info;           // as parsed
  std::string mount_point;  // "\040" and "\011" decoded, --path.rootfs prefix stripped
  long long major = 0;
  long long minor = 0;
};
// node_exporter's mountPointDetails, which its filesystem and btrfs collectors
// share: <procfs>/1/mountinfo, or self/mountinfo when /proc/1 is hidden (hidepid;
// logged at debug with the `collector` asking). A bad major:minor fails the whole
// table, naming the file.
Result<std::vector<MountPoint>> ReadMountPoints(const Paths& paths, std::string_view collector);

// node_exporter's rootfsStripPrefix: the mount point as seen from --path.rootfs.
std::string StripRootfs(const std::string& rootfs, std::string mount_point);

}  // namespace host_exporter::procfs
