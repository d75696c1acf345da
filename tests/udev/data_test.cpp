#include "host_exporter/udev/data.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::udev {
namespace {

TEST(ParseDeviceData, KeepsOnlyPropertyLines) {
  auto r = ParseDeviceData(
      "S:disk/by-id/ata-X\n"
      "W:3\n"
      "E:ID_MODEL=WDC_WD40EFRX\n"
      "E:ID_FS_VERSION=LVM2 001\n"
      "E:EMPTY=\n"
      "E:KEY=a=b\n"
      "E:NO_EQUALS\n"
      "e:LOWER=1\n"
      "E:ID_MODEL=second\r\n"
      "G:systemd");
  ASSERT_TRUE(r);
  EXPECT_EQ(Get(*r, "ID_MODEL"), "second");  // last one wins, CR dropped
  EXPECT_EQ(Get(*r, "ID_FS_VERSION"), "LVM2 001");
  EXPECT_EQ(Get(*r, "KEY"), "a=b");
  EXPECT_TRUE(r->contains("EMPTY"));
  EXPECT_FALSE(r->contains("NO_EQUALS"));
  EXPECT_FALSE(r->contains("LOWER"));
  EXPECT_EQ(r->size(), 4u);
  EXPECT_EQ(Get(*r, "ABSENT"), "");
}

TEST(ParseDeviceData, EmptyAndTruncatedInput) {
  auto empty = ParseDeviceData("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  auto truncated = ParseDeviceData("E:ID_SERIAL=abc\nE:ID_PA");
  ASSERT_TRUE(truncated);
  EXPECT_EQ(truncated->size(), 1u);
}

TEST(ReadBlockDeviceProperties, ReadsFixtureByMajorMinor) {
  auto paths = testing::FixturePaths("basic");
  auto sda = ReadBlockDeviceProperties(paths, 8, 0);
  ASSERT_TRUE(sda) << sda.error().message;
  EXPECT_EQ(Get(*sda, "ID_ATA_ROTATION_RATE_RPM"), "5400");
  auto missing = ReadBlockDeviceProperties(paths, 7, 0);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(missing.error().message.find("udev/data/b7:0"), std::string::npos) << missing.error().message;
}

}  // namespace
}  // namespace host_exporter::udev
