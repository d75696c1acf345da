#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(StatCollector, Golden) {
  auto out = RunGolden("stat", "basic", 6u);
  EXPECT_EQ(out.text.find("node_softirqs_total"), std::string::npos);
}

TEST(StatCollector, GoldenWithSoftirq) {
  RunGolden("stat", "basic", 16u, {"--collector.stat.softirq"}, "basic-softirq");
}

TEST(StatCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("stat", "stat-malformed");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("stat-malformed/proc/stat"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(StatCollector, MissingFileIsNotFound) {
  auto out = RunCollector("stat", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::testing
