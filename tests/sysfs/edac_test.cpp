#include "host_exporter/sysfs/edac.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(FormatEdacDimmLabel, RewritesLikeNodeExporter) {
  EXPECT_EQ(FormatEdacDimmLabel("mc0csrow0channel1\n"), "mc0_csrow0_channel1");
  EXPECT_EQ(FormatEdacDimmLabel("  CPU#1_csrow0_channel2  "), "CPU1__csrow0__channel2");
  EXPECT_EQ(FormatEdacDimmLabel("CPU_SrcID#0_MC#0_Chan#1_DIMM#0"), "CPU_SrcID0_MC0_Chan1_DIMM0");
  EXPECT_EQ(FormatEdacDimmLabel(""), "");
}

TEST(EdacChannelFromFileName, NumberOrNothing) {
  EXPECT_EQ(EdacChannelFromFileName("ch0_ce_count"), "0");
  EXPECT_EQ(EdacChannelFromFileName("ch12_ce_count"), "12");
  EXPECT_EQ(EdacChannelFromFileName("chX_ce_count"), std::nullopt);
  EXPECT_EQ(EdacChannelFromFileName("ch_ce_count"), std::nullopt);
  EXPECT_EQ(EdacChannelFromFileName("chch3_ce_count"), "3");
}

TEST(ReadEdac, BasicFixture) {
  auto r = ReadEdac(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const auto& mc = (*r)[0];
  EXPECT_EQ(mc.controller, "0");
  EXPECT_EQ(mc.ce_count, 7u);
  EXPECT_EQ(mc.ce_noinfo_count, 1u);
  ASSERT_EQ(mc.csrows.size(), 2u);
  ASSERT_EQ(mc.csrows[0].channels.size(), 2u);
  EXPECT_EQ(mc.csrows[0].channels[1].dimm_label, "CPU_SrcID0_MC0_Chan1_DIMM0");
  EXPECT_EQ(mc.csrows[0].channels[0].ue_count, 0u);
}

TEST(ReadEdac, OptionalChannelPartsAndAbsentDriver) {
  auto r = ReadEdac(testing::FixturePaths("edac-partial"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const auto& ch = (*r)[0].csrows[0].channels;
  ASSERT_EQ(ch.size(), 2u);
  EXPECT_EQ(ch[0].dimm_label, "unknown");
  EXPECT_FALSE(ch[0].ue_count.has_value());
  EXPECT_EQ(ch[1].dimm_label, "mc0_csrow0_channel1");
  EXPECT_EQ((*r)[1].csrows[0].csrow, "4");
  EXPECT_TRUE((*r)[1].csrows[0].channels.empty());

  auto none = ReadEdac(testing::FixturePaths("empty"));
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());

  auto bad = ReadEdac(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_FALSE(bad.error().IsNoData());
  EXPECT_NE(bad.error().message.find("ce_count for controller 0"), std::string::npos)
      << bad.error().message;
  EXPECT_NE(bad.error().message.find("mc0/ce_count"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::sysfs
