#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(LoadavgCollector, Golden) {
  auto out = RunCollector("loadavg", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 3u);
  ExpectGolden("loadavg", "basic", out.text);
}

TEST(LoadavgCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("loadavg", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("proc/loadavg"), std::string::npos);
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
