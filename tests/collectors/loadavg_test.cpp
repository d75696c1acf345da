#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(LoadavgCollector, Golden) {
  RunGolden("loadavg", "basic", 3u);
}

TEST(LoadavgCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("loadavg", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("proc/loadavg"), std::string::npos);
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
