#include "host_exporter/sysfs/bcachefs.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseBcachefsHumanBytes, FloatsWithBinarySuffixes) {
  EXPECT_EQ(*ParseBcachefsHumanBytes("2.05G"), 2201170739u);
  EXPECT_EQ(*ParseBcachefsHumanBytes("720"), 720u);
  EXPECT_EQ(*ParseBcachefsHumanBytes(" 28.2k\n"), 28876u);
  EXPECT_EQ(*ParseBcachefsHumanBytes("2.00M"), 2097152u);
  EXPECT_EQ(*ParseBcachefsHumanBytes("1t"), 1099511627776u);
  EXPECT_FALSE(ParseBcachefsHumanBytes(""));
  EXPECT_FALSE(ParseBcachefsHumanBytes("k"));
  EXPECT_FALSE(ParseBcachefsHumanBytes("12q"));
}

TEST(ParseBcachefsCompressionStats, SkipsHeaderAndShortLines) {
  auto r = ParseBcachefsCompressionStats(
      "typetype          compressed    uncompressed     average extent size\n"
      "lz4                    48.9G           71.2G                   62.5k\n"
      "gzip 0\n"
      "zstd:                   226G            603G\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->at("lz4").compressed_bytes, 52505975193u);
  EXPECT_EQ(r->at("lz4").average_extent_size_bytes, 64000u);
  EXPECT_EQ(r->at("zstd").uncompressed_bytes, 647466319872u);
  EXPECT_TRUE(ParseBcachefsCompressionStats("")->empty());
  auto bad = ParseBcachefsCompressionStats("header\nlz4 1G lots\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos);
}

TEST(ParseBcachefsErrors, CountAndOptionalTimestamp) {
  auto r = ParseBcachefsErrors("bset_bad_csum  2  1767112063\nsubvol_missing 194\nlonely\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->size(), 2u);
  EXPECT_EQ(r->at("bset_bad_csum").count, 2u);
  EXPECT_EQ(r->at("bset_bad_csum").timestamp, 1767112063u);
  EXPECT_EQ(r->at("subvol_missing").timestamp, 0u);
  EXPECT_FALSE(ParseBcachefsErrors("x -1\n"));
  EXPECT_FALSE(ParseBcachefsErrors("x 1 yesterday\n"));
}

TEST(ParseBcachefsCounter, BothHalvesOrOne) {
  auto r = ParseBcachefsCounter("since mount:                   7224514\n"
                                "since filesystem creation:     1.22T\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->since_mount, 7224514u);
  EXPECT_EQ(r->since_filesystem_creation, 1341404185886u);
  auto mount_only = ParseBcachefsCounter("since mount: 5\n");
  ASSERT_TRUE(mount_only);
  EXPECT_EQ(mount_only->since_filesystem_creation, 0u);
  auto empty = ParseBcachefsCounter("");
  ASSERT_FALSE(empty);
  EXPECT_NE(empty.error().message.find("not recognized"), std::string::npos);
  EXPECT_FALSE(ParseBcachefsCounter("since mount: many\n"));
}

TEST(ParseBcachefsBtreeWriteStats, TypesCountsAndSizes) {
  auto r = ParseBcachefsBtreeWriteStats(
      "                   nr        size\ninitial:           3298401   100k\n"
      "interior:          3035363   1.26k\nbroken\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_EQ(r->at("initial").count, 3298401u);
  EXPECT_EQ(r->at("initial").size_bytes, 102400u);
  EXPECT_EQ(r->at("interior").size_bytes, 1290u);
  EXPECT_FALSE(ParseBcachefsBtreeWriteStats("h\ninitial: x 1k\n"));
}

TEST(ParseBcachefsIoDone, SectionsByOperation) {
  auto r = ParseBcachefsIoDone("junk: 1\nread:\nsb          :       86016\nuser        :610019098624\n"
                               "write:\nsb          :      677376\nnot a pair\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->size(), 2u);
  EXPECT_EQ(r->at("read").at("user"), 610019098624u);
  EXPECT_EQ(r->at("write").at("sb"), 677376u);
  EXPECT_EQ(r->at("write").size(), 1u);
  EXPECT_FALSE(ParseBcachefsIoDone("read:\nsb: lots\n"));
}

TEST(ParseBcachefsIoErrors, OnlyTheSinceCreationSection) {
  auto r = ParseBcachefsIoErrors(
      "IO errors since filesystem creation\n  read:    18828\n  write:   1\n  checksum:5\n"
      "IO errors since 8 y ago\n  read:    99\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->size(), 3u);
  EXPECT_EQ(r->at("read"), 18828u);
  EXPECT_EQ(r->at("checksum"), 5u);
  EXPECT_TRUE(ParseBcachefsIoErrors("  read: 3\n")->empty());
  EXPECT_FALSE(ParseBcachefsIoErrors("IO errors since filesystem creation\n  read: x\n"));
}

TEST(ReadBcachefsStats, BasicPartialEmptyMalformed) {
  auto r = ReadBcachefsStats(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].btree_cache_size_bytes, 333447168u);
  EXPECT_EQ((*r)[0].devices.size(), 2u);
  EXPECT_EQ((*r)[0].devices.at("1").label, "hdd.sda");
  EXPECT_EQ((*r)[0].counters.size(), 4u);

  auto p = ReadBcachefsStats(testing::FixturePaths("bcachefs-partial"));
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_TRUE((*p)[0].counters.empty());
  EXPECT_TRUE((*p)[0].compression.empty());
  EXPECT_EQ((*p)[0].devices.at("1").buckets, 0u);  // nbuckets absent
  EXPECT_TRUE((*p)[0].devices.at("1").io_done.empty());

  auto none = ReadBcachefsStats(testing::FixturePaths("empty"));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::kNotFound);

  auto bad = ReadBcachefsStats(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("counters/bucket_alloc"), std::string::npos)
      << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::sysfs
