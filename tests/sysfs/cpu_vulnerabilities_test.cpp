#include "host_exporter/sysfs/cpu_vulnerabilities.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseVulnerability, ClassifiesKernelStrings) {
  auto na = ParseVulnerability("l1tf", "Not affected\n");
  EXPECT_EQ(na.codename, "l1tf");
  EXPECT_EQ(na.state, VulnerabilityState::kNotAffected);
  EXPECT_EQ(na.mitigation, "");

  auto mit = ParseVulnerability("spectre_v2", "Mitigation: Retpolines, IBPB: conditional, STIBP: always-on\n");
  EXPECT_EQ(mit.state, VulnerabilityState::kMitigation);
  EXPECT_EQ(mit.mitigation, "Retpolines, IBPB: conditional, STIBP: always-on");

  auto vul = ParseVulnerability("mds", "Vulnerable\n");
  EXPECT_EQ(vul.state, VulnerabilityState::kVulnerable);
  EXPECT_EQ(vul.mitigation, "");

  auto vul_detail = ParseVulnerability("mmio_stale_data", "Vulnerable: Clear CPU buffers attempted,  no microcode\n");
  EXPECT_EQ(vul_detail.state, VulnerabilityState::kVulnerable);
  EXPECT_EQ(vul_detail.mitigation, "Clear CPU buffers attempted, no microcode");  // single-spaced

  auto unknown = ParseVulnerability("srbds", "Unknown: Dependent on hypervisor status\n");
  EXPECT_EQ(unknown.state, VulnerabilityState::kUnknown);
  EXPECT_EQ(unknown.mitigation, "Dependent on hypervisor status");

  // Anything else is kept whole with state unknown, not an error.
  auto other = ParseVulnerability("itlb_multihit", "KVM: Mitigation: VMX unsupported\n");
  EXPECT_EQ(other.state, VulnerabilityState::kUnknown);
  EXPECT_EQ(other.mitigation, "KVM: Mitigation: VMX unsupported");

  auto empty = ParseVulnerability("x", "");
  EXPECT_EQ(empty.state, VulnerabilityState::kUnknown);
  EXPECT_EQ(empty.mitigation, "");

  auto lower = ParseVulnerability("x", "not affected");
  EXPECT_EQ(lower.state, VulnerabilityState::kNotAffected);
}

TEST(VulnerabilityStateName, MatchesProcfsEncoding) {
  EXPECT_EQ(VulnerabilityStateName(VulnerabilityState::kNotAffected), "not affected");
  EXPECT_EQ(VulnerabilityStateName(VulnerabilityState::kVulnerable), "vulnerable");
  EXPECT_EQ(VulnerabilityStateName(VulnerabilityState::kMitigation), "mitigation");
  EXPECT_EQ(VulnerabilityStateName(VulnerabilityState::kUnknown), "unknown");
}

TEST(ReadCpuVulnerabilities, ReadsFixtureSortedAndMissingDirIsEmpty) {
  auto r = ReadCpuVulnerabilities(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 13u);
  EXPECT_EQ(r->front().codename, "gather_data_sampling");
  EXPECT_EQ(r->back().codename, "tsx_async_abort");
  auto none = ReadCpuVulnerabilities(testing::FixturePaths("empty"));
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());
}

TEST(ReadCpuVulnerabilities, UnreadableEntryIsAnErrorNamingIt) {
  // A directory where a file should be cannot be read.
  auto r = ReadCpuVulnerabilities(testing::FixturePaths("cpu_vulnerabilities-unreadable"));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().message.find("vulnerabilities/spectre_v3"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace host_exporter::sysfs
