#include "host_exporter/sysfs/power_supply.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParsePowerSupply, KnownAttributesTypedUnknownIgnored) {
  auto ps = ParsePowerSupply("BAT0", {{"capacity", "64"},
                                      {"status", "Discharging"},
                                      {"current_now", "-1032000"},
                                      {"charge_full", "0x2faf08"},
                                      {"alarm", "1870000"},
                                      {"charge_control_end_threshold", "80"}});
  ASSERT_TRUE(ps) << ps.error().message;
  EXPECT_EQ(ps->name, "BAT0");
  ASSERT_NE(ps->Number("capacity"), nullptr);
  EXPECT_EQ(*ps->Number("capacity"), 64);
  EXPECT_EQ(*ps->Number("current_now"), -1032000);
  EXPECT_EQ(*ps->Number("charge_full"), 0x2faf08);
  EXPECT_EQ(ps->String("status"), "Discharging");
  EXPECT_EQ(ps->Number("alarm"), nullptr);
  EXPECT_EQ(ps->numbers.size(), 3u);
  EXPECT_EQ(ps->String("model_name"), "");
}

TEST(ParsePowerSupply, EmptyAndMalformed) {
  auto empty = ParsePowerSupply("AC", {});
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->numbers.empty());
  EXPECT_TRUE(empty->strings.empty());

  auto bad = ParsePowerSupply("BAT0", {{"type", "Battery"}, {"capacity", "eighty"}});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("capacity"), std::string::npos);
  // A truncated number, and a text attribute that may be anything.
  EXPECT_FALSE(ParsePowerSupply("BAT0", {{"energy_now", ""}}));
  EXPECT_TRUE(ParsePowerSupply("BAT0", {{"technology", ""}}));
}

TEST(PowerSupplyAttributes, TablesCoverProcfsLists) {
  for (auto a : {"authentic", "cycle_count", "voltage_ocv", "time_to_full_avg", "temp_ambient_min"}) {
    EXPECT_TRUE(IsPowerSupplyNumber(a)) << a;
  }
  for (auto a : {"capacity_level", "usb_type", "scope", "serial_number"})
    EXPECT_TRUE(IsPowerSupplyString(a)) << a;
  EXPECT_FALSE(IsPowerSupplyNumber("uevent"));
  EXPECT_FALSE(IsPowerSupplyString("capacity"));
}

TEST(ReadPowerSupplies, ReadsBasicHost) {
  auto all = ReadPowerSupplies(testing::FixturePaths("basic"));
  ASSERT_TRUE(all) << all.error().message;
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].name, "AC");
  EXPECT_EQ((*all)[1].name, "BAT0");
  EXPECT_EQ((*all)[2].name, "ucsi-source-psy-USBC000:001");
  const PowerSupply& bat = (*all)[1];
  EXPECT_EQ(*bat.Number("energy_now"), 43790000);
  EXPECT_EQ(bat.String("serial_number"), "436");  // "  436" trimmed
  EXPECT_EQ(bat.String("technology"), "Li-poly");
  EXPECT_EQ((*all)[0].numbers.size(), 1u);  // AC: online only
  EXPECT_EQ((*all)[2].String("usb_type"), "C [PD] PD_PPS");
}

TEST(ReadPowerSupplies, ErrorsNameTheFileOrMeanNoData) {
  auto bad = ReadPowerSupplies(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("malformed/sys/class/power_supply/BAT0/capacity"), std::string::npos)
      << bad.error().message;
  auto missing = ReadPowerSupplies(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::sysfs
