#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

bool Has(const std::string& text, const std::string& s) { return text.find(s) != std::string::npos; }

TEST(HwmonCollector, Golden) {
  auto out = RunCollector("hwmon", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("hwmon", "basic", out.text);
}

TEST(HwmonCollector, ChipsSharingADeviceAreToldApart) {
  auto out = RunCollector("hwmon", "hwmon-shared-device");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("hwmon", "hwmon-shared-device", out.text);
  EXPECT_TRUE(Has(out.text, R"(node_hwmon_pwm_enable{chip="platform_asus_nb_wmi_asus",sensor="pwm1"} 2)"));
  EXPECT_TRUE(Has(out.text, R"(node_hwmon_pwm_enable{chip="platform_asus_nb_wmi_asus_wmi_sensors",sensor="pwm1"} 2)"));
  // Same name under the same device: the hwmonX entry disambiguates.
  EXPECT_TRUE(Has(out.text, R"(node_hwmon_temp_celsius{chip="ieee80211_phy0_hwmon8",sensor="temp1"} 58)"));
  // A chip alone on its device keeps the plain name.
  EXPECT_TRUE(Has(out.text, R"(chip="platform_coretemp_0")"));
}

TEST(HwmonCollector, ChipFilterMatchesTheFinalLabel) {
  auto out = RunCollector("hwmon", "hwmon-shared-device",
                          {"--collector.hwmon.chip-include=asus_wmi"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(Has(out.text, R"(chip="platform_asus_nb_wmi_asus_wmi_sensors")"));
  EXPECT_FALSE(Has(out.text, R"(chip="platform_asus_nb_wmi_asus")"));
  EXPECT_FALSE(Has(out.text, "coretemp"));

  out = RunCollector("hwmon", "hwmon-shared-device", {"--collector.hwmon.chip-exclude=^ieee80211"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_FALSE(Has(out.text, "ieee80211"));
  EXPECT_TRUE(Has(out.text, "platform_coretemp_0"));
}

TEST(HwmonCollector, SensorFilterMatchesChipSemicolonSensor) {
  auto out = RunCollector("hwmon", "basic", {"--collector.hwmon.sensor-exclude=^platform_coretemp_0;temp[2-5]$"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(Has(out.text, R"(node_hwmon_temp_celsius{chip="platform_coretemp_0",sensor="temp1"} 46)"));
  EXPECT_FALSE(Has(out.text, R"(chip="platform_coretemp_0",sensor="temp2")"));
  EXPECT_TRUE(Has(out.text, R"(chip="nvme_nvme0",sensor="temp2")"));

  // Include and exclude may be combined, as in node_exporter.
  out = RunCollector("hwmon", "basic", {"--collector.hwmon.sensor-include=;temp1$",
                                        "--collector.hwmon.sensor-exclude=^nvme"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(Has(out.text, R"(chip="platform_coretemp_0",sensor="temp1")"));
  EXPECT_FALSE(Has(out.text, R"(sensor="temp2")"));
  EXPECT_FALSE(Has(out.text, R"(chip="nvme_nvme0",sensor="temp1")"));
}

TEST(HwmonCollector, InvalidRegexpFailsCreateNamingTheFlag) {
  auto out = RunCollector("hwmon", "basic", {"--collector.hwmon.chip-include=("});
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(Has(out.status.error().message, "collector.hwmon.chip-include")) << out.status.error().message;
}

TEST(HwmonCollector, QuirksAndABrokenChip) {
  auto out = RunCollector("hwmon", "hwmon-quirks");
  // The chip whose device link points at a file fails the collector, naming
  // the path; the other chips are still reported.
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_TRUE(Has(out.status.error().message, "hwmon3/device")) << out.status.error().message;
  ExpectGolden("hwmon", "hwmon-quirks", out.text);
  // No device and no name: the hwmonX directory name.
  EXPECT_TRUE(Has(out.text, R"(node_hwmon_temp_input_celsius{chip="hwmon0",sensor="temp1"} 30)"));
  EXPECT_TRUE(Has(out.text, R"(node_hwmon_temp_celsius{chip="hwmon0",sensor="temp1"} 31)"));
  // The name file, cleaned, when there is no device.
  EXPECT_TRUE(Has(out.text, R"(node_hwmon_chip_names{chip="dell_smm",chip_name="dell_smm"} 1)"));
  // Labels keep their case and spaces; invalid UTF-8 is replaced.
  EXPECT_TRUE(Has(out.text, "label=\"Amb\xEF\xBF\xBDient  \""));
  // Unparsable values are skipped.
  EXPECT_FALSE(Has(out.text, R"(chip="dell_smm",sensor="temp1")"));
  EXPECT_FALSE(Has(out.text, "update_interval"));
  // An empty name file gives no chip_names; sensors come from device/.
  EXPECT_FALSE(Has(out.text, R"(chip_names{chip="platform_thinkpad_hwmon")"));
  EXPECT_TRUE(Has(out.text, R"(node_hwmon_fan_rpm{chip="platform_thinkpad_hwmon",sensor="fan1"} 2980)"));
  EXPECT_FALSE(Has(out.text, "hwmon99"));
}

TEST(HwmonCollector, AbsentSubsystemIsNoData) {
  auto out = RunCollector("hwmon", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData()) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
