#include "host_exporter/sysfs/kernel_mm_ksm.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseKsmValue, UnsignedDecimalWithWhitespace) {
  auto v = ParseKsmValue("1044480\n");
  ASSERT_TRUE(v) << v.error().message;
  EXPECT_EQ(*v, 1044480u);
  EXPECT_EQ(*ParseKsmValue(" 0 "), 0u);
  EXPECT_EQ(*ParseKsmValue("18446744073709551615"), 18446744073709551615ULL);
}

TEST(ParseKsmValue, RejectsNegativeEmptyAndGarbage) {
  EXPECT_FALSE(ParseKsmValue("-4096\n"));  // general_profit can be negative; node_exporter fails on it too
  EXPECT_FALSE(ParseKsmValue(""));
  EXPECT_FALSE(ParseKsmValue("\n"));
  EXPECT_FALSE(ParseKsmValue("12 kB"));
  EXPECT_FALSE(ParseKsmValue("0x10"));
  EXPECT_FALSE(ParseKsmValue("18446744073709551616"));
}

TEST(ReadKsm, SkipsMissingFilesInNodeExporterOrder) {
  auto basic = ReadKsm(testing::FixturePaths("basic"));
  ASSERT_TRUE(basic) << basic.error().message;
  ASSERT_EQ(basic->size(), 9u);  // a 6.1 kernel has no general_profit
  EXPECT_EQ((*basic)[0].file, "full_scans");
  EXPECT_EQ((*basic)[0].value, 1287u);
  EXPECT_EQ((*basic)[1].file, "merge_across_nodes");
  EXPECT_EQ((*basic)[8].file, "sleep_millisecs");
  EXPECT_EQ((*basic)[8].value, 20u);

  auto newer = ReadKsm(testing::FixturePaths("ksmd-general-profit"));
  ASSERT_TRUE(newer) << newer.error().message;
  ASSERT_EQ(newer->size(), 10u);
  EXPECT_EQ((*newer)[1].file, "general_profit");
  EXPECT_EQ((*newer)[1].value, 249856u);

  auto none = ReadKsm(testing::FixturePaths("empty"));
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_TRUE(none->empty());
}

TEST(ReadKsm, BadValueFailsNamingTheFile) {
  auto bad = ReadKsm(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("malformed/sys/kernel/mm/ksm/general_profit"), std::string::npos)
      << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::sysfs
