#include "host_exporter/scraper.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>

#include "host_exporter/log.h"

namespace host_exporter {

struct Scraper::Slot {
  std::string name;
  std::unique_ptr<Collector> collector;
  std::atomic<bool> running{false};
  std::atomic<std::uint64_t> timeouts{0};
};

namespace {

// What one collector run produced; shared between the task and the waiting scrape,
// so a late task writes into memory the scrape has already abandoned safely.
struct Run {
  MetricWriter out;
  Status status;
  double seconds = 0;
  bool done = false;
  bool skipped = false;
};

struct Batch {
  std::mutex mu;
  std::condition_variable cv;
  std::size_t pending = 0;
};

}  // namespace

Scraper::Scraper(std::vector<NamedCollector> collectors, std::size_t parallelism)
    : pool_(parallelism, collectors.size() + parallelism) {
  for (auto& c : collectors) {
    names_.push_back(c.name);
    auto slot = std::make_shared<Slot>();
    slot->name = std::move(c.name);
    slot->collector = std::move(c.collector);
    slots_.push_back(std::move(slot));
  }
}

Scraper::~Scraper() = default;

int Scraper::Find(std::string_view name) const {
  auto it = std::find(names_.begin(), names_.end(), name);
  return it == names_.end() ? -1 : static_cast<int>(it - names_.begin());
}

std::vector<prometheus::MetricFamily> Scraper::Scrape(const std::vector<std::size_t>& which_in,
                                                      std::optional<Clock::time_point> deadline) const {
  std::vector<std::size_t> which = which_in;
  if (which.empty()) {
    for (std::size_t i = 0; i < slots_.size(); ++i) which.push_back(i);
  }
  auto batch = std::make_shared<Batch>();
  std::vector<std::shared_ptr<Run>> runs(which.size());
  const auto start = Clock::now();

  for (std::size_t k = 0; k < which.size(); ++k) {
    auto run = std::make_shared<Run>();
    runs[k] = run;
    std::shared_ptr<Slot> slot = slots_[which[k]];
    bool expected = false;
    if (!slot->running.compare_exchange_strong(expected, true)) {
      run->skipped = true;
      run->done = true;
      log::Error("collector still running from an earlier scrape, not started again",
                 {{"name", slot->name}});
      continue;
    }
    {
      std::lock_guard lock(batch->mu);
      ++batch->pending;
    }
    pool_.Submit([slot, run, batch] {
      auto t0 = Clock::now();
      Status st;
      try {
        st = slot->collector->Collect(run->out);
      } catch (const std::exception& e) {
        st = Fail(ErrorKind::kIo, std::string("unexpected exception: ") + e.what());
      }
      double secs = std::chrono::duration<double>(Clock::now() - t0).count();
      slot->running.store(false);
      {
        std::lock_guard lock(batch->mu);
        run->status = std::move(st);
        run->seconds = secs;
        run->done = true;
        --batch->pending;
      }
      batch->cv.notify_all();
    });
  }

  {
    std::unique_lock lock(batch->mu);
    while (batch->pending > 0) {
      auto wake = Clock::now() + std::chrono::milliseconds(100);
      if (deadline && *deadline < wake) wake = *deadline;
      batch->cv.wait_until(lock, wake, [&] { return batch->pending == 0; });
      if (batch->pending == 0) break;
      if (deadline && Clock::now() >= *deadline) break;
      lock.unlock();
      pool_.Poke();  // replace workers stuck in a hung collector
      lock.lock();
    }
  }

  std::vector<prometheus::MetricFamily> families;
  MetricWriter scrape_metrics;
  std::lock_guard lock(batch->mu);
  for (std::size_t k = 0; k < which.size(); ++k) {
    Slot& slot = *slots_[which[k]];
    Run& run = *runs[k];
    double success = 0;
    double seconds = run.seconds;
    if (!run.done) {
      seconds = std::chrono::duration<double>(Clock::now() - start).count();
      slot.timeouts.fetch_add(1);
      log::Error("collector timed out", {{"name", slot.name}});
    } else if (!run.skipped) {
      if (run.status) {
        success = 1;
        if (log::DebugEnabled()) log::Debug("collector succeeded", {{"name", slot.name}});
      } else if (run.status.error().IsNoData()) {
        log::Debug("collector returned no data", {{"name", slot.name}, {"err", run.status.error().message}});
      } else {
        log::Error("collector failed", {{"name", slot.name}, {"err", run.status.error().message}});
      }
      for (auto& f : run.out.families()) families.push_back(std::move(f));
    }
    scrape_metrics.Gauge("node_scrape_collector_duration_seconds",
                         "node_exporter: Duration of a collector scrape.", seconds,
                         {{"collector", slot.name}});
    scrape_metrics.Gauge("node_scrape_collector_success",
                         "node_exporter: Whether a collector succeeded.", success,
                         {{"collector", slot.name}});
    scrape_metrics.Counter("node_scrape_collector_timeouts_total",
                           "host_exporter: Scrapes in which the collector did not finish before the deadline.",
                           static_cast<double>(slot.timeouts.load()), {{"collector", slot.name}});
  }
  for (auto& f : scrape_metrics.families()) families.push_back(std::move(f));
  return families;
}

}  // namespace host_exporter
