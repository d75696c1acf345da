#include "host_exporter/sysfs/class_infiniband.h"

#include <gtest/gtest.h>

#include "host_exporter/gocompat/strconv.h"

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseInfiniBandState, SplitsIdAndName) {
  auto r = ParseInfiniBandState("4: ACTIVE\n");
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->first, 4u);
  EXPECT_EQ(r->second, "ACTIVE");
  r = ParseInfiniBandState("5: LinkUp");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->second, "LinkUp");
}

TEST(ParseInfiniBandState, RejectsMalformedAndEmpty) {
  EXPECT_FALSE(ParseInfiniBandState(""));
  EXPECT_FALSE(ParseInfiniBandState("ACTIVE"));
  EXPECT_FALSE(ParseInfiniBandState("4: ACTIVE: more"));
  EXPECT_FALSE(ParseInfiniBandState("x: ACTIVE"));
  EXPECT_FALSE(ParseInfiniBandState("4294967296: TOO_BIG"));
}

TEST(ParseInfiniBandRate, ConvertsGbitsToBytes) {
  EXPECT_EQ(*ParseInfiniBandRate("100 Gb/sec (4X EDR)\n"), 12500000000u);
  EXPECT_EQ(*ParseInfiniBandRate("2.5 Gb/sec (1X SDR)"), 312500000u);
  EXPECT_EQ(*ParseInfiniBandRate("56 Gb/sec (4X FDR)"), 7000000000u);
  // procfs reads the number as a float32: 0.3 becomes 0.30000001192...
  EXPECT_EQ(*ParseInfiniBandRate("0.3 Gb/sec"), 37500001u);
}

TEST(ParseInfiniBandRate, RejectsMalformedAndEmpty) {
  EXPECT_FALSE(ParseInfiniBandRate(""));
  EXPECT_FALSE(ParseInfiniBandRate("100"));  // no space to split at
  EXPECT_FALSE(ParseInfiniBandRate("fast Gb/sec"));
}

TEST(ParseGoUintBase0, AcceptsGoIntegerLiterals) {
  EXPECT_EQ(*gocompat::ParseUintBase0("4294967295"), 4294967295u);
  EXPECT_EQ(*gocompat::ParseUintBase0("0"), 0u);
  EXPECT_EQ(*gocompat::ParseUintBase0("0x1f"), 31u);
  EXPECT_EQ(*gocompat::ParseUintBase0("010"), 8u);  // a leading 0 means octal
  EXPECT_EQ(*gocompat::ParseUintBase0("0b101"), 5u);
  EXPECT_EQ(*gocompat::ParseUintBase0("0o17"), 15u);
  EXPECT_EQ(*gocompat::ParseUintBase0("1_000"), 1000u);
  EXPECT_EQ(*gocompat::ParseUintBase0("18446744073709551615"), 18446744073709551615u);
}

TEST(ParseGoUintBase0, RejectsWhatGoRejects) {
  EXPECT_FALSE(gocompat::ParseUintBase0(""));
  EXPECT_FALSE(gocompat::ParseUintBase0("N/A (no PMA)"));
  EXPECT_FALSE(gocompat::ParseUintBase0("-1"));
  EXPECT_FALSE(gocompat::ParseUintBase0("09"));  // not octal
  EXPECT_FALSE(gocompat::ParseUintBase0("0x"));
  EXPECT_FALSE(gocompat::ParseUintBase0("1__0"));
  EXPECT_FALSE(gocompat::ParseUintBase0("_1"));
  EXPECT_FALSE(gocompat::ParseUintBase0("18446744073709551616"));
  EXPECT_FALSE(gocompat::ParseUintBase0("12 "));
}

TEST(ReadInfiniBandClass, ReadsDevicesPortsAndCounters) {
  auto r = ReadInfiniBandClass(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const auto& d = (*r)[0];
  EXPECT_EQ(d.name, "mlx5_0");
  EXPECT_EQ(d.board_id, "MT_0000000008");
  EXPECT_EQ(d.firmware_version, "16.35.2000");
  EXPECT_EQ(d.hca_type, "MT4119");
  ASSERT_EQ(d.ports.size(), 2u);
  const auto& p = d.ports.at(1);
  EXPECT_EQ(p.state, "ACTIVE");
  EXPECT_EQ(p.state_id, 4u);
  EXPECT_EQ(p.phys_state_id, 5u);
  EXPECT_EQ(p.rate, 12500000000u);
  EXPECT_EQ(p.counters.port_rcv_data, 5428373740u * 4);  // per lane: x4
  EXPECT_EQ(p.counters.port_rcv_packets, 44807131u);
  EXPECT_EQ(p.counters.vl15_dropped, 0u);
  EXPECT_FALSE(p.counters.port_rcv_discards);  // mlx5 has no such file
  EXPECT_FALSE(p.counters.legacy_port_rcv_data64);
}

TEST(ReadInfiniBandClass, LegacyCountersAndNoPma) {
  auto r = ReadInfiniBandClass(testing::FixturePaths("infiniband-legacy"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 3u);
  const auto& mlx4 = (*r)[0].ports.at(1);
  EXPECT_EQ(mlx4.counters.legacy_port_rcv_data64, 58312077139u * 4);
  EXPECT_EQ(mlx4.counters.legacy_port_multicast_rcv_packets, 93u);
  const auto& qib = (*r)[1].ports.at(1);
  EXPECT_FALSE(qib.counters.link_downed);
  EXPECT_FALSE(qib.counters.port_rcv_data);
  EXPECT_EQ((*r)[2].name, "rxe0");
  EXPECT_EQ((*r)[2].board_id, "");
  EXPECT_EQ((*r)[2].hca_type, "");
}

TEST(ReadInfiniBandClass, ErrorsNameTheFileAndKeepNotFound) {
  auto bad = ReadInfiniBandClass(testing::FixturePaths("infiniband-malformed"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("ports/1/counters/port_rcv_data"), std::string::npos) << bad.error().message;

  auto old = ReadInfiniBandClass(testing::FixturePaths("infiniband-no-fw-ver"));
  ASSERT_FALSE(old);
  EXPECT_TRUE(old.error().IsNoData()) << old.error().message;

  auto none = ReadInfiniBandClass(testing::FixturePaths("empty"));
  ASSERT_FALSE(none);
  EXPECT_TRUE(none.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::sysfs
