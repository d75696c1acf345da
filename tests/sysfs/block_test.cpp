#include "host_exporter/sysfs/block.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ReadBlockQueueRotational, ReadsCompleteQueues) {
  auto basic = testing::FixturePaths("basic");
  auto sda = ReadBlockQueueRotational(basic, "sda");
  ASSERT_TRUE(sda) << sda.error().message;
  EXPECT_EQ(*sda, 1u);
  auto nvme = ReadBlockQueueRotational(basic, "nvme0n1");
  ASSERT_TRUE(nvme) << nvme.error().message;
  EXPECT_EQ(*nvme, 0u);
  auto variants = testing::FixturePaths("diskstats-kernel-variants");
  auto sdc = ReadBlockQueueRotational(variants, "sdc");
  ASSERT_TRUE(sdc) << sdc.error().message;
  EXPECT_EQ(*sdc, 2u);
}

TEST(ReadBlockQueueRotational, FailsWhenAnyQueueAttributeIsMissing) {
  auto variants = testing::FixturePaths("diskstats-kernel-variants");
  // virtio-blk has no io_timeout; procfs then drops the whole queue, rotational=1 included.
  auto vda = ReadBlockQueueRotational(variants, "vda");
  ASSERT_FALSE(vda);
  EXPECT_NE(vda.error().message.find("vda/queue/io_timeout"), std::string::npos) << vda.error().message;
  auto sdb = ReadBlockQueueRotational(variants, "sdb");
  ASSERT_FALSE(sdb);
  EXPECT_NE(sdb.error().message.find("sdb/queue/scheduler"), std::string::npos) << sdb.error().message;
  // A partition has no /sys/block entry at all.
  auto part = ReadBlockQueueRotational(testing::FixturePaths("basic"), "sda1");
  ASSERT_FALSE(part);
  EXPECT_EQ(part.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::sysfs
