#include "host_exporter/sysfs/pci_device.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

using Attrs = std::map<std::string, std::string, std::less<>>;

Attrs Required() {
  return {{"class", "0x010802"},       {"vendor", "0xc0a9"},   {"device", "0x540a"}, {"subsystem_vendor", "0xc0a9"},
          {"subsystem_device", "0x5021"}, {"revision", "0x01"}, {"numa_node", "-1"}};
}

TEST(ParsePciDeviceLocation, ParsesAndFormatsAsProcfs) {
  auto loc = ParsePciDeviceLocation("0000:45:1f.7");
  ASSERT_TRUE(loc) << loc.error().message;
  EXPECT_EQ(loc->segment, 0);
  EXPECT_EQ(loc->bus, 0x45);
  EXPECT_EQ(loc->device, 0x1f);
  EXPECT_EQ(loc->function, 7);
  EXPECT_EQ(PciLocationStrings(*loc), (std::array<std::string, 4>{"0000", "45", "1f", "7"}));
  auto wide = ParsePciDeviceLocation("10000:3:4.a");
  ASSERT_TRUE(wide) << wide.error().message;
  EXPECT_EQ(PciLocationStrings(*wide), (std::array<std::string, 4>{"10000", "03", "04", "a"}));
  EXPECT_EQ(PciLocationStrings(PciDeviceLocation{-1, 2, 3, 4})[0], "-001");  // Go's %04x of a negative
}

TEST(ParsePciDeviceLocation, RejectsMalformedLocations) {
  for (const char* bad : {"", "0000:00:02", "0000:00.02.1", "0000:00:02.1.0", "0000:0g:02.1", "0x00:00:02.1",
                          "pci0000:00", "0000:00:02.100000000", "0000:00::1"}) {
    EXPECT_FALSE(ParsePciDeviceLocation(bad)) << bad;
  }
}

TEST(ParsePciDevice, ReadsEveryAttribute) {
  Attrs a = Required();
  a["numa_node"] = "1";
  a["max_link_speed"] = "16.0 GT/s PCIe";
  a["max_link_width"] = "4";
  a["current_link_speed"] = "8.0 GT/s PCIe";
  a["current_link_width"] = "2";
  a["sriov_drivers_autoprobe"] = "1";
  a["sriov_numvfs"] = "4";
  a["sriov_totalvfs"] = "8";
  a["sriov_vf_total_msix"] = "16";
  a["d3cold_allowed"] = "0";
  a["power_state"] = "D3hot";
  auto d = ParsePciDevice("../../../devices/pci0000:00/0000:00:02.1/0000:01:00.0", a);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_EQ(PciLocationStrings(d->location), (std::array<std::string, 4>{"0000", "01", "00", "0"}));
  ASSERT_TRUE(d->parent);
  EXPECT_EQ(PciLocationStrings(*d->parent), (std::array<std::string, 4>{"0000", "00", "02", "1"}));
  EXPECT_EQ(d->class_id, 0x010802u);
  EXPECT_EQ(d->vendor, 0xc0a9u);
  EXPECT_EQ(d->device, 0x540au);
  EXPECT_EQ(d->subsystem_vendor, 0xc0a9u);
  EXPECT_EQ(d->subsystem_device, 0x5021u);
  EXPECT_EQ(d->revision, 1u);
  EXPECT_EQ(d->numa_node, 1);
  EXPECT_EQ(d->max_link_speed, 16.0);
  EXPECT_EQ(d->max_link_width, 4.0);
  EXPECT_EQ(d->current_link_speed, 8.0);
  EXPECT_EQ(d->current_link_width, 2.0);
  EXPECT_EQ(d->sriov_drivers_autoprobe, true);
  EXPECT_EQ(d->sriov_numvfs, 4u);
  EXPECT_EQ(d->sriov_totalvfs, 8u);
  EXPECT_EQ(d->sriov_vf_total_msix, 16u);
  EXPECT_EQ(d->d3cold_allowed, false);
  EXPECT_EQ(d->power_state, "D3hot");
}

TEST(ParsePciDevice, OptionalAttributesMayBeAbsentEmptyOrUnknown) {
  Attrs a = Required();
  a["max_link_speed"] = "Unknown";
  a["current_link_speed"] = "";
  a["current_link_width"] = "Unknown";
  a["sriov_numvfs"] = "";
  auto d = ParsePciDevice("../../../devices/pci0000:00/0000:00:02.1", a);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_FALSE(d->parent);  // directly under the host bridge
  EXPECT_EQ(d->numa_node, -1);
  EXPECT_FALSE(d->max_link_speed);
  EXPECT_FALSE(d->max_link_width);
  EXPECT_FALSE(d->current_link_speed);
  EXPECT_FALSE(d->current_link_width);
  EXPECT_FALSE(d->sriov_numvfs);
  EXPECT_FALSE(d->power_state);
  EXPECT_FALSE(d->d3cold_allowed);
}

TEST(ParsePciDevice, RejectsBadValuesNamingTheAttribute) {
  auto with = [](std::string key, std::string value) {
    Attrs a = Required();
    a[key] = value;
    return ParsePciDevice("../../../devices/pci0000:00/0000:00:02.1", a);
  };
  auto bad_class = with("class", "0x06zz00");
  ASSERT_FALSE(bad_class);
  EXPECT_NE(bad_class.error().message.find("class"), std::string::npos) << bad_class.error().message;
  EXPECT_FALSE(with("vendor", "0x100000000"));  // beyond 32 bits
  EXPECT_FALSE(with("max_link_speed", "8.0"));
  EXPECT_FALSE(with("max_link_speed", "8.0 GT/s"));
  EXPECT_FALSE(with("current_link_speed", "fast GT/s PCIe"));
  EXPECT_FALSE(with("max_link_width", "x4"));
  EXPECT_FALSE(with("sriov_numvfs", "-1"));
  EXPECT_FALSE(with("sriov_totalvfs", "4294967296"));
  EXPECT_FALSE(with("d3cold_allowed", "yes"));
  EXPECT_FALSE(with("sriov_drivers_autoprobe", "0x1"));
  Attrs missing = Required();
  missing.erase("numa_node");
  auto m = ParsePciDevice("../../../devices/pci0000:00/0000:00:02.1", missing);
  ASSERT_FALSE(m);
  EXPECT_NE(m.error().message.find("numa_node"), std::string::npos);
  EXPECT_FALSE(ParsePciDevice("../../../devices/pci0000:00/garbage", Required()));
  EXPECT_FALSE(ParsePciDevice("../../../devices/pci0000:00/usb1/0000:00:02.1", Required()));
  EXPECT_FALSE(ParsePciDevice("", Required()));
}

TEST(ReadPciDevices, ReadsFixtures) {
  auto ok = ReadPciDevices(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->size(), 6u);
  const PciDevice& nic = (*ok)[4];  // sorted by location: 0000:04:00.0 after the 0000:00:* functions
  EXPECT_EQ(PciLocationStrings(nic.location)[1], "04");
  ASSERT_TRUE(nic.parent);
  EXPECT_EQ(PciLocationStrings(*nic.parent)[2], "1c");
  EXPECT_EQ(nic.sriov_numvfs, 2u);
  auto quirks = ReadPciDevices(testing::FixturePaths("pcidevice-quirks"));
  ASSERT_TRUE(quirks) << quirks.error().message;
  ASSERT_EQ(quirks->size(), 4u);
  EXPECT_EQ(PciLocationStrings(quirks->back().location)[0], "0001");
  EXPECT_EQ(quirks->back().numa_node, 1);
}

TEST(ReadPciDevices, MissingIsNotFoundBrokenFilesFail) {
  auto missing = ReadPciDevices(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  auto bad = ReadPciDevices(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("bus/pci/devices/0000:00:02.0: class"), std::string::npos)
      << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::sysfs
