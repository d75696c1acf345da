#include "host_exporter/sysfs/system_cpu.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

using List = std::vector<std::uint16_t>;

TEST(ParseCpuList, ExpandsRangesAndSingles) {
  auto r = ParseCpuList("1,3-5,9\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(*r, (List{1, 3, 4, 5, 9}));
  EXPECT_EQ(*ParseCpuList("0-3"), (List{0, 1, 2, 3}));
  EXPECT_EQ(*ParseCpuList("7"), (List{7}));
}

TEST(ParseCpuList, EmptyAndBlankAreEmptyLists) {
  EXPECT_EQ(*ParseCpuList(""), List{});
  EXPECT_EQ(*ParseCpuList("\n"), List{});
  EXPECT_EQ(*ParseCpuList("2,,4"), (List{2, 4}));
}

TEST(ParseCpuList, RejectsGarbageAndTruncatedRanges) {
  auto r = ParseCpuList("0-1,x\n");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kParse);
  EXPECT_NE(r.error().message.find("\"x\""), std::string::npos) << r.error().message;
  EXPECT_FALSE(ParseCpuList("3-"));
  EXPECT_FALSE(ParseCpuList("-3"));
  EXPECT_FALSE(ParseCpuList("1-2-3"));
  EXPECT_FALSE(ParseCpuList(" 1"));
}

TEST(ListCpuDirs, MatchesCpuDigitNamesOnly) {
  // cpufreq, isolated, vulnerabilities... are not CPUs.
  EXPECT_EQ(ListCpuDirs(testing::FixturePaths("basic")), (std::vector<std::string>{"cpu0", "cpu1", "cpu2", "cpu3"}));
  EXPECT_TRUE(ListCpuDirs(testing::FixturePaths("empty")).empty());
}

TEST(SystemCpuReaders, ReadFixtures) {
  Paths basic = testing::FixturePaths("basic");
  Paths hotplug = testing::FixturePaths("cpu-hotplug");
  EXPECT_EQ(*ReadIsolatedCpus(basic), List{});
  EXPECT_EQ(*ReadIsolatedCpus(hotplug), (List{1, 2}));
  EXPECT_EQ(*ReadOfflineCpus(hotplug), (List{3}));
  EXPECT_EQ(ReadIsolatedCpus(testing::FixturePaths("empty")).error().kind, ErrorKind::kNotFound);

  auto bad = ReadIsolatedCpus(testing::FixturePaths("cpu-bad-isolated"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("cpu-bad-isolated/sys/devices/system/cpu/isolated"), std::string::npos)
      << bad.error().message;

  EXPECT_EQ(ReadCpuOnline(basic, "cpu0").error().kind, ErrorKind::kNotFound);
  EXPECT_TRUE(*ReadCpuOnline(basic, "cpu1"));
  EXPECT_FALSE(*ReadCpuOnline(hotplug, "cpu3"));

  auto topo = ReadCpuTopology(basic, "cpu3");
  ASSERT_TRUE(topo) << topo.error().message;
  EXPECT_EQ(topo->package, 0u);
  EXPECT_EQ(topo->core, 1u);
  EXPECT_FALSE(ReadCpuTopology(hotplug, "cpu3"));  // offline CPUs lose their topology

  EXPECT_EQ(*ReadCoreThrottleCount(basic, "cpu2"), 12u);
  EXPECT_EQ(*ReadPackageThrottleCount(basic, "cpu0"), 81u);
  EXPECT_FALSE(ReadPackageThrottleCount(hotplug, "cpu0"));
  EXPECT_EQ(CpuNumber("cpu12"), "12");
}

}  // namespace
}  // namespace host_exporter::sysfs
