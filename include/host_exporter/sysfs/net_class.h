// /sys/class/net/<iface>/*, per Documentation/ABI/testing/sysfs-class-net,
// read as prometheus/procfs (sysfs.NetClass) does: numeric attributes with Go's
// base-0 integer syntax ("0x1003"), an unparsable value leaves the attribute
// unset, and attributes the kernel refuses to produce (EINVAL on a down link,
// EOPNOTSUPP, ENOENT, EACCES) are skipped rather than failing the device.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "host_exporter/paths.h"
#include "host_exporter/result.h"

namespace host_exporter::sysfs {

struct NetClassIface {
  std::string name;
  std::optional<std::int64_t> addr_assign_type, addr_len, carrier, carrier_changes, carrier_up_count,
      carrier_down_count, dev_id, dormant, flags, ifindex, iflink, link_mode, mtu, name_assign_type,
      netdev_group, speed, tx_queue_len, type;
  std::string address, broadcast, duplex, ifalias, operstate, phys_port_id, phys_port_name, phys_switch_id;
};

// Stores one attribute's value (already trimmed); unknown names are ignored.
void ParseNetClassAttribute(std::string_view attr, std::string_view value, NetClassIface& iface);

// True when a file error is one procfs ignores for an attribute: ENOENT,
// EACCES/EPERM, EOPNOTSUPP or EINVAL.
bool IsIgnorableAttributeError(const Error& e);

// Entries of /sys/class/net that are not regular files (devices are symlinks;
// "bonding_masters" is a file). kNotFound when the directory is absent.
Result<std::vector<std::string>> ReadNetClassDevices(const Paths& paths);

// Every known attribute of one device. The device directory must be listable
// (kNotFound when it vanished); attribute errors other than the ignorable ones
// fail with the attribute's path.
Result<NetClassIface> ReadNetClassIface(const Paths& paths, std::string_view device);

// Only the named attributes (missing ones stay unset), without listing the
// directory: netclass's netlink mode reads three this way.
Result<NetClassIface> ReadNetClassAttributes(const Paths& paths, std::string_view device,
                                             std::span<const std::string_view> attrs);

// Every device, in name order (netdev's ifalias label).
Result<std::vector<NetClassIface>> ReadNetClass(const Paths& paths);

}  // namespace host_exporter::sysfs
