#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(PressureCollector, Golden) {
  RunGolden("pressure", "basic", 6u);
}

TEST(PressureCollector, GoldenOldKernelWithoutIrqOrCpuFull) {
  auto out = RunGolden("pressure", "pressure-old-kernel", 5u);
  EXPECT_EQ(out.text.find("irq"), std::string::npos);
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
