#include "host_exporter/scraper.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "host_exporter/exposition.h"
#include "host_exporter/scrape_memo.h"

namespace host_exporter {
namespace {

using namespace std::chrono_literals;

class FakeCollector : public Collector {
 public:
  FakeCollector(std::string metric, std::chrono::milliseconds delay, bool fail)
      : metric_(std::move(metric)), delay_(delay), fail_(fail) {}
  Status Collect(MetricWriter& out) const override {
    calls_.fetch_add(1);
    if (delay_.count() > 0) std::this_thread::sleep_for(delay_);
    out.Gauge(metric_, "fake", 1);
    if (fail_) return Fail(ErrorKind::kParse, "/fake/file: line 1: bad");
    return {};
  }
  mutable std::atomic<int> calls_{0};

 private:
  std::string metric_;
  std::chrono::milliseconds delay_;
  bool fail_;
};

struct Fixture {
  FakeCollector* ok;
  FakeCollector* bad;
  FakeCollector* slow;
  std::unique_ptr<Scraper> scraper;
};

Fixture Make(std::chrono::milliseconds slow_delay) {
  Fixture f;
  auto ok = std::make_unique<FakeCollector>("a_ok", 0ms, false);
  auto bad = std::make_unique<FakeCollector>("b_bad", 0ms, true);
  auto slow = std::make_unique<FakeCollector>("c_slow", slow_delay, false);
  f.ok = ok.get();
  f.bad = bad.get();
  f.slow = slow.get();
  std::vector<NamedCollector> cs;
  cs.push_back({"a", std::move(ok)});
  cs.push_back({"b", std::move(bad)});
  cs.push_back({"c", std::move(slow)});
  f.scraper = std::make_unique<Scraper>(std::move(cs), 2);
  return f;
}

TEST(Scraper, FailingCollectorKeepsItsSamplesAndReportsSuccessZero) {
  auto f = Make(0ms);
  std::string text = SerializeText(f.scraper->Scrape({}, std::nullopt));
  EXPECT_NE(text.find("a_ok 1"), std::string::npos);
  EXPECT_NE(text.find("b_bad 1"), std::string::npos);
  EXPECT_NE(text.find("node_scrape_collector_success{collector=\"a\"} 1"), std::string::npos);
  EXPECT_NE(text.find("node_scrape_collector_success{collector=\"b\"} 0"), std::string::npos);
  EXPECT_NE(text.find("node_scrape_collector_success{collector=\"c\"} 1"), std::string::npos);
}

TEST(Scraper, SubsetRunsOnlyThoseCollectors) {
  auto f = Make(0ms);
  std::string text = SerializeText(f.scraper->Scrape({0}, std::nullopt));
  EXPECT_NE(text.find("a_ok"), std::string::npos);
  EXPECT_EQ(text.find("b_bad"), std::string::npos);
  EXPECT_EQ(f.bad->calls_.load(), 0);
}

TEST(Scraper, DeadlineReportsLateCollectorAndDoesNotRestartIt) {
  auto f = Make(1500ms);
  auto t0 = std::chrono::steady_clock::now();
  std::string text = SerializeText(f.scraper->Scrape({}, t0 + 200ms));
  EXPECT_NE(text.find("node_scrape_collector_success{collector=\"c\"} 0"), std::string::npos);
  EXPECT_NE(text.find("node_scrape_collector_timeouts_total{collector=\"c\"} 1"), std::string::npos);
  EXPECT_EQ(text.find("c_slow"), std::string::npos);
  EXPECT_NE(text.find("a_ok 1"), std::string::npos);
  // Still running: the next scrape must not start it again, but joins the running call.
  std::string again = SerializeText(f.scraper->Scrape({}, std::chrono::steady_clock::now() + 200ms));
  EXPECT_EQ(f.slow->calls_.load(), 1);
  EXPECT_NE(again.find("node_scrape_collector_success{collector=\"c\"} 0"), std::string::npos);
  // A scrape without deadline waits for that same call and gets its output.
  std::string joined = SerializeText(f.scraper->Scrape({}, std::nullopt));
  EXPECT_EQ(f.slow->calls_.load(), 1);
  EXPECT_NE(joined.find("c_slow 1"), std::string::npos);
  EXPECT_NE(joined.find("node_scrape_collector_success{collector=\"c\"} 1"), std::string::npos);
  // Once it has finished, it runs again.
  std::string later = SerializeText(f.scraper->Scrape({}, std::nullopt));
  EXPECT_EQ(f.slow->calls_.load(), 2);
  EXPECT_NE(later.find("node_scrape_collector_success{collector=\"c\"} 1"), std::string::npos);
}

TEST(Scraper, ConcurrentScrapesShareOneCall) {
  auto f = Make(300ms);
  std::vector<std::thread> ts;
  std::vector<std::string> outs(4);
  for (int i = 0; i < 4; ++i) {
    ts.emplace_back([&, i] { outs[static_cast<std::size_t>(i)] = SerializeText(f.scraper->Scrape({}, std::nullopt)); });
  }
  for (auto& t : ts) t.join();
  EXPECT_LE(f.slow->calls_.load(), 2);  // the threads may straddle one call's end
  for (const auto& o : outs) EXPECT_NE(o.find("c_slow 1"), std::string::npos);
}

// Asks the scrape's memo for "links", as netdev, netclass and arp do.
class MemoCollector : public Collector {
 public:
  MemoCollector(std::string metric, std::chrono::milliseconds delay, std::atomic<int>& dumps)
      : metric_(std::move(metric)), delay_(delay), dumps_(dumps) {}
  Status Collect(MetricWriter& out) const override {
    std::this_thread::sleep_for(delay_);
    auto n = Memoized<int>(out.memo(), "links", [this] { return ++dumps_; });
    out.Gauge(metric_, "dump number", *n);
    return {};
  }

 private:
  std::string metric_;
  std::chrono::milliseconds delay_;
  std::atomic<int>& dumps_;
};

TEST(Scraper, CollectorsOfOneScrapeShareItsMemo) {
  std::atomic<int> dumps{0};
  std::vector<NamedCollector> cs;
  // Slow enough that the scrape's drainers run them at the same time.
  cs.push_back({"netdev", std::make_unique<MemoCollector>("netdev", 30ms, dumps)});
  cs.push_back({"netclass", std::make_unique<MemoCollector>("netclass", 30ms, dumps)});
  cs.push_back({"arp", std::make_unique<MemoCollector>("arp", 0ms, dumps)});
  Scraper scraper(std::move(cs), 4);
  std::string first = SerializeText(scraper.Scrape({}, std::nullopt));
  EXPECT_EQ(dumps.load(), 1);
  for (const char* m : {"netdev 1\n", "netclass 1\n", "arp 1\n"}) EXPECT_NE(first.find(m), std::string::npos) << m;
  std::string second = SerializeText(scraper.Scrape({}, std::nullopt));  // a new scrape, a new dump
  EXPECT_EQ(dumps.load(), 2);
  for (const char* m : {"netdev 2\n", "netclass 2\n", "arp 2\n"}) EXPECT_NE(second.find(m), std::string::npos) << m;
}

TEST(WorkerPool, ReplacesStuckWorkers) {
  WorkerPool pool(1, 4, 50ms, 60s);
  std::atomic<bool> release{false};
  std::atomic<int> done{0};
  pool.Submit([&] {
    while (!release.load()) std::this_thread::sleep_for(5ms);
  });
  pool.Submit([&] { done.fetch_add(1); });
  for (int i = 0; i < 100 && done.load() == 0; ++i) {
    std::this_thread::sleep_for(20ms);
    pool.Poke();
  }
  EXPECT_EQ(done.load(), 1);
  EXPECT_EQ(pool.threads(), 2u);
  release.store(true);
}

}  // namespace
}  // namespace host_exporter

namespace host_exporter {
namespace {

// Quick collectors are taken by one drainer; when one is slow, another drainer
// joins, so slow collectors run side by side and quick ones are not held
// behind them.
TEST(Scraper, SlowCollectorsRunConcurrently) {
  std::vector<NamedCollector> cs;
  auto s1 = std::make_unique<FakeCollector>("s1", 400ms, false);
  auto s2 = std::make_unique<FakeCollector>("s2", 400ms, false);
  cs.push_back({"s1", std::move(s1)});
  cs.push_back({"s2", std::move(s2)});
  for (int i = 0; i < 5; ++i) {
    cs.push_back({"q" + std::to_string(i), std::make_unique<FakeCollector>("q" + std::to_string(i), 0ms, false)});
  }
  Scraper scraper(std::move(cs), 2);
  auto t0 = std::chrono::steady_clock::now();
  std::string text = SerializeText(scraper.Scrape({}, std::nullopt));
  auto took = std::chrono::steady_clock::now() - t0;
  EXPECT_LT(took, 750ms);  // one after the other would be 800 ms
  for (const char* m : {"s1 1", "s2 1", "q0 1", "q4 1"}) EXPECT_NE(text.find(m), std::string::npos) << m;
}

}  // namespace
}  // namespace host_exporter
