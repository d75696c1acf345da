#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

bool Has(const std::string& text, const std::string& s) { return text.find(s) != std::string::npos; }

TEST(NvmeCollector, Golden) {
  auto out = RunCollector("nvme", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("nvme", "basic", out.text);
  EXPECT_EQ(out.samples, 6u);
}

TEST(NvmeCollector, Fabrics) {
  auto out = RunCollector("nvme", "nvme-fabrics");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("nvme", "nvme-fabrics", out.text);
  EXPECT_TRUE(Has(out.text, R"(node_nvme_namespace_info{ana_state="non-optimized",device="nvme2",nsid="1"} 1)"));
  EXPECT_FALSE(Has(out.text, R"(device="nvme1",nsid)"));
}

TEST(NvmeCollector, UnparsableNumbersAreZeroNotErrors) {
  auto out = RunCollector("nvme", "nvme-malformed");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(Has(out.text, R"(node_nvme_namespace_size_bytes{device="nvme0",nsid="1"} 0)"));
}

TEST(NvmeCollector, KernelWithoutCntlidIsNoData) {
  auto out = RunCollector("nvme", "nvme-old-kernel");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

TEST(NvmeCollector, AbsentSubsystemIsNoData) {
  auto out = RunCollector("nvme", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
