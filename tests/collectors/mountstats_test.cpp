#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

// Per NFS export: age, 8 byte counters, 26 events; 10 per transport; 8 per operation.
constexpr std::size_t PerExport(std::size_t transports, std::size_t ops) {
  return 1 + 8 + 26 + 10 * transports + 8 * ops;
}

TEST(MountstatsCollector, Golden) {
  auto out = RunCollector("mountstats", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 1u + PerExport(2, 10));
  EXPECT_NE(
      out.text.find("node_mountstats_nfs_mountpoint_info{export=\"fileserver:/export/media\",mountaddr=\"192.168.1.5\","
                    "mountpoint=\"/mnt/nfs\",protocol=\"tcp\"} 1\n"),
      std::string::npos);
  const std::string labels = "export=\"fileserver:/export/media\",mountaddr=\"192.168.1.5\",protocol=\"tcp\"";
  EXPECT_NE(out.text.find("node_mountstats_nfs_age_seconds_total{" + labels + "} 302711\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_mountstats_nfs_transport_idle_time_seconds{" + labels + ",transport=\"1\"} 12\n"),
            std::string::npos);
  EXPECT_NE(
      out.text.find("node_mountstats_nfs_operations_request_time_seconds_total{export=\"fileserver:/export/media\","
                    "mountaddr=\"192.168.1.5\",operation=\"READ\",protocol=\"tcp\"} 78.203\n"),
      std::string::npos);
  ExpectGolden("mountstats", "basic", out.text);
}

TEST(MountstatsCollector, DuplicateExportsUdpAndAMountMissingFromMountinfo) {
  auto out = RunCollector("mountstats", "mountstats-nfs3");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // /home and /srv/home-again share export, protocol and address: one set of
  // statistics, two mountpoint_info series. /scratch has no mountinfo line.
  EXPECT_EQ(out.samples, 4u + PerExport(1, 5) + PerExport(1, 2) + PerExport(1, 2));
  EXPECT_NE(out.text.find("node_mountstats_nfs_mountpoint_info{export=\"server1:/export/home\",mountaddr=\"10.0.0.5\","
                          "mountpoint=\"/srv/home-again\",protocol=\"tcp\"} 1\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_mountstats_nfs_age_seconds_total{export=\"server3:/scratch\",mountaddr=\"\","
                          "protocol=\"tcp\"} 4\n"),
            std::string::npos);
  // udp has no connect count; millisecond counters wrap at 2^53 like node_exporter's.
  EXPECT_NE(out.text.find("node_mountstats_nfs_transport_connect_total{export=\"server2:/data\",mountaddr=\"10.0.0.9\","
                          "protocol=\"udp\",transport=\"0\"} 0\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_mountstats_nfs_operations_queue_time_seconds_total{export=\"server1:/export/home\","
                          "mountaddr=\"10.0.0.5\",operation=\"ACCESS\",protocol=\"tcp\"} 9.00719925474099e+12\n"),
            std::string::npos);
  ExpectGolden("mountstats", "mountstats-nfs3", out.text);
}

TEST(MountstatsCollector, FailuresNameTheFile) {
  auto missing = RunCollector("mountstats", "empty");
  ASSERT_FALSE(missing.status);
  EXPECT_EQ(missing.status.error().kind, ErrorKind::kIo);
  EXPECT_NE(missing.status.error().message.find("failed to open /proc/self: "), std::string::npos)
      << missing.status.error().message;
  auto bad = RunCollector("mountstats", "malformed");
  ASSERT_FALSE(bad.status);
  EXPECT_EQ(bad.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.status.error().message.find("failed to parse mountstats: "), std::string::npos);
  EXPECT_NE(bad.status.error().message.find("malformed/proc/4242/mountstats: line 10:"), std::string::npos)
      << bad.status.error().message;
  EXPECT_EQ(bad.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
