#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(DrbdCollector, Golden) {
  auto out = RunCollector("drbd", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  // Per device: 12 counters and gauges, 2 x 2 local/remote states, connected.
  EXPECT_EQ(out.samples, 2u * 17u);
  // Sizes are KiB, except that node_exporter does not scale received bytes.
  EXPECT_NE(out.text.find("node_drbd_network_sent_bytes_total{device=\"drbd0\"} 4.294967296e+09\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_drbd_network_received_bytes_total{device=\"drbd1\"} 2.097152e+06\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("node_drbd_out_of_sync_bytes{device=\"drbd1\"} 6.7108864e+07\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_drbd_connected{device=\"drbd1\"} 0\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_drbd_node_role_is_primary{device=\"drbd0\",node=\"remote\"} 0\n"), std::string::npos);
  ExpectGolden("drbd", "basic", out.text);
}

TEST(DrbdCollector, MissingFileIsNoData) {
  auto out = RunCollector("drbd", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
}

TEST(DrbdCollector, BadValueFailsAfterWhatCameBefore) {
  // As node_exporter: the samples before the bad value are still served.
  auto out = RunCollector("drbd", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(out.status.error().message.find("malformed/proc/drbd: drbd1: value \"20971#2\" of dw"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 17u + 7u);  // drbd0, then drbd1's cs, ro, ds and ns, nr
  EXPECT_NE(out.text.find("node_drbd_network_received_bytes_total{device=\"drbd1\"} 2.097152e+06\n"),
            std::string::npos);
  EXPECT_EQ(out.text.find("node_drbd_disk_written_bytes_total{device=\"drbd1\"}"), std::string::npos);
  ExpectGolden("drbd", "malformed", out.text);
}

}  // namespace
}  // namespace host_exporter::testing
