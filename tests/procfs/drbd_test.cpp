#include "host_exporter/procfs/drbd.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseDrbd, KnownWordsInOrderWithTheirDevice) {
  auto f = ParseDrbd(
      "version: 8.4.3 (api:1/proto:86-101)\n"
      "srcversion: 1A9F77B1CA5FF92235C2213 \n"
      "\n"
      " 1: cs:Connected ro:Primary/Secondary ds:UpToDate/Diskless C r-----\n"
      "    ns:17324442 nr:10961011 dw:28263521 oos:12349 wo:d\n");
  ASSERT_EQ(f.size(), 7u);
  EXPECT_EQ(f[0].kind, DrbdFieldKind::kConnection);
  EXPECT_EQ(f[0].device, "drbd1");
  EXPECT_EQ(f[0].value, "Connected");
  EXPECT_EQ(f[1].kind, DrbdFieldKind::kPair);
  EXPECT_EQ(f[1].key, "ro");
  ASSERT_TRUE(f[1].pair);
  EXPECT_EQ(f[1].pair->first, "Primary");
  EXPECT_EQ(f[1].pair->second, "Secondary");
  EXPECT_EQ(f[2].pair->second, "Diskless");
  EXPECT_EQ(f[3].kind, DrbdFieldKind::kNumber);
  EXPECT_EQ(f[3].key, "ns");
  ASSERT_TRUE(f[3].number);
  EXPECT_EQ(*f[3].number, 17324442);
  EXPECT_EQ(f[6].key, "oos");
  EXPECT_EQ(*f[6].number, 12349);
}

TEST(ParseDrbd, DeviceBeforeAnyMinorIsUnknownAndMinorsAreRenumbered) {
  auto f = ParseDrbd("ns:1 007: nr:2 x:1: 8:x lo:3");
  ASSERT_EQ(f.size(), 3u);
  EXPECT_EQ(f[0].device, "unknown");
  EXPECT_EQ(f[1].device, "drbd7");  // "007:" is minor 7
  // "x:1:" has three parts and "8:x" a value: neither starts a device.
  EXPECT_EQ(f[2].device, "drbd7");
}

TEST(ParseDrbd, BadValuesAreReportedNotDropped) {
  auto f = ParseDrbd("0: ns: dw:12x ro:Primary ds:UpToDate/Outdated/extra cs:");
  ASSERT_EQ(f.size(), 5u);
  EXPECT_FALSE(f[0].number);  // empty value
  EXPECT_EQ(f[1].value, "12x");
  EXPECT_FALSE(f[1].number);
  EXPECT_FALSE(f[2].pair);  // no '/'
  ASSERT_TRUE(f[3].pair);   // the text after a second '/' is ignored
  EXPECT_EQ(f[3].pair->second, "Outdated");
  EXPECT_EQ(f[4].kind, DrbdFieldKind::kConnection);
  EXPECT_EQ(f[4].value, "");
}

TEST(ParseDrbd, EmptyAndUnknownWordsGiveNothing) {
  EXPECT_TRUE(ParseDrbd("").empty());
  EXPECT_TRUE(ParseDrbd("version: 8.4.11 wo:f resync: C r-----\n").empty());
}

TEST(ReadDrbd, FixturesAndMissingFile) {
  auto basic = ReadDrbd(testing::FixturePaths("basic"));
  ASSERT_TRUE(basic) << basic.error().message;
  ASSERT_EQ(basic->size(), 30u);
  EXPECT_EQ(basic->front().device, "drbd0");
  EXPECT_EQ(basic->back().device, "drbd1");
  EXPECT_EQ(basic->back().key, "oos");
  EXPECT_EQ(*basic->back().number, 65536);
  auto malformed = ReadDrbd(testing::FixturePaths("malformed"));
  ASSERT_TRUE(malformed) << malformed.error().message;
  bool saw_bad = false;
  for (const auto& f : *malformed) {
    if (f.device == "drbd1" && f.key == "dw") saw_bad = !f.number.has_value();
  }
  EXPECT_TRUE(saw_bad);
  auto missing = ReadDrbd(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
