#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

bool Has(const std::string& text, const std::string& s) { return text.find(s) != std::string::npos; }

TEST(NfsCollector, Golden) {
  auto out = RunCollector("nfs", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("nfs", "basic", out.text);
  EXPECT_EQ(out.samples, 6u + 18u + 22u + 59u);
  // No proc2 line (NFSv2 not built): node_exporter still reports the zeros.
  EXPECT_TRUE(Has(out.text, R"(node_nfs_requests_total{method="Null",proto="2"} 0)"));
}

TEST(NfsCollector, OldKernelPadsNfsV4Procedures) {
  auto out = RunCollector("nfs", "nfs-old-kernel");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("nfs", "nfs-old-kernel", out.text);
  EXPECT_TRUE(Has(out.text, R"(node_nfs_requests_total{method="Clone",proto="4"} 0)"));
  EXPECT_TRUE(Has(out.text, R"(node_nfs_requests_total{method="Read",proto="4"} 1203)"));
}

TEST(NfsCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("nfs", "nfs-malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_TRUE(Has(out.status.error().message, "proc/net/rpc/nfs"));
  EXPECT_EQ(out.samples, 0u);
}

TEST(NfsCollector, AbsentSubsystemIsNoData) {
  auto out = RunCollector("nfs", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
