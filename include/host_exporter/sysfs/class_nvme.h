// /sys/class/nvme (drivers/nvme/host/core.c and sysfs.c attributes), read as
// prometheus/procfs 0.21's sysfs.NVMeClass. Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

// A namespace directory "nvme<ctrl>n<nsid>" of a controller. Unparsable
// numbers read as 0, as in procfs.
struct NVMeNamespace {
  std::string id;                       // nsid from the directory name
  std::uint64_t used_blocks = 0;        // nuse
  std::uint64_t size_blocks = 0;        // size
  std::uint64_t logical_block_size = 0; // queue/logical_block_size
  std::string ana_state = "unknown";    // ana_state, when the controller has one
  // Each of these is the count times logical_block_size (procfs multiplies
  // "size" by the block size too, although the kernel reports 512-byte sectors).
  std::uint64_t used_bytes = 0;
  std::uint64_t size_bytes = 0;
  std::uint64_t capacity_bytes = 0;
};

struct NVMeDevice {
  std::string name;  // nvme0
  std::string serial, model, state, firmware_revision, controller_id;
  std::vector<NVMeNamespace> namespaces;
};

// The namespace id of a directory name, or empty when it is not a namespace
// (procfs's unanchored nvme\d+n(\d+): "nvme0n1" -> "1", "nvme0c0n1" -> none).
std::string NVMeNamespaceId(std::string_view dir_name);

// Every controller, sorted by name. A missing attribute (other than ana_state)
// is ErrorKind::kNotFound.
Result<std::vector<NVMeDevice>> ReadNVMeClass(const Paths& paths);

}  // namespace host_exporter::sysfs
