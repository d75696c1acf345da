#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(PressureCollector, Golden) {
  auto out = RunCollector("pressure", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 6u);
  ExpectGolden("pressure", "basic", out.text);
}

TEST(PressureCollector, GoldenOldKernelWithoutIrqOrCpuFull) {
  auto out = RunCollector("pressure", "pressure-old-kernel");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 5u);
  EXPECT_EQ(out.text.find("irq"), std::string::npos);
  ExpectGolden("pressure", "pressure-old-kernel", out.text);
}

TEST(PressureCollector, NoPsiAtAllIsNoData) {
  auto out = RunCollector("pressure", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kNoData);
  EXPECT_EQ(out.samples, 0u);
}

TEST(PressureCollector, MalformedFileFailsWithPathKeepingEarlierSamples) {
  auto out = RunCollector("pressure", "pressure-malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(out.status.error().message.find("pressure-malformed/proc/pressure/io"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 1u);  // cpu was read before io, as node_exporter sends it
}

TEST(PressureCollector, MissingFullLineIsNoData) {
  auto out = RunCollector("pressure", "pressure-missing-full");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kNoData);
  EXPECT_NE(out.status.error().message.find("'full'"), std::string::npos);
}

}  // namespace
}  // namespace host_exporter::testing
