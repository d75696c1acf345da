#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/ethtool.h>
#include <linux/if_arp.h>
#include <unistd.h>

#include <cerrno>
#include <set>

#include <linux/magic.h>

#include "host_exporter/file.h"
#include "host_exporter/mount/statfs.h"
#include "host_exporter/sysfs/net_class.h"
#include "netlink/fake_netlink.h"
#include "support/golden.h"

namespace host_exporter::testing {
namespace {

using netlink::Link;
using netlink::LinkMode;
using netlink::ScopedNetlinkOverride;
using netlink::testing::FakeNetlink;

TEST(NetclassCollector, SysfsGolden) {
  auto out = RunCollector("netclass", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_network_info{address=\"3c:ec:ef:12:8a:40\",adminstate=\"up\",broadcast=\"ff:ff:ff:ff:ff:ff\","
                          "device=\"eno1\",duplex=\"full\",ifalias=\"uplink to core-sw1 port 12\",operstate=\"up\"} 1\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_network_speed_bytes{device=\"eno1\"} 1.25e+08\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_up{device=\"lo\"} 0\n"), std::string::npos);  // operstate "unknown"
  EXPECT_NE(out.text.find("node_network_flags{device=\"eno1\"} 4099\n"), std::string::npos);
  // eno2 is administratively down: no carrier, speed or dormant metrics.
  EXPECT_EQ(out.text.find("node_network_carrier{device=\"eno2\"}"), std::string::npos);
  EXPECT_EQ(out.text.find("node_network_speed_bytes{device=\"eno2\"}"), std::string::npos);
  EXPECT_NE(out.text.find("adminstate=\"down\",broadcast=\"ff:ff:ff:ff:ff:ff\",device=\"eno2\""), std::string::npos);
  ExpectGolden("netclass", "basic", out.text);
}

TEST(NetclassCollector, QuirksAndInvalidSpeed) {
  auto out = RunCollector("netclass", "netclass-quirks", {"--collector.netclass.ignored-devices=^virbr"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.text.find("virbr0-nic"), std::string::npos);
  EXPECT_EQ(out.text.find("bonding_masters"), std::string::npos);
  // SPEED_UNKNOWN converted as node_exporter does unless told to ignore it.
  EXPECT_NE(out.text.find("node_network_speed_bytes{device=\"bond0\"} -125000\n"), std::string::npos);
  // Unparsable flags: no flags metric and an unknown admin state.
  EXPECT_EQ(out.text.find("node_network_flags{device=\"eth9\"}"), std::string::npos);
  EXPECT_NE(out.text.find("adminstate=\"unknown\""), std::string::npos);
  EXPECT_EQ(out.text.find("node_network_mtu_bytes{device=\"eth9\"}"), std::string::npos);
  ExpectGolden("netclass", "netclass-quirks", out.text);

  auto ignore = RunCollector("netclass", "netclass-quirks", {"--collector.netclass.ignore-invalid-speed"});
  ASSERT_TRUE(ignore.status) << ignore.status.error().message;
  EXPECT_EQ(ignore.text.find("node_network_speed_bytes{device=\"bond0\"}"), std::string::npos);
  EXPECT_NE(ignore.text.find("node_network_speed_bytes{device=\"eth9\"} 3.125e+08\n"), std::string::npos);
  EXPECT_NE(ignore.text.find("device=\"virbr0-nic\""), std::string::npos);  // default ignores nothing
}

TEST(NetclassCollector, AbsentOrVanishedIsNoData) {
  auto empty = RunCollector("netclass", "empty");
  ASSERT_FALSE(empty.status);
  EXPECT_TRUE(empty.status.error().IsNoData()) << empty.status.error().message;
  auto vanished = RunCollector("netclass", "netclass-vanished");
  ASSERT_FALSE(vanished.status);
  EXPECT_TRUE(vanished.status.error().IsNoData()) << vanished.status.error().message;
  EXPECT_EQ(vanished.samples, 0u);
  // Ignoring the vanished device makes the rest readable.
  auto rest = RunCollector("netclass", "netclass-vanished", {"--collector.netclass.ignored-devices=veth"});
  ASSERT_TRUE(rest.status) << rest.status.error().message;
  EXPECT_EQ(rest.samples, 2u);  // lo: up and info
}

TEST(NetclassCollector, DeviceThatIsNotADirectoryFails) {
  auto out = RunCollector("netclass", "netclass-notdir");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData()) << out.status.error().message;
  EXPECT_NE(out.status.error().message.find("netclass-notdir/sys/class/net/eth0"), std::string::npos)
      << out.status.error().message;
}

thread_local std::set<int> g_eio_fds;
thread_local std::string_view g_eio_suffix = "/wlp2s0/carrier";
int EioOpen(const char* path, int flags) {
  int fd = ::open(path, flags);
  if (fd >= 0 && std::string_view(path).ends_with(g_eio_suffix)) g_eio_fds.insert(fd);
  return fd;
}
ssize_t EioRead(int fd, void* buf, std::size_t n) {
  if (g_eio_fds.count(fd) != 0) {
    errno = EIO;
    return -1;
  }
  return ::read(fd, buf, n);
}
int EioClose(int fd) {
  g_eio_fds.erase(fd);
  return ::close(fd);
}

TEST(NetclassCollector, UnreadableAttributeFailsNamingTheFile) {
  ScopedSyscallOverride o(Syscalls{&EioOpen, &EioRead, &EioClose});
  auto out = RunCollector("netclass", "basic");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("could not get net class info: failed to read file"), std::string::npos)
      << out.status.error().message;
  EXPECT_NE(out.status.error().message.find("sys/class/net/wlp2s0/carrier"), std::string::npos);
  EXPECT_EQ(out.samples, 0u);
}

TEST(NetclassCollector, BadRegexFailsCreate) {
  auto out = RunCollector("netclass", "basic", {"--collector.netclass.ignored-devices=(eth"});
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kInvalidArgument);
  EXPECT_NE(out.status.error().message.find("--collector.netclass.ignored-devices"), std::string::npos);
}

// The basic host as rtnetlink and ethtool netlink describe it.
FakeNetlink RtnlHost() {
  FakeNetlink nl;
  Link lo;
  lo.index = 1;
  lo.type = ARPHRD_LOOPBACK;
  lo.flags = 0x10049;
  lo.name = "lo";
  lo.has_attributes = true;
  lo.address = lo.broadcast = {0, 0, 0, 0, 0, 0};
  lo.mtu = 65536;
  lo.carrier = 1;
  lo.carrier_changes = lo.carrier_up_count = lo.carrier_down_count = 0;
  lo.operstate = 0;
  lo.link_mode = 0;
  lo.group = 0;
  lo.tx_queue_len = 1000;
  lo.stats64 = netlink::LinkStats{};
  lo.stats64->rx_bytes = lo.stats64->tx_bytes = 18473825;
  Link eno1 = lo;
  eno1.index = 2;
  eno1.type = ARPHRD_ETHER;
  eno1.flags = 0x11043;
  eno1.name = "eno1";
  eno1.address = {0x3c, 0xec, 0xef, 0x12, 0x8a, 0x40};
  eno1.broadcast = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
  eno1.mtu = 1500;
  eno1.carrier_changes = 4;
  eno1.carrier_up_count = 2;
  eno1.carrier_down_count = 2;
  eno1.operstate = 6;
  eno1.alias = "uplink to core-sw1 port 12";
  eno1.stats64->rx_bytes = 9138726351;
  Link eno2 = eno1;
  eno2.index = 3;
  eno2.name = "eno2";
  eno2.flags = 0x1002;
  eno2.address = {0x3c, 0xec, 0xef, 0x12, 0x8a, 0x41};
  eno2.carrier = 0;
  eno2.operstate = 2;
  eno2.alias.reset();
  eno2.stats64.reset();
  Link veth = eno1;
  veth.index = 7;
  veth.name = "veth3b1f2c7";
  veth.link = 6;  // peer in another namespace
  veth.alias.reset();
  veth.address = {0xd6, 0x4e, 0x0f, 0xa2, 0x5c, 0x91};
  nl.links = std::vector<Link>{lo, eno1, eno2, veth};
  LinkMode m1{2, "eno1", 1000, DUPLEX_FULL};
  LinkMode m2{3, "eno2", static_cast<std::uint32_t>(SPEED_UNKNOWN), DUPLEX_UNKNOWN};
  LinkMode m3{7, "veth3b1f2c7", 10000, DUPLEX_FULL};
  nl.link_modes = std::vector<LinkMode>{m1, m2, m3};
  return nl;
}

TEST(NetclassCollector, NetlinkGolden) {
  FakeNetlink nl = RtnlHost();
  ScopedNetlinkOverride o(nl);
  auto out = RunCollector("netclass", "basic", {"--collector.netclass.netlink"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("# HELP node_network_info Non-numeric data of <iface>, value is always 1.\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_network_info{address=\"3c:ec:ef:12:8a:40\",broadcast=\"ff:ff:ff:ff:ff:ff\",device=\"eno1\","
                          "duplex=\"Full\",ifalias=\"uplink to core-sw1 port 12\",operstate=\"up\"} 1\n"),
            std::string::npos);
  // SPEED_UNKNOWN passes node_exporter's ">= 0" check once widened to a Go int.
  EXPECT_NE(out.text.find("node_network_speed_bytes{device=\"eno2\"} 5.36870911875e+14\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_iface_link{device=\"veth3b1f2c7\"} 6\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_iface_link{device=\"eno1\"} 2\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_flags{device=\"eno1\"} 69699\n"), std::string::npos);
  // Three attributes still come from sysfs.
  EXPECT_NE(out.text.find("node_network_name_assign_type{device=\"eno1\"} 4\n"), std::string::npos);
  EXPECT_EQ(out.text.find("receive_bytes_total"), std::string::npos);
  ExpectGolden("netclass", "netlink", out.text);
}

TEST(NetclassCollector, NetlinkWithStatsAndWithoutEthtool) {
  FakeNetlink nl = RtnlHost();
  nl.link_modes = Fail(ErrorKind::kNotFound, "ethtool netlink link modes: Object not found");
  ScopedNetlinkOverride o(nl);
  auto out = RunCollector("netclass", "basic",
                          {"--collector.netclass.netlink", "--collector.netclass_rtnl.with-stats",
                           "--collector.netclass.ignored-devices=^(lo|eno2)$"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.text.find("speed_bytes"), std::string::npos);
  EXPECT_NE(out.text.find("duplex=\"\""), std::string::npos);
  EXPECT_NE(out.text.find("# TYPE node_network_receive_bytes_total gauge\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_receive_bytes_total{device=\"eno1\"} 9.138726351e+09\n"), std::string::npos);
  EXPECT_EQ(out.text.find("device=\"lo\""), std::string::npos);
  ExpectGolden("netclass", "netlink-with-stats", out.text);
}

TEST(NetclassCollector, NetlinkFailures) {
  FakeNetlink nl = RtnlHost();
  nl.link_modes = Fail(ErrorKind::kIo, "ethtool netlink link modes: Permission denied");
  {
    ScopedNetlinkOverride o(nl);
    auto out = RunCollector("netclass", "basic", {"--collector.netclass.netlink"});
    ASSERT_FALSE(out.status);
    EXPECT_EQ(out.status.error().message, "could not get link modes: ethtool netlink link modes: Permission denied");
  }
  nl = RtnlHost();
  nl.links = Fail(ErrorKind::kIo, "netlink RTM_GETLINK dump: boom");
  {
    ScopedNetlinkOverride o(nl);
    auto out = RunCollector("netclass", "basic", {"--collector.netclass.netlink"});
    ASSERT_FALSE(out.status);
    EXPECT_EQ(out.status.error().message, "could not get net class info: netlink RTM_GETLINK dump: boom");
  }
}


// --- sysfs mode with --collector.netclass.rtnl-attributes (the default) ---

// What an RTM_GETLINK dump says of a device whose sysfs directory reads `s`:
// each field mapped on its own, so a mix-up in the collector's mapping shows.
Link LinkFromSysfs(const sysfs::NetClassIface& s) {
  Link l;
  l.has_attributes = true;
  l.name = s.name;
  l.index = static_cast<std::int32_t>(s.ifindex.value_or(0));
  l.type = static_cast<std::uint16_t>(s.type.value_or(0));
  l.flags = 0xdead;  // dev_get_flags(): never what sysfs's flags file says
  auto bytes = [](const std::string& hex) {
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i < hex.size(); i += 3) {
      out.push_back(static_cast<std::uint8_t>(std::stoul(hex.substr(i, 2), nullptr, 16)));
    }
    return out;
  };
  l.address = bytes(s.address);
  l.broadcast = bytes(s.broadcast);
  l.mtu = static_cast<std::uint32_t>(s.mtu.value_or(0));
  if (s.iflink && *s.iflink != l.index) l.link = static_cast<std::uint32_t>(*s.iflink);
  if (!s.ifalias.empty()) l.alias = s.ifalias;
  l.carrier = static_cast<std::uint8_t>(s.carrier.value_or(0));  // sent even when sysfs refuses
  if (s.carrier_changes) l.carrier_changes = static_cast<std::uint32_t>(*s.carrier_changes);
  if (s.carrier_up_count) l.carrier_up_count = static_cast<std::uint32_t>(*s.carrier_up_count);
  if (s.carrier_down_count) l.carrier_down_count = static_cast<std::uint32_t>(*s.carrier_down_count);
  static const std::vector<std::string> kOper = {"unknown", "notpresent", "down", "lowerlayerdown",
                                                 "testing", "dormant", "up"};
  for (std::size_t i = 0; i < kOper.size(); ++i) {
    if (kOper[i] == s.operstate) l.operstate = static_cast<std::uint8_t>(i);
  }
  if (s.link_mode) l.link_mode = static_cast<std::uint8_t>(*s.link_mode);
  if (s.netdev_group) l.group = static_cast<std::uint32_t>(*s.netdev_group);
  if (s.tx_queue_len) l.tx_queue_len = static_cast<std::uint32_t>(*s.tx_queue_len);
  return l;
}

FakeNetlink DumpOf(std::string_view scenario) {
  auto ifaces = sysfs::ReadNetClass(FixturePaths(scenario));
  EXPECT_TRUE(ifaces);
  FakeNetlink nl;
  std::vector<Link> links;
  if (ifaces) {
    for (const auto& i : *ifaces) links.push_back(LinkFromSysfs(i));
  }
  nl.links = links;
  return nl;
}

// The fixture tree passes for this namespace's sysfs: the same superblock as /sys.
int StatFsSysfs(const std::string&, mount::StatFs* st) {
  st->type = SYSFS_MAGIC;
  st->fsid = 0x8ba7615c36caa134;
  return 0;
}
// ... or for another namespace's: a sysfs, but not /sys's superblock.
int StatFsOtherNamespace(const std::string& path, mount::StatFs* st) {
  st->type = SYSFS_MAGIC;
  st->fsid = path == "/sys/class/net" ? 1 : 2;
  return 0;
}

Link* Named(FakeNetlink& nl, std::string_view name) {
  for (auto& l : *nl.links) {
    if (l.name == name) return &l;
  }
  ADD_FAILURE() << name;
  return nullptr;
}

TEST(NetclassCollector, RtnlAttributesGiveWhatSysfsGives) {
  auto sysfs_only = RunCollector("netclass", "basic");
  ASSERT_TRUE(sysfs_only.status) << sysfs_only.status.error().message;
  FakeNetlink nl = DumpOf("basic");
  ASSERT_TRUE(nl.links);
  ASSERT_EQ(nl.links->size(), 7u);
  ScopedNetlinkOverride n(nl);
  mount::ScopedStatFsOverride st(&StatFsSysfs);
  auto mixed = RunCollector("netclass", "basic");
  ASSERT_TRUE(mixed.status) << mixed.status.error().message;
  EXPECT_EQ(mixed.text, sysfs_only.text);
  EXPECT_EQ(mixed.samples, sysfs_only.samples);
}

TEST(NetclassCollector, RtnlAttributesComeFromTheDump) {
  FakeNetlink nl = DumpOf("basic");
  ASSERT_TRUE(nl.links);
  Named(nl, "eno1")->mtu = 9000;
  Named(nl, "eno1")->alias = std::string(126, 'a') + "    tail";
  Named(nl, "eno1")->carrier_up_count = 77;
  Named(nl, "eno2")->carrier = 1;  // down in sysfs's flags: still no carrier
  Named(nl, "lo")->operstate = 6;
  Named(nl, "docker0")->link = 42;
  Named(nl, "bond0")->index = 99;  // another device by that name now (renamed in between): sysfs alone
  Named(nl, "bond0")->mtu = 9000;
  ScopedNetlinkOverride n(nl);
  mount::ScopedStatFsOverride st(&StatFsSysfs);
  auto out = RunCollector("netclass", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_network_mtu_bytes{device=\"eno1\"} 9000\n"), std::string::npos);
  // The file would hold the alias and a newline, read as 128 bytes and trimmed.
  EXPECT_NE(out.text.find("ifalias=\"" + std::string(126, 'a') + "\""), std::string::npos);
  EXPECT_NE(out.text.find("node_network_carrier_up_changes_total{device=\"eno1\"} 77\n"), std::string::npos);
  EXPECT_EQ(out.text.find("node_network_carrier{device=\"eno2\"}"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_up{device=\"lo\"} 1\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_iface_link{device=\"docker0\"} 42\n"), std::string::npos);
  // flags is dev->flags from sysfs, not the dump's dev_get_flags().
  EXPECT_NE(out.text.find("node_network_flags{device=\"eno1\"} 4099\n"), std::string::npos);
  EXPECT_EQ(out.text.find("node_network_mtu_bytes{device=\"bond0\"} 9000\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_network_mtu_bytes{device=\"bond0\"} 1500\n"), std::string::npos);
}

TEST(NetclassCollector, RtnlAttributesOnlyOnASysfsMountAndWhenAsked) {
  auto sysfs_only = RunCollector("netclass", "basic");
  ASSERT_TRUE(sysfs_only.status) << sysfs_only.status.error().message;
  FakeNetlink nl = DumpOf("basic");
  ASSERT_TRUE(nl.links);
  for (auto& l : *nl.links) l.mtu = 1;
  ScopedNetlinkOverride n(nl);
  {
    auto copied_tree = RunCollector("netclass", "basic");  // the fixture is no sysfs
    ASSERT_TRUE(copied_tree.status);
    EXPECT_EQ(copied_tree.text, sysfs_only.text);
  }
  {
    mount::ScopedStatFsOverride other(&StatFsOtherNamespace);
    auto foreign = RunCollector("netclass", "basic");
    ASSERT_TRUE(foreign.status);
    EXPECT_EQ(foreign.text, sysfs_only.text);
  }
  {
    // The dump has a device sysfs does not (or lacks one): another
    // namespace's devices, or one added in between. Files alone.
    FakeNetlink more = DumpOf("basic");
    for (auto& l : *more.links) l.mtu = 1;
    Link extra = more.links->front();
    extra.name = "eth7";
    more.links->push_back(extra);
    ScopedNetlinkOverride m(more);
    mount::ScopedStatFsOverride st(&StatFsSysfs);
    auto extra_out = RunCollector("netclass", "basic");
    ASSERT_TRUE(extra_out.status);
    EXPECT_EQ(extra_out.text, sysfs_only.text);
    more.links->pop_back();
    more.links->pop_back();
    auto fewer = RunCollector("netclass", "basic");
    ASSERT_TRUE(fewer.status);
    EXPECT_EQ(fewer.text, sysfs_only.text);
  }
  mount::ScopedStatFsOverride st(&StatFsSysfs);
  auto off = RunCollector("netclass", "basic", {"--no-collector.netclass.rtnl-attributes"});
  ASSERT_TRUE(off.status);
  EXPECT_EQ(off.text, sysfs_only.text);
  nl.links = Fail(ErrorKind::kIo, "netlink RTM_GETLINK dump: Operation not permitted");
  auto failed = RunCollector("netclass", "basic");
  ASSERT_TRUE(failed.status) << failed.status.error().message;
  EXPECT_EQ(failed.text, sysfs_only.text);
}

TEST(NetclassCollector, RtnlAttributesStillFailOnAnUnreadableFile) {
  FakeNetlink nl = DumpOf("basic");
  ScopedNetlinkOverride n(nl);
  mount::ScopedStatFsOverride st(&StatFsSysfs);
  ScopedSyscallOverride o(Syscalls{&EioOpen, &EioRead, &EioClose});
  g_eio_suffix = "/eno1/speed";
  auto out = RunCollector("netclass", "basic");
  g_eio_suffix = "/wlp2s0/carrier";
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("sys/class/net/eno1/speed"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
