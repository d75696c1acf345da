#include "host_exporter/sysfs/pci_ids.h"

#include <gtest/gtest.h>

#include "host_exporter/file.h"
#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

constexpr const char* kIds =
    "# comment\n"
    "\n"
    "8086  Intel Corporation\n"
    "\t1521  I350 Gigabit Network Connection\n"
    "\t\t8086 0001  Ethernet Server Adapter I350-T4\n"
    "\t\t8086 00a3  Ethernet Network Adapter I350-T4 for OCP NIC 3.0\n"
    "c0a9  Micron/Crucial Technology\n"
    "\t540a  P2 [Nick P2] / P3 / P3 Plus NVMe PCIe SSD (DRAM-less)\n"
    "C 01  Mass storage controller\n"
    "\t08  Non-Volatile memory controller\n"
    "\t\t02  NVM Express\n"
    "C 06  Bridge\n"
    "\t04  PCI bridge\n"
    "C 0c  Serial bus controller\n";

TEST(ParsePciIds, ReadsVendorsDevicesSubsystemsAndClasses) {
  PciIds ids = ParsePciIds(kIds);
  EXPECT_EQ(ids.VendorName("0x8086"), "Intel Corporation");
  EXPECT_EQ(ids.VendorName("0xC0A9"), "Micron/Crucial Technology");
  EXPECT_EQ(ids.DeviceName("0x8086", "0x1521"), "I350 Gigabit Network Connection");
  EXPECT_EQ(ids.SubsystemName("0x8086", "0x1521", "0x8086", "0x00a3"),
            "Ethernet Network Adapter I350-T4 for OCP NIC 3.0");
  EXPECT_EQ(ids.ClassName("0x010802"), "NVM Express");        // programming interface
  EXPECT_EQ(ids.ClassName("0x060400"), "PCI bridge");         // subclass
  EXPECT_EQ(ids.ClassName("0x0c0330"), "Serial bus controller");  // base class
}

TEST(ParsePciIds, UnknownIdsFallBackToTheIdWithoutPrefix) {
  PciIds ids = ParsePciIds(kIds);
  EXPECT_EQ(ids.VendorName("0x1022"), "1022");
  EXPECT_EQ(ids.DeviceName("0x8086", "0x15BB"), "15bb");
  EXPECT_EQ(ids.SubsystemName("0x8086", "0x1521", "0x17aa", "0x5095"), "5095");
  EXPECT_EQ(ids.ClassName("0x020000"), "Unknown class (020000)");
}

TEST(ParsePciIds, EmptyAndTruncatedInputNeverFail) {
  PciIds empty = ParsePciIds("");
  EXPECT_TRUE(empty.vendors.empty());
  EXPECT_EQ(empty.VendorName("0x8086"), "8086");
  // Cut inside a device line (no two-space separator): that line is skipped.
  PciIds cut = ParsePciIds("8086  Intel Corporation\n\t1521  I350\n\t15");
  EXPECT_EQ(cut.devices.size(), 1u);
  // A device line before any vendor has no vendor to belong to.
  EXPECT_TRUE(ParsePciIds("\t1521  I350\n").devices.empty());
}

TEST(ParsePciIds, ParsesTheFixtureFile) {
  auto text = ReadFile(testing::FixtureDir("basic") + "/rootfs/usr/share/misc/pci.ids");
  ASSERT_TRUE(text) << text.error().message;
  PciIds ids = ParsePciIds(*text);
  EXPECT_EQ(ids.DeviceName("0x144d", "0xa808"), "NVMe SSD Controller SM981/PM981/PM983");
  EXPECT_EQ(ids.ClassName("0x010802"), "NVM Express");
}

}  // namespace
}  // namespace host_exporter::sysfs
