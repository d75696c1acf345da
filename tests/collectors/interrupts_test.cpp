#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(InterruptsCollector, Golden) {
  auto out = RunCollector("interrupts", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 30u * 4u);
  EXPECT_NE(out.text.find(
                "node_interrupts_total{cpu=\"3\",devices=\"2-edge nvme0q1, nvme0q2\",info=\"PCI-MSIX-0000:00:05.0\","
                "type=\"29\"} 1058\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_interrupts_total{cpu=\"0\",devices=\"\",info=\"Local timer interrupts\",type=\"LOC\"} "
                          "4.182639e+07\n"),
            std::string::npos);
  ExpectGolden("interrupts", "basic", out.text);
}

TEST(InterruptsCollector, Arm64Layout) {
  auto out = RunCollector("interrupts", "interrupts-arm64");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 10u * 4u);
  EXPECT_NE(
      out.text.find("node_interrupts_total{cpu=\"0\",devices=\"\",info=\"Function call interrupts\",type=\"IPI1\"} "
                    "1.40211733e+09\n"),
      std::string::npos);
  ExpectGolden("interrupts", "interrupts-arm64", out.text);
}

TEST(InterruptsCollector, NameFiltersMatchNameInfoAndDevices) {
  // The filter sees "<name>;<info>;<devices>".
  auto inc = RunCollector("interrupts", "basic", {"--collector.interrupts.name-include=;PCI-MSIX-0000:00:05\\.0;"});
  ASSERT_TRUE(inc.status) << inc.status.error().message;
  EXPECT_EQ(inc.samples, 2u * 4u);
  auto exc =
      RunCollector("interrupts", "basic", {"--collector.interrupts.name-exclude=^[0-9]+;|interrupt|retries|Machine"});
  ASSERT_TRUE(exc.status) << exc.status.error().message;
  EXPECT_EQ(exc.samples, 1u * 4u);  // only "TLB shootdowns" is left
  EXPECT_NE(exc.text.find("type=\"TLB\""), std::string::npos);
  // node_exporter applies both when both are given.
  auto both =
      RunCollector("interrupts", "basic",
                   {"--collector.interrupts.name-include=^(LOC|NMI|TLB);", "--collector.interrupts.name-exclude=^NMI"});
  ASSERT_TRUE(both.status) << both.status.error().message;
  EXPECT_EQ(both.samples, 2u * 4u);
}

TEST(InterruptsCollector, IncludeZerosFalseDropsZeroCounts) {
  auto out = RunCollector("interrupts", "basic", {"--no-collector.interrupts.include-zeros"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.text.find("} 0\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_interrupts_total{cpu=\"2\",devices=\"8-edge rtc0\",info=\"IO-APIC\",type=\"8\"} 1\n"),
            std::string::npos);
  EXPECT_EQ(out.text.find("cpu=\"0\",devices=\"8-edge rtc0\""), std::string::npos);
  EXPECT_EQ(out.samples, 43u);
}

TEST(InterruptsCollector, BadRegexFailsCreateNamingTheFlag) {
  auto out = RunCollector("interrupts", "basic", {"--collector.interrupts.name-include=(LOC"});
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kInvalidArgument);
  EXPECT_NE(out.status.error().message.find("--collector.interrupts.name-include"), std::string::npos)
      << out.status.error().message;
}

TEST(InterruptsCollector, FailuresNameTheFile) {
  auto missing = RunCollector("interrupts", "empty");
  ASSERT_FALSE(missing.status);
  EXPECT_EQ(missing.status.error().kind, ErrorKind::kIo);
  EXPECT_NE(missing.status.error().message.find("empty/proc/interrupts"), std::string::npos);
  auto bad = RunCollector("interrupts", "malformed");
  ASSERT_FALSE(bad.status);
  EXPECT_EQ(bad.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.status.error().message.find("malformed/proc/interrupts: invalid value \"1O0\""), std::string::npos)
      << bad.status.error().message;
  // Filtered out, the bad line is never converted.
  auto skipped = RunCollector("interrupts", "malformed", {"--collector.interrupts.name-exclude=i8042"});
  ASSERT_TRUE(skipped.status) << skipped.status.error().message;
  EXPECT_EQ(skipped.samples, 2u * 2u);
}

}  // namespace
}  // namespace host_exporter::testing
