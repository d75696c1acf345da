#include "host_exporter/sysfs/fc_host.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseFcHostStatistic, HexDecimalAndUnknownNames) {
  FcHostCounters c;
  ASSERT_TRUE(ParseFcHostStatistic("rx_frames", "0x1f", c));
  EXPECT_EQ(c.rx_frames, 31u);
  ASSERT_TRUE(ParseFcHostStatistic("tx_words", "100\n", c));
  EXPECT_EQ(c.tx_words, 100u);
  ASSERT_TRUE(ParseFcHostStatistic("dumped_frames", "0xffffffffffffffff", c));
  EXPECT_EQ(c.dumped_frames, 0xffffffffffffffffu);
  EXPECT_TRUE(ParseFcHostStatistic("lip_count", "garbage", c));  // not one procfs reads
  EXPECT_FALSE(ParseFcHostStatistic("nos_count", "n/a", c));
  EXPECT_FALSE(ParseFcHostStatistic("nos_count", "", c));
  EXPECT_FALSE(ParseFcHostStatistic("nos_count", "0x", c));
}

TEST(ReadFcHosts, BasicMinimalEmptyMalformed) {
  auto r = ReadFcHosts(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const auto& h = (*r)[0];
  EXPECT_EQ(h.name, "host1");
  EXPECT_EQ(h.port_name, "10000090fa9a1b2c");
  EXPECT_EQ(h.port_id, "0a1b00");
  EXPECT_EQ(h.speed, "32 Gbit");
  EXPECT_EQ(h.counters.rx_frames, 0x1f9a3c42u);

  auto m = ReadFcHosts(testing::FixturePaths("fibrechannel-minimal"));
  ASSERT_TRUE(m) << m.error().message;
  EXPECT_EQ((*m)[0].port_type, "");
  EXPECT_EQ((*m)[0].counters.nos_count, 0u);

  auto none = ReadFcHosts(testing::FixturePaths("empty"));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::kNotFound);

  auto bad = ReadFcHosts(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("statistics/rx_frames"), std::string::npos)
      << bad.error().message;
}

}  // namespace
}  // namespace host_exporter::sysfs
