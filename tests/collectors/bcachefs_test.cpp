#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(BcachefsCollector, Golden) {
  auto out = RunCollector("bcachefs", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_bcachefs_io_read_total{uuid=\"9d3f1a2b-5c6d-4e7f-8091-a2b3c4d5e6f7\"}"),
            std::string::npos);
  ExpectGolden("bcachefs", "basic", out.text);
}

TEST(BcachefsCollector, MissingOptionalFiles) {
  auto out = RunCollector("bcachefs", "bcachefs-partial");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.text.find("node_bcachefs_compression"), std::string::npos);
  ExpectGolden("bcachefs", "bcachefs-partial", out.text);
}

TEST(BcachefsCollector, AbsentIsNoData) {
  auto out = RunCollector("bcachefs", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

TEST(BcachefsCollector, MalformedFailsWithPath) {
  auto out = RunCollector("bcachefs", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("counters/bucket_alloc"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
