#include "host_exporter/procfs/mdstat.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

const MDStat* Find(const std::vector<MDStat>& v, std::string_view name) {
  for (const auto& m : v) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

TEST(ParseMDStat, HealthyArrays) {
  auto r = ParseMDStat(
      "Personalities : [raid1] [raid10] \n"
      "md1 : active raid10 sdd1[3] sdc1[2] sdb1[1] sda1[0]\n"
      "      1953260544 blocks super 1.2 512K chunks 2 near-copies [4/4] [UUUU]\n"
      "      bitmap: 2/15 pages [8KB], 65536KB chunk\n"
      "\n"
      "md0 : active raid1 nvme1n1p2[1] nvme0n1p2[0]\n"
      "      498368 blocks super 1.2 [2/2] [UU]\n"
      "      \n"
      "unused devices: <none>\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const MDStat& md1 = (*r)[0];
  EXPECT_EQ(md1.name, "md1");
  EXPECT_EQ(md1.type, "raid10");
  EXPECT_EQ(md1.activity_state, "active");
  EXPECT_EQ(md1.disks_active, 4);
  EXPECT_EQ(md1.disks_total, 4);
  EXPECT_EQ(md1.blocks_total, 1953260544);
  EXPECT_EQ(md1.blocks_synced, 1953260544);
  ASSERT_EQ(md1.devices.size(), 4u);
  EXPECT_EQ(md1.devices[0].name, "sdd1");
  EXPECT_EQ(md1.devices[0].descriptor_index, 3);
}

TEST(ParseMDStat, SyncStatesDegradedAndSpecialLevels) {
  auto fixture = ReadMDStat(testing::FixturePaths("mdadm-states"));
  ASSERT_TRUE(fixture) << fixture.error().message;
  const auto& v = *fixture;
  ASSERT_EQ(v.size(), 11u);

  const MDStat* m = Find(v, "md127");  // imsm container
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->activity_state, "inactive");
  EXPECT_EQ(m->disks_spare, 2);
  EXPECT_EQ(m->disks_total, 0);
  EXPECT_EQ(m->type, "unknown");

  m = Find(v, "md126");
  EXPECT_EQ(m->activity_state, "resyncing");
  EXPECT_EQ(m->blocks_synced, 123456789);
  EXPECT_EQ(m->blocks_to_be_synced, 976759808);
  EXPECT_DOUBLE_EQ(m->blocks_synced_pct, 12.6);
  EXPECT_DOUBLE_EQ(m->blocks_synced_finish_time, 71.2);
  EXPECT_DOUBLE_EQ(m->blocks_synced_speed, 199680);

  m = Find(v, "md5");  // recovery line before the bitmap line
  EXPECT_EQ(m->activity_state, "recovering");
  EXPECT_EQ(m->disks_active, 3);
  EXPECT_EQ(m->disks_total, 4);
  EXPECT_EQ(m->disks_down, 1);
  EXPECT_EQ(m->blocks_synced, 51788288);

  m = Find(v, "md4");  // degraded, bitmap, no sync
  EXPECT_EQ(m->activity_state, "active");
  EXPECT_EQ(m->disks_failed, 1);
  EXPECT_EQ(m->disks_down, 1);
  EXPECT_EQ(m->blocks_synced, 5860270080);
  ASSERT_EQ(m->devices.size(), 4u);
  EXPECT_TRUE(m->devices[2].faulty);

  EXPECT_EQ(Find(v, "md3")->activity_state, "checking");
  EXPECT_EQ(Find(v, "md3")->blocks_synced, 935706240);
  EXPECT_EQ(Find(v, "md2")->activity_state, "reshaping");

  m = Find(v, "md9");  // resync=PENDING, "(auto-read-only)" before the level
  EXPECT_EQ(m->activity_state, "resyncing");
  EXPECT_EQ(m->blocks_synced, 0);
  EXPECT_EQ(m->type, "raid1");
  EXPECT_EQ(m->devices.size(), 2u);

  m = Find(v, "md8");  // resync=DELAYED
  EXPECT_EQ(m->activity_state, "resyncing");
  EXPECT_EQ(m->blocks_synced, 0);
  EXPECT_EQ(m->disks_spare, 1);

  m = Find(v, "md7");  // raid0: disks counted from the device line
  EXPECT_EQ(m->disks_active, 2);
  EXPECT_EQ(m->disks_total, 2);
  m = Find(v, "md6");  // linear
  EXPECT_EQ(m->disks_total, 2);
  EXPECT_EQ(m->blocks_total, 3906514944);
  EXPECT_EQ(Find(v, "md10")->activity_state, "inactive");
}

TEST(ParseMDStat, EmptyAndNoArrays) {
  auto r = ParseMDStat("");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
  r = ParseMDStat("Personalities : \nunused devices: <none>\n");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

TEST(ParseMDStat, RejectsMalformedAndTruncated) {
  // Too few fields on the device line.
  EXPECT_FALSE(ParseMDStat("md0 : \n      1 blocks [1/1] [U]\n\n\n"));
  // The device needs three lines after it.
  EXPECT_FALSE(ParseMDStat("md0 : active raid1 sda1[0]\n      498368 blocks [1/1] [U]\n"));
  // Size is not a number.
  EXPECT_FALSE(ParseMDStat("md0 : active raid1 sda1[0]\n      many blocks [1/1] [U]\n\n\n"));
  // No [n/m] [U_] on a redundant array.
  EXPECT_FALSE(ParseMDStat("md0 : active raid1 sda1[0]\n      498368 blocks super 1.2\n\n\n"));
  // A sync line without its numbers.
  auto r = ParseMDStat("md0 : active raid1 sda1[0]\n      498368 blocks [1/1] [U]\n      resync = 5%\n\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kParse);
  EXPECT_NE(r.error().message.find("md0"), std::string::npos);
  // A descriptor index beyond int32.
  EXPECT_FALSE(ParseMDStat("md0 : active raid0 sda1[99999999999]\n      1 blocks 64k chunks\n\n\n"));
}

TEST(ReadMDStat, NamesFileOnErrorAndMissingIsNotFound) {
  auto bad = ReadMDStat(testing::FixturePaths("mdadm-malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("mdadm-malformed/proc/mdstat"), std::string::npos) << bad.error().message;
  auto missing = ReadMDStat(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_TRUE(missing.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::procfs
