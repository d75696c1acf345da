#include "host_exporter/procfs/interrupts.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseInterrupts, NumberedAndNamedLines) {
  auto irqs = ParseInterrupts(
      "           CPU0       CPU1       \n"
      " 16:     328511     322879  IR-IO-APIC-fasteoi   ehci_hcd:usb1, mmc0\n"
      "  0:         18          0  IR-IO-APIC-edge      timer\n"
      "NMI:         47       5031   Non-maskable interrupts\n"
      "ERR:          0\n"
      "MIS:          0\n");
  ASSERT_TRUE(irqs) << irqs.error().message;
  ASSERT_EQ(irqs->size(), 3u);  // sorted by name; ERR and MIS have too few words
  const Interrupt& zero = (*irqs)[0];
  EXPECT_EQ(zero.name, "0");
  EXPECT_EQ(zero.info, "IR-IO-APIC-edge");
  EXPECT_EQ(zero.devices, "timer");
  ASSERT_EQ(zero.counts.size(), 2u);
  EXPECT_EQ(*zero.counts[0].value, 18);
  const Interrupt& usb = (*irqs)[1];
  EXPECT_EQ(usb.name, "16");
  EXPECT_EQ(usb.devices, "ehci_hcd:usb1, mmc0");
  const Interrupt& nmi = (*irqs)[2];
  EXPECT_EQ(nmi.name, "NMI");
  EXPECT_EQ(nmi.info, "Non-maskable interrupts");
  EXPECT_EQ(nmi.devices, "");
  EXPECT_EQ(*nmi.counts[1].value, 5031);
}

TEST(ParseInterrupts, SplitsAtTheFirstColonAsOnArm64) {
  auto irqs = ParseInterrupts(
      "       CPU0       CPU1\n"
      "IPI1:1402117330 1399810220       Function call interrupts\n"
      " 47:      21877          0   ITS-MSI 16384 Edge      virtio0-config\n");
  ASSERT_TRUE(irqs) << irqs.error().message;
  ASSERT_EQ(irqs->size(), 2u);
  EXPECT_EQ((*irqs)[0].name, "47");
  EXPECT_EQ((*irqs)[0].info, "ITS-MSI");
  EXPECT_EQ((*irqs)[0].devices, "16384 Edge virtio0-config");
  EXPECT_EQ((*irqs)[1].name, "IPI1");
  EXPECT_EQ(*(*irqs)[1].counts[0].value, 1402117330);
  EXPECT_EQ((*irqs)[1].info, "Function call interrupts");
}

TEST(ParseInterrupts, NumberedWithoutDevicesAndRepeatedNames) {
  auto irqs = ParseInterrupts(
      "CPU0\n"
      "  5:  1  XT-PIC\n"
      "  5:  2  XT-PIC  second\n"
      "no colon here 1 2 3\n");
  ASSERT_TRUE(irqs) << irqs.error().message;
  ASSERT_EQ(irqs->size(), 1u);
  EXPECT_EQ(*(*irqs)[0].counts[0].value, 2);  // the later line wins
  EXPECT_EQ((*irqs)[0].devices, "second");
}

TEST(ParseInterrupts, BadCountsAreKeptAsText) {
  auto irqs = ParseInterrupts("CPU0 CPU1\n 1: 10 1O0 IO-APIC 1-edge i8042\n");
  ASSERT_TRUE(irqs) << irqs.error().message;
  ASSERT_EQ(irqs->size(), 1u);
  EXPECT_TRUE((*irqs)[0].counts[0].value);
  EXPECT_FALSE((*irqs)[0].counts[1].value);
  EXPECT_EQ((*irqs)[0].counts[1].text, "1O0");
}

TEST(ParseInterrupts, EmptyFailsAndTruncatedLinesAreSkipped) {
  auto empty = ParseInterrupts("");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().kind, ErrorKind::kParse);
  auto header_only = ParseInterrupts("   CPU0   CPU1\n");
  ASSERT_TRUE(header_only);
  EXPECT_TRUE(header_only->empty());
  // Cut off inside the counts: fewer words than CPUs + 1.
  auto truncated = ParseInterrupts("CPU0 CPU1 CPU2\n  0: 18 0\n");
  ASSERT_TRUE(truncated);
  EXPECT_TRUE(truncated->empty());
}

TEST(ReadInterrupts, FixturesAndMissingFile) {
  auto basic = ReadInterrupts(testing::FixturePaths("basic"));
  ASSERT_TRUE(basic) << basic.error().message;
  EXPECT_EQ(basic->size(), 30u);
  auto arm = ReadInterrupts(testing::FixturePaths("interrupts-arm64"));
  ASSERT_TRUE(arm) << arm.error().message;
  EXPECT_EQ(arm->size(), 10u);
  auto missing = ReadInterrupts(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
