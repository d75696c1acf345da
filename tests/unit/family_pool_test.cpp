#include "host_exporter/family_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "host_exporter/exposition.h"
#include "host_exporter/metric_writer.h"
#include "host_exporter/scraper.h"

namespace host_exporter {
namespace {

prometheus::MetricFamily Named(const std::string& name, std::size_t metrics) {
  prometheus::MetricFamily f;
  f.name = name;
  f.metric.resize(metrics);
  return f;
}

TEST(FamilyPool, TakeGivesBackWhatWasGivenOncePerName) {
  FamilyPool pool;
  prometheus::MetricFamily out;
  EXPECT_FALSE(pool.Take("a", out));

  std::vector<prometheus::MetricFamily> given;
  given.push_back(Named("a", 3));
  given.push_back(Named("b", 1));
  given.push_back(Named("a", 7));  // a second "a": not kept
  pool.Give(given);
  EXPECT_TRUE(given.empty());
  EXPECT_EQ(pool.size(), 2u);

  ASSERT_TRUE(pool.Take("a", out));
  EXPECT_EQ(out.name, "a");
  EXPECT_EQ(out.metric.size(), 3u);   // the first "a" given
  EXPECT_FALSE(pool.Take("a", out));  // taken: none until given again
  EXPECT_EQ(pool.size(), 1u);

  given.push_back(Named("a", 2));
  pool.Give(given);
  ASSERT_TRUE(pool.Take("a", out));
  EXPECT_EQ(out.metric.size(), 2u);
}

TEST(FamilyPool, KeepsAtMostMaxNames) {
  FamilyPool pool(2);
  std::vector<prometheus::MetricFamily> given;
  for (const char* n : {"a", "b", "c"}) given.push_back(Named(n, 1));
  pool.Give(given);
  prometheus::MetricFamily out;
  EXPECT_TRUE(pool.Take("a", out));
  EXPECT_TRUE(pool.Take("b", out));
  EXPECT_FALSE(pool.Take("c", out));
  given.push_back(Named("c", 1));
  pool.Give(given);  // "a" and "b" keep their entries, empty: still no room for "c"
  EXPECT_FALSE(pool.Take("c", out));
}

// One scrape's writes, varied by `round` so that families, metrics and labels
// appear, disappear, grow and shrink from one round to the next.
void Write(MetricWriter& w, int round) {
  const int n = 1 + round % 4;
  for (int i = 0; i < n; ++i) {
    std::string dev = "device-with-a-long-name-" + std::to_string(i + round % 3);
    if (round % 2 == 0) {
      w.Counter("x_bytes_total", "Bytes.", i + round, {{"device", dev}, {"direction", "rx"}});
    } else {
      w.Counter("x_bytes_total", "Bytes.", i * 2.5, {{"device", dev}});
    }
  }
  if (round % 3 != 1) w.Gauge("y_up", "Up.", round);
  if (round % 5 == 2) {
    Labels many;
    for (int k = 0; k < 10; ++k) many.push_back({"l" + std::to_string(k), std::to_string(round * k)});
    w.Gauge("z_wide", "Ten labels.", 1, std::move(many));
  }
  if (round % 4 == 3) {
    // A family as the textfile collector adds it: a summary with a timestamp.
    prometheus::MetricFamily s;
    s.name = "y_up";  // the same name as a gauge of other rounds
    s.help = "Up.";
    s.type = prometheus::MetricType::Summary;
    auto& m = s.metric.emplace_back();
    m.summary.sample_count = 3;
    m.summary.sample_sum = 1.5;
    m.summary.quantile.push_back({0.5, 0.25});
    m.timestamp_ms = 1234;
    w.AddFamily(std::move(s));
  }
}

TEST(MetricWriter, PooledFamiliesWriteExactlyWhatFreshOnesDo) {
  // Every round's text from a writer that refills last round's families must
  // equal the text from a writer that allocates everything: nothing of an
  // earlier round (a label, a metric, a value, a timestamp, a quantile) may
  // show through.
  FamilyPool pool;
  for (int round = 0; round < 40; ++round) {
    MetricWriter fresh;
    Write(fresh, round);
    MetricWriter pooled;
    pooled.set_pool(&pool);
    Write(pooled, round);
    std::vector<prometheus::MetricFamily> families = pooled.Take();
    SortFamilies(families);
    std::string got = SerializeSorted(families);
    EXPECT_EQ(got, SerializeText(fresh.Take())) << "round " << round;
    pool.Give(families);
  }
}

TEST(MetricWriter, RefillsTheStorageOfPooledFamilies) {
  // The point of the pool: a steady scrape reuses last scrape's strings and
  // vectors rather than allocating them again.
  FamilyPool pool;
  const std::string value = "a label value far longer than any short-string buffer";
  MetricWriter first;
  first.set_pool(&pool);
  first.Gauge("a_family_name_longer_than_sso", "Some help text, long enough to be allocated.", 1,
              {{"l", value}});
  std::vector<prometheus::MetricFamily> families = first.Take();
  const char* name = families[0].name.data();
  const char* help = families[0].help.data();
  const char* label = families[0].metric[0].label[0].value.data();
  const void* metrics = families[0].metric.data();
  pool.Give(families);

  MetricWriter second;
  second.set_pool(&pool);
  std::string other = value;
  other.back() = '!';  // the same length, other content
  second.Gauge("a_family_name_longer_than_sso", "Some help text, long enough to be allocated.", 2,
               {{"l", other}});
  auto& again = second.families();
  ASSERT_EQ(again.size(), 1u);
  ASSERT_EQ(again[0].metric.size(), 1u);
  EXPECT_EQ(again[0].name.data(), name);
  EXPECT_EQ(again[0].help.data(), help);
  EXPECT_EQ(again[0].metric.data(), metrics);  // the metric refilled in place
  EXPECT_EQ(again[0].metric[0].label[0].value.data(), label);
  EXPECT_EQ(again[0].metric[0].label[0].value, other);
  EXPECT_EQ(again[0].metric[0].gauge.value, 2);
}

TEST(MetricWriter, FamiliesAccessorDropsMetricsNotRefilled) {
  FamilyPool pool;
  MetricWriter first;
  first.set_pool(&pool);
  for (int i = 0; i < 5; ++i) first.Gauge("g", "G.", i, {{"i", std::to_string(i)}});
  auto families = first.Take();
  pool.Give(families);

  MetricWriter second;
  second.set_pool(&pool);
  second.Gauge("g", "G.", 9, {{"i", "9"}});
  ASSERT_EQ(second.families().size(), 1u);
  ASSERT_EQ(second.families()[0].metric.size(), 1u);  // not the 4 left from before
  second.Gauge("g", "G.", 8, {{"i", "8"}});           // writing on after families() still works
  ASSERT_EQ(second.families()[0].metric.size(), 2u);
  EXPECT_EQ(second.families()[0].metric[1].gauge.value, 8);
}

class VaryingCollector : public Collector {
 public:
  Status Collect(MetricWriter& out) const override {
    Write(out, calls_.fetch_add(1));
    return {};
  }
  mutable std::atomic<int> calls_{0};
};

TEST(Scraper, RecycledFamiliesNeverShowInALaterScrape) {
  // Scrape, serialize, recycle, as the exporter does, while the collector's
  // output changes every call: each scrape's text must hold exactly what that
  // call wrote (as a fresh writer writes it) and the scraper's own series.
  std::vector<NamedCollector> cs;
  auto owned = std::make_unique<VaryingCollector>();
  VaryingCollector* c = owned.get();
  cs.push_back({"varying", std::move(owned)});
  Scraper scraper(std::move(cs), 2);
  for (int round = 0; round < 30; ++round) {
    std::vector<prometheus::MetricFamily> families = scraper.Scrape({}, std::nullopt);
    ASSERT_EQ(c->calls_.load(), round + 1);
    SortFamilies(families);
    std::string got = SerializeSorted(families);
    scraper.Recycle(families);
    EXPECT_TRUE(families.empty());

    MetricWriter fresh;
    Write(fresh, round);
    std::vector<prometheus::MetricFamily> want_families = fresh.Take();
    SortFamilies(want_families);
    std::string want = SerializeSorted(want_families);
    // The scraper's node_scrape_collector_* families sort before these.
    ASSERT_GT(got.size(), want.size());
    const std::string own = got.substr(0, got.size() - want.size());
    EXPECT_EQ(got.substr(own.size()), want) << "round " << round;
    EXPECT_EQ(own.rfind("# HELP node_scrape_collector_duration_seconds", 0), 0u) << own;
    for (const char* name : {"x_bytes_total", "y_up", "z_wide"}) {
      EXPECT_EQ(own.find(name), std::string::npos) << "round " << round << ": " << own;
    }
  }
}

class SteadyCollector : public Collector {
 public:
  explicit SteadyCollector(int variant) : variant_(variant) {}
  Status Collect(MetricWriter& out) const override {
    Write(out, variant_);
    return {};
  }

 private:
  int variant_;
};

TEST(Scraper, ConcurrentScrapesRecyclingIntoOnePoolStayApart) {
  // Four threads scrape, serialize and recycle at once through one scraper
  // (one pool), each its own subset of collectors: every text must be exactly
  // its subset's, however the pooled families were passed around.
  std::vector<NamedCollector> cs;
  for (int v = 0; v < 4; ++v) cs.push_back({"c" + std::to_string(v), std::make_unique<SteadyCollector>(v)});
  Scraper scraper(std::move(cs), 4);
  auto body = [](std::vector<prometheus::MetricFamily> families) {
    SortFamilies(families);
    std::string text = SerializeSorted(families);
    // Only the collectors' own families: node_scrape_collector_* carry durations.
    return text.substr(text.find("# HELP x_bytes_total"));
  };
  std::vector<std::string> want;
  for (std::size_t v = 0; v < 4; ++v) want.push_back(body(scraper.Scrape({v}, std::nullopt)));
  std::atomic<int> mismatches{0};
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 25; ++round) {
        std::vector<prometheus::MetricFamily> families = scraper.Scrape({t}, std::nullopt);
        SortFamilies(families);
        std::string text = SerializeSorted(families);
        scraper.Recycle(families);
        if (text.substr(text.find("# HELP x_bytes_total")) != want[t]) mismatches.fetch_add(1);
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches.load(), 0);
}

}  // namespace
}  // namespace host_exporter
