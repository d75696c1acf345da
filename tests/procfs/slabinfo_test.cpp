#include "host_exporter/procfs/slabinfo.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

constexpr const char* kHeader =
    "slabinfo - version: 2.1\n"
    "# name            <active_objs> <num_objs> <objsize> <objperslab> <pagesperslab> : tunables <limit> "
    "<batchcount> <sharedfactor> : slabdata <active_slabs> <num_slabs> <sharedavail>\n";

TEST(ParseSlabinfo, ReadsVersion21Lines) {
  auto r = ParseSlabinfo(std::string(kHeader) +
                         "tw_sock_TCP          704    864    256   32    2 : tunables    0    0    0 : slabdata     27     27"
                         "      0\n"
                         "kmalloc-8192         132    148   8192    4    8 : tunables   24   12    8 : slabdata     37     38"
                         "      5\n");
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  const Slab& s = (*r)[1];
  EXPECT_EQ(s.name, "kmalloc-8192");
  EXPECT_EQ(s.active_objs, 132);
  EXPECT_EQ(s.num_objs, 148);
  EXPECT_EQ(s.obj_size, 8192);
  EXPECT_EQ(s.objs_per_slab, 4);
  EXPECT_EQ(s.pages_per_slab, 8);
  EXPECT_EQ(s.limit, 24);
  EXPECT_EQ(s.batch_count, 12);
  EXPECT_EQ(s.shared_factor, 8);
  EXPECT_EQ(s.active_slabs, 37);
  EXPECT_EQ(s.num_slabs, 38);
  EXPECT_EQ(s.shared_avail, 5);
  EXPECT_EQ((*r)[0].name, "tw_sock_TCP");
}

TEST(ParseSlabinfo, EmptyAndHeaderOnlyHaveNoSlabs) {
  auto empty = ParseSlabinfo("");
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
  auto header = ParseSlabinfo(kHeader);
  ASSERT_TRUE(header);
  EXPECT_TRUE(header->empty());
}

TEST(ParseSlabinfo, RejectsTruncatedBlankIndentedAndNonNumericLines) {
  auto truncated = ParseSlabinfo(std::string(kHeader) + "dentry 148113 151998 192 21 1 : tunables 0 0\n");
  ASSERT_FALSE(truncated);
  EXPECT_NE(truncated.error().message.find("line 3"), std::string::npos) << truncated.error().message;
  EXPECT_NE(truncated.error().message.find("expected 16 fields, got 10"), std::string::npos);
  // procfs splits on whitespace runs without trimming: a blank line or leading
  // whitespace gives a field count other than 16.
  EXPECT_FALSE(ParseSlabinfo("\n"));
  EXPECT_FALSE(ParseSlabinfo(" dentry 1 2 3 4 5 : tunables 0 0 0 : slabdata 1 1 0\n"));
  EXPECT_FALSE(ParseSlabinfo("dentry 1 2 3 4 5 : tunables 0 0 0 : slabdata 1 1 0 \n"));
  auto nan = ParseSlabinfo("dentry 1 2 x 4 5 : tunables 0 0 0 : slabdata 1 1 0\n");
  ASSERT_FALSE(nan);
  EXPECT_NE(nan.error().message.find("field 4"), std::string::npos) << nan.error().message;
  // A CRLF line ending is dropped like bufio.ScanLines does; tabs separate too.
  EXPECT_TRUE(ParseSlabinfo("dentry\t1 2 3 4 5 : tunables 0 0 0 : slabdata 1 1 0\r\n"));
}

TEST(ReadSlabinfo, ReadsFixturesAndNamesFileOnError) {
  auto ok = ReadSlabinfo(testing::FixturePaths("basic"));
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_EQ(ok->size(), 7u);
  EXPECT_EQ((*ok)[0].name, "ext4_inode_cache");
  auto bad = ReadSlabinfo(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/proc/slabinfo: line 4"), std::string::npos) << bad.error().message;
  auto missing = ReadSlabinfo(testing::FixturePaths("empty"));
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace host_exporter::procfs
