#include "host_exporter/sysfs/btrfs.h"

#include <gtest/gtest.h>

#include <cmath>

#include "host_exporter/sysfs/btrfs_ioctl.h"
#include "sysfs/btrfs_fake.h"
#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseBtrfsCommitStats, KnownKeysUnknownIgnored) {
  auto r = ParseBtrfsCommitStats(
      "commits 258051\ncur_commit_ms 0\nlast_commit_ms 1000\nmax_commit_ms 51462\n"
      "total_commit_ms 47836090\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->commits, 258051u);
  EXPECT_EQ(r->last_commit_ms, 1000u);
  EXPECT_EQ(r->max_commit_ms, 51462u);
  EXPECT_EQ(r->total_commit_ms, 47836090u);
  EXPECT_EQ(ParseBtrfsCommitStats("")->commits, 0u);
  auto trunc = ParseBtrfsCommitStats("commits 12\nlast_commit_ms\n");
  ASSERT_FALSE(trunc);
  EXPECT_NE(trunc.error().message.find("line 2"), std::string::npos);
  EXPECT_FALSE(ParseBtrfsCommitStats("commits many\n"));
}

TEST(BtrfsLayoutRatio, PerProfile) {
  EXPECT_EQ(BtrfsLayoutRatio("single", 1), 1);
  EXPECT_EQ(BtrfsLayoutRatio("dup", 1), 2);
  EXPECT_EQ(BtrfsLayoutRatio("raid10", 4), 2);
  EXPECT_DOUBLE_EQ(BtrfsLayoutRatio("raid5", 3), 1.5);
  EXPECT_EQ(BtrfsLayoutRatio("raid6", 4), 2);
  EXPECT_EQ(BtrfsLayoutRatio("raid1c3", 3), 0);  // procfs does not know it
  EXPECT_TRUE(std::isinf(BtrfsLayoutRatio("raid5", 1)));
}

TEST(ReadBtrfsStats, BasicFixture) {
  auto r = ReadBtrfsStats(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const auto& s = (*r)[0];
  EXPECT_EQ(s.uuid, "c3a1e58f-2b4d-4f6a-9e71-0d8b5c2f4a96");
  EXPECT_EQ(s.label, "data");
  EXPECT_EQ(s.device_size_bytes.at("nvme0n1p3"), 976766976ULL * 512);
  EXPECT_EQ(s.global_rsv_size, 375570432u);
  EXPECT_EQ(s.metadata.layouts.at("dup").ratio, 2);
  EXPECT_EQ(s.commit.commits, 81211u);
  EXPECT_EQ(s.features.size(), 4u);
}

TEST(ReadBtrfsStats, OldKernelAbsentAndMalformed) {
  auto old = ReadBtrfsStats(testing::FixturePaths("btrfs-old-kernel"));
  ASSERT_TRUE(old) << old.error().message;
  EXPECT_EQ((*old)[0].uuid, "0abb23a9-579b-43e6-ad30-227ef47fcb9d");  // no metadata_uuid
  EXPECT_EQ((*old)[0].commit.commits, 0u);                             // no commit_stats
  EXPECT_EQ((*old)[0].data.layouts.at("raid6").ratio, 2);              // 4 devices

  auto none = ReadBtrfsStats(testing::FixturePaths("empty"));
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());

  // procfs forgets the missing devices/ and allocation/data errors once a later
  // allocation directory reads cleanly; the broken commit_stats is what fails.
  auto bad = ReadBtrfsStats(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("commit_stats: line 2"), std::string::npos)
      << bad.error().message;
}

TEST(FormatBtrfsIds, DennwcSpellings) {
  BtrfsId id{0x7f, 0x07, 0xc5, 0x9f, 0x61, 0x36, 0x44, 0x9c,
             0xab, 0x87, 0xe1, 0xcf, 0x23, 0x28, 0x73, 0x1b};
  EXPECT_EQ(FormatBtrfsFsid(id), "7f07c59f6136449cab87e1cf2328731b");
  EXPECT_EQ(FormatBtrfsDevUuid(id), "7f07c59f-6136-449c-ab87-e1cf2328731b");
  EXPECT_EQ(FormatBtrfsDevUuid(BtrfsId{}), "<zero>");
}

TEST(ReadBtrfsIoctlStats, OnePerFilesystemUnderRootfs) {
  testing::FakeBtrfs fake;
  auto paths = testing::FixturePaths("btrfs-ioctl");
  auto r = ReadBtrfsIoctlStats(paths, fake);
  ASSERT_TRUE(r) << r.error().message;
  // "/" and "/home" are the same filesystem: queried once.
  EXPECT_EQ(fake.opened,
            (std::vector<std::string>{paths.rootfs, paths.rootfs + "/srv/bulk store"}));
  EXPECT_EQ(fake.closed, 2);
  ASSERT_EQ(r->size(), 2u);
  const auto& raid = r->at("7f07c59f6136449cab87e1cf2328731b");
  ASSERT_EQ(raid.size(), 3u);  // id 2 is ENODEV and skipped
  EXPECT_EQ(raid[1].path, "/dev/sdc");
  EXPECT_EQ(raid[1].stats.corruption_errs, 7u);

  auto none = ReadBtrfsIoctlStats(testing::FixturePaths("empty"), fake);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::sysfs
