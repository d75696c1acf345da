#include "host_exporter/procfs/spl_kstat_zfs.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::procfs {
namespace {

TEST(ParseZfsKstats, KeepsSignedAndUnsignedRows) {
  auto k = ParseZfsKstats(
      "13 1 0x01 5 200 3902188130 7219402157734\n"
      "name                            type data\n"
      "hits                            4    40419283\n"
      "memory_available_bytes          3    -125829120\n"
      "arc_name                        7    rpool\n"
      "erpt-dropped                    4    18446744073709551615\n"
      "short                           4\n");
  ASSERT_TRUE(k) << k.error().message;
  ASSERT_EQ(k->size(), 3u);
  EXPECT_EQ((*k)[0].name, "hits");
  EXPECT_EQ((*k)[0].value, 40419283);
  EXPECT_EQ((*k)[1].value, -125829120);
  EXPECT_EQ((*k)[2].name, "erpt-dropped");
  EXPECT_EQ((*k)[2].value, 18446744073709551615.0);
}

TEST(ParseZfsKstats, MalformedTruncatedEmpty) {
  EXPECT_FALSE(ParseZfsKstats(""));
  auto no_header = ParseZfsKstats("6 1 0x01 1 40 1 2\nhits 4 1\n");
  ASSERT_FALSE(no_header);
  EXPECT_NE(no_header.error().message.find("header"), std::string::npos);
  auto bad = ParseZfsKstats("name type data\nhits 4 many\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos);
  EXPECT_NE(bad.error().message.find("\"hits\""), std::string::npos);
  EXPECT_FALSE(ParseZfsKstats("name type data\nneg 4 -1\n"));
  auto header_only = ParseZfsKstats("name type data\n");
  ASSERT_TRUE(header_only);
  EXPECT_TRUE(header_only->empty());
}

TEST(ParseZpoolIo, HeaderRowThenValues) {
  auto io = ParseZpoolIo(
      "45 3 0x00 1 80 3902188130 7219402157734\n"
      "nread    nwritten reads    writes   wtime    wlentime wupdate  rtime    rlentime rupdate  wcnt     "
      "rcnt    \n"
      "880443392 4120117248 21877    130512   900118733 5210448211 7219401930112 312006541 1009335120 "
      "7219401929831 0 "
      "       2       \n");
  ASSERT_TRUE(io) << io.error().message;
  ASSERT_EQ(io->size(), 12u);
  EXPECT_EQ((*io)[0].field, "nread");
  EXPECT_EQ((*io)[0].value, 880443392u);
  EXPECT_EQ((*io)[11].field, "rcnt");
  EXPECT_TRUE(ParseZpoolIo("")->empty());
  EXPECT_TRUE(ParseZpoolIo("nread nwritten\n1 2\n")->empty());  // fewer than 12 columns: no header
  auto short_row = ParseZpoolIo("nread a b c d e f g h i j k\n1 2 3\n");
  ASSERT_FALSE(short_row);
  EXPECT_NE(short_row.error().message.find("line 2"), std::string::npos);
  EXPECT_FALSE(ParseZpoolIo("nread a b c d e f g h i j k\n1 2 3 4 5 6 7 8 9 10 11 x\n"));
}

TEST(ParseZpoolObjset, DatasetNamesKeepSpaces) {
  auto o = ParseZpoolObjset(
      "61 1 0x01 7 2160 4011230551 7219402163920\n"
      "name                            type data\n"
      "dataset_name                    7    tank/vm images  (old)\n"
      "writes                          4    77\n"
      "nunlinked                       4    6\n"
      "zil_commit_count                3    2\n");
  ASSERT_TRUE(o) << o.error().message;
  ASSERT_EQ(o->size(), 2u);
  EXPECT_TRUE((*o)[0].after_dataset_name);
  EXPECT_EQ((*o)[0].dataset, "tank/vm images  (old)");
  EXPECT_EQ((*o)[1].name, "nunlinked");
  EXPECT_EQ((*o)[1].value, 6u);
}

TEST(ParseZpoolObjset, Quirks) {
  // Rows before dataset_name carry no dataset; the value is found by its first
  // occurrence in the line, so "7 7" yields "7    7" as node_exporter does.
  auto o = ParseZpoolObjset("name type data\nwrites 4 1\ndataset_name    7    7\nreads 4 2\n");
  ASSERT_TRUE(o);
  ASSERT_EQ(o->size(), 2u);
  EXPECT_FALSE((*o)[0].after_dataset_name);
  EXPECT_EQ((*o)[0].dataset, "");
  EXPECT_EQ((*o)[1].dataset, "7    7");
  EXPECT_FALSE(ParseZpoolObjset("dataset_name 7 x\n"));
  EXPECT_FALSE(ParseZpoolObjset("name type data\nwrites 4 -4\n"));
}

TEST(ParseZpoolState, FirstLineLowercased) {
  EXPECT_EQ(ParseZpoolState("ONLINE\n"), "online");
  EXPECT_EQ(ParseZpoolState("SUSPENDED\r\nx\n"), "suspended");
  EXPECT_EQ(ParseZpoolState(""), "");
  EXPECT_EQ(ParseZpoolState("ONLINE \n"), "online ");  // not trimmed: matches no state
}

TEST(ReadZfs, Readers) {
  Paths basic = testing::FixturePaths("basic");
  EXPECT_TRUE(ZfsKstatsAvailable(basic));
  EXPECT_FALSE(ZfsKstatsAvailable(testing::FixturePaths("empty")));
  auto arc = ReadZfsKstats(basic, "arcstats");
  ASSERT_TRUE(arc) << arc.error().message;
  EXPECT_EQ(arc->front().name, "hits");
  EXPECT_EQ(ReadZfsKstats(basic, "xuio_stats").error().kind, ErrorKind::kNotFound);
  auto bad = ReadZfsKstats(testing::FixturePaths("malformed"), "arcstats");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("malformed/proc/spl/kstat/zfs/arcstats: line 3"), std::string::npos)
      << bad.error().message;

  auto objsets = ListZpoolFiles(basic, [](std::string_view n) { return n.starts_with("objset-"); });
  ASSERT_EQ(objsets.size(), 3u);
  EXPECT_EQ(objsets[0].pool, "rpool");
  EXPECT_EQ(objsets[0].file, "objset-0x10c");
  auto ds = ReadZpoolObjset(objsets[0]);
  ASSERT_TRUE(ds);
  EXPECT_EQ(ds->front().dataset, "rpool/home/Photos 2023");
  auto states = ListZpoolFiles(basic, [](std::string_view n) { return n == "state"; });
  ASSERT_EQ(states.size(), 1u);
  EXPECT_EQ(*ReadZpoolState(states[0]), "online");
  ZpoolFile gone{"rpool", "io", basic.procfs + "/spl/kstat/zfs/gone/io"};
  EXPECT_EQ(ReadZpoolIo(gone).error().kind, ErrorKind::kIo);
}

}  // namespace
}  // namespace host_exporter::procfs
