#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(SlabinfoCollector, Golden) {
  auto out = RunCollector("slabinfo", "basic");
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 7u * 5);
  EXPECT_NE(out.text.find("node_slabinfo_object_size_bytes{slab=\"kmalloc-8k\"} 8192\n"), std::string::npos)
      << out.text;
  ExpectGolden("slabinfo", "basic", out.text);
}

TEST(SlabinfoCollector, IncludeAndExcludeApplyTogether) {
  // Unlike device filters, node_exporter accepts both patterns at once.
  auto out = RunCollector("slabinfo", "basic",
                          {"--collector.slabinfo.slabs-include=^kmalloc-|^dentry$",
                           "--collector.slabinfo.slabs-exclude=8k"});
  ASSERT_TRUE(out.status) << out.status.error().message;
  EXPECT_EQ(out.samples, 2u * 5);
  EXPECT_NE(out.text.find("slab=\"kmalloc-64\""), std::string::npos);
  EXPECT_NE(out.text.find("slab=\"dentry\""), std::string::npos);
  EXPECT_EQ(out.text.find("kmalloc-8k"), std::string::npos);
  ExpectGolden("slabinfo", "basic-filtered", out.text);
}

TEST(SlabinfoCollector, InvalidPatternFailsNamingTheFlag) {
  auto out = RunCollector("slabinfo", "basic", {"--collector.slabinfo.slabs-exclude=(dentry"});
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kInvalidArgument);
  EXPECT_NE(out.status.error().message.find("--collector.slabinfo.slabs-exclude"), std::string::npos)
      << out.status.error().message;
}

TEST(SlabinfoCollector, MalformedFailsWithPathMissingIsNoData) {
  auto bad = RunCollector("slabinfo", "malformed");
  ASSERT_FALSE(bad.status);
  EXPECT_FALSE(bad.status.error().IsNoData());
  EXPECT_NE(bad.status.error().message.find("couldn't get slabinfo: "), std::string::npos);
  EXPECT_NE(bad.status.error().message.find("proc/slabinfo: line 4"), std::string::npos) << bad.status.error().message;
  EXPECT_EQ(bad.samples, 0u);
  auto empty = RunCollector("slabinfo", "empty");
  ASSERT_FALSE(empty.status);
  EXPECT_TRUE(empty.status.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::testing
