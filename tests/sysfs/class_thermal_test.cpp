#include "host_exporter/sysfs/class_thermal.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ThermalParsers, Values) {
  EXPECT_EQ(*ParseThermalTemp("44000"), 44000);
  EXPECT_EQ(*ParseThermalTemp("-263200"), -263200);
  EXPECT_FALSE(ParseThermalTemp("hot"));
  EXPECT_FALSE(ParseThermalTemp(""));
  EXPECT_FALSE(ParseThermalTemp("0x10"));  // decimal only here
  EXPECT_EQ(ParseThermalMode("enabled"), std::optional<bool>(true));
  EXPECT_EQ(ParseThermalMode("disabled"), std::optional<bool>(false));
  EXPECT_EQ(ParseThermalMode("on"), std::nullopt);
  EXPECT_EQ(*ParseThermalPassive("95000"), 95000u);
  EXPECT_FALSE(ParseThermalPassive("-1"));
  EXPECT_EQ(*ParseCoolingState("-1"), -1);
  EXPECT_FALSE(ParseCoolingState("3 "));
}

TEST(ReadThermalZones, ReadsBasicHost) {
  auto zones = ReadThermalZones(testing::FixturePaths("basic"));
  ASSERT_TRUE(zones) << zones.error().message;
  ASSERT_EQ(zones->size(), 4u);
  EXPECT_EQ((*zones)[0].name, "0");
  EXPECT_EQ((*zones)[0].type, "acpitz");
  EXPECT_EQ((*zones)[0].temp, 44000);
  EXPECT_EQ((*zones)[0].mode, std::optional<bool>(true));
  EXPECT_EQ((*zones)[0].passive, std::optional<std::uint64_t>(0));
  EXPECT_EQ((*zones)[1].policy, "user_space");
  EXPECT_EQ((*zones)[2].passive, std::nullopt);
  auto devices = ReadCoolingDevices(testing::FixturePaths("basic"));
  ASSERT_TRUE(devices) << devices.error().message;
  ASSERT_EQ(devices->size(), 6u);
  EXPECT_EQ((*devices)[4].type, "intel_powerclamp");
  EXPECT_EQ((*devices)[4].cur_state, -1);
  EXPECT_EQ((*devices)[5].max_state, 63);
}

TEST(ReadThermalZones, SkipsZonesAndDevicesWithMissingFiles) {
  Paths p = testing::FixturePaths("thermal_zone-quirks");
  auto zones = ReadThermalZones(p);
  ASSERT_TRUE(zones) << zones.error().message;
  ASSERT_EQ(zones->size(), 2u);  // zone0 lacks policy; thermal_zoneX does not match
  EXPECT_EQ((*zones)[0].name, "1");
  EXPECT_EQ((*zones)[0].temp, -263200);
  EXPECT_EQ((*zones)[0].mode, std::optional<bool>(false));
  EXPECT_EQ((*zones)[0].passive, std::optional<std::uint64_t>(95000));
  EXPECT_EQ((*zones)[1].name, "10");
  EXPECT_EQ((*zones)[1].mode, std::nullopt);
  auto devices = ReadCoolingDevices(p);
  ASSERT_TRUE(devices) << devices.error().message;
  ASSERT_EQ(devices->size(), 1u);  // cooling_device0 has no cur_state
  EXPECT_EQ((*devices)[0].name, "1");
}

TEST(ReadThermalZones, AbsentClassIsEmptyAndParseErrorsNameTheFile) {
  auto none = ReadThermalZones(testing::FixturePaths("empty"));
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  EXPECT_TRUE(ReadCoolingDevices(testing::FixturePaths("empty"))->empty());
  auto bad = ReadThermalZones(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("malformed/sys/class/thermal/thermal_zone0/temp"), std::string::npos);
  auto bad_cd = ReadCoolingDevices(testing::FixturePaths("thermal_zone-bad-cooling"));
  ASSERT_FALSE(bad_cd);
  EXPECT_NE(bad_cd.error().message.find("cooling_device0/cur_state"), std::string::npos);
}

}  // namespace
}  // namespace host_exporter::sysfs
