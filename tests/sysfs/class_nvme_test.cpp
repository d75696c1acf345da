#include "host_exporter/sysfs/class_nvme.h"

#include <gtest/gtest.h>

#include "support/golden.h"

namespace host_exporter::sysfs {
namespace {

TEST(NVMeNamespaceId, MatchesProcfsPattern) {
  EXPECT_EQ(NVMeNamespaceId("nvme0n1"), "1");
  EXPECT_EQ(NVMeNamespaceId("nvme12n34"), "34");
  EXPECT_EQ(NVMeNamespaceId("nvme0c0n1"), "");  // a multipath controller path
  EXPECT_EQ(NVMeNamespaceId("ng0n1"), "");      // the generic character device
  EXPECT_EQ(NVMeNamespaceId("hwmon2"), "");
  EXPECT_EQ(NVMeNamespaceId(""), "");
}

TEST(ReadNVMeClass, ReadsControllersAndNamespaces) {
  auto r = ReadNVMeClass(testing::FixturePaths("basic"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 1u);
  const auto& d = (*r)[0];
  EXPECT_EQ(d.name, "nvme0");
  EXPECT_EQ(d.model, "Samsung SSD 980 PRO 1TB");  // trailing padding trimmed
  EXPECT_EQ(d.serial, "S5GXNF0R123456L");
  EXPECT_EQ(d.firmware_revision, "5B2QGXA7");
  EXPECT_EQ(d.state, "live");
  EXPECT_EQ(d.controller_id, "6");
  ASSERT_EQ(d.namespaces.size(), 1u);
  const auto& ns = d.namespaces[0];
  EXPECT_EQ(ns.id, "1");
  EXPECT_EQ(ns.ana_state, "unknown");
  EXPECT_EQ(ns.logical_block_size, 512u);
  EXPECT_EQ(ns.size_bytes, 1953525168ull * 512);
  EXPECT_EQ(ns.used_bytes, 874512384ull * 512);
}

TEST(ReadNVMeClass, FabricsAnaStatesAndMultipathPaths) {
  auto r = ReadNVMeClass(testing::FixturePaths("nvme-fabrics"));
  ASSERT_TRUE(r) << r.error().message;
  ASSERT_EQ(r->size(), 2u);
  EXPECT_TRUE((*r)[0].namespaces.empty());  // only nvme1c1n1
  ASSERT_EQ((*r)[1].namespaces.size(), 2u);
  EXPECT_EQ((*r)[1].namespaces[1].id, "3");
  EXPECT_EQ((*r)[1].namespaces[1].ana_state, "inaccessible");
}

TEST(ReadNVMeClass, UnparsableNumbersReadZero) {
  auto r = ReadNVMeClass(testing::FixturePaths("nvme-malformed"));
  ASSERT_TRUE(r) << r.error().message;
  const auto& ns = (*r)[0].namespaces.at(0);
  EXPECT_EQ(ns.size_blocks, 0u);
  EXPECT_EQ(ns.used_blocks, 0u);
  EXPECT_EQ(ns.logical_block_size, 0u);
}

TEST(ReadNVMeClass, MissingAttributeOrClassIsNotFound) {
  auto old = ReadNVMeClass(testing::FixturePaths("nvme-old-kernel"));
  ASSERT_FALSE(old);
  EXPECT_TRUE(old.error().IsNoData());
  EXPECT_NE(old.error().message.find("nvme0/cntlid"), std::string::npos) << old.error().message;
  auto none = ReadNVMeClass(testing::FixturePaths("empty"));
  ASSERT_FALSE(none);
  EXPECT_TRUE(none.error().IsNoData());
}

}  // namespace
}  // namespace host_exporter::sysfs
