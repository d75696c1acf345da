#include "host_exporter/sysfs/net_class.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>
#include <set>
#include <string>

#include "host_exporter/file.h"
#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseNetClassAttribute, NumbersUseGoBase0AndBadValuesUnset) {
  NetClassIface i;
  ParseNetClassAttribute("flags", "0x1003", i);
  ParseNetClassAttribute("speed", "-1", i);
  ParseNetClassAttribute("mtu", "1500", i);
  ParseNetClassAttribute("operstate", "up", i);
  ParseNetClassAttribute("ifalias", "uplink", i);
  ParseNetClassAttribute("uevent", "INTERFACE=eth0", i);  // not an attribute node_exporter reads
  EXPECT_EQ(i.flags, 0x1003);
  EXPECT_EQ(i.speed, -1);
  EXPECT_EQ(i.mtu, 1500);
  EXPECT_EQ(i.operstate, "up");
  EXPECT_EQ(i.ifalias, "uplink");
  ParseNetClassAttribute("mtu", "", i);
  EXPECT_FALSE(i.mtu.has_value());
  ParseNetClassAttribute("carrier", "yes", i);
  EXPECT_FALSE(i.carrier.has_value());
}

TEST(ReadNetClassDevices, SkipsRegularFiles) {
  auto basic = ReadNetClassDevices(testing::FixturePaths("basic"));
  ASSERT_TRUE(basic) << basic.error().message;
  EXPECT_EQ(*basic, (std::vector<std::string>{"bond0", "docker0", "eno1", "eno2", "lo", "veth3b1f2c7", "wlp2s0"}));
  auto quirks = ReadNetClassDevices(testing::FixturePaths("netclass-quirks"));
  ASSERT_TRUE(quirks) << quirks.error().message;
  EXPECT_EQ(*quirks, (std::vector<std::string>{"bond0", "eth9", "tun0", "virbr0-nic"}));
  auto missing = ReadNetClassDevices(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

TEST(ReadNetClassIface, ReadsAttributesThroughTheSymlink) {
  auto eno1 = ReadNetClassIface(testing::FixturePaths("basic"), "eno1");
  ASSERT_TRUE(eno1) << eno1.error().message;
  EXPECT_EQ(eno1->name, "eno1");
  EXPECT_EQ(eno1->address, "3c:ec:ef:12:8a:40");
  EXPECT_EQ(eno1->speed, 1000);
  EXPECT_EQ(eno1->duplex, "full");
  EXPECT_EQ(eno1->carrier_up_count, 2);
  EXPECT_EQ(eno1->ifalias, "uplink to core-sw1 port 12");
  EXPECT_EQ(eno1->dev_id, 0);
  // An administratively down NIC refuses carrier/speed/duplex (absent here).
  auto eno2 = ReadNetClassIface(testing::FixturePaths("basic"), "eno2");
  ASSERT_TRUE(eno2) << eno2.error().message;
  EXPECT_FALSE(eno2->speed.has_value());
  EXPECT_FALSE(eno2->carrier.has_value());
  EXPECT_EQ(eno2->duplex, "");
  EXPECT_EQ(eno2->flags, 0x1002);
}

TEST(ReadNetClassIface, TruncatesLikeSysReadFileAndLeavesGarbageUnset) {
  auto bond = ReadNetClassIface(testing::FixturePaths("netclass-quirks"), "bond0");
  ASSERT_TRUE(bond) << bond.error().message;
  EXPECT_EQ(bond->ifalias.size(), 128u);  // procfs reads sysfs attributes with one 128-byte read
  EXPECT_TRUE(bond->ifalias.starts_with("bond0 carries tenant traffic"));
  EXPECT_EQ(bond->speed, -1);
  auto eth9 = ReadNetClassIface(testing::FixturePaths("netclass-quirks"), "eth9");
  ASSERT_TRUE(eth9) << eth9.error().message;
  EXPECT_FALSE(eth9->flags.has_value());
  EXPECT_FALSE(eth9->mtu.has_value());
  EXPECT_EQ(eth9->speed, 2500);
}

TEST(ReadNetClassIface, VanishedDeviceIsNotFound) {
  auto r = ReadNetClassIface(testing::FixturePaths("netclass-vanished"), "veth0a1b2c");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kNotFound);
}

// A read() failing with a chosen errno for files whose path ends in `suffix`,
// as sysfs does (EINVAL for the speed of a down link, EIO from a broken driver).
thread_local std::string g_suffix;
thread_local int g_errno = 0;
thread_local std::set<int> g_failing;
int FailOpen(const char* path, int flags) {
  int fd = ::open(path, flags);
  if (fd >= 0 && std::string_view(path).ends_with(g_suffix)) g_failing.insert(fd);
  return fd;
}
ssize_t FailRead(int fd, void* buf, std::size_t n) {
  if (g_failing.count(fd) != 0) {
    errno = g_errno;
    return -1;
  }
  return ::read(fd, buf, n);
}
int FailClose(int fd) {
  g_failing.erase(fd);
  return ::close(fd);
}
const Syscalls kFailing{&FailOpen, &FailRead, &FailClose};

TEST(ReadNetClassIface, IgnorableReadErrorsSkipTheAttribute) {
  for (int err : {EINVAL, EOPNOTSUPP, EACCES, EPERM}) {
    g_suffix = "/eno1/speed";
    g_errno = err;
    ScopedSyscallOverride o(kFailing);
    auto r = ReadNetClassIface(testing::FixturePaths("basic"), "eno1");
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_FALSE(r->speed.has_value()) << err;
    EXPECT_EQ(r->mtu, 1500) << err;
  }
}

TEST(ReadNetClassIface, OtherReadErrorsFailNamingTheFile) {
  g_suffix = "/eno1/carrier";
  g_errno = EIO;
  ScopedSyscallOverride o(kFailing);
  auto r = ReadNetClassIface(testing::FixturePaths("basic"), "eno1");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kIo);
  EXPECT_NE(r.error().message.find("failed to read file \""), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("basic/sys/class/net/eno1/carrier"), std::string::npos) << r.error().message;
}

TEST(ReadNetClassAttributes, ReadsOnlyTheNamedOnes) {
  static constexpr std::string_view kAttrs[] = {"addr_assign_type", "dev_id", "name_assign_type"};
  auto r = ReadNetClassAttributes(testing::FixturePaths("basic"), "docker0", kAttrs);
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->addr_assign_type, 3);
  EXPECT_EQ(r->dev_id, 0);
  EXPECT_EQ(r->name_assign_type, 3);
  EXPECT_FALSE(r->mtu.has_value());
  // Absent device: every attribute is simply missing.
  auto none = ReadNetClassAttributes(testing::FixturePaths("basic"), "nosuch0", kAttrs);
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_FALSE(none->dev_id.has_value());
}

TEST(ReadNetClass, AllDevicesOrTheFirstFailure) {
  auto all = ReadNetClass(testing::FixturePaths("basic"));
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 7u);
  EXPECT_EQ((*all)[0].name, "bond0");
  auto vanished = ReadNetClass(testing::FixturePaths("netclass-vanished"));
  ASSERT_FALSE(vanished);
  EXPECT_EQ(vanished.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::sysfs
