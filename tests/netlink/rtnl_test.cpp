#include "host_exporter/netlink/rtnl.h"

#include <gtest/gtest.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <array>

#include "netlink/fake_netlink.h"

namespace host_exporter::netlink {
namespace {

using testing::EthHeader;
using testing::EthLink;
using testing::Ipv4Neighbour;
using testing::Payload;
using testing::Stats64;

TEST(ParseAttributes, WalksAlignedAttributesAndMasksFlags) {
  Payload inner;
  inner.Put<std::uint32_t>(1, 7);
  Payload p;
  p.Str(IFLA_IFNAME, "eth0").Put<std::uint8_t>(IFLA_OPERSTATE, 6).Nest(IFLA_LINKINFO, inner);
  auto attrs = ParseAttributes(p.span());
  ASSERT_TRUE(attrs) << attrs.error().message;
  ASSERT_EQ(attrs->size(), 3u);
  EXPECT_EQ((*attrs)[0].type, IFLA_IFNAME);
  EXPECT_EQ((*attrs)[0].data.size(), 5u);  // "eth0\0", padding not included
  EXPECT_EQ((*attrs)[1].type, IFLA_OPERSTATE);
  EXPECT_EQ((*attrs)[2].type, IFLA_LINKINFO);  // NLA_F_NESTED masked off
  EXPECT_EQ((*attrs)[2].data.size(), 8u);
}

TEST(ParseAttributes, AcceptsMissingPaddingOnTheLastAttribute) {
  const std::uint8_t buf[] = {5, 0, IFLA_OPERSTATE, 0, 6};
  auto attrs = ParseAttributes(buf);
  ASSERT_TRUE(attrs) << attrs.error().message;
  ASSERT_EQ(attrs->size(), 1u);
  EXPECT_EQ(attrs->front().data[0], 6);
}

TEST(ParseAttributes, RejectsTruncatedAndImpossibleLengths) {
  EXPECT_TRUE(ParseAttributes({}).has_value());
  const std::uint8_t too_long[] = {12, 0, 3, 0, 'e', 't', 'h', 0};
  auto r = ParseAttributes(too_long);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kParse);
  EXPECT_NE(r.error().message.find("length 12"), std::string::npos) << r.error().message;
  const std::uint8_t too_short[] = {2, 0, 3, 0};
  EXPECT_FALSE(ParseAttributes(too_short));
  const std::uint8_t trailing[] = {4, 0, 3, 0, 1, 2};
  auto t = ParseAttributes(trailing);
  ASSERT_FALSE(t);
  EXPECT_NE(t.error().message.find("2 trailing bytes"), std::string::npos) << t.error().message;
}

TEST(ParseLink, ReadsTheAttributesNodeExporterUses) {
  Payload p = EthLink("eth0");
  auto l = ParseLink(p.span());
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_EQ(l->name, "eth0");
  EXPECT_EQ(l->index, 2);
  EXPECT_EQ(l->type, ARPHRD_ETHER);
  EXPECT_EQ(l->flags, 0x11043u);
  EXPECT_TRUE(l->has_attributes);
  EXPECT_EQ(l->mtu, 1500u);
  EXPECT_EQ(l->operstate, 6);
  EXPECT_EQ(l->tx_queue_len, 1000u);
  EXPECT_EQ(l->link_mode, 0);
  EXPECT_EQ(l->group, 0u);
  EXPECT_EQ(l->carrier, 1);
  EXPECT_EQ(l->carrier_changes, 4u);
  EXPECT_EQ(l->carrier_up_count, 2u);
  EXPECT_EQ(l->carrier_down_count, 2u);
  EXPECT_EQ(l->alias, "uplink to core-sw1");
  EXPECT_FALSE(l->link.has_value());
  EXPECT_EQ(FormatHardwareAddr(l->address), "3c:ec:ef:12:8a:40");
  ASSERT_TRUE(l->stats64);
  EXPECT_FALSE(l->stats32);
  EXPECT_EQ(l->stats64->rx_packets, 1000u);
  EXPECT_EQ(l->stats64->rx_bytes, 9138726351u);
  EXPECT_EQ(l->stats64->rx_missed_errors, 1015u);
  EXPECT_EQ(l->stats64->rx_nohandler, 1023u);
  EXPECT_EQ(l->stats64->rx_otherhost_dropped, 1024u);
}

TEST(ParseLink, OlderKernelsSendFewerCounters) {
  auto s64 = Stats64();
  // 4.6 - 5.18: 24 counters; before 4.6: 23 (no rx_nohandler).
  for (std::size_t bytes : {192u, 184u}) {
    Payload p(EthHeader(3));
    p.Str(IFLA_IFNAME, "eth1").Raw(IFLA_STATS64, s64.data(), bytes);
    auto l = ParseLink(p.span());
    ASSERT_TRUE(l) << l.error().message;
    ASSERT_TRUE(l->stats64);
    EXPECT_EQ(l->stats64->tx_compressed, 1022u);
    EXPECT_EQ(l->stats64->rx_nohandler, bytes == 192 ? 1023u : 0u);
    EXPECT_EQ(l->stats64->rx_otherhost_dropped, 0u);
  }
  std::array<std::uint32_t, 24> s32{};
  s32[0] = 77;
  s32[23] = 5;
  Payload p(EthHeader(4));
  p.Str(IFLA_IFNAME, "slip0").Raw(IFLA_STATS, s32.data(), sizeof s32).Put<std::uint32_t>(IFLA_LINK, 2);
  auto l = ParseLink(p.span());
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_FALSE(l->stats64);
  ASSERT_TRUE(l->stats32);
  EXPECT_EQ(l->stats32->rx_packets, 77u);
  EXPECT_EQ(l->stats32->rx_nohandler, 5u);
  EXPECT_EQ(l->link, 2u);
}

TEST(ParseLink, RejectsMalformedMessages) {
  ifinfomsg h = EthHeader(2);
  auto short_hdr = ParseLink(std::span(reinterpret_cast<const std::uint8_t*>(&h), 10));
  ASSERT_FALSE(short_hdr);
  EXPECT_NE(short_hdr.error().message.find("ifinfomsg"), std::string::npos);

  Payload wrong_size(EthHeader(2));
  wrong_size.Put<std::uint16_t>(IFLA_MTU, 1500);
  auto w = ParseLink(wrong_size.span());
  ASSERT_FALSE(w);
  EXPECT_NE(w.error().message.find("IFLA_MTU: want 4 bytes, got 2"), std::string::npos) << w.error().message;

  std::array<std::uint64_t, 10> few{};
  Payload short_stats(EthHeader(2));
  short_stats.Raw(IFLA_STATS64, few.data(), sizeof few);
  auto s = ParseLink(short_stats.span());
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("IFLA_STATS64: 80 bytes"), std::string::npos) << s.error().message;

  // Truncated in the middle of an attribute, as a cut-off receive buffer would be.
  Payload cut(EthHeader(2));
  cut.Str(IFLA_IFNAME, "eth0");
  auto bytes = cut.bytes();
  bytes.resize(bytes.size() - 4);  // into the name itself, not just its padding
  EXPECT_FALSE(ParseLink(bytes));
}

TEST(ParseLink, NoAttributesIsReported) {
  auto l = ParseLink(Payload(EthHeader(9)).span());
  ASSERT_TRUE(l) << l.error().message;
  EXPECT_FALSE(l->has_attributes);
  EXPECT_EQ(l->index, 9);
}

TEST(ParseNeighbour, ReadsHeaderAndAddresses) {
  const Payload p = Ipv4Neighbour(NUD_STALE);
  auto n = ParseNeighbour(p.span());
  ASSERT_TRUE(n) << n.error().message;
  EXPECT_EQ(n->family, AF_INET);
  EXPECT_EQ(n->ifindex, 2);
  EXPECT_EQ(n->state, NUD_STALE);
  EXPECT_EQ(FormatGoIP(n->dst), "192.168.1.23");
  EXPECT_EQ(FormatHardwareAddr(n->lladdr), "3c:22:fb:9a:10:7d");
  EXPECT_FALSE(ParseNeighbour(std::span(p.bytes()).first(8)));
}

TEST(ParseAddress, OwnAddressPrefersLocal) {
  ifaddrmsg h{};
  h.ifa_family = AF_INET;
  h.ifa_prefixlen = 24;
  h.ifa_index = 2;
  // Point-to-point: IFA_ADDRESS is the peer, IFA_LOCAL ours.
  Payload ptp(h);
  ptp.Bytes(IFA_ADDRESS, {10, 0, 0, 2}).Bytes(IFA_LOCAL, {10, 0, 0, 1}).Str(IFA_LABEL, "ppp0");
  auto a = ParseAddress(ptp.span());
  ASSERT_TRUE(a) << a.error().message;
  EXPECT_EQ(a->prefix_len, 24);
  EXPECT_EQ(a->index, 2u);
  EXPECT_EQ(FormatGoIP(a->Own()), "10.0.0.1");

  h.ifa_family = AF_INET6;
  h.ifa_prefixlen = 64;
  Payload v6(h);
  v6.Bytes(IFA_ADDRESS, {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0xfc, 0, 0xff, 0xfe, 0, 0, 1});
  auto b = ParseAddress(v6.span());
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(FormatGoIP(b->Own()), "fe80::fc:ff:fe00:1");
  EXPECT_FALSE(ParseAddress(std::span(v6.bytes()).first(4)));
}

TEST(FormatHardwareAddr, MatchesGo) {
  EXPECT_EQ(FormatHardwareAddr({}), "");
  const std::uint8_t ib[20] = {0x80, 0, 0, 0x48, 0xfe, 0x80};
  EXPECT_EQ(FormatHardwareAddr(ib), "80:00:00:48:fe:80:00:00:00:00:00:00:00:00:00:00:00:00:00:00");
}

std::string Ip6(std::array<std::uint16_t, 8> groups) {
  std::array<std::uint8_t, 16> b{};
  for (std::size_t i = 0; i < 8; ++i) {
    b[2 * i] = static_cast<std::uint8_t>(groups[i] >> 8);
    b[2 * i + 1] = static_cast<std::uint8_t>(groups[i] & 0xff);
  }
  return FormatGoIP(b);
}

TEST(FormatGoIP, MatchesGoNetIPString) {
  const std::uint8_t v4[] = {127, 0, 0, 1};
  EXPECT_EQ(FormatGoIP(v4), "127.0.0.1");
  EXPECT_EQ(Ip6({0, 0, 0, 0, 0, 0, 0, 1}), "::1");
  EXPECT_EQ(Ip6({0, 0, 0, 0, 0, 0, 0, 0}), "::");
  EXPECT_EQ(Ip6({0x2001, 0xdb8, 0, 0, 0, 0, 0, 1}), "2001:db8::1");
  EXPECT_EQ(Ip6({0xfd00, 0, 0, 0, 0, 0, 0, 2}), "fd00::2");
  // A single zero group is not compressed; the first of equal runs is.
  EXPECT_EQ(Ip6({0x2001, 0xdb8, 0, 1, 1, 1, 1, 1}), "2001:db8:0:1:1:1:1:1");
  EXPECT_EQ(Ip6({0x2001, 0, 0, 1, 0, 0, 0, 1}), "2001:0:0:1::1");
  EXPECT_EQ(Ip6({0x2001, 0, 0, 1, 1, 0, 0, 1}), "2001::1:1:0:0:1");
  EXPECT_EQ(Ip6({0xfe80, 0, 0, 0, 0, 0, 0, 0}), "fe80::");
  // IPv4-mapped prints dotted; IPv4-compatible does not (unlike inet_ntop).
  EXPECT_EQ(Ip6({0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201}), "192.0.2.1");
  EXPECT_EQ(Ip6({0, 0, 0, 0, 0, 0, 0x0102, 0x0304}), "::102:304");
  const std::uint8_t odd[] = {1, 2, 3};
  EXPECT_EQ(FormatGoIP(odd), "?010203");
  EXPECT_EQ(FormatGoIP({}), "<nil>");
}

}  // namespace
}  // namespace host_exporter::netlink
