#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(EdacCollector, Golden) {
  RunGolden("edac", "basic", 16u);
}

TEST(EdacCollector, ChannelsWithoutUeCountOrLabel) {
  auto out = RunCollector("edac", "edac-partial");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("dimm_label=\"unknown\""), std::string::npos);
  ExpectGolden("edac", "edac-partial", out.text);
}

TEST(EdacCollector, NoDriverIsSuccessWithNothing) {
  auto out = RunCollector("edac", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(EdacCollector, MalformedFailsWithPath) {
  auto out = RunCollector("edac", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("edac/mc/mc0/ce_count"), std::string::npos)
      << out.status.error().message;
}

}  // namespace
}  // namespace host_exporter::testing
