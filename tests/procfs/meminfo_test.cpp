#include "host_exporter/procfs/meminfo.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseMeminfo, ConvertsKilobytesAndKeepsCounts) {
  auto r = ParseMeminfo(
      "MemTotal:       16303428 kB\n"
      "Active(anon):     601772 kB\n"
      "HugePages_Total:      16\n"
      "Hugepagesize:       2048 kB\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->lines.size(), 4u);
  const MeminfoLine* total = r->Find("MemTotal:");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->value, 16303428u);
  EXPECT_EQ(total->bytes, 16303428ull * 1024);
  ASSERT_NE(r->Find("Active(anon):"), nullptr);
  EXPECT_EQ(r->Find("Active(anon):")->bytes, 601772ull * 1024);
  const MeminfoLine* pages = r->Find("HugePages_Total:");
  ASSERT_NE(pages, nullptr);
  EXPECT_EQ(pages->value, 16u);
  EXPECT_EQ(pages->bytes, 16u);  // no unit: taken as is
  EXPECT_EQ(r->Find("MemTotal"), nullptr);  // keys keep their colon
  EXPECT_EQ(r->Find("Zswap:"), nullptr);
}

TEST(ParseMeminfo, LastDuplicateWinsAndGoBaseZeroSyntaxIsAccepted) {
  auto r = ParseMeminfo("Dirty: 1 kB\nDirty: 0x10 kB\nBounce: 1_000\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->Find("Dirty:")->value, 16u);
  EXPECT_EQ(r->Find("Bounce:")->value, 1000u);
}

TEST(ParseMeminfo, EmptyInputHasNoLines) {
  auto r = ParseMeminfo("");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->lines.empty());
}

TEST(ParseMeminfo, RejectsMalformedLinesNamingThem) {
  auto truncated = ParseMeminfo("MemTotal: 1 kB\nMemFree:\n");
  ASSERT_FALSE(truncated);
  EXPECT_EQ(truncated.error().kind, ErrorKind::kParse);
  EXPECT_NE(truncated.error().message.find("line 2"), std::string::npos) << truncated.error().message;

  auto unit = ParseMeminfo("MemTotal: 1 MB\n");
  ASSERT_FALSE(unit);
  EXPECT_NE(unit.error().message.find("\"MB\""), std::string::npos) << unit.error().message;

  auto extra = ParseMeminfo("MemTotal: 1 kB extra\n");
  ASSERT_FALSE(extra);
  EXPECT_NE(extra.error().message.find("malformed"), std::string::npos);

  EXPECT_FALSE(ParseMeminfo("MemTotal: -1 kB\n"));
  EXPECT_FALSE(ParseMeminfo("MemTotal: 1.5 kB\n"));
  EXPECT_FALSE(ParseMeminfo("MemTotal: 18446744073709551616 kB\n"));  // > uint64
  EXPECT_FALSE(ParseMeminfo("MemTotal: 1 kB\n\nMemFree: 2 kB\n"));  // blank line inside
}

TEST(ReadMeminfo, ReadsFixtureAndNamesFileOnError) {
  auto ok = ReadMeminfo(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_NE(ok->Find("MemTotal:"), nullptr);
  EXPECT_EQ(ok->Find("MemTotal:")->bytes, 16303428ull * 1024);
  auto bad = ReadMeminfo(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/meminfo"), std::string::npos) << bad.error().message;
  auto missing = ReadMeminfo(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
