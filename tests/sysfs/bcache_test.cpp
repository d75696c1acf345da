#include "host_exporter/sysfs/bcache.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseBcacheHuman, PlainSuffixedAndPseudoFractions) {
  EXPECT_EQ(*ParseBcacheHuman("12345"), 12345u);
  EXPECT_EQ(*ParseBcacheHuman("542k"), 555008u);
  EXPECT_EQ(*ParseBcacheHuman("322M"), 337641472u);
  // bch_hprint prints 1/1024ths as hundredths: ".1" < ".9" < ".10".
  EXPECT_EQ(*ParseBcacheHuman("1.1k"), 1124u);
  EXPECT_EQ(*ParseBcacheHuman("1.9k"), 1924u);
  EXPECT_EQ(*ParseBcacheHuman("1.10k"), 2024u);
  EXPECT_EQ(*ParseBcacheHuman("1.1M"), 1150976u);
  // An unknown suffix multiplies by zero, as procfs's map lookup does.
  EXPECT_EQ(*ParseBcacheHuman("12x"), 0u);
}

TEST(ParseBcacheHuman, RejectsEmptyAndGarbage) {
  EXPECT_FALSE(ParseBcacheHuman(""));
  EXPECT_FALSE(ParseBcacheHuman("lots"));
  EXPECT_FALSE(ParseBcacheHuman(".5k"));
  EXPECT_FALSE(ParseBcacheHuman("1.xk"));
}

TEST(ParseBcacheHumanSigned, KeepsTheSign) {
  EXPECT_EQ(*ParseBcacheHumanSigned("-1.1k"), -1124);
  EXPECT_EQ(*ParseBcacheHumanSigned("-251.6k"), -257624);
  EXPECT_EQ(*ParseBcacheHumanSigned("2.6k"), 2648);
  EXPECT_FALSE(ParseBcacheHumanSigned("-"));
}

TEST(ParseBcacheValue, DropsTheLastByteLikeProcfs) {
  EXPECT_EQ(*ParseBcacheValue("97\n"), 97u);
  EXPECT_EQ(*ParseBcacheValue("12.5k\n"), 12788u);
  // Without a trailing newline the last digit is lost, exactly as in procfs.
  EXPECT_EQ(*ParseBcacheValue("97"), 9u);
  EXPECT_FALSE(ParseBcacheValue(""));
  EXPECT_FALSE(ParseBcacheValue("\n"));
}

TEST(ParseBcachePriorityStats, ReadsUnusedAndMetadata) {
  auto r = ParseBcachePriorityStats(
      "Unused:\t\t99%\nClean:\t\t0%\nDirty:\t\t0%\nMetadata:\t5%\nAverage:\t0\n"
      "Quantiles:\t[0 0 0]\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->unused_percent, 99u);
  EXPECT_EQ(r->metadata_percent, 5u);
  EXPECT_TRUE(ParseBcachePriorityStats(""));
  auto bad = ParseBcachePriorityStats("Unused:\t\tmost%\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 1"), std::string::npos) << bad.error().message;
  EXPECT_FALSE(ParseBcachePriorityStats("Metadata:\n"));
}

TEST(ParseBcacheWritebackRateDebug, ReadsEveryLine) {
  auto r = ParseBcacheWritebackRateDebug(
      "rate:\t\t1.7M/sec\ndirty:\t\t20.3G\ntarget:\t\t20.4G\nproportional:\t-1.1k\n"
      "integral:\t-251.6k\nchange:\t\t2.6k/sec\nnext io:\t-150773ms\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->rate, 1765376u);
  EXPECT_EQ(r->dirty, 21789409280u);
  EXPECT_EQ(r->target, 21894266880u);
  EXPECT_EQ(r->proportional, -1124);
  EXPECT_EQ(r->integral, -257624);
  EXPECT_EQ(r->change, 2648);
  EXPECT_EQ(r->next_io, -150773);
  EXPECT_FALSE(ParseBcacheWritebackRateDebug("rate:\t\tfast/sec\n"));
  EXPECT_FALSE(ParseBcacheWritebackRateDebug("next io:\tsoon\n"));
  // A line cut after its key takes the key as its value, which fails.
  auto part = ParseBcacheWritebackRateDebug("rate:\t\t4.0M/sec\ndirty:");
  ASSERT_FALSE(part);
}

TEST(ReadBcacheStats, ReadsBasicFixture) {
  auto r = ReadBcacheStats(testing::FixturePaths("basic"), true);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const auto& s = (*r)[0];
  EXPECT_EQ(s.uuid, "5e2f9a1c-7d3b-4c11-9a0e-2b6f8d4c3e71");
  EXPECT_EQ(s.average_key_size, 12788u);
  EXPECT_EQ(s.btree_read_average_duration_ns, 1843u);
  ASSERT_EQ(s.bdevs.size(), 1u);
  EXPECT_EQ(s.bdevs[0].name, "bdev0");
  EXPECT_EQ(s.bdevs[0].total.cache_readaheads, 1337u);
  EXPECT_EQ(s.bdevs[0].writeback_rate_debug.rate, 4194304u);
  ASSERT_EQ(s.caches.size(), 1u);
  EXPECT_EQ(s.caches[0].priority.unused_percent, 12u);
  auto without = ReadBcacheStats(testing::FixturePaths("basic"), false);
  ASSERT_TRUE(without);
  EXPECT_EQ((*without)[0].caches[0].priority.unused_percent, 0u);
}

TEST(ReadBcacheStats, AbsentMissingAndMalformed) {
  auto none = ReadBcacheStats(testing::FixturePaths("empty"), false);
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());
  // Kernels since 5.13 dropped cache_readaheads; procfs requires it.
  auto old = ReadBcacheStats(testing::FixturePaths("bcache-no-readaheads"), false);
  ASSERT_FALSE(old);
  EXPECT_NE(old.error().message.find("stats_five_minute/cache_readaheads"), std::string::npos)
      << old.error().message;
  EXPECT_FALSE(old.error().IsNoData());
  auto bad = ReadBcacheStats(testing::FixturePaths("malformed"), false);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("average_key_size"), std::string::npos) << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::sysfs
