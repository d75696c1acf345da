#include "host_exporter/procfs/zoneinfo.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

std::size_t Key(std::string_view name) {
  auto it = std::find(std::begin(kZoneinfoKeys), std::end(kZoneinfoKeys), name);
  EXPECT_NE(it, std::end(kZoneinfoKeys)) << name;
  return static_cast<std::size_t>(it - std::begin(kZoneinfoKeys));
}

TEST(ParseZoneinfo, SplitsBlocksAndKeepsPerNodeStatsInTheFirstZone) {
  auto r = ParseZoneinfo(
      "Node 0, zone      DMA\n"
      "  per-node stats\n"
      "      nr_inactive_anon 230981\n"
      "      nr_dirtied   708\n"
      "  pages free     2949\n"
      "        min      8\n"
      "        low      11\n"
      "        high     14\n"
      "        spanned  4095\n"
      "        present  3997\n"
      "        managed  3973\n"
      "        protection: (0, 2039, 31932, 31932, 31932)\n"
      "      nr_free_pages 2949\n"
      "      numa_hit     1\n"
      "  pagesets\n"
      "    cpu: 0\n"
      "              count: 0\n"
      "              high:  0\n"
      "              batch: 1\n"
      "  vm stats threshold: 8\n"
      "Node 1, zone   Normal\n"
      "  pages free     4539739\n"
      "        min      16\n"
      "        protection: (0, 0, 0, 0, 0)\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const Zoneinfo& dma = (*r)[0];
  EXPECT_EQ(dma.node, "0");
  EXPECT_EQ(dma.zone, "DMA");
  EXPECT_EQ(dma.values[Key("nr_inactive_anon")], 230981);
  EXPECT_EQ(dma.values[Key("nr_dirtied")], 708);
  EXPECT_EQ(dma.values[Key("nr_free_pages")], 2949);
  EXPECT_EQ(dma.values[Key("min")], 8);
  EXPECT_EQ(dma.values[Key("high")], 14);  // "high:  0" of the pagesets is another key
  EXPECT_EQ(dma.values[Key("managed")], 3973);
  EXPECT_EQ(dma.values[Key("numa_hit")], 1);
  EXPECT_FALSE(dma.values[Key("numa_miss")].has_value());
  EXPECT_EQ(dma.protection, (std::vector<std::int64_t>{0, 2039, 31932, 31932, 31932}));
  const Zoneinfo& normal = (*r)[1];
  EXPECT_EQ(normal.node, "1");
  EXPECT_EQ(normal.zone, "Normal");
  EXPECT_FALSE(normal.values[Key("nr_inactive_anon")].has_value());
  EXPECT_FALSE(normal.values[Key("nr_free_pages")].has_value());
  EXPECT_EQ(normal.values[Key("min")], 16);
  EXPECT_EQ(normal.protection.size(), 5u);
}

TEST(ParseZoneinfo, BadValuesReadAsZeroAndBadProtectionIsDropped) {
  // procfs's ValueParser: base-0 Go syntax ("1_6", "0x14"), 0 on error.
  auto r = ParseZoneinfo(
      "Node 0, zone DMA32\n"
      "        min      1_6\n"
      "        low      0x14\n"
      "        high     2x4\n"
      "        protection: (0, x)\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].values[Key("min")], 16);
  EXPECT_EQ((*r)[0].values[Key("low")], 20);
  EXPECT_EQ((*r)[0].values[Key("high")], 0);
  EXPECT_TRUE((*r)[0].protection.empty());
}

TEST(ParseZoneinfo, EmptyAndTruncatedGiveBlocksWithoutValues) {
  auto empty = ParseZoneinfo("");
  ASSERT_TRUE(empty);
  ASSERT_EQ(empty->size(), 1u);
  EXPECT_EQ((*empty)[0].node, "");
  EXPECT_TRUE(std::none_of((*empty)[0].values.begin(), (*empty)[0].values.end(),
                           [](const auto& v) { return v.has_value(); }));
  // Cut inside a zone header and inside a key: nothing usable, and no failure.
  auto cut = ParseZoneinfo("Node 0, zone      DMA\n  pages free     2949\n        mi");
  ASSERT_TRUE(cut);
  ASSERT_EQ(cut->size(), 1u);
  EXPECT_EQ((*cut)[0].zone, "DMA");
  auto header = ParseZoneinfo("Node 0, zone ");
  ASSERT_TRUE(header);
  EXPECT_EQ((*header)[0].zone, "");
}

TEST(ReadZoneinfo, ReadsFixtures) {
  auto ok = ReadZoneinfo(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->size(), 5u);
  EXPECT_EQ((*ok)[2].zone, "Normal");
  EXPECT_EQ((*ok)[2].values[Key("numa_interleave")], 5012);
  EXPECT_EQ((*ok)[4].zone, "Device");
  EXPECT_EQ((*ok)[4].values[Key("managed")], 0);
  EXPECT_FALSE((*ok)[4].values[Key("nr_free_pages")].has_value());  // unpopulated: no zone stats
  auto malformed = ReadZoneinfo(testing::FixturePaths("malformed"));
  ASSERT_TRUE(malformed) << malformed.error().message;
  EXPECT_EQ((*malformed)[0].values[Key("high")], 0);
  auto missing = ReadZoneinfo(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
