#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(PcideviceCollector, Golden) {
  auto out = RunCollector("pcidevice", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // 6 functions x (info + 9 gauges + 7 power states + numa_node).
  EXPECT_EQ(out.samples, 6u * 18);
  EXPECT_NE(out.text.find("node_pcidevice_info{bus=\"04\",class_id=\"0x020000\",device=\"00\",device_id=\"0x1521\","
                          "function=\"0\",parent_bus=\"00\",parent_device=\"1c\",parent_function=\"4\","
                          "parent_segment=\"0000\",revision=\"0x01\",segment=\"0000\",subsystem_device_id=\"0x0001\","
                          "subsystem_vendor_id=\"0x8086\",vendor_id=\"0x8086\"} 1\n"),
            std::string::npos)
      << out.text;
  EXPECT_NE(out.text.find("node_pcidevice_max_link_transfers_per_second{bus=\"04\",device=\"00\",function=\"0\","
                          "segment=\"0000\"} 5e+09\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_pcidevice_power_state{bus=\"3d\",device=\"00\",function=\"0\",segment=\"0000\","
                          "state=\"D3hot\"} 1\n"),
            std::string::npos);
  ExpectGolden("pcidevice", "basic", out.text);
}

TEST(PcideviceCollector, QuirksUseNodeExporterDefaults) {
  auto out = RunCollector("pcidevice", "pcidevice-quirks");
  ASSERT_TRUE(out.status) << out.status.error().message;
  const std::string igpu = "{bus=\"00\",device=\"02\",function=\"0\",segment=\"0000\"}";
  // No PCIe link: -1; no power_state file: no power_state series; NUMA -1: no numa_node series.
  EXPECT_NE(out.text.find("node_pcidevice_max_link_width" + igpu + " -1\n"), std::string::npos) << out.text;
  EXPECT_NE(out.text.find("node_pcidevice_current_link_transfers_per_second" + igpu + " -1\n"), std::string::npos);
  EXPECT_EQ(out.text.find("node_pcidevice_power_state{bus=\"00\",device=\"02\""), std::string::npos);
  EXPECT_EQ(out.text.find("node_pcidevice_numa_node{bus=\"00\""), std::string::npos);
  EXPECT_NE(out.text.find("parent_bus=\"*\",parent_device=\"*\",parent_function=\"*\",parent_segment=\"*\""),
            std::string::npos);
  // Link down: speed "Unknown" is -1, width 0 is 0.
  EXPECT_NE(out.text.find("node_pcidevice_current_link_width{bus=\"00\",device=\"01\",function=\"0\","
                          "segment=\"0000\"} 0\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("state=\"unknown\"} 1\n"), std::string::npos);
  // Segment 1, NUMA node 1; the hex sriov_vf_device (not exported) does not break the device.
  EXPECT_NE(out.text.find("node_pcidevice_numa_node{bus=\"81\",device=\"00\",function=\"1\",segment=\"0001\"} 1\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_pcidevice_sriov_vf_total_msix{bus=\"81\",device=\"00\",function=\"1\","
                          "segment=\"0001\"} 128\n"),
            std::string::npos);
  ExpectGolden("pcidevice", "pcidevice-quirks", out.text);
}

TEST(PcideviceCollector, NamesFromPciIds) {
  auto out = RunCollector("pcidevice", "basic",
                          {"--collector.pcidevice.names",
                           "--collector.pcidevice.idsfile=" + FixtureDir("basic") + "/rootfs/usr/share/misc/pci.ids"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("class_name=\"NVM Express\",device=\"00\",device_id=\"0xa808\","
                          "device_name=\"NVMe SSD Controller SM981/PM981/PM983\""),
            std::string::npos)
      << out.text;
  EXPECT_NE(out.text.find("subsystem_device_name=\"SSD 970 EVO/PM981\",subsystem_vendor_id=\"0x144d\","
                          "subsystem_vendor_name=\"Samsung Electronics Co Ltd\""),
            std::string::npos);
  EXPECT_NE(out.text.find("class_name=\"Ethernet controller\",device=\"1f\",device_id=\"0x15bc\","
                          "device_name=\"Ethernet Connection (7) I219-V\""),
            std::string::npos);
  // Not in the excerpt: the id without "0x".
  EXPECT_NE(out.text.find("subsystem_device_id=\"0x3140\",subsystem_device_name=\"3140\""), std::string::npos);
  ExpectGolden("pcidevice", "basic-names", out.text);
}

TEST(PcideviceCollector, UnreadableIdsFileOnlyCostsTheNames) {
  auto out = RunCollector("pcidevice", "basic",
                          {"--collector.pcidevice.names", "--collector.pcidevice.idsfile=/nonexistent/pci.ids"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("vendor_name=\"8086\""), std::string::npos) << out.text;
}

TEST(PcideviceCollector, AbsentIsNoDataMalformedFails) {
  auto empty = RunCollector("pcidevice", "empty");
  ASSERT_FALSE(empty.status);
  EXPECT_TRUE(empty.status.error().IsNoData());
  auto bad = RunCollector("pcidevice", "malformed");
  ASSERT_FALSE(bad.status);
  EXPECT_FALSE(bad.status.error().IsNoData());
  EXPECT_NE(bad.status.error().message.find("error obtaining PCI device info: "), std::string::npos);
  EXPECT_NE(bad.status.error().message.find("0000:00:02.0: class"), std::string::npos) << bad.status.error().message;
  EXPECT_EQ(bad.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
