#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

bool Has(const std::string& text, const std::string& s) { return text.find(s) != std::string::npos; }

TEST(DmmultipathCollector, BasicHostHasNoMultipathMaps) {
  auto out = RunCollector("dmmultipath", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
  EXPECT_EQ(out.text, "");
}

TEST(DmmultipathCollector, Golden) {
  auto out = RunCollector("dmmultipath", "dmmultipath-san");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("dmmultipath", "dmmultipath-san", out.text);
  EXPECT_TRUE(Has(out.text, R"(node_dmmultipath_device_paths_active{device="mpatha",sysfs_name="dm-2"} 2)"));
  // Unknown states count as failed.
  EXPECT_TRUE(Has(out.text, R"(node_dmmultipath_device_paths_failed{device="mpatha",sysfs_name="dm-2"} 2)"));
  EXPECT_TRUE(Has(out.text, R"(node_dmmultipath_device_active{device="mpathb",sysfs_name="dm-3"} 0)"));
  EXPECT_TRUE(Has(out.text, R"(node_dmmultipath_device_paths{device="mpathc",sysfs_name="dm-4"} 0)"));
}

TEST(DmmultipathCollector, MissingPathStateIsNoData) {
  auto out = RunCollector("dmmultipath", "dmmultipath-missing-state");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

TEST(DmmultipathCollector, MalformedAttributeFailsWithPath) {
  auto out = RunCollector("dmmultipath", "dmmultipath-malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_TRUE(Has(out.status.error().message, "dm/suspended")) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(DmmultipathCollector, AbsentSubsystemIsNoData) {
  auto out = RunCollector("dmmultipath", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
