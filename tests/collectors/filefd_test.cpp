#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(FilefdCollector, Golden) {
  auto out = RunGolden("filefd", "basic", 2u);
  EXPECT_NE(out.text.find("node_filefd_maximum 9.223372036854776e+18\n"), std::string::npos) << out.text;
}

TEST(FilefdCollector, MalformedFileFailsWithPath) {
  auto out = RunCollector("filefd", "malformed");
  ASSERT_FALSE(out.status);
  EXPECT_NE(out.status.error().message.find("proc/sys/fs/file-nr"), std::string::npos)
      << out.status.error().message;
  EXPECT_EQ(out.samples, 0u);
}

TEST(FilefdCollector, MissingFileFailsAsNoData) {
  auto out = RunCollector("filefd", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::testing
