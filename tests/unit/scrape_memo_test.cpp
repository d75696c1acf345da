#include "host_exporter/scrape_memo.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

namespace host_exporter {
namespace {

using namespace std::chrono_literals;

TEST(ScrapeMemo, ComputesOncePerKeyWhileOthersWait) {
  ScrapeMemo memo;
  std::atomic<int> computed{0};
  std::vector<std::shared_ptr<const std::string>> got(8);
  std::vector<std::thread> ts;
  for (std::size_t i = 0; i < got.size(); ++i) {
    ts.emplace_back([&, i] {
      got[i] = memo.Get<std::string>("links", [&] {
        ++computed;
        std::this_thread::sleep_for(20ms);  // the others arrive while it runs
        return std::string("dump");
      });
    });
  }
  for (auto& t : ts) t.join();
  EXPECT_EQ(computed.load(), 1);
  for (const auto& g : got) {
    ASSERT_TRUE(g);
    EXPECT_EQ(g.get(), got[0].get());  // one value, shared
    EXPECT_EQ(*g, "dump");
  }
  auto other = memo.Get<int>("neighbours", [&] {
    ++computed;
    return 7;
  });
  EXPECT_EQ(*other, 7);
  EXPECT_EQ(computed.load(), 2);
}

TEST(ScrapeMemo, AThrowingComputeLeavesTheKeyForTheNextCaller) {
  ScrapeMemo memo;
  EXPECT_THROW(memo.Get<int>("k", []() -> int { throw std::runtime_error("no socket"); }),
               std::runtime_error);
  EXPECT_EQ(*memo.Get<int>("k", [] { return 3; }), 3);
}

TEST(ScrapeMemo, WithoutAMemoEachCallComputes) {
  int computed = 0;
  auto compute = [&] { return ++computed; };
  EXPECT_EQ(*Memoized<int>(nullptr, "k", compute), 1);
  EXPECT_EQ(*Memoized<int>(nullptr, "k", compute), 2);
  auto memo = std::make_shared<ScrapeMemo>();
  EXPECT_EQ(*Memoized<int>(memo, "k", compute), 3);
  EXPECT_EQ(*Memoized<int>(memo, "k", compute), 3);
}

}  // namespace
}  // namespace host_exporter
