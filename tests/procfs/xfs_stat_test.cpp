#include "host_exporter/procfs/xfs_stat.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

constexpr std::string_view kStat = R"(extent_alloc 9120 771304 4410 263117
abt 1 2 3 4
blk_map 1208846 240117 15012 19873 11420 1480231 7
bmbt 5 6 7 8
dir 24410 6917 6502 3306
trans 0 118274 0
ig 23380 16113 1 7267 2 5902 8810
log 16321 402117 0 14190 14012
push_ail 143207 0 11803 2011 0 480 3 229 0 5
xstrat 8102 0
rw 140218 261907
attr 88213 310 122 2
icluster 3301 2410 12083
vnodes 17512 1 2 3 5902 5902 5903 9
buf 560118 4903 555215 0 0 4903 0 4977 4881
abtb2 11820 80417 810 790 0 0 0 0 0 0 0 0 0 0 83201
rmapbt 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
qm 0 0 0 0 0 0 0 0
xpc 1221410816 2011201536 1087799296
defer_relog 0
debug 0
)";

TEST(ParseXfsStats, AllGroups) {
  auto s = ParseXfsStats(kStat);
  ASSERT_TRUE(s) << s.error().message;
  EXPECT_EQ(s->extent_allocation.extents_allocated, 9120u);
  EXPECT_EQ(s->extent_allocation.blocks_freed, 263117u);
  EXPECT_EQ(s->allocation_btree.records_deleted, 4u);
  EXPECT_EQ(s->block_map_btree.lookups, 5u);
  EXPECT_EQ(s->block_mapping.extent_list_compares, 7u);
  EXPECT_EQ(s->directory_operation.getdents, 3306u);
  EXPECT_EQ(s->transaction.async, 118274u);
  EXPECT_EQ(s->inode_operation.recycle, 1u);
  EXPECT_EQ(s->inode_operation.attribute_change, 8810u);
  EXPECT_EQ(s->log_operation.force_sleep, 14012u);
  EXPECT_EQ(s->read_write.write, 140218u);  // the kernel prints write calls first
  EXPECT_EQ(s->read_write.read, 261907u);
  EXPECT_EQ(s->attribute_operation.list, 2u);
  EXPECT_EQ(s->inode_clustering.flush_inode, 12083u);
  EXPECT_EQ(s->vnode.remove, 5903u);
  EXPECT_EQ(s->vnode.free, 9u);
  EXPECT_EQ(s->buffer.get_read, 4881u);
  EXPECT_EQ(s->extended_precision.write_bytes, 2011201536u);
}

TEST(ParseXfsStats, OldKernelShapesAndShortLines) {
  auto s = ParseXfsStats("vnodes 4 1 2 3 5 6 7\nrw 1\n");  // "rw 1" has too few values
  ASSERT_FALSE(s);
  auto old = ParseXfsStats("vnodes 4 1 2 3 5 6 7\nlonely\n\n");
  ASSERT_TRUE(old) << old.error().message;
  EXPECT_EQ(old->vnode.remove, 7u);
  EXPECT_EQ(old->vnode.free, 0u);
  auto empty = ParseXfsStats("");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->read_write.read, 0u);
}

TEST(ParseXfsStats, MalformedAndTruncated) {
  auto truncated = ParseXfsStats("extent_alloc 1 2 3\n");
  ASSERT_FALSE(truncated);
  EXPECT_EQ(truncated.error().kind, ErrorKind::kParse);
  EXPECT_NE(truncated.error().message.find("line 1"), std::string::npos);
  EXPECT_NE(truncated.error().message.find("extent allocation"), std::string::npos);
  EXPECT_FALSE(ParseXfsStats("vnodes 1 2 3 4 5 6 7 8 9\n"));
  EXPECT_FALSE(ParseXfsStats("abt 1 2 x 4\n"));
  EXPECT_FALSE(ParseXfsStats("abt 1 2 4294967296 4\n"));  // counters are 32-bit
  EXPECT_FALSE(ParseXfsStats("push_ail 1 -2\n"));         // unknown lines must parse too
  EXPECT_FALSE(ParseXfsStats("xpc 1 2\n"));
  EXPECT_TRUE(ParseXfsStats("xpc 1 2 18446744073709551615\n"));
}

TEST(ReadXfsStats, ProcAndSys) {
  Paths basic = testing::FixturePaths("basic");
  auto proc = ReadXfsProcStats(basic);
  ASSERT_TRUE(proc) << proc.error().message;
  EXPECT_EQ(proc->name, "");
  EXPECT_EQ(proc->extent_allocation.extents_allocated, 218337u);
  auto sys = ReadXfsSysStats(basic);
  ASSERT_TRUE(sys) << sys.error().message;
  ASSERT_EQ(sys->size(), 1u);  // the global /sys/fs/xfs/stats/stats is not a device
  EXPECT_EQ((*sys)[0].name, "nvme0n1p3");
  EXPECT_EQ((*sys)[0].inode_operation.found, 412306u);

  auto old = testing::FixturePaths("xfs-old-kernel");
  auto old_proc = ReadXfsProcStats(old);
  ASSERT_TRUE(old_proc) << old_proc.error().message;
  EXPECT_EQ(old_proc->vnode.active, 4u);
  EXPECT_EQ(old_proc->read_write.write, 22u);
  auto old_sys = ReadXfsSysStats(old);
  ASSERT_TRUE(old_sys);
  EXPECT_TRUE(old_sys->empty());

  EXPECT_EQ(ReadXfsProcStats(testing::FixturePaths("empty")).error().kind, ErrorKind::kNotFound);
  auto bad = ReadXfsSysStats(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("malformed/sys/fs/xfs/sda1/stats/stats: line 1"), std::string::npos)
      << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::procfs
