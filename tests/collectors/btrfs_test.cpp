#include <gtest/gtest.h>

#include "host_exporter/sysfs/btrfs_ioctl.h"
#include "sysfs/btrfs_fake.h"
#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(BtrfsCollector, GoldenWithoutMountsFallsBackToSysfs) {
  auto out = RunCollector("btrfs", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.text.find("btrfs_dev_uuid"), std::string::npos);
  ExpectGolden("btrfs", "basic", out.text);
}

TEST(BtrfsCollector, IoctlDeviceStatsForMountedFilesystems) {
  FakeBtrfs fake;
  sysfs::ScopedBtrfsIoctlOverride seam(fake);
  auto out = RunCollector("btrfs", "btrfs-ioctl");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_btrfs_device_errors_total{btrfs_dev_uuid=\"11223344-5566-7788-99aa-bbccddeeff03\","
                          "device=\"sdc\",type=\"corruption\",uuid=\"7f07c59f-6136-449c-ab87-e1cf2328731b\"} 7"),
            std::string::npos)
      << out.text;
  ExpectGolden("btrfs", "btrfs-ioctl", out.text);
}

TEST(BtrfsCollector, OldKernel) {
  auto out = RunCollector("btrfs", "btrfs-old-kernel");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("btrfs", "btrfs-old-kernel", out.text);
}

TEST(BtrfsCollector, AbsentIsSuccessWithNothing) {
  auto out = RunCollector("btrfs", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(BtrfsCollector, MalformedFailsWithPath) {
  auto out = RunCollector("btrfs", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("44444444-5555-6666-7777-888888888888/commit_stats"),
            std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
