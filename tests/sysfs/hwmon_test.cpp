#include "host_exporter/sysfs/hwmon.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ExplodeHwmonFilename, SplitsTypeNumberAndProperty) {
  auto r = ExplodeHwmonFilename("temp1_crit_alarm");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->type, "temp");
  EXPECT_EQ(r->num, 1);
  EXPECT_EQ(r->property, "crit_alarm");

  r = ExplodeHwmonFilename("pwm12");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->type, "pwm");
  EXPECT_EQ(r->num, 12);
  EXPECT_EQ(r->property, "");

  r = ExplodeHwmonFilename("pwm1_auto_point1_pwm");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->property, "auto_point1_pwm");

  // No digits: the whole name is the type (greedy), as with Go's regexp.
  r = ExplodeHwmonFilename("beep_enable");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->type, "beep_enable");
  EXPECT_EQ(r->num, 0);
  EXPECT_EQ(r->property, "");

  r = ExplodeHwmonFilename("temp007_input");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->num, 7);
}

TEST(ExplodeHwmonFilename, BacktracksLikeGoRegexp) {
  // "ab_c" + "1x" cannot end the match, so the type shrinks to "ab" and the
  // rest becomes the property.
  auto r = ExplodeHwmonFilename("ab_c1x");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->type, "ab");
  EXPECT_EQ(r->num, 0);
  EXPECT_EQ(r->property, "c1x");
}

TEST(ExplodeHwmonFilename, RejectsNamesOutsideThePattern) {
  EXPECT_FALSE(ExplodeHwmonFilename(""));
  EXPECT_FALSE(ExplodeHwmonFilename("1_input"));    // must start with a non-digit
  EXPECT_FALSE(ExplodeHwmonFilename("temp1x"));     // trailing garbage, no '_'
  EXPECT_FALSE(ExplodeHwmonFilename("temp1_"));     // '_' needs a property after it
  EXPECT_FALSE(ExplodeHwmonFilename("temp99999999999999999999_input"));  // Atoi overflow
}

TEST(IsHwmonSensorType, KnowsNodeExportersTypes) {
  for (const char* t : {"in", "cpu", "fan", "pwm", "temp", "curr", "power", "energy", "humidity",
                        "intrusion", "freq", "vrm", "beep_enable", "update_interval"}) {
    EXPECT_TRUE(IsHwmonSensorType(t)) << t;
  }
  EXPECT_FALSE(IsHwmonSensorType("name"));
  EXPECT_FALSE(IsHwmonSensorType("fan_input"));
}

TEST(CleanHwmonName, LowercasesAndReplacesInvalidCharacters) {
  EXPECT_EQ(CleanHwmonName("coretemp.0"), "coretemp_0");
  EXPECT_EQ(CleanHwmonName("Physical id 0\n"), "physical_id_0");
  EXPECT_EQ(CleanHwmonName("__a-b:c__"), "a_b:c");
  EXPECT_EQ(CleanHwmonName("...."), "");
  // One '_' per character, also for multi-byte and invalid bytes.
  EXPECT_EQ(CleanHwmonName("x\xC3\xA9y"), "x_y");
  EXPECT_EQ(CleanHwmonName("x\xFF\xFEy"), "x__y");
  EXPECT_EQ(CleanHwmonName("\xE2\x84\xAA"), "k");  // KELVIN SIGN lower-cases to 'k'
}

TEST(ToValidUtf8, ReplacesEachInvalidRunOnce) {
  EXPECT_EQ(ToValidUtf8("Core 0"), "Core 0");
  EXPECT_EQ(ToValidUtf8("a\xFF\xFE" "b"), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(ToValidUtf8("\xC3\xA9"), "\xC3\xA9");
  EXPECT_EQ(ToValidUtf8("\xC3"), "\xEF\xBF\xBD");  // truncated sequence
}

TEST(DisambiguateHwmonChips, SuffixesOnlyCollidingChips) {
  std::vector<HwmonChipNaming> chips = {
      {"platform_coretemp_0", "coretemp", "hwmon1"},
      {"platform_asus_nb_wmi", "asus", "hwmon6"},
      {"platform_asus_nb_wmi", "asus_wmi_sensors", "hwmon7"},
      {"ieee80211_phy0", "mt7996", "hwmon8"},
      {"ieee80211_phy0", "mt7996", "hwmon9"},
      {"ieee80211_phy0", std::nullopt, "hwmon10"},
  };
  auto names = DisambiguateHwmonChips(chips);
  ASSERT_EQ(names.size(), chips.size());
  EXPECT_EQ(names[0], "platform_coretemp_0");
  EXPECT_EQ(names[1], "platform_asus_nb_wmi_asus");
  EXPECT_EQ(names[2], "platform_asus_nb_wmi_asus_wmi_sensors");
  // The same name twice does not tell the chips apart: use hwmonX.
  EXPECT_EQ(names[3], "ieee80211_phy0_hwmon8");
  EXPECT_EQ(names[4], "ieee80211_phy0_hwmon9");
  EXPECT_EQ(names[5], "ieee80211_phy0_hwmon10");
}

TEST(ReadHwmon, ListsChipsAndResolvesDeviceLinks) {
  Paths p = testing::FixturePaths("basic");
  auto dirs = ListHwmonDirs(p);
  ASSERT_TRUE(dirs) << dirs.error().message;
  ASSERT_EQ(dirs->size(), 8u);
  EXPECT_EQ((*dirs)[1].entry, "hwmon1");
  auto id = ReadHwmonChipIdentity((*dirs)[1].path);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(id->base, "platform_coretemp_0");
  EXPECT_EQ(id->human, "coretemp");
  EXPECT_EQ(ReadHwmonChipIdentity((*dirs)[0].path)->base, "thermal_thermal_zone0");
  EXPECT_EQ(ReadHwmonChipIdentity((*dirs)[2].path)->base, "nvme_nvme0");

  auto sensors = ReadHwmonSensors((*dirs)[1].path);
  ASSERT_TRUE(sensors) << sensors.error().message;
  ASSERT_TRUE(sensors->contains("temp2"));
  const auto& t2 = sensors->at("temp2");
  EXPECT_EQ(t2.type, "temp");
  EXPECT_EQ(t2.props.at("label").raw, "Core 0");
  EXPECT_FALSE(t2.props.at("label").number);
  EXPECT_DOUBLE_EQ(*t2.props.at("input").number, 43000);
}

TEST(ReadHwmon, ReadsSensorsFromTheDeviceDirectoryToo) {
  Paths p = testing::FixturePaths("basic");
  auto sensors = ReadHwmonSensors(p.Sys("class/hwmon/hwmon5"));
  ASSERT_TRUE(sensors) << sensors.error().message;
  ASSERT_TRUE(sensors->contains("power1"));
  EXPECT_DOUBLE_EQ(*sensors->at("power1").props.at("average").number, 98000000);
  EXPECT_FALSE(sensors->at("power1").props.at("model_number").number);
  // "power" in device/ is a directory: unreadable, so it is skipped.
  EXPECT_FALSE(sensors->contains("power0"));
}

TEST(ReadHwmon, ChipIdentityFallbacks) {
  Paths p = testing::FixturePaths("hwmon-quirks");
  auto none = ReadHwmonChipIdentity(p.Sys("class/hwmon/hwmon0"));  // no device, no name
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_EQ(none->base, "hwmon0");
  EXPECT_FALSE(none->human);
  auto named = ReadHwmonChipIdentity(p.Sys("class/hwmon/hwmon1"));  // name only
  ASSERT_TRUE(named);
  EXPECT_EQ(named->base, "dell_smm");
  EXPECT_EQ(named->human, "dell_smm");
  auto empty_name = ReadHwmonChipIdentity(p.Sys("class/hwmon/hwmon2"));
  ASSERT_TRUE(empty_name);
  EXPECT_EQ(empty_name->base, "platform_thinkpad_hwmon");
  EXPECT_FALSE(empty_name->human);
}

TEST(ReadHwmon, MissingClassDirectoryIsNotFound) {
  auto dirs = ListHwmonDirs(testing::FixturePaths("empty"));
  ASSERT_FALSE(dirs);
  EXPECT_TRUE(dirs.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::sysfs
