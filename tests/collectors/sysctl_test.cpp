#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(SysctlCollector, Golden) {
  auto out = RunCollector("sysctl", "basic",
                          {"--collector.sysctl.include=vm.swappiness", "--collector.sysctl.include=fs.file-nr",
                           "--collector.sysctl.include=fs.file-nr:total,current,max",
                           "--collector.sysctl.include=net.ipv4.ip_local_port_range:low,high",
                           "--collector.sysctl.include-info=kernel.seccomp.actions_avail",
                           "--collector.sysctl.include-info=net.ipv4.tcp_congestion_control"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("# TYPE node_sysctl_vm_swappiness untyped\nnode_sysctl_vm_swappiness 60\n"),
            std::string::npos)
      << out.text;
  EXPECT_NE(out.text.find("node_sysctl_fs_file_nr{index=\"2\"} 9.223372036854776e+18\n"), std::string::npos);
  EXPECT_NE(out.text.find("# HELP node_sysctl_fs_file_nr_max sysctl fs.file-nr, field 2\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_sysctl_net_ipv4_ip_local_port_range_high 60999\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_sysctl_info{index=\"7\",name=\"kernel.seccomp.actions_avail\",value=\"allow\"} 1\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_sysctl_info{index=\"0\",name=\"net.ipv4.tcp_congestion_control\",value=\"cubic\"} 1\n"),
            std::string::npos);
  EXPECT_EQ(out.samples, 1u + 3 + 3 + 2 + 8 + 1);
  ExpectGolden("sysctl", "basic", out.text);
}

TEST(SysctlCollector, NoFlagsNoSamples) {
  auto out = RunCollector("sysctl", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(SysctlCollector, RepeatedSysctlIsServedOnce) {
  auto out = RunCollector("sysctl", "basic",
                          {"--collector.sysctl.include=vm.swappiness", "--collector.sysctl.include=vm.swappiness",
                           "--collector.sysctl.include-info=vm.swappiness",
                           "--collector.sysctl.include-info=vm.swappiness"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 2u);
}

TEST(SysctlCollector, BadKeysStopCreateNamingTheFlag) {
  auto out = RunCollector("sysctl", "basic", {"--collector.sysctl.include=fs.file-nr:total,in-use,max"});
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kInvalidArgument);
  EXPECT_NE(out.status.error().message.find("--collector.sysctl.include=fs.file-nr:total,in-use,max"),
            std::string::npos)
      << out.status.error().message;
  EXPECT_NE(out.status.error().message.find("\"in-use\""), std::string::npos);
}

TEST(SysctlCollector, KeyCountMismatchFailsAfterEarlierSysctls) {
  // node_exporter stops at the failing sysctl; what it sent before is served.
  auto out = RunCollector("sysctl", "basic",
                          {"--collector.sysctl.include=vm.swappiness", "--collector.sysctl.include=fs.file-nr:a,b",
                           "--collector.sysctl.include=kernel.pid_max"});
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("sysctl fs.file-nr has 3 keys but only 2 defined in flag"),
            std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 1u);
  auto one = RunCollector("sysctl", "basic", {"--collector.sysctl.include=vm.swappiness:value"});
  ASSERT_FALSE(one.status);
  EXPECT_NE(one.status.error().message.find("sysctl vm.swappiness has only one value, but expected [value]"),
            std::string::npos)
      << one.status.error().message;
  auto mapped_info = RunCollector("sysctl", "basic", {"--collector.sysctl.include-info=fs.file-nr:a,b,c"});
  ASSERT_FALSE(mapped_info.status);
  EXPECT_NE(mapped_info.status.error().message.find("mapped sysctl string values not supported"), std::string::npos);
}

TEST(SysctlCollector, MissingEmptyAndNonNumericSysctlsFail) {
  auto missing = RunCollector("sysctl", "basic", {"--collector.sysctl.include=kernel.no_such_sysctl"});
  ASSERT_FALSE(missing.status);
  EXPECT_FALSE(missing.status.error().IsNoData());  // asked for by name: an error, as in node_exporter
  EXPECT_NE(missing.status.error().message.find("error obtaining sysctl info: "), std::string::npos);
  EXPECT_NE(missing.status.error().message.find("proc/sys/kernel/no_such_sysctl"), std::string::npos);
  auto empty = RunCollector("sysctl", "sysctl-quirks", {"--collector.sysctl.include-info=kernel.hotplug"});
  ASSERT_FALSE(empty.status);
  EXPECT_NE(empty.status.error().message.find("sysctl kernel.hotplug has no values"), std::string::npos);
  auto text = RunCollector("sysctl", "basic", {"--collector.sysctl.include=net.ipv4.tcp_congestion_control"});
  ASSERT_FALSE(text.status);
  EXPECT_NE(text.status.error().message.find("not a valid int"), std::string::npos) << text.status.error().message;
}

TEST(SysctlCollector, LongValuesAreCutAt128BytesLikeNodeExporter) {
  auto out = RunCollector("sysctl", "sysctl-quirks", {"--collector.sysctl.include-info=dev.cdrom.info"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("value=\"op\"} 1\n"), std::string::npos) << out.text;
  EXPECT_EQ(out.samples, 23u);  // the fields of the first 128 of 284 bytes
  ExpectGolden("sysctl", "sysctl-quirks", out.text);
}

}  // namespace
}  // namespace host_exporter::testing
