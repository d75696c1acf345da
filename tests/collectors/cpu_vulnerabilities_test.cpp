#include <gtest/gtest.h>

#include "host_exporter/collector.h"
#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(CpuVulnerabilitiesCollector, DisabledByDefault) {
  const CollectorInfo* info = FindCollector("cpu_vulnerabilities");
  ASSERT_NE(info, nullptr);
  EXPECT_FALSE(info->enabled_by_default);
}

TEST(CpuVulnerabilitiesCollector, Golden) {
  RunGolden("cpu_vulnerabilities", "basic", 13u);
}

TEST(CpuVulnerabilitiesCollector, MissingDirectoryIsEmptySuccess) {
  auto out = RunCollector("cpu_vulnerabilities", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(CpuVulnerabilitiesCollector, UnreadableFileFailsWithPath) {
  auto out = RunCollector("cpu_vulnerabilities", "cpu_vulnerabilities-unreadable");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("failed to get vulnerabilities"), std::string::npos);
  EXPECT_NE(out.status.error().message.find("vulnerabilities/spectre_v3"), std::string::npos)
      << out.status.error().message;
}

}  // namespace
}  // namespace host_exporter::testing
