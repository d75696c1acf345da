// The netlink path against the real kernel: the loopback device of the test's
// own namespace, and a veth pair with addresses and neighbours in a network
// namespace the test creates (and the kernel deletes when its thread ends).
#include "host_exporter/netlink/net_client.h"

#include <gtest/gtest.h>
#include <linux/ethtool.h>
#include <linux/if_arp.h>
#include <linux/neighbour.h>
#include <sched.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <thread>

#include "host_exporter/file.h"
#include "host_exporter/procfs/net_dev.h"
#include "netlink/fake_netlink.h"
#include "support/golden.h"

namespace host_exporter::netlink {
namespace {

const Link* Find(const std::vector<Link>& links, std::string_view name) {
  auto it = std::find_if(links.begin(), links.end(), [&](const Link& l) { return l.name == name; });
  return it == links.end() ? nullptr : &*it;
}

TEST(SystemNetlink, LoopbackMatchesProcNetDev) {
  Paths host;  // the real /proc
  auto proc = procfs::ReadNetDev(host);
  ASSERT_TRUE(proc) << proc.error().message;
  auto proc_lo = std::find_if(proc->begin(), proc->end(), [](const auto& l) { return l.name == "lo"; });
  ASSERT_NE(proc_lo, proc->end());

  auto links = SystemNetlink().Links();
  ASSERT_TRUE(links) << links.error().message;
  const Link* lo = Find(*links, "lo");
  ASSERT_NE(lo, nullptr);
  EXPECT_EQ(lo->type, ARPHRD_LOOPBACK);
  EXPECT_GT(lo->index, 0);
  EXPECT_TRUE(lo->has_attributes);
  EXPECT_EQ(lo->mtu, 65536u);
  ASSERT_TRUE(lo->stats64);
  // Read after /proc/net/dev: counters can only have grown.
  EXPECT_GE(lo->stats64->rx_bytes, proc_lo->rx_bytes);
  EXPECT_GE(lo->stats64->tx_packets, proc_lo->tx_packets);
  EXPECT_EQ(lo->stats64->rx_errors, proc_lo->rx_errors);
  EXPECT_EQ(lo->stats64->tx_carrier_errors, proc_lo->tx_carrier);
  ASSERT_TRUE(lo->stats32);  // the kernel sends both
  EXPECT_EQ(lo->stats32->rx_errors, lo->stats64->rx_errors);
}

TEST(SystemNetlink, AddressesIncludeLoopback) {
  auto addrs = SystemNetlink().Addresses();
  ASSERT_TRUE(addrs) << addrs.error().message;
  bool found = std::any_of(addrs->begin(), addrs->end(), [](const Address& a) {
    return a.family == AF_INET && FormatGoIP(a.Own()) == "127.0.0.1" && a.prefix_len == 8;
  });
  EXPECT_TRUE(found);
}

TEST(CurrentNetlink, OverrideIsPerThreadAndScoped) {
  testing::FakeNetlink fake;
  EXPECT_EQ(&CurrentNetlink(), &SystemNetlink());
  {
    ScopedNetlinkOverride o(fake);
    EXPECT_EQ(&CurrentNetlink(), &fake);
    const NetlinkClient* other = nullptr;
    std::thread([&] { other = &CurrentNetlink(); }).join();
    EXPECT_EQ(other, &SystemNetlink());
  }
  EXPECT_EQ(&CurrentNetlink(), &SystemNetlink());
}

// Runs a shell command with a time bound; true on success.
bool Sh(const std::string& cmd) {
  std::string full = "timeout 10 sh -c '" + cmd + "' >/dev/null 2>&1";
  return std::system(full.c_str()) == 0;
}

// Everything below runs on one thread that has its own network namespace;
// commands it starts inherit it.
TEST(SystemNetlink, VethPairInOwnNamespace) {
  if (geteuid() != 0) GTEST_SKIP() << "creating a network namespace needs root";
  std::thread([] {
    ASSERT_EQ(unshare(CLONE_NEWNET), 0) << "unshare(CLONE_NEWNET): " << std::strerror(errno);
    ASSERT_TRUE(Sh("ip link add vtest0 type veth peer name vtest1 && ip link set vtest0 up && "
                   "ip link set vtest1 up && ip link set vtest0 alias \"to vtest1\" && "
                   "ip link set vtest0 mtu 9000 && ip addr add 192.0.2.1/24 dev vtest0 && "
                   "ip -6 addr add 2001:db8::1/64 dev vtest0 nodad && "
                   "ip neigh add 192.0.2.7 lladdr 02:00:00:00:00:07 dev vtest0 nud permanent && "
                   "ip neigh add 192.0.2.8 lladdr 02:00:00:00:00:08 dev vtest0 nud stale && "
                   "ip neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev vtest0 nud noarp"));

    auto links = SystemNetlink().Links();
    ASSERT_TRUE(links) << links.error().message;
    const Link* v0 = Find(*links, "vtest0");
    const Link* v1 = Find(*links, "vtest1");
    ASSERT_NE(v0, nullptr);
    ASSERT_NE(v1, nullptr);
    EXPECT_EQ(v0->mtu, 9000u);
    EXPECT_EQ(v0->alias, "to vtest1");
    EXPECT_FALSE(v1->alias.has_value());
    EXPECT_EQ(v0->type, ARPHRD_ETHER);
    EXPECT_EQ(v0->link, static_cast<std::uint32_t>(v1->index));  // the peer
    EXPECT_EQ(v0->address.size(), 6u);
    EXPECT_EQ(FormatHardwareAddr(v0->broadcast), "ff:ff:ff:ff:ff:ff");
    EXPECT_TRUE(v0->carrier.has_value());
    EXPECT_TRUE(v0->carrier_up_count.has_value());
    EXPECT_EQ(v0->tx_queue_len, 1000u);
    EXPECT_TRUE(v0->stats64.has_value());

    auto neigh = SystemNetlink().Neighbours();
    ASSERT_TRUE(neigh) << neigh.error().message;
    int permanent = 0, stale = 0, noarp = 0;
    for (const auto& n : *neigh) {
      if (n.ifindex != v0->index || n.family != AF_INET) continue;
      if (FormatGoIP(n.dst) == "192.0.2.7" && n.state == NUD_PERMANENT) ++permanent;
      if (FormatGoIP(n.dst) == "192.0.2.8" && n.state == NUD_STALE) ++stale;
      if (FormatGoIP(n.dst) == "192.0.2.9" && (n.state & NUD_NOARP) != 0) ++noarp;
    }
    EXPECT_EQ(permanent, 1);
    EXPECT_EQ(stale, 1);
    EXPECT_EQ(noarp, 1);

    auto addrs = SystemNetlink().Addresses();
    ASSERT_TRUE(addrs) << addrs.error().message;
    std::vector<std::string> mine;
    for (const auto& a : *addrs) {
      if (a.index == static_cast<std::uint32_t>(v0->index)) {
        mine.push_back(FormatGoIP(a.Own()) + "/" + std::to_string(a.prefix_len));
      }
    }
    EXPECT_NE(std::find(mine.begin(), mine.end(), "192.0.2.1/24"), mine.end());
    EXPECT_NE(std::find(mine.begin(), mine.end(), "2001:db8::1/64"), mine.end());

    // veth implements get_link_ksettings: 10Gb/s full duplex.
    auto modes = SystemNetlink().LinkModes();
    ASSERT_TRUE(modes) << modes.error().message;
    auto m = std::find_if(modes->begin(), modes->end(), [](const LinkMode& x) { return x.name == "vtest0"; });
    ASSERT_NE(m, modes->end());
    EXPECT_EQ(m->index, v0->index);
    EXPECT_EQ(m->speed_mbps, 10000u);
    EXPECT_EQ(DuplexString(m->duplex), "Full");

    // The collectors end to end on this namespace.
    auto arp = host_exporter::testing::RunCollector("arp", "empty");
    ASSERT_TRUE(arp.status) << arp.status.error().message;
    EXPECT_NE(arp.text.find("node_arp_entries{device=\"vtest0\"} 2\n"), std::string::npos) << arp.text;
    EXPECT_NE(arp.text.find("node_arp_states{device=\"vtest0\",state=\"permanent\"} 1\n"), std::string::npos);
    auto netdev = host_exporter::testing::RunCollector(
        "netdev", "empty", {"--collector.netdev.device-include=^vtest", "--collector.netdev.address-info"});
    ASSERT_TRUE(netdev.status) << netdev.status.error().message;
    EXPECT_NE(netdev.text.find("node_network_receive_nohandler_total{device=\"vtest1\"} 0\n"), std::string::npos);
    EXPECT_NE(netdev.text.find("node_network_address_info{address=\"192.0.2.1\",device=\"vtest0\",netmask=\"24\","
                               "scope=\"global\"} 1\n"),
              std::string::npos)
        << netdev.text;
    auto netclass = host_exporter::testing::RunCollector(
        "netclass", "empty", {"--collector.netclass.netlink", "--collector.netclass.ignored-devices=^lo$"});
    ASSERT_TRUE(netclass.status) << netclass.status.error().message;
    EXPECT_NE(netclass.text.find("node_network_speed_bytes{device=\"vtest0\"} 1.25e+09\n"), std::string::npos);
    EXPECT_NE(netclass.text.find("node_network_mtu_bytes{device=\"vtest0\"} 9000\n"), std::string::npos);
    EXPECT_NE(netclass.text.find("duplex=\"Full\",ifalias=\"to vtest1\""), std::string::npos) << netclass.text;
  }).join();
}

}  // namespace
}  // namespace host_exporter::netlink
