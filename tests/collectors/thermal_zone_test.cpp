#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(ThermalZoneCollector, Golden) {
  RunGolden("thermal_zone", "basic", 4u + 12u);
}

TEST(ThermalZoneCollector, SkipsIncompleteZonesAndDevices) {
  RunGolden("thermal_zone", "thermal_zone-quirks", 2u + 2u);
}

TEST(ThermalZoneCollector, AbsentClassSucceedsEmpty) {
  auto out = RunCollector("thermal_zone", "empty");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(ThermalZoneCollector, MalformedZoneFailsWithPath) {
  auto out = RunCollector("thermal_zone", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("class/thermal/thermal_zone0/temp"), std::string::npos);
  EXPECT_EQ(out.samples, 0u);
}

TEST(ThermalZoneCollector, MalformedCoolingDeviceKeepsZoneSamples) {
  auto out = RunCollector("thermal_zone", "thermal_zone-bad-cooling");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("cooling_device0/cur_state"), std::string::npos);
  EXPECT_EQ(out.samples, 1u);
  EXPECT_NE(out.text.find("node_thermal_zone_temp{type=\"x86_pkg_temp\",zone=\"0\"} 48\n"),
            std::string::npos);
}

}  // namespace
}  // namespace host_exporter::testing
