#include "host_exporter/sysfs/class_dmi.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ReadDmiClass, ReadsKnownRegularFiles) {
  auto d = ReadDmiClass(testing::FixturePaths("basic"));
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->bios_vendor, "American Megatrends International, LLC.");
  EXPECT_EQ(d->board_asset_tag, "");  // present but empty
  EXPECT_EQ(d->chassis_type, "17");
  EXPECT_EQ(d->sys_vendor, "Supermicro");
  EXPECT_EQ(d->product_uuid, "00000000-0000-0000-0000-3cecef1a2b3c");
}

TEST(ReadDmiClass, SkipsSymlinksAndAbsentFiles) {
  auto d = ReadDmiClass(testing::FixturePaths("dmi-quirks"));
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(d->board_name, "PowerEdge R6515");
  EXPECT_FALSE(d->product_name);  // a symlink to board_name
  EXPECT_FALSE(d->bios_date);
  EXPECT_EQ(d->chassis_version, "");
  EXPECT_EQ(d->bios_vendor, "Vendor-" + std::string(118, 'x'));
}

TEST(ReadDmiClass, MissingDirectoryIsNotFound) {
  auto d = ReadDmiClass(testing::FixturePaths("empty"));
  ASSERT_FALSE(d);
  EXPECT_EQ(d.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::sysfs
