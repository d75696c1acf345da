// /sys/block/<device>/queue, per Documentation/ABI/stable/sysfs-block.
#pragma once

#include <cstdint>
#include <string_view>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

// The queue's "rotational" attribute, read as prometheus/procfs's
// SysBlockDeviceQueueStats reads it: only when every queue attribute that
// function knows (add_random ... write_zeroes_max_bytes, io_poll_delay,
// wbt_lat_usec, write_cache, zoned, scheduler) is readable and numeric where it
// should be. Otherwise the error of the first attribute that is not; callers
// (node_disk_info) then use 0, as node_exporter does.
Result<std::uint64_t> ReadBlockQueueRotational(const Paths& paths, std::string_view device);

}  // namespace host_exporter::sysfs
