// rtnetlink link, neighbour and address messages (RTM_NEWLINK, RTM_NEWNEIGH,
// RTM_NEWADDR), per include/uapi/linux/{rtnetlink,if_link,neighbour,if_addr}.h
// and Documentation/userspace-api/netlink/intro.rst. Parsers take one message's
// payload (what follows struct nlmsghdr) and are pure; the socket side lives in
// net_client.h. Field presence is kept (std::optional) because node_exporter
// skips a metric when the kernel did not send its attribute.
// Thread safety: all functions are reentrant.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "host_exporter/result.h"

namespace host_exporter::netlink {

// One netlink attribute (struct nlattr / struct rtattr share the layout). The
// type has NLA_F_NESTED and NLA_F_NET_BYTEORDER masked off.
struct Attr {
  std::uint16_t type = 0;
  std::span<const std::uint8_t> data;
};

// Walks a run of attributes. A length below the 4-byte header or past the end
// of the buffer is a parse error.
Result<std::vector<Attr>> ParseAttributes(std::span<const std::uint8_t> buf);

// struct rtnl_link_stats64 in the kernel's field order. IFLA_STATS (32-bit)
// is widened into the same struct.
struct LinkStats {
  std::uint64_t rx_packets = 0, tx_packets = 0, rx_bytes = 0, tx_bytes = 0;
  std::uint64_t rx_errors = 0, tx_errors = 0, rx_dropped = 0, tx_dropped = 0;
  std::uint64_t multicast = 0, collisions = 0;
  std::uint64_t rx_length_errors = 0, rx_over_errors = 0, rx_crc_errors = 0;
  std::uint64_t rx_frame_errors = 0, rx_fifo_errors = 0, rx_missed_errors = 0;
  std::uint64_t tx_aborted_errors = 0, tx_carrier_errors = 0, tx_fifo_errors = 0;
  std::uint64_t tx_heartbeat_errors = 0, tx_window_errors = 0;
  std::uint64_t rx_compressed = 0, tx_compressed = 0, rx_nohandler = 0;
  std::uint64_t rx_otherhost_dropped = 0;
};

// RTM_NEWLINK: struct ifinfomsg and the IFLA_* attributes node_exporter reads.
struct Link {
  std::uint16_t type = 0;  // ifi_type, ARPHRD_*
  std::int32_t index = 0;  // ifi_index
  std::uint32_t flags = 0;  // ifi_flags (dev_get_flags(): includes IFF_RUNNING etc.)
  bool has_attributes = false;  // false when the message carried no attributes at all
  std::string name;                     // IFLA_IFNAME
  std::vector<std::uint8_t> address;    // IFLA_ADDRESS
  std::vector<std::uint8_t> broadcast;  // IFLA_BROADCAST
  std::uint32_t mtu = 0;                // IFLA_MTU
  std::optional<std::uint32_t> link;    // IFLA_LINK (omitted when equal to the index)
  std::optional<std::string> alias;     // IFLA_IFALIAS (only sent when set)
  std::optional<std::uint8_t> carrier;  // IFLA_CARRIER
  std::optional<std::uint32_t> carrier_changes, carrier_up_count, carrier_down_count;
  std::uint8_t operstate = 0;               // IFLA_OPERSTATE (IF_OPER_*)
  std::optional<std::uint8_t> link_mode;    // IFLA_LINKMODE
  std::optional<std::uint32_t> group;       // IFLA_GROUP
  std::optional<std::uint32_t> tx_queue_len;  // IFLA_TXQLEN
  std::optional<LinkStats> stats64;  // IFLA_STATS64
  std::optional<LinkStats> stats32;  // IFLA_STATS, widened
};
Result<Link> ParseLink(std::span<const std::uint8_t> payload);

// RTM_NEWNEIGH: struct ndmsg and NDA_DST / NDA_LLADDR.
struct Neighbour {
  std::uint8_t family = 0;  // AF_INET, AF_INET6, AF_BRIDGE...
  std::int32_t ifindex = 0;
  std::uint16_t state = 0;  // NUD_* bits
  std::uint8_t flags = 0;   // NTF_*
  std::uint8_t type = 0;    // RTN_*
  std::vector<std::uint8_t> dst;
  std::vector<std::uint8_t> lladdr;
};
Result<Neighbour> ParseNeighbour(std::span<const std::uint8_t> payload);

// RTM_NEWADDR: struct ifaddrmsg and IFA_ADDRESS / IFA_LOCAL.
struct Address {
  std::uint8_t family = 0;
  std::uint8_t prefix_len = 0;
  std::uint8_t flags = 0;
  std::uint8_t scope = 0;
  std::uint32_t index = 0;
  std::vector<std::uint8_t> address;  // IFA_ADDRESS (the peer on point-to-point links)
  std::vector<std::uint8_t> local;    // IFA_LOCAL

  // The interface's own address as Go's net package reports it: IFA_LOCAL when
  // the kernel sent one (IPv4 always does), IFA_ADDRESS otherwise.
  const std::vector<std::uint8_t>& Own() const { return local.empty() ? address : local; }
};
Result<Address> ParseAddress(std::span<const std::uint8_t> payload);

// Go's net.HardwareAddr.String(): lower-case hex bytes joined by ':', "" when empty.
std::string FormatHardwareAddr(std::span<const std::uint8_t> addr);

// Go's net.IP.String() for a 4- or 16-byte address: IPv4 and IPv4-mapped IPv6
// in dotted form, other IPv6 per RFC 5952 ("2001:db8::1"). Other lengths give
// "?" followed by the hex bytes, as Go does.
std::string FormatGoIP(std::span<const std::uint8_t> ip);

}  // namespace host_exporter::netlink
