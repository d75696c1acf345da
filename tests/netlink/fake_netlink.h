// Test support for the netlink layer: a builder for kernel-shaped message
// payloads (fixed header, then 4-byte aligned attributes) and a NetlinkClient
// stand-in serving canned dumps.
#pragma once

#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "host_exporter/netlink/net_client.h"

namespace host_exporter::netlink::testing {

class Payload {
 public:
  template <class Header>
  explicit Payload(const Header& h) {
    Append(&h, sizeof h);
    Pad();
  }
  Payload() = default;

  Payload& Raw(std::uint16_t type, const void* data, std::size_t len) {
    std::uint16_t hdr[2] = {static_cast<std::uint16_t>(4 + len), type};
    Append(hdr, sizeof hdr);
    Append(data, len);
    Pad();
    return *this;
  }
  template <class T>
  Payload& Put(std::uint16_t type, const T& v) {
    return Raw(type, &v, sizeof v);
  }
  Payload& Str(std::uint16_t type, const std::string& s) { return Raw(type, s.c_str(), s.size() + 1); }
  Payload& Bytes(std::uint16_t type, std::vector<std::uint8_t> b) { return Raw(type, b.data(), b.size()); }
  Payload& Nest(std::uint16_t type, const Payload& inner) {
    return Raw(static_cast<std::uint16_t>(type | 0x8000 /* NLA_F_NESTED */), inner.buf_.data(), inner.buf_.size());
  }

  std::span<const std::uint8_t> span() const { return buf_; }
  const std::vector<std::uint8_t>& bytes() const { return buf_; }

 private:
  void Append(const void* p, std::size_t n) {
    auto* b = static_cast<const std::uint8_t*>(p);
    buf_.insert(buf_.end(), b, b + n);
  }
  void Pad() { buf_.resize((buf_.size() + 3) & ~std::size_t{3}, 0); }
  std::vector<std::uint8_t> buf_;
};

// An Ethernet device's ifinfomsg, up with carrier.
inline ifinfomsg EthHeader(int index) {
  ifinfomsg h{};
  h.ifi_family = AF_UNSPEC;
  h.ifi_type = ARPHRD_ETHER;
  h.ifi_index = index;
  h.ifi_flags = 0x11043;  // UP|BROADCAST|RUNNING|MULTICAST|LOWER_UP
  return h;
}

// rtnl_link_stats64 as a 6.x kernel sends it: 25 counters, 200 bytes.
inline std::array<std::uint64_t, 25> Stats64() {
  std::array<std::uint64_t, 25> s{};
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = 1000 + i;
  s[2] = 9138726351;  // rx_bytes beyond 32 bits
  return s;
}

// RTM_NEWLINK for Ethernet device 2 named `name` with every attribute
// node_exporter reads, 64-bit stats, and one attribute it does not read.
inline Payload EthLink(const std::string& name) {
  auto s64 = Stats64();
  Payload p(EthHeader(2));
  p.Str(IFLA_IFNAME, name)
      .Put<std::uint32_t>(IFLA_TXQLEN, 1000)
      .Put<std::uint8_t>(IFLA_OPERSTATE, 6)
      .Put<std::uint8_t>(IFLA_LINKMODE, 0)
      .Put<std::uint32_t>(IFLA_MTU, 1500)
      .Put<std::uint32_t>(IFLA_GROUP, 0)
      .Put<std::uint8_t>(IFLA_CARRIER, 1)
      .Put<std::uint32_t>(IFLA_CARRIER_CHANGES, 4)
      .Put<std::uint32_t>(IFLA_CARRIER_UP_COUNT, 2)
      .Put<std::uint32_t>(IFLA_CARRIER_DOWN_COUNT, 2)
      .Str(IFLA_IFALIAS, "uplink to core-sw1")
      .Bytes(IFLA_ADDRESS, {0x3c, 0xec, 0xef, 0x12, 0x8a, 0x40})
      .Bytes(IFLA_BROADCAST, {0xff, 0xff, 0xff, 0xff, 0xff, 0xff})
      .Raw(IFLA_STATS64, s64.data(), sizeof s64)
      .Put<std::uint32_t>(IFLA_NUM_TX_QUEUES, 8);  // not read
  return p;
}

// RTM_NEWNEIGH: 192.168.1.23 at 3c:22:fb:9a:10:7d on device 2, in `state`.
inline Payload Ipv4Neighbour(std::uint16_t state) {
  ndmsg h{};
  h.ndm_family = AF_INET;
  h.ndm_ifindex = 2;
  h.ndm_state = state;
  h.ndm_type = RTN_UNICAST;
  Payload p(h);
  p.Bytes(NDA_DST, {192, 168, 1, 23})
      .Bytes(NDA_LLADDR, {0x3c, 0x22, 0xfb, 0x9a, 0x10, 0x7d})
      .Put<std::uint32_t>(NDA_PROBES, 0);
  return p;
}

// Serves whatever the test put in; every method returns a copy.
struct FakeNetlink final : NetlinkClient {
  Result<std::vector<Link>> links;
  Result<std::vector<Neighbour>> neighbours;
  Result<std::vector<Address>> addresses;
  Result<std::vector<LinkMode>> link_modes = Fail(ErrorKind::kNotFound, "ethtool: Operation not supported");

  Result<std::vector<Link>> Links() const override { return links; }
  Result<std::vector<Neighbour>> Neighbours() const override { return neighbours; }
  Result<std::vector<Address>> Addresses() const override { return addresses; }
  Result<std::vector<LinkMode>> LinkModes() const override { return link_modes; }
};

}  // namespace host_exporter::netlink::testing
