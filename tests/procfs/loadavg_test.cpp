#include "host_exporter/procfs/loadavg.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseLoadAvg, ParsesFirstThreeFields) {
  auto r = ParseLoadAvg("0.21 0.37 0.39 1/719 19737\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_DOUBLE_EQ(r->load1, 0.21);
  EXPECT_DOUBLE_EQ(r->load5, 0.37);
  EXPECT_DOUBLE_EQ(r->load15, 0.39);
}

TEST(ParseLoadAvg, RejectsEmptyTruncatedAndGarbage) {
  EXPECT_FALSE(ParseLoadAvg(""));
  EXPECT_FALSE(ParseLoadAvg("0.21 0.37"));
  auto r = ParseLoadAvg("0.21 x 0.39 1/2 3");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().kind, ErrorKind::kParse);
  EXPECT_NE(r.error().message.find("\"x\""), std::string::npos);
}

TEST(ReadLoadAvg, ReadsFixtureAndNamesFileOnError) {
  auto ok = ReadLoadAvg(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_DOUBLE_EQ(ok->load1, 0.21);
  auto bad = ReadLoadAvg(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/loadavg"), std::string::npos) << bad.error().message;
  auto missing = ReadLoadAvg(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_TRUE(missing.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::procfs
