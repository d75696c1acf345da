#include "host_exporter/procfs/nf_conntrack.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

constexpr std::string_view kModern =
    "entries  clashres found new invalid ignore delete chainlength insert insert_failed drop early_drop "
    "icmp_error  expect_new expect_create expect_delete search_restart\n"
    "00000021  00000000 0000000a 00000000 00000003 0000588a 00000000 00000000 00000004 00000001 00000002 "
    "00000003 00000000  00000000 00000000 00000000 0000000f\n"
    "00000021  00000000 00000001 00000000 00000002 000056a4 00000000 00000000 00000000 00000000 00000000 "
    "00000000 00000000  00000000 00000000 00000000 00000002\n";

TEST(ParseNfConntrackStat, ParsesEveryCpuLine) {
  auto r = ParseNfConntrackStat(kModern);
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const auto& c0 = (*r)[0];
  EXPECT_EQ(c0.entries, 0x21u);
  EXPECT_EQ(c0.found, 10u);
  EXPECT_EQ(c0.invalid, 3u);
  EXPECT_EQ(c0.ignore, 0x588au);
  EXPECT_EQ(c0.insert, 4u);
  EXPECT_EQ(c0.insert_failed, 1u);
  EXPECT_EQ(c0.drop, 2u);
  EXPECT_EQ(c0.early_drop, 3u);
  EXPECT_EQ(c0.search_restart, 15u);
  EXPECT_EQ((*r)[1].ignore, 0x56a4u);
}

TEST(ParseNfConntrackStat, SixteenFieldsHaveNoSearchRestart) {
  auto r = ParseNfConntrackStat(
      "entries searched found new invalid ignore delete delete_list insert insert_failed drop early_drop "
      "icmp_error expect_new expect_create expect_delete\n"
      "00000007 000002d1 0000005a 00000031 00000002 00000012 0000002a 0000002a 00000031 00000000 "
      "00000000 00000000 00000000 00000000 00000000 00000000\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ((*r)[0].searched, 0x2d1u);
  EXPECT_EQ((*r)[0].search_restart, 0u);
}

TEST(ParseNfConntrackStat, EmptyOrHeaderOnlyHasNoEntries) {
  EXPECT_TRUE(ParseNfConntrackStat("")->empty());
  EXPECT_TRUE(ParseNfConntrackStat("entries searched\n")->empty());
}

TEST(ParseNfConntrackStat, RejectsTruncatedBlankAndNonHexLines) {
  auto truncated = ParseNfConntrackStat("h\n00000001 00000002 00000003\n");
  ASSERT_FALSE(truncated);
  EXPECT_NE(truncated.error().message.find("line 2"), std::string::npos) << truncated.error().message;
  EXPECT_NE(truncated.error().message.find("got 3"), std::string::npos) << truncated.error().message;
  std::string line(kModern.substr(kModern.find('\n') + 1));
  line = line.substr(0, line.find('\n'));
  EXPECT_FALSE(ParseNfConntrackStat("h\n" + line + " 00000000\n"));  // 18 fields
  EXPECT_FALSE(ParseNfConntrackStat("h\n" + line + "\n\n"));          // blank line
  std::string bad = line;
  bad.replace(0, 8, "0000002g");
  EXPECT_FALSE(ParseNfConntrackStat("h\n" + bad + "\n"));
}

TEST(ParseNfConntrackValue, ParsesDecimalOnly) {
  EXPECT_EQ(*ParseNfConntrackValue("123\n"), 123u);
  EXPECT_FALSE(ParseNfConntrackValue("0x1f\n"));
  EXPECT_FALSE(ParseNfConntrackValue(""));
}

TEST(ReadNfConntrack, FixturesAndErrors) {
  auto p = testing::FixturePaths("basic");
  EXPECT_EQ(*ReadNfConntrackCount(p), 184u);
  EXPECT_EQ(*ReadNfConntrackMax(p), 262144u);
  auto stat = ReadNfConntrackStat(p);
  ASSERT_TRUE(stat) << stat.error().message;
  EXPECT_EQ(stat->size(), 4u);

  auto missing = ReadNfConntrackCount(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
  auto bad = ReadNfConntrackStat(testing::FixturePaths("conntrack-bad-stat"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("conntrack-bad-stat/proc/net/stat/nf_conntrack: line 3"), std::string::npos)
      << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::procfs
