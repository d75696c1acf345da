#include "host_exporter/procfs/vmstat.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseVmstat, ParsesNameValueLinesInOrder) {
  auto r = ParseVmstat("nr_free_pages 1266944\npgfault 36991928\noom_kill 0 ignored\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[0].name, "nr_free_pages");
  EXPECT_DOUBLE_EQ((*r)[0].value, 1266944);
  EXPECT_EQ((*r)[1].name, "pgfault");
  EXPECT_DOUBLE_EQ((*r)[2].value, 0);
}

TEST(ParseVmstat, EmptyInputHasNoEntries) {
  auto r = ParseVmstat("");
  ASSERT_TRUE(r);
  EXPECT_TRUE(r->empty());
}

TEST(ParseVmstat, RejectsTruncatedAndNonNumericLines) {
  auto truncated = ParseVmstat("pgpgin 1\npgpgout\n");
  ASSERT_FALSE(truncated);
  EXPECT_NE(truncated.error().message.find("line 2"), std::string::npos) << truncated.error().message;
  auto garbage = ParseVmstat("pgfault 12x\n");
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().kind, ErrorKind::kParse);
  EXPECT_NE(garbage.error().message.find("\"12x\""), std::string::npos) << garbage.error().message;
}

TEST(ReadVmstat, ReadsFixtureAndNamesFileOnError) {
  std::string text;
  auto ok = ReadVmstat(testing::FixturePaths("basic"), text);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_GT(ok->size(), 100u);
  // The names are views into the text read.
  EXPECT_GE(ok->front().name.data(), text.data());
  EXPECT_LE(ok->back().name.data() + ok->back().name.size(), text.data() + text.size());
  EXPECT_EQ(ok->front().name, text.substr(0, ok->front().name.size()));
  auto bad = ReadVmstat(testing::FixturePaths("malformed"), text);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/vmstat"), std::string::npos) << bad.error().message;
  auto missing = ReadVmstat(testing::FixturePaths("empty"), text);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
