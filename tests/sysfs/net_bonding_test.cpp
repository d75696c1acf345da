#include "host_exporter/sysfs/net_bonding.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(ParseBondingNames, WhitespaceSeparated) {
  EXPECT_EQ(ParseBondingNames("bond0 bond1\n"), (std::vector<std::string>{"bond0", "bond1"}));
  EXPECT_EQ(ParseBondingNames("eth0\teth1\neth2"),
            (std::vector<std::string>{"eth0", "eth1", "eth2"}));
  EXPECT_TRUE(ParseBondingNames("\n").empty());
  EXPECT_TRUE(ParseBondingNames("").empty());
}

TEST(ReadBondingStats, CountsConfiguredAndUpSlaves) {
  auto r = ReadBondingStats(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  EXPECT_EQ(r->at("bond0").slaves, 2);
  EXPECT_EQ(r->at("bond0").active, 1);

  auto old = ReadBondingStats(testing::FixturePaths("bonding-slave-prefix"));
  ASSERT_TRUE(old) << old.error().message;
  EXPECT_EQ(old->at("bond0").active, 2);
  EXPECT_EQ(old->at("bond1").slaves, 0);
}

TEST(ReadBondingStats, AnyMissingFileIsNotFound) {
  auto none = ReadBondingStats(testing::FixturePaths("empty"));
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().kind, ErrorKind::kNotFound);
  auto gone = ReadBondingStats(testing::FixturePaths("bonding-missing-slave"));
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().kind, ErrorKind::kNotFound);
  EXPECT_NE(gone.error().message.find("slave_eth1"), std::string::npos) << gone.error().message;
}

}  // namespace
}  // namespace host_exporter::sysfs
