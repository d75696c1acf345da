#include "host_exporter/procfs/mountinfo.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseMountInfo, ReadsFieldsAroundTheSeparator) {
  auto r = ParseMountInfo(
      "36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 shared:7 - ext3 /dev/root rw,errors=continue\n"
      "27 1 252:1 / / rw,relatime - ext4 /dev/mapper/vg0-root rw,errors=remount-ro\n"
      "74 27 8:1 /backup /srv/backup\\040copy ro,noatime shared:36 - ext4 /dev/sda1 rw\r\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  const MountInfo& m = (*r)[0];
  EXPECT_EQ(m.mount_id, 36);
  EXPECT_EQ(m.parent_id, 35);
  EXPECT_EQ(m.major_minor, "98:0");
  EXPECT_EQ(m.root, "/mnt1");
  EXPECT_EQ(m.mount_point, "/mnt2");
  EXPECT_TRUE(m.options.contains("noatime"));
  EXPECT_EQ(m.optional_fields, (std::vector<std::string>{"master:1", "shared:7"}));
  EXPECT_EQ(m.fs_type, "ext3");
  EXPECT_EQ(m.source, "/dev/root");
  EXPECT_EQ(m.super_options.at("errors"), "continue");
  EXPECT_TRUE((*r)[1].optional_fields.empty());
  EXPECT_EQ((*r)[2].mount_point, "/srv/backup\\040copy");  // unescaping is the collector's business
  EXPECT_EQ((*r)[2].super_options.size(), 1u);             // "rw", CR dropped
  EXPECT_TRUE((*r)[2].super_options.contains("rw"));
}

TEST(ParseMountInfo, EmptyInputHasNoMounts) {
  auto r = ParseMountInfo("");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

TEST(ParseMountInfo, RejectsMalformedAndTruncatedLines) {
  const char* bad[] = {
      "62 27 259:2 / /boot rw,relatime shared:30 ext4 /dev/nvme0n1p2 rw",  // no separator
      "62 27 259:2 / /boot rw - x - ext4 /dev/nvme0n1p2 rw",               // two separators
      "62 27 259:2 / /boot - ext4 /dev/nvme0n1p2 rw",                      // five fields before
      "x 27 259:2 / /boot rw - ext4 /dev/nvme0n1p2 rw",                    // mount ID
      "62 y 259:2 / /boot rw - ext4 /dev/nvme0n1p2 rw",                    // parent ID
      "62 27 259:2 / /boot rw - ext4 /dev/nvme0n1p2",                      // two fields after
      "62 27 259:2 / /boot rw - ext4",                                     // truncated
      "\n",                                                                // blank line
  };
  for (const char* line : bad) {
    auto r = ParseMountInfo(std::string("27 1 252:1 / / rw - ext4 /dev/vda rw\n") + line);
    ASSERT_FALSE(r) << line;
    EXPECT_EQ(r.error().kind, ErrorKind::kParse);
    EXPECT_NE(r.error().message.find("line 2"), std::string::npos) << r.error().message;
  }
  // Go's strings.Split on single spaces: a double space makes an empty field.
  auto doubled = ParseMountInfo("27  1 252:1 / / rw - ext4 /dev/vda rw");
  ASSERT_FALSE(doubled);
  auto rest = ParseMountInfo("27 1 252:1 / / rw - ext4 /dev/vda rw extra words");
  ASSERT_TRUE(rest) << rest.error().message;
  EXPECT_TRUE((*rest)[0].super_options.contains("rw extra words"));
}

TEST(ParseMountOptions, SplitsKeysAndValues) {
  auto o = ParseMountOptions("rw,size=5120k,mode=755,ro,lowerdir=a=b");
  EXPECT_EQ(o.size(), 5u);
  EXPECT_EQ(o.at("size"), "5120k");
  EXPECT_EQ(o.at("ro"), "");
  EXPECT_EQ(o.at("lowerdir"), "a=b");
  auto repeated = ParseMountOptions("ro,ro=1");
  EXPECT_EQ(repeated.at("ro"), "1");
  EXPECT_EQ(ParseMountOptions("").size(), 1u);  // {"": ""}, as procfs
}

TEST(ParseMajorMinor, GoSscanfSemantics) {
  auto r = ParseMajorMinor("259:2");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->first, 259);
  EXPECT_EQ(r->second, 2);
  auto lead = ParseMajorMinor("08:01");
  ASSERT_TRUE(lead);
  EXPECT_EQ(lead->first, 8);
  EXPECT_EQ(lead->second, 1);
  EXPECT_TRUE(ParseMajorMinor("0:43trailing"));
  EXPECT_FALSE(ParseMajorMinor("259"));
  EXPECT_FALSE(ParseMajorMinor("259:"));
  EXPECT_FALSE(ParseMajorMinor(":2"));
  EXPECT_FALSE(ParseMajorMinor(""));
  auto bad = ParseMajorMinor("a:b");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "malformed mount point MajorMinorVer: \"a:b\"");
}

TEST(ReadMountInfo, ReadsFixturesAndNamesFileOnError) {
  auto basic = ReadMountInfo(testing::FixturePaths("basic"), "1");
  ASSERT_TRUE(basic) << basic.error().message;
  EXPECT_EQ(basic->size(), 34u);
  auto hidden = ReadMountInfo(testing::FixturePaths("filesystem-hidepid"), "1");
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().kind, ErrorKind::kNotFound);
  auto self = ReadMountInfo(testing::FixturePaths("filesystem-hidepid"), "self");
  ASSERT_TRUE(self) << self.error().message;
  EXPECT_EQ(self->size(), 6u);
  auto bad = ReadMountInfo(testing::FixturePaths("filesystem-malformed"), "1");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("filesystem-malformed/proc/1/mountinfo: line 2"), std::string::npos)
      << bad.error().message;
}

TEST(ReadMountPoints, DecodesEscapesStripsRootfsAndFallsBackToSelf) {
  auto paths = testing::FixturePaths("btrfs-ioctl");
  auto r = ReadMountPoints(paths, "test");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 5u);
  EXPECT_EQ((*r)[3].mount_point, "/srv/bulk store");
  EXPECT_EQ((*r)[3].info.mount_point, "/srv/bulk\\040store");  // as written
  EXPECT_EQ((*r)[3].info.fs_type, "btrfs");
  EXPECT_EQ((*r)[3].info.source, "/dev/sdb");
  EXPECT_EQ((*r)[4].major, 8);
  EXPECT_EQ((*r)[4].minor, 1);

  // Mount points under --path.rootfs are seen from it.
  paths.rootfs = "/srv";
  auto under = ReadMountPoints(paths, "test");
  ASSERT_TRUE(under);
  EXPECT_EQ((*under)[3].mount_point, "/bulk store");
  EXPECT_EQ((*under)[0].mount_point, "/proc");

  auto hidden = ReadMountPoints(testing::FixturePaths("filesystem-hidepid"), "test");
  ASSERT_TRUE(hidden) << hidden.error().message;
  EXPECT_EQ(hidden->size(), 6u);

  auto bad = ReadMountPoints(testing::FixturePaths("filesystem-bad-devno"), "test");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(
      bad.error().message.find("filesystem-bad-devno/proc/1/mountinfo: malformed mount point MajorMinorVer"),
      std::string::npos)
      << bad.error().message;

  auto none = ReadMountPoints(testing::FixturePaths("empty"), "test");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::kNotFound);
}

TEST(StripRootfs, AsRootfsStripPrefix) {
  EXPECT_EQ(StripRootfs("/", "/home"), "/home");
  EXPECT_EQ(StripRootfs("/rootfs", "/rootfs/home"), "/home");
  EXPECT_EQ(StripRootfs("/rootfs", "/rootfs"), "/");
  EXPECT_EQ(StripRootfs("/rootfs", "/other"), "/other");
}

}  // namespace
}  // namespace host_exporter::procfs
