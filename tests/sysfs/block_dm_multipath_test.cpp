#include "host_exporter/sysfs/block_dm_multipath.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ReadDMMultipathDevices, OnlyMultipathMaps) {
  auto r = ReadDMMultipathDevices(testing::FixturePaths("dmmultipath-san"));
  ASSERT_TRUE(r) << r.error().message;
  // dm-0 is LVM, dm-1 has no dm/uuid, dm-10 is a kpartx partition: skipped.
  ASSERT_EQ(r->size(), 3u);
  const auto& a = (*r)[0];
  EXPECT_EQ(a.sysfs_name, "dm-2");
  EXPECT_EQ(a.name, "mpatha");
  EXPECT_EQ(a.uuid, "mpath-3600508b1001c7e5a1c2d3e4f5a6b7c8d");
  EXPECT_FALSE(a.suspended);
  EXPECT_EQ(a.size_bytes, 209715200ull * 512);
  ASSERT_EQ(a.paths.size(), 4u);
  EXPECT_EQ(a.paths[2].device, "sdd");
  EXPECT_EQ(a.paths[2].state, "offline");
  EXPECT_EQ(a.paths[3].state, "transport-offline");
  const auto& b = (*r)[1];
  EXPECT_TRUE(b.suspended);
  EXPECT_EQ(b.paths[0].state, "live");
  EXPECT_TRUE((*r)[2].paths.empty());  // no slaves/ directory
}

TEST(ReadDMMultipathDevices, NoMultipathOnABasicHost) {
  auto r = ReadDMMultipathDevices(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->empty());
}

TEST(ReadDMMultipathDevices, ErrorsKeepTheirKindAndNameTheDevice) {
  auto bad = ReadDMMultipathDevices(testing::FixturePaths("dmmultipath-malformed"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("dm/suspended for dm-0"), std::string::npos) << bad.error().message;
  EXPECT_NE(bad.error().message.find("dm-0/dm/suspended"), std::string::npos) << bad.error().message;
  auto missing = ReadDMMultipathDevices(testing::FixturePaths("dmmultipath-missing-state"));
  ASSERT_FALSE(missing);
  EXPECT_TRUE(missing.error().IsNoData());
  EXPECT_NE(missing.error().message.find("device/state for sda"), std::string::npos);
  auto none = ReadDMMultipathDevices(testing::FixturePaths("empty"));
  ASSERT_FALSE(none);
  EXPECT_TRUE(none.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::sysfs
