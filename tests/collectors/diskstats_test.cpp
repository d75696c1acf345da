#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

bool Has(const std::string& text, std::string_view needle) { return text.find(needle) != std::string::npos; }

TEST(DiskstatsCollector, Golden) {
  auto out = RunCollector("diskstats", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // nvme0n1, sda, sr0, dm-0..3 (loops and partitions are excluded by default).
  EXPECT_TRUE(Has(out.text, "node_disk_info{device=\"sda\",major=\"8\",minor=\"0\",model=\"WDC_WD40EFRX-68N32N0\""));
  EXPECT_FALSE(Has(out.text, "device=\"loop0\""));
  EXPECT_FALSE(Has(out.text, "device=\"sda1\""));
  EXPECT_FALSE(Has(out.text, "device=\"nvme0n1p1\""));
  ExpectGolden("diskstats", "basic", out.text);
}

TEST(DiskstatsCollector, KernelVariantsAndQuirks) {
  auto out = RunCollector("diskstats", "diskstats-kernel-variants");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // 14 fields: no discard or flush series; 18: discards only; 20: everything.
  EXPECT_FALSE(Has(out.text, "node_disk_discards_completed_total{device=\"sda\"}"));
  EXPECT_TRUE(Has(out.text, "node_disk_discards_completed_total{device=\"sdb\"} 68851"));
  EXPECT_FALSE(Has(out.text, "node_disk_flush_requests_total{device=\"sdb\"}"));
  EXPECT_TRUE(Has(out.text, "node_disk_flush_requests_total{device=\"vda\"} 1943"));
  // Discarded sectors stay sectors; read bytes are sectors * 512; times are ms / 1000.
  EXPECT_TRUE(Has(out.text, "node_disk_discarded_sectors_total{device=\"sdb\"} 1.925173784e+09"));
  EXPECT_TRUE(Has(out.text, "node_disk_read_bytes_total{device=\"sda\"} 4.096e+07"));
  EXPECT_TRUE(Has(out.text, "node_disk_read_time_seconds_total{device=\"sda\"} 0.5"));
  // 16 fields: the first 13 counters.
  EXPECT_TRUE(Has(out.text, "node_disk_discards_merged_total{device=\"sdc\"} 13"));
  EXPECT_FALSE(Has(out.text, "node_disk_discarded_sectors_total{device=\"sdc\"}"));
  EXPECT_FALSE(Has(out.text, "device=\"sdd\""));  // 10 fields: skipped
  // Rotational: complete queue -> value in binary; incomplete queue -> 0.
  EXPECT_TRUE(Has(out.text, "revision=\"TN03\",rotational=\"1\",serial=\"ZC18JX4P\""));
  EXPECT_TRUE(Has(out.text, "node_disk_info{device=\"sdc\",major=\"8\",minor=\"32\",model=\"\",path=\"\","
                            "revision=\"\",rotational=\"10\""));
  EXPECT_TRUE(Has(out.text, "rotational=\"0\",serial=\"BHYVE-1A2B-3C4D-5E6F\",wwn=\"\"} 1"));
  // ATA: an unparsable value and an absent attribute are skipped.
  EXPECT_TRUE(Has(out.text, "node_disk_ata_write_cache{device=\"sda\"} 1"));
  EXPECT_FALSE(Has(out.text, "node_disk_ata_rotation_rate_rpm{device=\"sda\"}"));
  EXPECT_FALSE(Has(out.text, "node_disk_ata_write_cache_enabled{device=\"sda\"}"));
  EXPECT_TRUE(Has(out.text, "node_disk_ata_rotation_rate_rpm{device=\"sdb\"} 0"));
  ExpectGolden("diskstats", "diskstats-kernel-variants", out.text);
}

TEST(DiskstatsCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("diskstats", "diskstats-malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_TRUE(Has(out.status.error().message, "couldn't get diskstats: "));
  EXPECT_TRUE(Has(out.status.error().message, "diskstats-malformed/proc/diskstats: line 2"))
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(DiskstatsCollector, MissingFileFailsTheCollector) {
  // node_exporter returns the open error (logged as a failure), not "no data".
  auto out = RunCollector("diskstats", "diskstats-absent");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kIo);
  EXPECT_TRUE(Has(out.status.error().message, "diskstats-absent/proc/diskstats"))
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(DiskstatsCollector, MissingSysfsFailsCreate) {
  auto out = RunCollector("diskstats", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kInvalidArgument);
  EXPECT_TRUE(Has(out.status.error().message, "failed to open sysfs")) << out.status.error().message;
}

TEST(DiskstatsCollector, IncludeNeedsTheDefaultExcludeCleared) {
  auto refused = RunCollector("diskstats", "basic", {"--collector.diskstats.device-include=^sd"});
  ASSERT_FALSE(refused.status);
  EXPECT_EQ(refused.status.error().message,
            "failed to parse device filter flags: device-exclude & device-include are mutually exclusive");
  // "--collector.diskstats.device-exclude=" is the usual spelling; the core's flag
  // parser does not take an empty value after '=' yet, so pass it as its own argument.
  auto out = RunCollector("diskstats", "basic",
                          {"--collector.diskstats.device-exclude", "", "--collector.diskstats.device-include=^sd"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_TRUE(Has(out.text, "node_disk_reads_completed_total{device=\"sda\"} 412345"));
  EXPECT_TRUE(Has(out.text, "node_disk_reads_completed_total{device=\"sda1\"} 412100"));
  EXPECT_FALSE(Has(out.text, "device=\"nvme0n1\""));
  EXPECT_FALSE(Has(out.text, "device=\"sr0\""));
}

TEST(DiskstatsCollector, ExcludeAndDeprecatedIgnoredDevices) {
  auto ex = RunCollector("diskstats", "basic", {"--collector.diskstats.device-exclude=^(dm-|loop)"});
  ASSERT_TRUE(ex.status) << ex.status.error().message;
  EXPECT_TRUE(Has(ex.text, "device=\"nvme0n1p1\""));  // the default no longer applies
  EXPECT_FALSE(Has(ex.text, "device=\"dm-0\""));
  auto old = RunCollector("diskstats", "basic", {"--collector.diskstats.ignored-devices=^sd"});
  ASSERT_TRUE(old.status) << old.status.error().message;
  EXPECT_FALSE(Has(old.text, "device=\"sda\""));
  EXPECT_TRUE(Has(old.text, "device=\"loop0\""));
  auto both = RunCollector("diskstats", "basic",
                           {"--collector.diskstats.ignored-devices=^sd", "--collector.diskstats.device-exclude=^sr"});
  ASSERT_FALSE(both.status);
  EXPECT_TRUE(Has(both.status.error().message, "--collector.diskstats.ignored-devices and "
                                               "--collector.diskstats.device-exclude are mutually exclusive"));
  auto invalid = RunCollector("diskstats", "basic", {"--collector.diskstats.device-exclude=(sd"});
  ASSERT_FALSE(invalid.status);
  EXPECT_TRUE(Has(invalid.status.error().message, "--collector.diskstats.device-exclude"))
      << invalid.status.error().message;
}

}  // namespace
}  // namespace host_exporter::testing
