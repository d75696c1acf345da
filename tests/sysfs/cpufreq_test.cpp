#include "host_exporter/sysfs/cpufreq.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseCpufreqValue, ParsesKilohertz) {
  EXPECT_EQ(*ParseCpufreqValue("3400000\n"), 3400000u);
  EXPECT_EQ(*ParseCpufreqValue(" 0 "), 0u);
  EXPECT_FALSE(ParseCpufreqValue(""));
  EXPECT_FALSE(ParseCpufreqValue("<unknown>\n"));
  EXPECT_FALSE(ParseCpufreqValue("-1\n"));
  EXPECT_FALSE(ParseCpufreqValue("34000 00\n"));
}

TEST(ReadSystemCpufreq, ReadsEveryOnlineCpuThroughPolicySymlinks) {
  auto r = ReadSystemCpufreq(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 4u);
  const Cpufreq& c = (*r)[3];
  EXPECT_EQ(c.cpu, "3");
  EXPECT_EQ(c.cpuinfo_cur_freq, 3400105u);
  EXPECT_EQ(c.cpuinfo_max_freq, 3400000u);
  EXPECT_EQ(c.cpuinfo_min_freq, 800000u);
  EXPECT_EQ(c.cpuinfo_transition_latency, 0u);
  EXPECT_EQ(c.scaling_cur_freq, 3400105u);
  EXPECT_EQ(c.scaling_governor, "performance");
  EXPECT_EQ(c.scaling_available_governors, "performance powersave");
  EXPECT_EQ(c.scaling_driver, "intel_pstate");
  EXPECT_EQ(c.scaling_setspeed, "<unsupported>");
}

TEST(ReadSystemCpufreq, SkipsOfflineCpusAndLeavesMissingNumbersUnset) {
  auto r = ReadSystemCpufreq(testing::FixturePaths("cpu-hotplug"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 3u);  // cpu3 is listed in "offline"
  EXPECT_EQ((*r)[2].cpu, "2");
  EXPECT_FALSE((*r)[0].cpuinfo_cur_freq);  // root-only attribute, absent here
  EXPECT_EQ((*r)[0].scaling_cur_freq, 1800000u);
}

TEST(ReadSystemCpufreq, FailuresNameTheFile) {
  auto bad_number = ReadSystemCpufreq(testing::FixturePaths("cpufreq-malformed"));
  ASSERT_FALSE(bad_number);
  EXPECT_EQ(bad_number.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad_number.error().message.find("cpufreq-malformed/sys/devices/system/cpu/cpu1/cpufreq/scaling_max_freq"),
            std::string::npos)
      << bad_number.error().message;
  // The text attributes are required.
  auto no_governor = ReadSystemCpufreq(testing::FixturePaths("cpufreq-no-governor"));
  ASSERT_FALSE(no_governor);
  EXPECT_NE(no_governor.error().message.find("cpu1/cpufreq/scaling_governor"), std::string::npos)
      << no_governor.error().message;
  // No devices/system/cpu at all: procfs fails on the missing "offline" file.
  auto none = ReadSystemCpufreq(testing::FixturePaths("empty"));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::kNotFound);
}

TEST(ReadSystemCpufreq, CpusWithoutCpufreqGiveAnEmptyList) {
  // A VM without a cpufreq driver: cpuN directories but no cpufreq in them.
  auto r = ReadSystemCpufreq(testing::FixturePaths("cpufreq-no-driver"));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_TRUE(r->empty());
}

}  // namespace
}  // namespace host_exporter::sysfs
