#include "host_exporter/netlink/rtnl.h"

#include <linux/if_addr.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstring>

namespace host_exporter::netlink {
namespace {

constexpr std::size_t kAttrHeader = 4;
constexpr std::size_t Align4(std::size_t n) { return (n + 3) & ~std::size_t{3}; }

template <class T>
T Load(std::span<const std::uint8_t> b, std::size_t off = 0) {
  T v{};
  std::memcpy(&v, b.data() + off, sizeof(T));
  return v;
}

// Fixed-size scalar attributes must be exactly their size, as the Go netlink
// decoder node_exporter uses insists.
template <class T>
Result<T> Scalar(const Attr& a, const char* what) {
  if (a.data.size() != sizeof(T)) {
    return ParseFail(std::string(what) + ": want " + std::to_string(sizeof(T)) + " bytes, got " +
                     std::to_string(a.data.size()));
  }
  return Load<T>(a.data);
}

// NUL-terminated string attribute; the terminator (and any padding NULs) dropped.
std::string String(const Attr& a) {
  std::size_t n = a.data.size();
  while (n > 0 && a.data[n - 1] == 0) --n;
  return std::string(reinterpret_cast<const char*>(a.data.data()), n);
}

std::vector<std::uint8_t> Bytes(const Attr& a) { return {a.data.begin(), a.data.end()}; }

// Reads as many whole counters as the attribute holds, in struct order: older
// kernels send fewer fields (no rx_nohandler before 4.6, no
// rx_otherhost_dropped before 5.19), newer ones may send more.
template <class Counter>
Result<LinkStats> Stats(const Attr& a, const char* what) {
  constexpr std::size_t kMinFields = 23;  // up to tx_compressed, every kernel with the attribute
  std::size_t fields = a.data.size() / sizeof(Counter);
  if (fields < kMinFields) {
    return ParseFail(std::string(what) + ": " + std::to_string(a.data.size()) + " bytes, want at least " +
                     std::to_string(kMinFields * sizeof(Counter)));
  }
  LinkStats s;
  std::uint64_t* dst[] = {
      &s.rx_packets,        &s.tx_packets,          &s.rx_bytes,          &s.tx_bytes,
      &s.rx_errors,         &s.tx_errors,           &s.rx_dropped,        &s.tx_dropped,
      &s.multicast,         &s.collisions,          &s.rx_length_errors,  &s.rx_over_errors,
      &s.rx_crc_errors,     &s.rx_frame_errors,     &s.rx_fifo_errors,    &s.rx_missed_errors,
      &s.tx_aborted_errors, &s.tx_carrier_errors,   &s.tx_fifo_errors,    &s.tx_heartbeat_errors,
      &s.tx_window_errors,  &s.rx_compressed,       &s.tx_compressed,     &s.rx_nohandler,
      &s.rx_otherhost_dropped,
  };
  std::size_t n = std::min(fields, std::size(dst));
  for (std::size_t i = 0; i < n; ++i) *dst[i] = Load<Counter>(a.data, i * sizeof(Counter));
  return s;
}

#define HE_TRY_ASSIGN(dst, expr)                   \
  do {                                             \
    auto he_v = (expr);                            \
    if (!he_v) return std::unexpected(he_v.error()); \
    dst = *he_v;                                   \
  } while (0)

}  // namespace

Result<std::vector<Attr>> ParseAttributes(std::span<const std::uint8_t> buf) {
  std::vector<Attr> out;
  std::size_t off = 0;
  while (buf.size() - off >= kAttrHeader) {
    auto len = Load<std::uint16_t>(buf, off);
    auto type = Load<std::uint16_t>(buf, off + 2);
    if (len < kAttrHeader || len > buf.size() - off) {
      return ParseFail("netlink attribute type " + std::to_string(type & NLA_TYPE_MASK) + " at offset " +
                       std::to_string(off) + ": length " + std::to_string(len) + " does not fit in " +
                       std::to_string(buf.size() - off) + " bytes");
    }
    out.push_back(Attr{static_cast<std::uint16_t>(type & NLA_TYPE_MASK),
                       buf.subspan(off + kAttrHeader, len - kAttrHeader)});
    off += Align4(len);
    if (off > buf.size()) off = buf.size();  // last attribute without its padding
  }
  if (off != buf.size()) {
    return ParseFail("netlink attributes: " + std::to_string(buf.size() - off) + " trailing bytes");
  }
  return out;
}

Result<Link> ParseLink(std::span<const std::uint8_t> payload) {
  if (payload.size() < sizeof(ifinfomsg)) {
    return ParseFail("RTM_NEWLINK: " + std::to_string(payload.size()) + " bytes, shorter than struct ifinfomsg");
  }
  auto hdr = Load<ifinfomsg>(payload);
  Link l;
  l.type = hdr.ifi_type;
  l.index = hdr.ifi_index;
  l.flags = hdr.ifi_flags;
  auto attrs = ParseAttributes(payload.subspan(NLMSG_ALIGN(sizeof(ifinfomsg))));
  if (!attrs) return std::unexpected(attrs.error());
  l.has_attributes = !attrs->empty();
  for (const Attr& a : *attrs) {
    switch (a.type) {
      case IFLA_IFNAME: l.name = String(a); break;
      case IFLA_ADDRESS: l.address = Bytes(a); break;
      case IFLA_BROADCAST: l.broadcast = Bytes(a); break;
      case IFLA_MTU: HE_TRY_ASSIGN(l.mtu, Scalar<std::uint32_t>(a, "IFLA_MTU")); break;
      case IFLA_LINK: HE_TRY_ASSIGN(l.link, Scalar<std::uint32_t>(a, "IFLA_LINK")); break;
      case IFLA_IFALIAS: l.alias = String(a); break;
      case IFLA_CARRIER: HE_TRY_ASSIGN(l.carrier, Scalar<std::uint8_t>(a, "IFLA_CARRIER")); break;
      case IFLA_CARRIER_CHANGES:
        HE_TRY_ASSIGN(l.carrier_changes, Scalar<std::uint32_t>(a, "IFLA_CARRIER_CHANGES"));
        break;
      case IFLA_CARRIER_UP_COUNT:
        HE_TRY_ASSIGN(l.carrier_up_count, Scalar<std::uint32_t>(a, "IFLA_CARRIER_UP_COUNT"));
        break;
      case IFLA_CARRIER_DOWN_COUNT:
        HE_TRY_ASSIGN(l.carrier_down_count, Scalar<std::uint32_t>(a, "IFLA_CARRIER_DOWN_COUNT"));
        break;
      case IFLA_OPERSTATE: HE_TRY_ASSIGN(l.operstate, Scalar<std::uint8_t>(a, "IFLA_OPERSTATE")); break;
      case IFLA_LINKMODE: HE_TRY_ASSIGN(l.link_mode, Scalar<std::uint8_t>(a, "IFLA_LINKMODE")); break;
      case IFLA_GROUP: HE_TRY_ASSIGN(l.group, Scalar<std::uint32_t>(a, "IFLA_GROUP")); break;
      case IFLA_TXQLEN: HE_TRY_ASSIGN(l.tx_queue_len, Scalar<std::uint32_t>(a, "IFLA_TXQLEN")); break;
      case IFLA_STATS64: HE_TRY_ASSIGN(l.stats64, Stats<std::uint64_t>(a, "IFLA_STATS64")); break;
      case IFLA_STATS: HE_TRY_ASSIGN(l.stats32, Stats<std::uint32_t>(a, "IFLA_STATS")); break;
      default: break;
    }
  }
  return l;
}

Result<Neighbour> ParseNeighbour(std::span<const std::uint8_t> payload) {
  if (payload.size() < sizeof(ndmsg)) {
    return ParseFail("RTM_NEWNEIGH: " + std::to_string(payload.size()) + " bytes, shorter than struct ndmsg");
  }
  auto hdr = Load<ndmsg>(payload);
  Neighbour n;
  n.family = hdr.ndm_family;
  n.ifindex = hdr.ndm_ifindex;
  n.state = hdr.ndm_state;
  n.flags = hdr.ndm_flags;
  n.type = hdr.ndm_type;
  auto attrs = ParseAttributes(payload.subspan(NLMSG_ALIGN(sizeof(ndmsg))));
  if (!attrs) return std::unexpected(attrs.error());
  for (const Attr& a : *attrs) {
    if (a.type == NDA_DST) n.dst = Bytes(a);
    if (a.type == NDA_LLADDR) n.lladdr = Bytes(a);
  }
  return n;
}

Result<Address> ParseAddress(std::span<const std::uint8_t> payload) {
  if (payload.size() < sizeof(ifaddrmsg)) {
    return ParseFail("RTM_NEWADDR: " + std::to_string(payload.size()) + " bytes, shorter than struct ifaddrmsg");
  }
  auto hdr = Load<ifaddrmsg>(payload);
  Address a;
  a.family = hdr.ifa_family;
  a.prefix_len = hdr.ifa_prefixlen;
  a.flags = hdr.ifa_flags;
  a.scope = hdr.ifa_scope;
  a.index = hdr.ifa_index;
  auto attrs = ParseAttributes(payload.subspan(NLMSG_ALIGN(sizeof(ifaddrmsg))));
  if (!attrs) return std::unexpected(attrs.error());
  for (const Attr& at : *attrs) {
    if (at.type == IFA_ADDRESS) a.address = Bytes(at);
    if (at.type == IFA_LOCAL) a.local = Bytes(at);
  }
  return a;
}

std::string FormatHardwareAddr(std::span<const std::uint8_t> addr) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < addr.size(); ++i) {
    if (i > 0) out.push_back(':');
    out.push_back(kHex[addr[i] >> 4]);
    out.push_back(kHex[addr[i] & 0xf]);
  }
  return out;
}

std::string FormatGoIP(std::span<const std::uint8_t> ip) {
  static constexpr char kHex[] = "0123456789abcdef";
  auto dotted = [](std::span<const std::uint8_t> v4) {
    return std::to_string(v4[0]) + "." + std::to_string(v4[1]) + "." + std::to_string(v4[2]) + "." +
           std::to_string(v4[3]);
  };
  if (ip.empty()) return "<nil>";
  if (ip.size() == 4) return dotted(ip);
  if (ip.size() != 16) {
    std::string out = "?";
    for (auto b : ip) {
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 0xf]);
    }
    return out;
  }
  static constexpr std::array<std::uint8_t, 12> kV4InV6 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kV4InV6.begin(), kV4InV6.end(), ip.begin())) return dotted(ip.subspan(12));

  std::array<unsigned, 8> g{};
  for (int i = 0; i < 8; ++i) g[static_cast<std::size_t>(i)] = (unsigned{ip[2 * i]} << 8) | ip[2 * i + 1];
  // Longest run of at least two zero groups becomes "::"; the first on a tie.
  int best = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (g[static_cast<std::size_t>(i)] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && g[static_cast<std::size_t>(j)] == 0) ++j;
    if (j - i >= 2 && j - i > best_len) {
      best = i;
      best_len = j - i;
    }
    i = j;
  }
  std::string out;
  for (int i = 0; i < 8; ++i) {
    if (i == best) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (i > 0 && !out.ends_with(':')) out.push_back(':');
    char buf[8];
    int n = std::snprintf(buf, sizeof buf, "%x", g[static_cast<std::size_t>(i)]);
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

}  // namespace host_exporter::netlink
