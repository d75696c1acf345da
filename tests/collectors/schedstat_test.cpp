#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::testing {
namespace {

TEST(SchedstatCollector, Golden) {
  RunGolden("schedstat", "basic", 12u);
}

TEST(SchedstatCollector, MissingFileIsNoData) {
  auto out = RunCollector("schedstat", "empty");
  ASSERT_FALSE(out.status);
  EXPECT_TRUE(out.status.error().IsNoData());
}

TEST(SchedstatCollector, MalformedLinesAreSkippedNotErrors) {
  // procfs ignores lines that do not match its pattern, so node_exporter succeeds.
  auto out = RunCollector("schedstat", "malformed");
  ASSERT_TRUE(out.status) << out.status.error().message;
  ExpectGolden("schedstat", "malformed", out.text);
}

}  // namespace
}  // namespace host_exporter::testing
