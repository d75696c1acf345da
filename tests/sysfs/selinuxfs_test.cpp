#include "host_exporter/sysfs/selinuxfs.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseAvcCacheStats, SumsPerCpuRows) {
  auto s = ParseAvcCacheStats(
      "lookups hits misses allocations reclaims frees\n"
      "5012357 5009417 2940 2940 1536 2003\n"
      "4811305 4808818 2487 2487 1024 1566\n");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->lookups, 5012357u + 4811305u);
  EXPECT_EQ(s->hits, 5009417u + 4808818u);
  EXPECT_EQ(s->frees, 2003u + 1566u);
  // The first line is skipped whatever it holds; a leading zero is octal (Go's base 0).
  auto octal = ParseAvcCacheStats("1 2 3 4 5 6\n010 0 0 0 0 0\n");
  ASSERT_TRUE(octal);
  EXPECT_EQ(octal->lookups, 8u);
  auto header_only = ParseAvcCacheStats("lookups hits misses allocations reclaims frees\n");
  ASSERT_TRUE(header_only);
  EXPECT_EQ(header_only->lookups, 0u);
  EXPECT_TRUE(ParseAvcCacheStats(""));
}

TEST(ParseAvcCacheStats, MalformedRows) {
  auto short_row = ParseAvcCacheStats("h\n412 401 11\n");
  ASSERT_FALSE(short_row);
  EXPECT_NE(short_row.error().message.find("line 2: invalid AVC stat line"), std::string::npos);
  EXPECT_FALSE(ParseAvcCacheStats("h\n1 2 3 4 5 6 7\n"));
  EXPECT_FALSE(ParseAvcCacheStats("h\n09 1 1 1 1 1\n"));   // not octal
  EXPECT_FALSE(ParseAvcCacheStats("h\n1 2 3 4 5 6\n\n"));  // an empty row
}

TEST(ParseAvcHashStats, ThreeLines) {
  auto s = ParseAvcHashStats("entries: 503\nbuckets used: 281/512\nlongest chain: 5\n");
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->entries, 503u);
  EXPECT_EQ(s->buckets_used, 281u);
  EXPECT_EQ(s->buckets_available, 512u);
  EXPECT_EQ(s->longest_chain, 5u);
  EXPECT_FALSE(ParseAvcHashStats(""));
  EXPECT_FALSE(ParseAvcHashStats("entries: 503\nbuckets: 281/512\nlongest chain: 5\n"));
  EXPECT_FALSE(ParseAvcHashStats("entries: 503\nbuckets used: 281\nlongest chain: 5\n"));
  EXPECT_FALSE(ParseAvcHashStats("entries: 503\nbuckets used: 281/512\n"));  // truncated
  EXPECT_FALSE(ParseAvcHashStats("entries: x\nbuckets used: 281/512\nlongest chain: 5\n"));
}

TEST(SelinuxModes, ConfigAndEnforce) {
  EXPECT_EQ(ParseSelinuxConfigMode("# c\nSELINUX=enforcing\nSELINUXTYPE=targeted\n"), 1);
  EXPECT_EQ(ParseSelinuxConfigMode("  SELINUX=\"permissive\"  \n"), 0);
  EXPECT_EQ(ParseSelinuxConfigMode("SELINUX=disabled\n"), -1);
  EXPECT_EQ(ParseSelinuxConfigMode("SELINUX = enforcing\n"), -1);  // the key is not trimmed
  EXPECT_EQ(ParseSelinuxConfigMode("; SELINUX=enforcing\n"), -1);
  EXPECT_EQ(ParseSelinuxConfigMode(""), -1);
  EXPECT_EQ(ParseSelinuxEnforce("1"), 1);
  EXPECT_EQ(ParseSelinuxEnforce("0"), 0);
  EXPECT_EQ(ParseSelinuxEnforce("1\n"), -1);  // Go's Atoi on the raw bytes
  EXPECT_EQ(ParseSelinuxEnforce(""), -1);
}

TEST(SelinuxReaders, EnabledHost) {
  Paths p = testing::FixturePaths("selinux-enforcing");
  EXPECT_TRUE(SelinuxEnabled(p));
  EXPECT_EQ(ReadSelinuxConfigMode(p), 0);
  EXPECT_EQ(ReadSelinuxCurrentMode(p), 1);
  auto cache = ReadAvcCacheStats(p);
  ASSERT_TRUE(cache) << cache.error().message;
  EXPECT_EQ(cache->misses, 2940u + 2487u + 3080u + 2263u);
  EXPECT_EQ(ReadAvcHashStats(p)->buckets_available, 512u);
  EXPECT_EQ(*ReadAvcCacheThreshold(p), 512u);
}

TEST(SelinuxReaders, DisabledAndBroken) {
  EXPECT_FALSE(SelinuxEnabled(testing::FixturePaths("basic")));
  EXPECT_FALSE(SelinuxEnabled(testing::FixturePaths("selinux-no-policy")));
  EXPECT_EQ(ReadSelinuxConfigMode(testing::FixturePaths("basic")), -1);
  Paths bad = testing::FixturePaths("malformed");
  EXPECT_TRUE(SelinuxEnabled(bad));  // no label file: go-selinux counts that as enabled
  auto cache = ReadAvcCacheStats(bad);
  ASSERT_FALSE(cache);
  EXPECT_EQ(cache.error().kind, ErrorKind::kParse);
  EXPECT_NE(cache.error().message.find("malformed/sys/fs/selinux/avc/cache_stats: line 2"),
            std::string::npos);
  auto hash = ReadAvcHashStats(bad);
  ASSERT_FALSE(hash);
  EXPECT_EQ(hash.error().kind, ErrorKind::kIo);  // missing: node_exporter fails, not "no data"
}

}  // namespace
}  // namespace host_exporter::sysfs
