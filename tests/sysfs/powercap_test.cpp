#include "host_exporter/sysfs/powercap.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(RaplIndexAndName, SuffixOrCount) {
  RaplNameCounts seen;
  EXPECT_EQ(RaplIndexAndName(seen, "package-0"), std::make_pair(std::int64_t{0}, std::string("package")));
  EXPECT_EQ(RaplIndexAndName(seen, "package-12"), std::make_pair(std::int64_t{12}, std::string("package")));
  EXPECT_EQ(RaplIndexAndName(seen, "dram"), std::make_pair(std::int64_t{0}, std::string("dram")));
  RecordRaplName(seen, "dram", 0);
  EXPECT_EQ(RaplIndexAndName(seen, "dram"), std::make_pair(std::int64_t{1}, std::string("dram")));
  // Not exactly one '-' followed by a number: the whole name, counted.
  EXPECT_EQ(RaplIndexAndName(seen, "package-x").second, "package-x");
  EXPECT_EQ(RaplIndexAndName(seen, "a-b-1").second, "a-b-1");
  EXPECT_EQ(RaplIndexAndName(seen, "").second, "");
}

TEST(ReadRaplZones, ReadsBasicHostInDirectoryOrder) {
  Paths p = testing::FixturePaths("basic");
  auto zones = ReadRaplZones(p);
  ASSERT_TRUE(zones) << zones.error().message;
  ASSERT_EQ(zones->size(), 5u);  // "intel-rapl" and "intel-rapl-mmio" have no name file
  EXPECT_EQ((*zones)[0].name, "package");
  EXPECT_EQ((*zones)[0].path, p.sysfs + "/class/powercap/intel-rapl-mmio:0");
  EXPECT_EQ((*zones)[1].path, p.sysfs + "/class/powercap/intel-rapl:0");
  EXPECT_EQ((*zones)[2].name, "core");
  EXPECT_EQ((*zones)[2].index, 0);
  EXPECT_EQ((*zones)[4].name, "psys");
  EXPECT_EQ((*zones)[0].max_microjoules, 262143328850u);
  auto uj = ReadRaplEnergyMicrojoules((*zones)[1]);
  ASSERT_TRUE(uj);
  EXPECT_EQ(*uj, 82046321577u);
}

TEST(ReadRaplZones, PathLabelIsCleaned) {
  Paths p = testing::FixturePaths("basic");
  p.sysfs += "/./";
  auto zones = ReadRaplZones(p);
  ASSERT_TRUE(zones);
  EXPECT_EQ((*zones)[0].path, testing::FixturePaths("basic").sysfs + "/class/powercap/intel-rapl-mmio:0");
}

TEST(ReadRaplZones, UnindexedNamesAreCounted) {
  auto zones = ReadRaplZones(testing::FixturePaths("rapl-two-sockets"));
  ASSERT_TRUE(zones) << zones.error().message;
  ASSERT_EQ(zones->size(), 4u);
  EXPECT_EQ((*zones)[1].name, "dram");
  EXPECT_EQ((*zones)[1].index, 0);
  EXPECT_EQ((*zones)[3].name, "dram");
  EXPECT_EQ((*zones)[3].index, 1);
  EXPECT_EQ((*zones)[2].index, 1);  // package-1
}

TEST(ReadRaplZones, Errors) {
  auto missing = ReadRaplZones(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  auto no_max = ReadRaplZones(testing::FixturePaths("rapl-no-max-range"));
  ASSERT_FALSE(no_max);
  EXPECT_EQ(no_max.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(no_max.error().message.find("max_energy_range_uj"), std::string::npos);
  auto bad = ReadRaplZones(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("malformed/sys/class/powercap/intel-rapl:0/max_energy_range_uj"),
            std::string::npos)
      << bad.error().message;
  RaplZone gone;
  gone.path = testing::FixturePaths("empty").sysfs + "/class/powercap/intel-rapl:0";
  EXPECT_EQ(ReadRaplEnergyMicrojoules(gone).error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::sysfs
