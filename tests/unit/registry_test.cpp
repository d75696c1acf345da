#include <gtest/gtest.h>

#include <set>

#include "host_exporter/collector.h"

namespace host_exporter {
namespace {

TEST(Registry, NamesAreUniqueAndSorted) {
  auto all = AllCollectors();
  ASSERT_FALSE(all.empty());
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_TRUE(seen.insert(all[i].name).second) << all[i].name;
    if (i > 0) {
      EXPECT_LT(all[i - 1].name, all[i].name);
    }
    EXPECT_NE(all[i].create, nullptr);
    EXPECT_NE(all[i].declare_flags, nullptr);
  }
  EXPECT_NE(FindCollector("loadavg"), nullptr);
  EXPECT_EQ(FindCollector("nope"), nullptr);
}

}  // namespace
}  // namespace host_exporter
