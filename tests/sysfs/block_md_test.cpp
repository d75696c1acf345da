#include "host_exporter/sysfs/block_md.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseMdSyncCompleted, ReadsSectorCounts) {
  auto r = ParseMdSyncCompleted("246913578 / 1953519616");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->first, 246913578u);
  EXPECT_EQ(r->second, 1953519616u);
  EXPECT_TRUE(ParseMdSyncCompleted("1/2"));
}

TEST(ParseMdSyncCompleted, RejectsOtherWords) {
  EXPECT_FALSE(ParseMdSyncCompleted(""));
  EXPECT_FALSE(ParseMdSyncCompleted("delayed"));
  EXPECT_FALSE(ParseMdSyncCompleted("12 /"));
  EXPECT_FALSE(ParseMdSyncCompleted("12 of 13"));
}

TEST(ReadMdraids, ReadsArraysContainersAndComponents) {
  auto r = ReadMdraids(testing::FixturePaths("mdadm-states"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 7u);  // md10p1 has no md/ directory
  const Mdraid& md10 = (*r)[0];
  EXPECT_EQ(md10.device, "md10");
  EXPECT_EQ(md10.level, "");
  const Mdraid& container = (*r)[1];
  EXPECT_EQ(container.device, "md126");
  const Mdraid& imsm = (*r)[2];
  EXPECT_EQ(imsm.device, "md127");
  EXPECT_EQ(imsm.level, "container");
  EXPECT_FALSE(imsm.disks);
  const Mdraid& md5 = (*r)[4];  // md10, md126, md127, md4, md5, ...: byte order
  EXPECT_EQ(md5.device, "md5");
  EXPECT_EQ(md5.disks, 4u);
  EXPECT_EQ(md5.degraded_disks, 1u);
  EXPECT_EQ(md5.sync_action, "recover");
  EXPECT_EQ(md5.chunk_size, 524288u);
  EXPECT_NEAR(md5.sync_completed, 0.053, 0.001);
  ASSERT_EQ(md5.components.size(), 4u);
  EXPECT_EQ(md5.components[3].device, "sdd1");
  EXPECT_EQ(md5.components[3].state, "spare");
}

TEST(ReadMdraids, ErrorsKeepTheirKind) {
  auto old = ReadMdraids(testing::FixturePaths("mdadm-old-kernel"));
  ASSERT_FALSE(old);
  EXPECT_TRUE(old.error().IsNoData());  // no md/uuid
  auto delayed = ReadMdraids(testing::FixturePaths("mdadm-resync-delayed"));
  ASSERT_FALSE(delayed);
  EXPECT_EQ(delayed.error().kind, ErrorKind::kParse);
  EXPECT_NE(delayed.error().message.find("md/sync_completed"), std::string::npos);
  auto none = ReadMdraids(testing::FixturePaths("empty"));
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace host_exporter::sysfs
