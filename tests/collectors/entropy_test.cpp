#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(EntropyCollector, Golden) {
  RunGolden("entropy", "basic", 2u);
}

TEST(EntropyCollector, MissingPoolsizeFailsAfterAvailableBits) {
  auto out = RunCollector("entropy", "entropy-no-poolsize");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_EQ(out.status.error().message, "couldn't get entropy poolsize");
  EXPECT_EQ(out.text,
            "# HELP node_entropy_available_bits Bits of available entropy.\n"
            "# TYPE node_entropy_available_bits gauge\n"
            "node_entropy_available_bits 3712\n");
}

TEST(EntropyCollector, AbsentDirectoryIsAFailureNotNoData) {
  auto out = RunCollector("entropy", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_EQ(out.status.error().message, "couldn't get entropy_avail");
  EXPECT_EQ(out.samples, 0u);
}

TEST(EntropyCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("entropy", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("proc/sys/kernel/random/entropy_avail"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
