#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(ZfsCollector, Golden) {
  auto out = RunCollector("zfs", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("# HELP node_zfs_fm_erpt_dropped kstat.zfs.misc.fm.erpt-dropped\n"),
            std::string::npos);
  EXPECT_NE(out.text.find("# TYPE node_zfs_arc_hits untyped\n"), std::string::npos);
  EXPECT_NE(out.text.find(
                "node_zfs_zpool_dataset_writes{dataset=\"rpool/home/Photos 2023\",zpool=\"rpool\"} 1204\n"),
            std::string::npos);
  EXPECT_EQ(out.text.find("node_zfs_xuio"), std::string::npos);
  ExpectGolden("zfs", "basic", out.text);
}

TEST(ZfsCollector, OldReleaseWithoutStateFiles) {
  auto out = RunCollector("zfs", "zfs-0.7");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_NE(out.text.find("node_zfs_arc_memory_available_bytes -1.2582912e+08\n"), std::string::npos);
  EXPECT_EQ(out.text.find("node_zfs_zpool_state"), std::string::npos);
  ExpectGolden("zfs", "zfs-0.7", out.text);
}

TEST(ZfsCollector, NotLoadedIsNoData) {
  auto out = RunCollector("zfs", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

TEST(ZfsCollector, MalformedKstatFailsWithPath) {
  auto out = RunCollector("zfs", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_FALSE(out.status.error().IsNoData());
  EXPECT_NE(out.status.error().message.find("spl/kstat/zfs/arcstats: line 3"), std::string::npos);
}

TEST(ZfsCollector, ShortPoolRowFailsKeepingEarlierSamples) {
  auto out = RunCollector("zfs", "zfs-short-io-row");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("tank/io: line 3"), std::string::npos);
  EXPECT_EQ(out.samples, 1u);  // node_zfs_zil_zil_commit_count
}

}  // namespace
}  // namespace host_exporter::testing
