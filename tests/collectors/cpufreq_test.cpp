#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(CpufreqCollector, Golden) {
  // 4 CPUs x (6 frequencies + 2 governors).
  RunGolden("cpufreq", "basic", 4u * 8);
}

TEST(CpufreqCollector, GoldenOfflineCpuSkipped) {
  auto out = RunCollector("cpufreq", "cpu-hotplug");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.text.find("cpu=\"3\""), std::string::npos);
  EXPECT_NE(out.text.find(R"(node_cpu_scaling_governor{cpu="2",governor="schedutil"} 1)"), std::string::npos);
  ExpectGolden("cpufreq", "cpu-hotplug", out.text);
}

TEST(CpufreqCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("cpufreq", "cpufreq-malformed");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("cpu1/cpufreq/scaling_max_freq"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(CpufreqCollector, NoDriverSucceedsEmptyAndNoSysfsFails) {
  auto vm = RunCollector("cpufreq", "cpufreq-no-driver");
  ASSERT_TRUE(vm.status) << vm.status.error().message;
  EXPECT_EQ(vm.samples, 0u);
  auto none = RunCollector("cpufreq", "empty");
  ASSERT_FALSE(none.status);
  EXPECT_EQ(none.status.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::testing
