#include <gtest/gtest.h>
#include <linux/neighbour.h>
#include <sys/socket.h>

#include "netlink/fake_netlink.h"
#include "support/golden.h"

namespace host_exporter::testing {
namespace {

using netlink::Link;
using netlink::Neighbour;
using netlink::ScopedNetlinkOverride;
using netlink::testing::FakeNetlink;

TEST(ArpCollector, ProcGolden) {
  auto out = RunGolden("arp", "basic", 3u, {"--no-collector.arp.netlink"});
  EXPECT_NE(out.text.find("node_arp_entries{device=\"eno1\"} 4\n"), std::string::npos);
  EXPECT_EQ(out.text.find("node_arp_states"), std::string::npos);  // netlink only
}

TEST(ArpCollector, FiltersMayBothBeGiven) {
  // node_exporter does not enforce the exclusivity its help text mentions.
  auto out = RunCollector("arp", "basic",
                          {"--no-collector.arp.netlink", "--collector.arp.device-include=^(eno|wl)",
                           "--collector.arp.device-exclude=wl"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 1u);
  EXPECT_NE(out.text.find("device=\"eno1\""), std::string::npos);
  auto bad = RunCollector("arp", "basic", {"--collector.arp.device-include=["});
  ASSERT_FALSE(bad.status);
  EXPECT_NE(bad.status.error().message.find("--collector.arp.device-include"), std::string::npos);
}

TEST(ArpCollector, MalformedOrMissingFileFails) {
  auto bad = RunCollector("arp", "malformed", {"--no-collector.arp.netlink"});
  ASSERT_FALSE(bad.status);
  EXPECT_NE(bad.status.error().message.find("could not get ARP entries: "), std::string::npos);
  EXPECT_NE(bad.status.error().message.find("malformed/proc/net/arp: line 3"), std::string::npos)
      << bad.status.error().message;
  EXPECT_EQ(bad.samples, 0u);
  auto missing = RunCollector("arp", "empty", {"--no-collector.arp.netlink"});
  ASSERT_FALSE(missing.status);
  EXPECT_FALSE(missing.status.error().IsNoData());
  EXPECT_NE(missing.status.error().message.find("proc/net/arp"), std::string::npos);
}

Neighbour N(std::uint8_t family, std::int32_t ifindex, std::uint16_t state) {
  Neighbour n;
  n.family = family;
  n.ifindex = ifindex;
  n.state = state;
  return n;
}

FakeNetlink Neighbours() {
  FakeNetlink nl;
  Link lo, eno1, docker0;
  lo.index = 1;
  lo.name = "lo";
  eno1.index = 2;
  eno1.name = "eno1";
  docker0.index = 5;
  docker0.name = "docker0";
  nl.links = std::vector<Link>{lo, eno1, docker0};
  nl.neighbours = std::vector<Neighbour>{
      N(AF_INET, 2, NUD_REACHABLE), N(AF_INET, 2, NUD_STALE),     N(AF_INET, 2, NUD_STALE),
      N(AF_INET, 2, NUD_PERMANENT), N(AF_INET, 2, NUD_FAILED),    N(AF_INET, 2, NUD_NONE),
      N(AF_INET, 1, NUD_NOARP),     N(AF_INET, 2, NUD_NOARP),     N(AF_INET6, 2, NUD_REACHABLE),
      N(AF_INET, 5, NUD_DELAY),     N(AF_INET, 5, NUD_INCOMPLETE), N(AF_INET, 5, NUD_PROBE),
  };
  return nl;
}

TEST(ArpCollector, NetlinkCountsStatesSkippingNoarpAndIPv6) {
  FakeNetlink nl = Neighbours();
  ScopedNetlinkOverride o(nl);
  auto out = RunCollector("arp", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_arp_entries{device=\"eno1\"} 6\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_arp_states{device=\"eno1\",state=\"stale\"} 2\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_arp_states{device=\"eno1\",state=\"\"} 1\n"), std::string::npos);  // NUD_NONE
  EXPECT_EQ(out.text.find("device=\"lo\""), std::string::npos);
  EXPECT_EQ(out.samples, 2u + 5u + 3u);
  ExpectGolden("arp", "netlink", out.text);

  auto filtered = RunCollector("arp", "empty", {"--collector.arp.device-exclude=docker"});
  ASSERT_TRUE(filtered.status) << filtered.status.error().message;
  EXPECT_EQ(filtered.text.find("docker0"), std::string::npos);
}

TEST(ArpCollector, NetlinkFailures) {
  FakeNetlink nl = Neighbours();
  nl.neighbours->push_back(N(AF_INET, 42, NUD_REACHABLE));
  {
    ScopedNetlinkOverride o(nl);
    auto out = RunCollector("arp", "empty");
    ASSERT_FALSE(out.status);
    EXPECT_NE(out.status.error().message.find("could not get ARP entries: "), std::string::npos);
    EXPECT_NE(out.status.error().message.find("index 42"), std::string::npos) << out.status.error().message;
  }
  nl = Neighbours();
  nl.neighbours = Fail(ErrorKind::kIo, "netlink RTM_GETNEIGH dump: boom");
  {
    ScopedNetlinkOverride o(nl);
    auto out = RunCollector("arp", "empty");
    ASSERT_FALSE(out.status);
    EXPECT_EQ(out.status.error().message, "could not get ARP entries: netlink RTM_GETNEIGH dump: boom");
  }
}

}  // namespace
}  // namespace host_exporter::testing
