#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

// The path label holds the fixture's absolute path; goldens use <fixtures>.
std::string Portable(std::string text) {
  const std::string dir = SourceDir() + "/fixtures";
  for (std::size_t at; (at = text.find(dir)) != std::string::npos;)
    text.replace(at, dir.size(), "<fixtures>");
  return text;
}

TEST(RaplCollector, Golden) {
  auto out = RunCollector("rapl", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 5u);
  ExpectGolden("rapl", "basic", Portable(out.text));
}

TEST(RaplCollector, ZoneLabel) {
  auto out = RunCollector("rapl", "basic", {"--collector.rapl.enable-zone-label"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 5u);
  EXPECT_EQ(out.text.find("node_rapl_package_joules_total"), std::string::npos);
  ExpectGolden("rapl", "basic-zone-label", Portable(out.text));
}

TEST(RaplCollector, TwoSocketsCountUnindexedNames) {
  auto out = RunCollector("rapl", "rapl-two-sockets");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 4u);
  ExpectGolden("rapl", "rapl-two-sockets", Portable(out.text));
}

TEST(RaplCollector, NoPowercapIsNoData) {
  auto empty = RunCollector("rapl", "empty");
  ASSERT_FALSE(empty.status);
  EXPECT_TRUE(empty.status.error().IsNoData());
  // A zone without max_energy_range_uj: node_exporter's ErrNotExist check says no data.
  auto no_max = RunCollector("rapl", "rapl-no-max-range");
  ASSERT_FALSE(no_max.status);
  EXPECT_TRUE(no_max.status.error().IsNoData());
  EXPECT_EQ(no_max.samples, 0u);
}

TEST(RaplCollector, MalformedFailsWithPath) {
  auto out = RunCollector("rapl", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("class/powercap/intel-rapl:0/max_energy_range_uj"),
            std::string::npos);
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
