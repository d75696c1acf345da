// ethtool generic-netlink link modes (ETHTOOL_MSG_LINKMODES_GET replies), per
// Documentation/networking/ethtool-netlink.rst and
// include/uapi/linux/ethtool_netlink.h. The parser takes the payload after
// struct genlmsghdr and is pure.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "host_exporter/result.h"

namespace host_exporter::netlink {

// What node_exporter's netclass collector reads from a link-modes reply (it uses
// github.com/mdlayher/ethtool, whose zero values stand for absent attributes).
struct LinkMode {
  std::int32_t index = 0;  // ETHTOOL_A_HEADER_DEV_INDEX
  std::string name;        // ETHTOOL_A_HEADER_DEV_NAME
  // ETHTOOL_A_LINKMODES_SPEED in Mb/s; SPEED_UNKNOWN arrives as 0xffffffff.
  std::uint32_t speed_mbps = 0;
  std::uint8_t duplex = 0;  // ETHTOOL_A_LINKMODES_DUPLEX: DUPLEX_HALF/FULL/UNKNOWN
};
Result<LinkMode> ParseLinkMode(std::span<const std::uint8_t> payload);

// mdlayher/ethtool's Duplex.String(): "Half", "Full", "Unknown", else "Duplex(N)".
std::string DuplexString(std::uint8_t duplex);

}  // namespace host_exporter::netlink
