#include "host_exporter/sysfs/class_scsi_tape.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ScsiTape, DeviceNames) {
  EXPECT_TRUE(IsScsiTapeName("st0"));
  EXPECT_TRUE(IsScsiTapeName("st12"));
  EXPECT_FALSE(IsScsiTapeName("nst0"));
  EXPECT_FALSE(IsScsiTapeName("st0a"));
  EXPECT_FALSE(IsScsiTapeName("st"));
}

TEST(ParseTapeCounters, CountersUnknownAndMalformed) {
  auto c = ParseTapeCounters(
      {{"read_cnt", "52204"}, {"io_ns", "311402177031"}, {"in_flight", "0x1"}, {"uevent", "x"}});
  ASSERT_TRUE(c) << c.error().message;
  EXPECT_EQ(c->read_cnt, 52204u);
  EXPECT_EQ(c->io_ns, 311402177031u);
  EXPECT_EQ(c->in_flight, 1u);
  EXPECT_EQ(c->write_cnt, 0u);
  EXPECT_TRUE(ParseTapeCounters({}));
  auto bad = ParseTapeCounters({{"write_ns", "-5"}});
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("write_ns"), std::string::npos);
  EXPECT_FALSE(ParseTapeCounters({{"resid_cnt", ""}}));
}

TEST(ReadScsiTapes, ReadsOnlyStN) {
  auto tapes = ReadScsiTapes(testing::FixturePaths("basic"));
  ASSERT_TRUE(tapes) << tapes.error().message;
  ASSERT_EQ(tapes->size(), 1u);
  EXPECT_EQ((*tapes)[0].name, "st0");
  EXPECT_EQ((*tapes)[0].counters.write_byte_cnt, 1163624153088u);
  EXPECT_EQ((*tapes)[0].counters.resid_cnt, 2u);
}

TEST(ReadScsiTapes, Errors) {
  EXPECT_EQ(ReadScsiTapes(testing::FixturePaths("empty")).error().kind, ErrorKind::kNotFound);
  auto old = ReadScsiTapes(testing::FixturePaths("tapestats-no-stats"));
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().kind, ErrorKind::kNotFound);
  auto bad = ReadScsiTapes(testing::FixturePaths("malformed"));
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().kind, ErrorKind::kParse);
  EXPECT_NE(bad.error().message.find("malformed/sys/class/scsi_tape/st0/stats/read_cnt"), std::string::npos);
}

}  // namespace
}  // namespace host_exporter::sysfs
