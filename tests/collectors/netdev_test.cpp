#include <gtest/gtest.h>
#include <linux/if_addr.h>
#include <linux/if_arp.h>
#include <sys/socket.h>

#include "netlink/fake_netlink.h"
#include "support/golden.h"

namespace host_exporter::testing {
namespace {

using netlink::Address;
using netlink::Link;
using netlink::LinkStats;
using netlink::ScopedNetlinkOverride;
using netlink::testing::FakeNetlink;

Link MakeLink(std::int32_t index, std::string name, LinkStats s) {
  Link l;
  l.index = index;
  l.type = ARPHRD_ETHER;
  l.name = std::move(name);
  l.has_attributes = true;
  l.stats64 = s;
  return l;
}

// The basic host's interfaces as an rtnetlink dump reports them: the detailed
// error counters /proc/net/dev folds together are separate here.
FakeNetlink BasicHost() {
  FakeNetlink nl;
  LinkStats lo{};
  lo.rx_packets = lo.tx_packets = 97443;
  lo.rx_bytes = lo.tx_bytes = 18473825;
  LinkStats eno1{};
  eno1.rx_packets = 8627914;
  eno1.rx_bytes = 9138726351;
  eno1.tx_packets = 3984352;
  eno1.tx_bytes = 1537206633;
  eno1.rx_dropped = 1200;
  eno1.rx_missed_errors = 45;  // receive_drop = 1245
  eno1.multicast = 51280;
  LinkStats wlp{};
  wlp.rx_packets = 5210;
  wlp.rx_bytes = 2189331;
  wlp.rx_errors = 12;
  wlp.rx_dropped = 31;
  wlp.rx_frame_errors = 2;
  wlp.rx_length_errors = 4;
  wlp.rx_over_errors = 1;
  wlp.rx_crc_errors = 5;  // receive_frame = 12
  wlp.rx_fifo_errors = 3;
  wlp.multicast = 230;
  wlp.tx_packets = 3012;
  wlp.tx_bytes = 712390;
  wlp.tx_errors = 7;
  wlp.tx_carrier_errors = 1;
  wlp.tx_aborted_errors = 1;
  wlp.tx_heartbeat_errors = 0;
  wlp.tx_window_errors = 1;  // transmit_carrier = 3
  wlp.tx_fifo_errors = 2;
  wlp.collisions = 6;
  wlp.rx_nohandler = 9;
  wlp.rx_compressed = 11;
  wlp.tx_compressed = 13;
  LinkStats docker{};
  docker.rx_packets = 1329;
  docker.rx_bytes = 104851;
  docker.tx_packets = 18563;
  docker.tx_bytes = 3571402;
  docker.tx_dropped = 5;
  nl.links = std::vector<Link>{MakeLink(1, "lo", lo), MakeLink(2, "eno1", eno1), MakeLink(3, "eno2", {}),
                               MakeLink(4, "wlp2s0", wlp), MakeLink(5, "docker0", docker)};
  (*nl.links)[0].type = ARPHRD_LOOPBACK;
  // Only IFLA_STATS (32-bit): used as it is.
  Link slip = MakeLink(6, "sl0", {});
  slip.stats64.reset();
  slip.stats32 = LinkStats{};
  slip.stats32->rx_packets = 42;
  nl.links->push_back(slip);
  // No statistics at all, or no attributes: skipped.
  Link nostats = MakeLink(7, "nostats0", {});
  nostats.stats64.reset();
  nl.links->push_back(nostats);
  Link bare;
  bare.index = 8;
  nl.links->push_back(bare);

  auto addr = [](std::uint32_t index, std::uint8_t family, std::uint8_t prefix, std::vector<std::uint8_t> a,
                 bool local) {
    Address x;
    x.index = index;
    x.family = family;
    x.prefix_len = prefix;
    (local ? x.local : x.address) = std::move(a);
    if (local) x.address = x.local;
    return x;
  };
  nl.addresses = std::vector<Address>{
      addr(1, AF_INET, 8, {127, 0, 0, 1}, true),
      addr(1, AF_INET6, 128, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, false),
      addr(2, AF_INET, 24, {192, 168, 1, 10}, true),
      addr(2, AF_INET6, 64, {0x20, 0x01, 0x0d, 0xb8, 0, 0x12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10}, false),
      addr(2, AF_INET6, 64, {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x3e, 0xec, 0xef, 0xff, 0xfe, 0x12, 0x8a, 0x40}, false),
      addr(4, AF_INET, 16, {169, 254, 12, 7}, true),
      addr(4, AF_INET6, 8, {0xff, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, false),
      addr(5, AF_INET, 16, {172, 17, 0, 1}, true),
      addr(5, AF_INET, 33, {172, 17, 0, 9}, true),  // impossible prefix: Go cannot parse it back
      addr(9, AF_INET, 24, {10, 9, 9, 9}, true),    // no such link
  };
  return nl;
}

TEST(NetdevCollector, ProcGolden) {
  auto out = RunGolden("netdev", "basic", 6u * 16u, {"--no-collector.netdev.netlink"});
  EXPECT_NE(out.text.find("node_network_receive_drop_total{device=\"eno1\"} 1245\n"), std::string::npos);
  EXPECT_NE(out.text.find("# HELP node_network_receive_errs_total Network device statistic receive_errs.\n"),
            std::string::npos);
}

TEST(NetdevCollector, ProcDetailedKeepsKernelNames) {
  auto out = RunCollector("netdev", "basic",
                          {"--no-collector.netdev.netlink", "--collector.netdev.enable-detailed-metrics"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_network_receive_dropped_total{device=\"eno1\"} 1245\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_transmit_errors_total{device=\"wlp2s0\"} 0\n"), std::string::npos);
  EXPECT_EQ(out.text.find("receive_drop_total"), std::string::npos);
  ExpectGolden("netdev", "basic-detailed", out.text);
}

TEST(NetdevCollector, DeviceIncludeAndExclude) {
  auto inc = RunCollector("netdev", "basic", {"--no-collector.netdev.netlink", "--collector.netdev.device-include=^(eno|wlp)"});
  ASSERT_TRUE(inc.status) << inc.status.error().message;
  EXPECT_EQ(inc.samples, 3u * 16u);
  EXPECT_EQ(inc.text.find("device=\"lo\""), std::string::npos);
  // Unanchored, as Go's MatchString.
  auto exc = RunCollector("netdev", "basic", {"--no-collector.netdev.netlink", "--collector.netdev.device-exclude=eth|veth"});
  ASSERT_TRUE(exc.status) << exc.status.error().message;
  EXPECT_EQ(exc.samples, 5u * 16u);
  EXPECT_EQ(exc.text.find("veth3b1f2c7"), std::string::npos);
  // The pre-1.1 names still work.
  auto old = RunCollector("netdev", "basic", {"--no-collector.netdev.netlink", "--collector.netdev.device-whitelist=^lo$"});
  ASSERT_TRUE(old.status) << old.status.error().message;
  EXPECT_EQ(old.samples, 16u);
}

TEST(NetdevCollector, BadFilterFlagsFailCreate) {
  auto both = RunCollector("netdev", "basic",
                           {"--collector.netdev.device-include=lo", "--collector.netdev.device-exclude=eth"});
  ASSERT_FALSE(both.status);
  EXPECT_EQ(both.status.error().kind, ErrorKind::kInvalidArgument);
  EXPECT_NE(both.status.error().message.find("mutually exclusive"), std::string::npos);
  auto twice = RunCollector("netdev", "basic",
                            {"--collector.netdev.device-include=lo", "--collector.netdev.device-whitelist=eth"});
  ASSERT_FALSE(twice.status);
  EXPECT_NE(twice.status.error().message.find("--collector.netdev.device-whitelist and"), std::string::npos);
  auto bad = RunCollector("netdev", "basic", {"--collector.netdev.device-exclude=(eth"});
  ASSERT_FALSE(bad.status);
  EXPECT_NE(bad.status.error().message.find("--collector.netdev.device-exclude"), std::string::npos)
      << bad.status.error().message;
}

TEST(NetdevCollector, IfAliasLabelFromSysfs) {
  auto out = RunCollector("netdev", "basic", {"--no-collector.netdev.netlink", "--collector.netdev.label-ifalias"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_network_receive_bytes_total{device=\"eno1\",ifalias=\"uplink to core-sw1 port 12\"} "
                          "9.138726351e+09\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_network_receive_bytes_total{device=\"lo\",ifalias=\"\"} "), std::string::npos);
  ExpectGolden("netdev", "basic-ifalias", out.text);
  // Without /sys/class/net the labels cannot be read: nothing is reported.
  auto none = RunCollector("netdev", "netclass-vanished", {"--no-collector.netdev.netlink", "--collector.netdev.label-ifalias"});
  ASSERT_FALSE(none.status);
  EXPECT_EQ(none.samples, 0u);
}

TEST(NetdevCollector, MalformedOrMissingFileFails) {
  auto bad = RunCollector("netdev", "malformed", {"--no-collector.netdev.netlink"});
  ASSERT_FALSE(bad.status);
  EXPECT_EQ(bad.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.status.error().message.find("couldn't get netstats: failed to parse /proc/net/dev:"),
            std::string::npos);
  EXPECT_NE(bad.status.error().message.find("malformed/proc/net/dev: line 4"), std::string::npos)
      << bad.status.error().message;
  EXPECT_EQ(bad.samples, 0u);
  // node_exporter reports a missing /proc/net/dev as a failure, not "no data".
  auto missing = RunCollector("netdev", "empty", {"--no-collector.netdev.netlink"});
  ASSERT_FALSE(missing.status);
  EXPECT_FALSE(missing.status.error().IsNoData());
  EXPECT_NE(missing.status.error().message.find("proc/net/dev"), std::string::npos);
}

TEST(NetdevCollector, NetlinkGoldenFoldsDetailedErrors) {
  FakeNetlink nl = BasicHost();
  ScopedNetlinkOverride o(nl);
  auto out = RunCollector("netdev", "empty");  // netlink is the default; no files needed
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 6u * 17u);  // lo eno1 eno2 wlp2s0 docker0 sl0
  EXPECT_NE(out.text.find("node_network_receive_drop_total{device=\"eno1\"} 1245\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_receive_frame_total{device=\"wlp2s0\"} 12\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_transmit_carrier_total{device=\"wlp2s0\"} 3\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_receive_nohandler_total{device=\"wlp2s0\"} 9\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_receive_packets_total{device=\"sl0\"} 42\n"), std::string::npos);
  EXPECT_EQ(out.text.find("nostats0"), std::string::npos);
  ExpectGolden("netdev", "netlink", out.text);
}

TEST(NetdevCollector, NetlinkDetailedKeepsEveryCounter) {
  FakeNetlink nl = BasicHost();
  ScopedNetlinkOverride o(nl);
  auto out = RunCollector("netdev", "empty",
                          {"--collector.netdev.enable-detailed-metrics", "--collector.netdev.device-include=wlp"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 24u);
  EXPECT_NE(out.text.find("node_network_receive_missed_errors_total{device=\"wlp2s0\"} 0\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_multicast_total{device=\"wlp2s0\"} 230\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_collisions_total{device=\"wlp2s0\"} 6\n"), std::string::npos);
  ExpectGolden("netdev", "netlink-detailed", out.text);
}

TEST(NetdevCollector, NetlinkErrorFails) {
  FakeNetlink nl;
  nl.links = Fail(ErrorKind::kIo, "netlink RTM_GETLINK dump: Permission denied");
  ScopedNetlinkOverride o(nl);
  auto out = RunCollector("netdev", "basic");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().message, "couldn't get netstats: netlink RTM_GETLINK dump: Permission denied");
}

TEST(NetdevCollector, AddressInfoAsGoReportsIt) {
  FakeNetlink nl = BasicHost();
  ScopedNetlinkOverride o(nl);
  auto out = RunCollector("netdev", "empty",
                          {"--collector.netdev.address-info", "--collector.netdev.device-include=^$"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_network_address_info{address=\"127.0.0.1\",device=\"lo\",netmask=\"8\",scope=\"link-local\"} 1"),
            std::string::npos);
  EXPECT_NE(out.text.find("address=\"2001:db8:12::10\",device=\"eno1\",netmask=\"64\",scope=\"global\""),
            std::string::npos);
  EXPECT_NE(out.text.find("address=\"ff01::1\",device=\"wlp2s0\",netmask=\"8\",scope=\"interface-local\""),
            std::string::npos);
  EXPECT_EQ(out.text.find("172.17.0.9"), std::string::npos);
  EXPECT_EQ(out.text.find("10.9.9.9"), std::string::npos);
  EXPECT_EQ(out.samples, 8u);  // the device filter does not apply to address info
  ExpectGolden("netdev", "address-info", out.text);

  // Interfaces unreadable: the counters already written stay, the collector fails.
  FakeNetlink broken = BasicHost();
  broken.addresses = Fail(ErrorKind::kIo, "netlink RTM_GETADDR dump: boom");
  ScopedNetlinkOverride o2(broken);
  auto no_addrs = RunCollector("netdev", "empty", {"--collector.netdev.address-info"});
  ASSERT_TRUE(no_addrs.status) << no_addrs.status.error().message;  // Go ignores Addrs() errors
  EXPECT_EQ(no_addrs.text.find("address_info"), std::string::npos);
}

TEST(NetdevCollector, LiveLoopbackOverNetlink) {
  // The real kernel: lo exists in every network namespace, and its error
  // counters are zero while its byte counters only grow.
  auto before = RunCollector("netdev", "basic", {"--collector.netdev.device-include=^lo$"});
  ASSERT_TRUE(before.status) << before.status.error().message;
  EXPECT_EQ(before.samples, 17u);
  EXPECT_NE(before.text.find("node_network_receive_errs_total{device=\"lo\"} 0\n"), std::string::npos);
  EXPECT_NE(before.text.find("node_network_transmit_carrier_total{device=\"lo\"} 0\n"), std::string::npos);
  EXPECT_NE(before.text.find("node_network_receive_bytes_total{device=\"lo\"} "), std::string::npos);
}

}  // namespace
}  // namespace host_exporter::testing
