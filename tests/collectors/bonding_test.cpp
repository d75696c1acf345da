#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(BondingCollector, Golden) {
  RunGolden("bonding", "basic", 2u);
}

TEST(BondingCollector, OlderKernelSlavePrefix) {
  auto out = RunCollector("bonding", "bonding-slave-prefix");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("bonding", "bonding-slave-prefix", out.text);
}

TEST(BondingCollector, MissingFilesAreNoData) {
  for (const char* scenario : {"empty", "bonding-missing-slave"}) {
    auto out = RunCollector("bonding", scenario);
    ASSERT_FALSE(out.status) << scenario;
    EXPECT_TRUE(out.status.error().IsNoData()) << scenario;
    EXPECT_EQ(out.samples, 0u) << scenario;
  }
}

}  // namespace
}  // namespace host_exporter::testing
