// The parsers outside procfs and sysfs: rtnetlink and ethtool messages, the
// textfile collector's text format, udev database entries and os-release.
// Netlink messages are built with the unit tests' Payload builder
// (tests/netlink/fake_netlink.h), shaped as a 6.x kernel sends them; the text
// format is also timed on generated files of growing size.
#include <benchmark/benchmark.h>
#include <linux/ethtool.h>
#include <linux/ethtool_netlink.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <linux/if_link.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <span>
#include <string>

#include "bench_util.h"
#include "host_exporter/netlink/ethtool.h"
#include "host_exporter/netlink/rtnl.h"
#include "host_exporter/rootfs/os_release.h"
#include "host_exporter/textfile/text_format.h"
#include "host_exporter/udev/data.h"
#include "netlink/fake_netlink.h"
#include "parser_bench.h"

namespace host_exporter::bench {
namespace {

using netlink::testing::EthLink;
using netlink::testing::Ipv4Neighbour;
using netlink::testing::Payload;

HE_PARSER_BENCH(ParseTextFormat, "basic/textfile/backup.prom", textfile::ParseTextFormat(t));
HE_PARSER_BENCH(ParseDeviceData, "basic/udev/data/b8:0", udev::ParseDeviceData(t));
HE_PARSER_BENCH(ParseEnvFile, "basic/rootfs/etc/os-release", rootfs::ParseEnvFile(t));
HE_PARSER_BENCH(ParseOsRelease, "basic/rootfs/etc/os-release", rootfs::ParseOsRelease(t));

// Growing input: n samples in families of 16 (a textfile directory's scripts
// can write thousands).
void BM_ParseTextFormat_Samples(benchmark::State& state) {
  const std::string text = GenTextfile(static_cast<int>(state.range(0)));
  ParseLoop(state, text, [](std::string_view t) { return textfile::ParseTextFormat(t); });
  state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ParseTextFormat_Samples)->RangeMultiplier(4)->Range(16, 16384)->Complexity();

void BM_ParseLink(benchmark::State& state) {
  static const Payload p = EthLink("eno1");
  RunParse(state, "RTM_NEWLINK", p.bytes().size(), [] { return netlink::ParseLink(p.span()); });
}
BENCHMARK(BM_ParseLink);

// The same message's attributes, after struct ifinfomsg.
void BM_ParseAttributes(benchmark::State& state) {
  static const Payload p = EthLink("eno1");
  static const auto attrs = p.span().subspan(NLMSG_ALIGN(sizeof(ifinfomsg)));
  RunParse(state, "RTM_NEWLINK attributes", attrs.size(), [] { return netlink::ParseAttributes(attrs); });
}
BENCHMARK(BM_ParseAttributes);

void BM_ParseNeighbour(benchmark::State& state) {
  static const Payload p = Ipv4Neighbour(NUD_REACHABLE);
  RunParse(state, "RTM_NEWNEIGH", p.bytes().size(), [] { return netlink::ParseNeighbour(p.span()); });
}
BENCHMARK(BM_ParseNeighbour);

void BM_ParseAddress(benchmark::State& state) {
  static const Payload p = [] {
    ifaddrmsg h{};
    h.ifa_family = AF_INET;
    h.ifa_prefixlen = 24;
    h.ifa_scope = RT_SCOPE_UNIVERSE;
    h.ifa_index = 2;
    Payload a(h);
    a.Bytes(IFA_ADDRESS, {192, 168, 1, 10})
        .Bytes(IFA_LOCAL, {192, 168, 1, 10})
        .Bytes(IFA_BROADCAST, {192, 168, 1, 255})
        .Str(IFA_LABEL, "eno1");
    return a;
  }();
  RunParse(state, "RTM_NEWADDR", p.bytes().size(), [] { return netlink::ParseAddress(p.span()); });
}
BENCHMARK(BM_ParseAddress);

// An ETHTOOL_MSG_LINKMODES_GET reply for a 1 Gb/s full-duplex link, as ethtool_test.cpp builds it.
void BM_ParseLinkMode(benchmark::State& state) {
  static const Payload p = [] {
    Payload header;
    header.Put<std::uint32_t>(ETHTOOL_A_HEADER_DEV_INDEX, 2).Str(ETHTOOL_A_HEADER_DEV_NAME, "eno1");
    Payload bitset;  // compact bitset: size, value, mask; not decoded
    bitset.Put<std::uint32_t>(ETHTOOL_A_BITSET_SIZE, 32).Put<std::uint32_t>(ETHTOOL_A_BITSET_VALUE, 0x20);
    Payload m;
    m.Nest(ETHTOOL_A_LINKMODES_HEADER, header)
        .Put<std::uint8_t>(ETHTOOL_A_LINKMODES_AUTONEG, AUTONEG_ENABLE)
        .Nest(ETHTOOL_A_LINKMODES_OURS, bitset)
        .Put<std::uint32_t>(ETHTOOL_A_LINKMODES_SPEED, 1000)
        .Put<std::uint8_t>(ETHTOOL_A_LINKMODES_DUPLEX, DUPLEX_FULL);
    return m;
  }();
  RunParse(state, "ETHTOOL_MSG_LINKMODES_GET reply", p.bytes().size(),
           [] { return netlink::ParseLinkMode(p.span()); });
}
BENCHMARK(BM_ParseLinkMode);

}  // namespace
}  // namespace host_exporter::bench
