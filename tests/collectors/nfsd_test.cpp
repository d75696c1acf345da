#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

bool Has(const std::string& text, const std::string& s) { return text.find(s) != std::string::npos; }

TEST(NfsdCollector, Golden) {
  auto out = RunCollector("nfsd", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("nfsd", "basic", out.text);
  EXPECT_EQ(out.samples, 16u + 17u + 21u + 36u);
  EXPECT_TRUE(Has(out.text, R"(node_nfsd_requests_total{method="WdelegGetattr",proto="4"} 11)"));
}

TEST(NfsdCollector, OldKernel) {
  auto out = RunCollector("nfsd", "nfsd-old-kernel");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("nfsd", "nfsd-old-kernel", out.text);
  EXPECT_TRUE(Has(out.text, R"(node_nfsd_requests_total{method="WdelegGetattr",proto="4"} 0)"));
  EXPECT_TRUE(Has(out.text, R"(node_nfsd_requests_total{method="RelLockOwner",proto="4"} 7)"));
  EXPECT_TRUE(Has(out.text, "node_nfsd_read_ahead_cache_not_found_total 171551"));
}

TEST(NfsdCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("nfsd", "nfsd-malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_TRUE(Has(out.status.error().message, "proc/net/rpc/nfsd"));
  EXPECT_EQ(out.samples, 0u);
}

TEST(NfsdCollector, AbsentSubsystemIsNoData) {
  auto out = RunCollector("nfsd", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
