#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(MeminfoCollector, Golden) {
  // 47 known byte fields present in the fixture + 4 HugePages counts; fields
  // node_exporter does not know (KReclaimable, FileHugePages, ...) are left out.
  auto out = RunGolden("meminfo", "basic", 51u);
  EXPECT_EQ(out.text.find("KReclaimable"), std::string::npos);
  EXPECT_NE(out.text.find("node_memory_HugePages_Total 16\n"), std::string::npos);
  EXPECT_NE(out.text.find("node_memory_MemTotal_bytes 1.6694710272e+10\n"), std::string::npos);
}

TEST(MeminfoCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("meminfo", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_EQ(out.status.error().kind, ErrorKind::kParse);
  EXPECT_NE(out.status.error().message.find("proc/meminfo"), std::string::npos) << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(MeminfoCollector, MissingFileFailsAsNoData) {
  auto out = RunCollector("meminfo", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
  EXPECT_EQ(out.samples, 0u);
}

}  // namespace
}  // namespace host_exporter::testing
